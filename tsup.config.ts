import { copyFileSync } from "node:fs";
import { build, type BuildOptions, type Plugin } from "esbuild";
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
  const browser: BuildOptions = {
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    alias: { "csv-parse/sync": "csv-parse/browser/esm/sync", "csv-stringify/sync": "csv-stringify/browser/esm/sync" },
    plugins: [nodeOnlyStub],
    logLevel: "warning",
  };
  await build({ ...browser, entryPoints: ["src/core.ts"], outfile: "dist/browser.js" });
  // The Web Worker script (`qar-allocator/worker`): solve in a worker, HiGHS beside it.
  await build({ ...browser, entryPoints: ["src/worker/web-worker.ts"], outfile: "dist/worker.js" });
  copyFileSync("node_modules/highs/build/highs.wasm", "dist/highs.wasm");
}

/**
 * The Node worker scripts, each one self-contained ES module (its dependencies inside, HiGHS's
 * WebAssembly found beside it as `dist/highs.wasm`): `solveInWorker` and the HiGHS host start
 * them from dist/, from `node_modules/qar-allocator` when a service bundles the package, or
 * from beside a bundle they were copied next to.
 */
async function workerBuild(): Promise<void> {
  for (const name of ["solve-worker", "highs-worker"]) {
    await build({
      entryPoints: [`src/worker/${name}.ts`],
      outfile: `dist/${name}.js`,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      // CommonJS dependencies bundled into an ES module still call require (for Node built-ins).
      banner: { js: 'import { createRequire as __qarRequire } from "node:module"; const require = __qarRequire(import.meta.url);' },
      logLevel: "warning",
    });
  }
}

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts", core: "src/core.ts", cli: "src/cli/main.ts" },
  format: ["esm", "cjs"],
  dts: { entry: { index: "src/index.ts", node: "src/node.ts", core: "src/core.ts" } },
  // No source maps: they would point at sources the package does not ship.
  sourcemap: false,
  clean: true,
  target: "node20",
  onSuccess: async () => {
    await browserBuild();
    await workerBuild();
  },
});
