/**
 * The worker side of `solveInWorker` (src/worker/solve-in-worker.ts): solves the problem it is
 * sent and posts progress, incumbents and the result (src/worker/protocol.ts). The caller's
 * abort arrives as a flag in shared memory, which the solver reads wherever it checks its limits;
 * HiGHS runs in a worker of its own (the HiGHS host), so this thread stays free to see it.
 */
import { parentPort } from "node:worker_threads";
import { runHighsInWorkers } from "./highs-host.js";
import { answerRequests } from "./protocol.js";

runHighsInWorkers();
const port = parentPort!;
port.on("message", answerRequests((reply) => port.postMessage(reply)));
