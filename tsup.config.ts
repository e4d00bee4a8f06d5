import { copyFileSync } from "node:fs";
import { build, type Plugin } from "esbuild";
import { defineConfig } from "tsup";

/**
 * HiGHS's ESM loader imports `node:module` only when it runs in Node; in a browser build that
 * branch is dead, so the import is given a stub instead of failing the bundle.
 */
const nodeOnlyStub: Plugin = {
  name: "node-only-stub",
  setup(b) {
    b.onResolve({ filter: /^node:module$/ }, () => ({ path: "node-module", namespace: "node-only-stub" }));
    b.onLoad({ filter: /.*/, namespace: "node-only-stub" }, () => ({ contents: "export function createRequire() { throw new Error('Node only'); }" }));
  },
};

/**
 * The browser build of the core (`dist/browser.js`, the package's `browser` condition): one ES
 * module with its dependencies inside, csv-parse and csv-stringify in their browser builds
 * (which carry their own Buffer), and HiGHS's WebAssembly beside it as `dist/highs.wasm`.
 */
async function browserBuild(): Promise<void> {
  await build({
    entryPoints: ["src/core.ts"],
    outfile: "dist/browser.js",
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    alias: { "csv-parse/sync": "csv-parse/browser/esm/sync", "csv-stringify/sync": "csv-stringify/browser/esm/sync" },
    plugins: [nodeOnlyStub],
    logLevel: "warning",
  });
  copyFileSync("node_modules/highs/build/highs.wasm", "dist/highs.wasm");
}

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts", core: "src/core.ts", cli: "src/cli/main.ts", "solve-worker": "src/worker/solve-worker.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", node: "src/node.ts", core: "src/core.ts" } },
  // No source maps: they would point at sources the package does not ship.
  sourcemap: false,
  clean: true,
  target: "node20",
  onSuccess: browserBuild,
});
