/**
 * The worker side of `solveInWorker` (src/worker/solve-in-worker.ts): solves the problem it is
 * sent and posts progress, incumbents and the result (src/worker/protocol.ts). The caller's
 * abort arrives as a flag in shared memory, which the solver reads wherever it checks its limits;
 * HiGHS runs in a worker of its own (the HiGHS host), so this thread stays free to see it.
 */
import { parentPort } from "node:worker_threads";
import { useHighsWasm } from "../solver/lp.js";
import { runHighsInWorkers } from "./highs-host.js";
import { serveSolve, type SolveRequest } from "./protocol.js";

runHighsInWorkers();
const port = parentPort!;
let stop: Int32Array | undefined;
let aborted = false;

port.on("message", (request: SolveRequest) => {
  if (request.type === "abort") {
    aborted = true;
    return;
  }
  if (request.highsWasm !== undefined) useHighsWasm(request.highsWasm);
  if (request.flag) stop = new Int32Array(request.flag);
  void serveSolve(request, (reply) => port.postMessage(reply), () => aborted || (stop !== undefined && Atomics.load(stop, 0) === 1));
});
