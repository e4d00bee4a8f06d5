import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { solveOptionErrors } from "../call-checks.js";
import { InvalidInputError, type InputError } from "../model/errors.js";
import type { ProblemInputObject } from "../model/validate.js";
import type { Problem } from "../model/problem.js";
import { indexYear } from "../model/year.js";
import type { Progress } from "../solver/engine.js";
import type { SolveOptions, SolveResult } from "../solver/index.js";

/**
 * What the worker posts: progress as it goes, then the result without the indexed year (rebuilt
 * here from the checked problem, which comes with it), or the problem's errors.
 */
export type WorkerReply =
  | { readonly type: "progress"; readonly progress: Progress }
  | { readonly type: "result"; readonly result: Omit<SolveResult, "year">; readonly problem: Problem }
  | { readonly type: "invalid"; readonly errors: readonly InputError[] };

/** `solveInWorker`'s options: `solve`'s, and how long an aborted worker may take to hand back its best. */
export interface WorkerSolveOptions extends SolveOptions {
  /**
   * After `signal` aborts, the worker is asked to stop and return its best allocation; if it has
   * not within this many milliseconds (it may be inside one HiGHS call), it is terminated and the
   * promise rejects with the signal's reason. Default 100.
   */
  readonly graceMs?: number;
}

/**
 * A worker running the script beside this module: the built JavaScript in the package; in the
 * repository (tests, tsx) the TypeScript source, through tsx's loader registered in the worker.
 */
function startWorker(workerData: unknown): Worker {
  // tsup's CommonJS build has __dirname and no import.meta.url; its ESM build the reverse.
  const here = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  const built = join(here, "solve-worker.js");
  if (existsSync(built)) return new Worker(built, { workerData });
  const source = pathToFileURL(join(here, "solve-worker.ts")).href;
  return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { eval: true, workerData });
}

/**
 * `solve` in a worker thread, so that the caller's thread stays free and an abort is honoured
 * at once whatever the solver is doing: the worker is asked to stop and hand back its best
 * allocation (as `solve` does on an abort), and is terminated if it cannot within `graceMs`
 * (then the promise rejects with the signal's reason, as `fetch` does). The problem is checked
 * in the worker too, as `solve` checks it (`InvalidInputError`). Node only; progress arrives
 * through `onProgress` as with `solve`.
 *
 * @example
 * const controller = new AbortController();
 * request.on("close", () => controller.abort());
 * const result = await solveInWorker(problem, { seed: 1, signal: controller.signal, timeLimitMs: 30_000 });
 */
export function solveInWorker(problem: Problem | ProblemInputObject, options: WorkerSolveOptions = {}): Promise<SolveResult> {
  const invalid = solveOptionErrors(options);
  if (invalid.length > 0) return Promise.reject(new InvalidInputError(invalid));
  const { signal, onProgress, graceMs = 100, ...rest } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const flag = new SharedArrayBuffer(4);
  const worker = startWorker({ problem, options: rest, flag });
  return new Promise<SolveResult>((resolve, reject) => {
    let settled = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(grace);
      signal?.removeEventListener("abort", onAbort);
      finish();
    };
    function onAbort(): void {
      Atomics.store(new Int32Array(flag), 0, 1);
      grace = setTimeout(() => settle(() => {
        void worker.terminate();
        reject(signal!.reason);
      }), graceMs);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "progress") return onProgress?.(reply.progress);
      settle(() => {
        void worker.terminate();
        if (reply.type === "invalid") reject(new InvalidInputError(reply.errors));
        else resolve({ ...reply.result, year: indexYear(reply.problem) });
      });
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) => settle(() => reject(new Error(`the solver's worker stopped before it answered (exit code ${code})`))));
  });
}
