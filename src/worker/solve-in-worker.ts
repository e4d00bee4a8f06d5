import type { Worker } from "node:worker_threads";
import { solveOptionErrors } from "../call-checks.js";
import { InvalidInputError } from "../model/errors.js";
import type { Problem } from "../model/problem.js";
import type { ProblemInputObject } from "../model/validate.js";
import { highsWasmSource } from "../solver/lp.js";
import type { SolveResult } from "../solver/index.js";
import { solveThrough, type SolverPort, type SolveReply, type WorkerSolveOptions } from "./protocol.js";
import { startWorker } from "./start-worker.js";

export type { WorkerSolveOptions } from "./protocol.js";

/** A worker thread running `solve-worker`, as the protocol's port. */
function nodePort(): SolverPort {
  const worker: Worker = startWorker("solve-worker", {});
  return {
    send: (request) => worker.postMessage(request),
    listen: (onReply, onFailure) => {
      worker.on("message", (reply: SolveReply) => onReply(reply));
      worker.on("error", onFailure);
      worker.on("exit", (code) => onFailure(new Error(`the solver's worker stopped before it answered (exit code ${code})`)));
    },
    end: () => {
      worker.removeAllListeners();
      void worker.terminate();
    },
  };
}

/**
 * `solve` in a worker thread, so that the caller's thread stays free and an abort is answered at
 * once whatever the solver is doing: the worker is asked to stop and hand back its best
 * allocation; if it has not within `graceMs` (default 20 ms), the answer is the last allocation
 * the worker reported as its best (checked here; `stoppedBy: "aborted"`), or, when it had none
 * yet (an abort during set-up), the promise rejects with the signal's reason, as `fetch` does.
 * The problem is checked in the worker as `solve` checks it (`InvalidInputError`). Progress
 * arrives through `onProgress` as with `solve`, and at least every 200 ms: while the worker is
 * busy in one long step its last report is repeated with the time gone by. Node only; in a
 * browser, `solveInWebWorker` does the same.
 *
 * The worker is `dist/solve-worker.js` of the package (self-contained, beside `highs.wasm`); a
 * service bundled with esbuild finds it in `node_modules/qar-allocator`, or beside the bundle
 * if copied there.
 *
 * @example
 * const controller = new AbortController();
 * request.on("close", () => controller.abort());
 * const result = await solveInWorker(problem, { seed: 1, signal: controller.signal, timeLimitMs: 30_000 });
 */
export function solveInWorker(problem: Problem | ProblemInputObject, options: WorkerSolveOptions = {}): Promise<SolveResult> {
  // The options checked here as `solve` checks them, before any worker starts.
  const invalid = solveOptionErrors(options);
  if (invalid.length > 0) return Promise.reject(new InvalidInputError(invalid));
  const wasm = highsWasmSource();
  return solveThrough(nodePort, problem, { ...options, ...(wasm !== undefined ? { highsWasm: wasm } : {}) });
}
