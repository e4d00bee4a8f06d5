#!/usr/bin/env node
// The built CLI lives in dist/ (made by `npm run build`, run by `npm ci` through `prepare`).
import("../dist/cli.js").then((m) => m.main(process.argv)).then((code) => {
  process.exitCode = code;
});
