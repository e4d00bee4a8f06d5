/**
 * The worker side of `solveInWorker` (src/worker/solve-in-worker.ts): solves the problem it is
 * given and posts progress and the result. The caller's abort arrives as a flag in shared memory,
 * which the solver reads wherever it checks its limits, so the worker can stop while it works.
 */
import { parentPort, workerData } from "node:worker_threads";
import { validateProblem } from "../model/validate.js";
import { solve, type SolveOptions } from "../solver/index.js";
import type { WorkerReply } from "./solve-in-worker.js";

const { problem, options, flag } = workerData as { problem: unknown; options: SolveOptions; flag: SharedArrayBuffer };
const stop = new Int32Array(flag);
// Only `aborted` is read by the solver (its clock); a real AbortSignal could not cross threads.
const signal = { get aborted() { return Atomics.load(stop, 0) === 1; } } as AbortSignal;
const post = (reply: WorkerReply) => parentPort!.postMessage(reply);

/** Checks the problem here rather than in the caller's thread, which stays free from the first moment. */
async function run(): Promise<void> {
  const checked = validateProblem(problem);
  if (!checked.ok) return post({ type: "invalid", errors: checked.errors });
  const { year: _year, ...result } = await solve(checked.value, { ...options, signal, onProgress: (progress) => post({ type: "progress", progress }) });
  post({ type: "result", result, problem: checked.value });
}

// No top-level await: the package builds this script as CommonJS too.
void run();
