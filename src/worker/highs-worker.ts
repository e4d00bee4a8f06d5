/**
 * The worker side of the HiGHS host (src/worker/highs-host.ts): runs each HiGHS job it is sent
 * and posts the outcome, and each new MIP incumbent as HiGHS finds it (the host answers with the
 * last one if it has to end the job from outside). The stop request arrives as a flag in shared
 * memory, which HiGHS reads at its own checkpoints.
 */
import { parentPort, workerData } from "node:worker_threads";
import { dropHighsRuntime, highsRuntime, runHighsJob, useHighsWasm, type HighsJob, type HighsOutcome } from "../solver/lp.js";

/** What the worker posts back. */
export type HighsReply =
  | { readonly type: "ready" }
  | { readonly type: "incumbent"; readonly values: Float64Array; readonly objective: number }
  | { readonly type: "done"; readonly outcome: HighsOutcome }
  | { readonly type: "failed"; readonly error: string };

const { wasm } = (workerData ?? {}) as { wasm?: string | ArrayBuffer };
if (wasm !== undefined) useHighsWasm(wasm);
const port = parentPort!;
const post = (reply: HighsReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

async function run(job: HighsJob, stop: Int32Array): Promise<void> {
  try {
    const highs = await highsRuntime();
    const outcome = runHighsJob(highs, job, {
      interrupt: () => Atomics.load(stop, 0) === 1,
      improving: (values, objective) => post({ type: "incumbent", values, objective }),
    });
    post({ type: "done", outcome }, outcome.runs.flatMap((r) => (r.values ? [r.values.buffer as ArrayBuffer] : [])));
  } catch (cause) {
    // HiGHS's WebAssembly aborted (out of memory): the next job loads it afresh.
    dropHighsRuntime();
    post({ type: "failed", error: cause instanceof Error ? cause.message : String(cause) });
  }
}

port.on("message", (message: { job: HighsJob; flag: SharedArrayBuffer }) => {
  void run(message.job, new Int32Array(message.flag));
});
// Loaded at once, so that a worker started ahead (`warm`) has HiGHS ready for its first job.
void highsRuntime().then(() => post({ type: "ready" }));
