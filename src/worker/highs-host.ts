import type { Worker } from "node:worker_threads";
import { highsWasmSource, useHighsHost, type HighsHost, type HighsOutcome } from "../solver/lp.js";
import type { HighsReply } from "./highs-worker.js";
import { startWorker } from "./start-worker.js";

/** How the host watches a job: how often it asks `shouldStop`, and how long HiGHS may take to stop at its own checkpoint before its thread is ended. */
export const HIGHS_HOST = {
  pollMs: 20,
  graceMs: 100,
  /** Past a job's own `seconds`, HiGHS's `time_limit` gets this long to act before the host asks it to stop. */
  ownLimitMs: 250,
  /** Idle workers kept loaded for the next jobs (two solves at once in one service). */
  idleKept: 2,
} as const;

/**
 * HiGHS in worker threads, so that a solve can be stopped from outside whatever HiGHS is doing:
 * each job goes to an idle worker (loaded ahead by `warm`); the calling thread, free meanwhile,
 * asks `shouldStop` every `pollMs` (which also lets the run report progress), sets the worker's
 * stop flag when it turns true (or the job's `seconds` pass), and ends the worker outright if
 * HiGHS has not stopped `graceMs` later (presolve and a root LP can run for seconds without a
 * checkpoint), answering with the last incumbent HiGHS reported. An ended worker is replaced.
 * HiGHS compiles once per process: V8 shares the compiled WebAssembly between threads.
 *
 * A worker that cannot start (no worker script) makes `run` reject, and `solveWithHighs` then
 * runs HiGHS in the calling thread, as before.
 *
 * @example
 * useHighsHost(workerHighsHost()); // what the package's Node entries do
 */
export function workerHighsHost(): HighsHost {
  const idle: Worker[] = [];
  const ready = new WeakSet<Worker>();
  let unavailable: unknown;
  const spawn = (): Worker => {
    if (unavailable !== undefined) throw unavailable;
    try {
      const source = highsWasmSource();
      const worker = startWorker("highs-worker", source === undefined ? {} : { wasm: source });
      worker.unref();
      worker.once("message", () => ready.add(worker));
      worker.on("error", (error) => {
        // A worker that never came up (its script would not load) will not next time either.
        if (!ready.has(worker)) unavailable = error;
        retire(worker);
      });
      return worker;
    } catch (cause) {
      unavailable = cause;
      throw cause;
    }
  };
  const retire = (worker: Worker) => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    void worker.terminate();
  };
  const host: HighsHost = {
    warm: () => {
      if (idle.length === 0 && unavailable === undefined) {
        try {
          idle.push(spawn());
        } catch {
          // Left to the calling thread (see `run`).
        }
      }
    },
    run: (job, control) =>
      new Promise<HighsOutcome>((resolve, reject) => {
        let worker: Worker;
        try {
          worker = idle.pop() ?? spawn();
        } catch (cause) {
          reject(cause);
          return;
        }
        worker.ref();
        const flag = new Int32Array(new SharedArrayBuffer(4));
        const started = performance.now();
        let stopAsked: number | undefined;
        let incumbent: HighsOutcome["incumbent"];
        const finish = (outcome: HighsOutcome | Error, keep: boolean) => {
          clearInterval(timer);
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
          if (keep && idle.length < HIGHS_HOST.idleKept) {
            worker.unref();
            idle.push(worker);
          } else {
            void worker.terminate();
            // A worker ended mid-job is replaced at once, so that the next job finds one loaded.
            if (!keep) host.warm!();
          }
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        };
        const onMessage = (reply: HighsReply) => {
          if (reply.type === "ready") return;
          if (reply.type === "incumbent") incumbent = { values: reply.values, objective: reply.objective };
          else if (reply.type === "done") finish(reply.outcome, true);
          else finish({ runs: [], interrupted: false, error: reply.error }, false);
        };
        // A worker that dies before it came up never ran HiGHS: the calling thread will.
        const onError = (error: Error) => finish(ready.has(worker) ? { runs: [], interrupted: false, error: error.message } : error, false);
        const onExit = (code: number) => finish({ runs: [], interrupted: stopAsked !== undefined, error: `HiGHS's worker stopped (exit code ${code})` }, false);
        const timer = setInterval(() => {
          const now = performance.now();
          const overdue = control.seconds !== undefined && now - started >= control.seconds * 1000 + HIGHS_HOST.ownLimitMs;
          if (stopAsked === undefined && (control.shouldStop() || overdue)) {
            stopAsked = now;
            Atomics.store(flag, 0, 1);
          }
          if (stopAsked !== undefined && now - stopAsked >= HIGHS_HOST.graceMs) finish({ runs: [], interrupted: true, ...(incumbent ? { incumbent } : {}) }, false);
        }, HIGHS_HOST.pollMs);
        worker.on("message", onMessage);
        worker.on("error", onError);
        worker.on("exit", onExit);
        // Copied, not transferred: should the worker fail to start, the calling thread runs the same job.
        worker.postMessage({ job, flag: flag.buffer });
      }),
  };
  return host;
}

/** Installs the worker-thread host (the package's Node entries call this once). */
export function runHighsInWorkers(): void {
  useHighsHost(workerHighsHost());
}
