import type { Problem } from "../model/problem.js";
import type { ProblemInputObject } from "../model/validate.js";
import { highsWasmSource } from "../solver/lp.js";
import type { SolveResult } from "../solver/index.js";
import { solveThrough, type SolveReply, type SolverPort, type WorkerSolveOptions } from "./protocol.js";

/** As much of a browser's `Worker` as `solveInWebWorker` uses (this project has no DOM types). */
export interface WebWorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message" | "error", listener: (event: { readonly data?: unknown; readonly message?: string }) => void): void;
  terminate(): void;
}

/** Where the worker script is (`qar-allocator/worker`, served beside `highs.wasm`), or a function that starts the worker. */
export type WebWorkerSource = string | URL | (() => WebWorkerLike);

function webPort(source: WebWorkerSource): () => SolverPort {
  return () => {
    const Worker = (globalThis as { Worker?: new (url: string | URL, options: { type: "module" }) => WebWorkerLike }).Worker;
    if (typeof source !== "function" && !Worker) throw new Error("solveInWebWorker needs a Web Worker (a browser, or a runtime with a global Worker)");
    const worker = typeof source === "function" ? source() : new Worker!(source, { type: "module" });
    return {
      send: (request) => worker.postMessage(request),
      listen: (onReply, onFailure) => {
        worker.addEventListener("message", (event) => onReply(event.data as SolveReply));
        worker.addEventListener("error", (event) => onFailure(new Error(`the solver's worker failed: ${event.message ?? "it could not start"}`)));
      },
      end: () => worker.terminate(),
    };
  };
}

/**
 * `solve` in a Web Worker, so that a page stays responsive and an abort is answered at once: the
 * browser's counterpart of `solveInWorker`, with the same options and result (the same
 * allocation for a seed). Serve the package's `qar-allocator/worker` (dist/worker.js) with
 * `highs.wasm` beside it and give its URL (or a function that starts the worker, as a bundler's
 * worker import does). HiGHS is found beside the worker script, or where `useHighsWasm` said.
 * On an abort the worker is asked to stop; after `graceMs` (default 20) the answer is the last
 * allocation it reported as its best, checked here (`stoppedBy: "aborted"`), or a rejection with
 * the signal's reason when it had none. A page that is cross-origin isolated shares an abort flag
 * with the worker, which the solver then reads inside HiGHS too; otherwise the abort is a message
 * the worker sees between steps. One worker per solve, ended after it.
 *
 * @example
 * const result = await solveInWebWorker("/assets/worker.js", problem, { seed: 1, signal, onProgress });
 */
export function solveInWebWorker(worker: WebWorkerSource, problem: Problem | ProblemInputObject, options: WorkerSolveOptions = {}): Promise<SolveResult> {
  const wasm = highsWasmSource();
  return solveThrough(webPort(worker), problem, { ...options, ...(wasm !== undefined ? { highsWasm: wasm } : {}) });
}
