/**
 * The Web Worker script of the browser build (`qar-allocator/worker`, dist/worker.js): solves
 * the problem a page sends it and posts progress, incumbents and the result
 * (src/worker/protocol.ts), HiGHS's WebAssembly found as the browser entry finds it (beside the
 * script, or where the request says). `solveInWebWorker` is its other end.
 */
import { useHighsWasm } from "../solver/lp.js";
import { serveSolve, type SolveReply, type SolveRequest } from "./protocol.js";

/** The worker's global scope, as much of it as this script uses (no DOM types in this project). */
const scope = globalThis as unknown as {
  postMessage(message: SolveReply): void;
  addEventListener(type: "message", listener: (event: { data: SolveRequest }) => void): void;
};

let aborted = false;
let stop: Int32Array | undefined;

scope.addEventListener("message", ({ data: request }) => {
  // Without shared memory the abort comes as a message, seen between the solver's steps.
  if (request.type === "abort") {
    aborted = true;
    return;
  }
  if (request.highsWasm !== undefined) useHighsWasm(request.highsWasm);
  if (request.flag) stop = new Int32Array(request.flag);
  void serveSolve(request, (reply) => scope.postMessage(reply), () => aborted || (stop !== undefined && Atomics.load(stop, 0) === 1));
});
