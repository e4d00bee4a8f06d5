import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** The folder of this module: the package's dist/ once built, src/worker/ in the repository, a bundle's own folder. */
function here(): string {
  // An ES module knows its URL. tsup's CommonJS build (and a CommonJS bundle) leaves
  // `import.meta` empty and has __dirname instead. (Not the other way round: a worker started
  // from code evaluated in place sees a __dirname of "." even in an ES module.)
  const url = (import.meta as { url?: string }).url;
  return url ? dirname(fileURLToPath(url)) : __dirname;
}

/**
 * A worker thread running the package's script `name` (`solve-worker`, `highs-worker`), looked
 * for in turn:
 *
 * 1. `<name>.js` beside this module: the package's dist/, where both scripts are built
 *    self-contained (they need only `highs.wasm` beside them), or a bundle's folder where they
 *    were copied;
 * 2. `<name>.ts` beside it: the repository's sources (tests, tsx), run through tsx's loader;
 * 3. `qar-allocator/<name>` as Node resolves it from here: a service bundled with esbuild whose
 *    `node_modules` holds the package.
 *
 * Throws when none is there, saying what to copy.
 */
export function startWorker(name: "solve-worker" | "highs-worker", workerData: unknown): Worker {
  const folder = here();
  const built = join(folder, `${name}.js`);
  if (existsSync(built)) return new Worker(built, { workerData });
  const source = join(folder, `${name}.ts`);
  if (existsSync(source)) {
    const url = pathToFileURL(source).href;
    return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`, { eval: true, workerData });
  }
  let installed: string | undefined;
  try {
    installed = createRequire(join(folder, "index.js")).resolve(`qar-allocator/${name}`);
  } catch {
    installed = undefined;
  }
  if (installed) return new Worker(installed, { workerData });
  throw new Error(
    `qar-allocator: the worker script ${name}.js is neither beside ${folder} nor installed as qar-allocator/${name}; ` +
      `copy node_modules/qar-allocator/dist/${name}.js and highs.wasm beside your bundle`,
  );
}
