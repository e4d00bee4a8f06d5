/**
 * The Web Worker script of the browser build (`qar-allocator/worker`, dist/worker.js): solves
 * the problem a page sends it and posts progress, incumbents and the result
 * (src/worker/protocol.ts), HiGHS's WebAssembly found as the browser entry finds it (beside the
 * script, or where the request says). `solveInWebWorker` is its other end. Without shared memory
 * (a page that is not cross-origin isolated) the abort comes as a message, seen between steps.
 */
import { answerRequests, type SolveReply, type SolveRequest } from "./protocol.js";

/** The worker's global scope, as much of it as this script uses (no DOM types in this project). */
const scope = globalThis as unknown as {
  postMessage(message: SolveReply): void;
  addEventListener(type: "message", listener: (event: { data: SolveRequest }) => void): void;
};

const answer = answerRequests((reply) => scope.postMessage(reply));
scope.addEventListener("message", ({ data }) => answer(data));
