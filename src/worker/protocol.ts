/**
 * How a solve runs in another thread (a Node worker thread, a browser's Web Worker) and answers
 * the thread that asked, whatever either is: the messages, the worker's side (`serveSolve`) and
 * the caller's (`solveThrough`). Pure: no Node built-in, so the browser build carries it too.
 */
import { InvalidInputError, type InputError } from "../model/errors.js";
import type { Problem } from "../model/problem.js";
import type { Allocation } from "../model/schema.js";
import { validateProblem, type ProblemInputObject } from "../model/validate.js";
import { indexYear, type Year } from "../model/year.js";
import type { Progress } from "../solver/engine.js";
import { incumbentResult, solve, type RunSettled, type SolveOptions, type SolveResult } from "../solver/index.js";
import { useHighsWasm } from "../solver/lp.js";

/** `solve`'s options that cross to the worker (functions and signals cannot). */
export type PortableSolveOptions = Omit<SolveOptions, "signal" | "onProgress" | "onIncumbent" | "now">;

/** What the caller sends: the problem and options, and the abort flag when memory can be shared. */
export type SolveRequest =
  | {
      readonly type: "solve";
      readonly problem: unknown;
      readonly options: PortableSolveOptions;
      /** Set to 1 by the caller on an abort; read wherever the solver checks its limits. */
      readonly flag?: SharedArrayBuffer;
      /** Where the worker finds HiGHS's WebAssembly (`useHighsWasm`), when not beside its script. */
      readonly highsWasm?: string | ArrayBuffer;
      /** When the caller sent it (`Date.now()`): the time limit counts from then, the worker's start included. */
      readonly sentAt?: number;
    }
  /** An abort, where no memory is shared (a page that is not cross-origin isolated): seen between the solver's steps. */
  | { readonly type: "abort" };

/**
 * What the worker posts: the problem once checked (the caller indexes it), progress, each
 * incumbent allocation (with what the run settled before its engine, sent once), then the
 * result without the indexed year, or the problem's errors, or why it failed.
 */
export type SolveReply =
  | { readonly type: "checked"; readonly problem: Problem }
  | { readonly type: "progress"; readonly progress: Progress }
  | { readonly type: "incumbent"; readonly allocation: Allocation; readonly settled?: RunSettled }
  | { readonly type: "result"; readonly result: Omit<SolveResult, "year"> }
  | { readonly type: "invalid"; readonly errors: readonly InputError[] }
  | { readonly type: "failed"; readonly message: string };

/**
 * The worker's side: checks the problem (as `solve` does), solves it and posts everything the
 * caller needs to answer at any moment, `aborted` read as the solver's signal.
 *
 * @example
 * port.on("message", (request) => void serveSolve(request, (reply) => port.postMessage(reply), () => stopped));
 */
export async function serveSolve(request: Extract<SolveRequest, { type: "solve" }>, post: (reply: SolveReply) => void, aborted: () => boolean): Promise<void> {
  try {
    const checked = validateProblem(request.problem);
    if (!checked.ok) return post({ type: "invalid", errors: checked.errors });
    post({ type: "checked", problem: checked.value });
    // Only `aborted` is read by the solver (its clock); a real AbortSignal cannot cross threads.
    const signal = { get aborted() { return aborted(); } } as AbortSignal;
    let sent: RunSettled | undefined;
    const { timeLimitMs } = request.options;
    const lost = request.sentAt === undefined ? 0 : Math.max(0, Date.now() - request.sentAt);
    const { year: _year, ...result } = await solve(checked.value, {
      ...request.options,
      ...(timeLimitMs !== undefined ? { timeLimitMs: Math.max(1, timeLimitMs - lost) } : {}),
      signal,
      onProgress: (progress) => post({ type: "progress", progress }),
      onIncumbent: (allocation, settled) => {
        post({ type: "incumbent", allocation, ...(settled !== sent ? { settled } : {}) });
        sent = settled;
      },
    });
    post({ type: "result", result });
  } catch (cause) {
    post({ type: "failed", message: cause instanceof Error ? cause.message : String(cause) });
  }
}

/**
 * A worker's handler of the caller's messages: a solve request starts `serveSolve` (HiGHS's
 * WebAssembly taken from where the caller said, the abort flag read when memory is shared), an
 * abort message is seen between the solver's steps.
 *
 * @example
 * parentPort.on("message", answerRequests((reply) => parentPort.postMessage(reply)));
 */
export function answerRequests(post: (reply: SolveReply) => void): (request: SolveRequest) => void {
  let aborted = false;
  let stop: Int32Array | undefined;
  return (request) => {
    if (request.type === "abort") {
      aborted = true;
      return;
    }
    if (request.highsWasm !== undefined) useHighsWasm(request.highsWasm);
    if (request.flag) stop = new Int32Array(request.flag);
    void serveSolve(request, post, () => aborted || (stop !== undefined && Atomics.load(stop, 0) === 1));
  };
}

/** The caller's end of a worker: send, hear, end. */
export interface SolverPort {
  readonly send: (request: SolveRequest) => void;
  readonly listen: (onReply: (reply: SolveReply) => void, onFailure: (error: Error) => void) => void;
  /** Ends the worker (it is never reused after a solve). */
  readonly end: () => void;
}

/** Options of a solve run in a worker: `solve`'s, and how long an abort waits for the worker's own answer. */
export interface WorkerSolveOptions extends SolveOptions {
  /**
   * After `signal` aborts, the worker is asked to stop and hand back its best allocation; if it
   * has not within this many milliseconds (it may be inside a long step), the answer is the last
   * allocation it reported as its best (`stoppedBy: "aborted"`, checked here), or, when it had
   * reported none yet (an abort during set-up), the promise rejects with the signal's reason.
   * Either way the worker is ended. Default 20.
   */
  readonly graceMs?: number;
}

/**
 * Default `graceMs`. The worker's own answer to an abort rarely comes sooner (it checks its
 * allocation as this thread does), so the wait is short, and the answer is here within 200 ms.
 */
export const ABORT_GRACE_MS = 20;

/** How long after an incumbent arrives this thread checks it ahead, in case an abort comes (at most once in this time). */
export const PREPARE_MS = 250;

/** How often a caller repeats the worker's last progress (with the time gone by) while the worker is quiet. */
export const HEARTBEAT_MS = 200;

/**
 * The caller's side: starts the worker (`start`, not called for a signal aborted already), sends
 * the solve, forwards progress (`start` until the worker reports; the last report repeated
 * every `HEARTBEAT_MS` while the worker is busy in one long step; elapsed time counted from the
 * call), and answers an abort with the worker's result, else its last
 * incumbent (see `WorkerSolveOptions.graceMs`).
 */
export function solveThrough(start: () => SolverPort, problem: Problem | ProblemInputObject, options: WorkerSolveOptions & { readonly highsWasm?: string | ArrayBuffer }): Promise<SolveResult> {
  const { signal, onProgress, onIncumbent, now: _now, graceMs = ABORT_GRACE_MS, highsWasm, ...portable } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let port: SolverPort;
  try {
    port = start();
  } catch (cause) {
    return Promise.reject(cause);
  }
  const shared = typeof SharedArrayBuffer === "function" && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;
  const flag = shared ? new SharedArrayBuffer(4) : undefined;
  const started = Date.now();
  return new Promise<SolveResult>((resolve, reject) => {
    let settledRun: RunSettled | undefined;
    let checked: Problem | undefined;
    // Indexed while the worker works, at its first incumbent: an abort then needs only the check.
    let year: Year | undefined;
    const indexed = () => (year ??= indexYear(checked!));
    // The latest incumbent's result, checked ahead while this thread waits (at most every
    // PREPARE_MS), so that an abort is answered without checking it then.
    let prepared: { incumbent: Allocation; result: SolveResult } | undefined;
    let preparing: ReturnType<typeof setTimeout> | undefined;
    const prepare = () => {
      preparing = undefined;
      if (incumbent && checked && settledRun && prepared?.incumbent !== incumbent) prepared = { incumbent, result: incumbentResult(indexed(), incumbent, settledRun, { elapsedMs: 0 }) };
    };
    const fallback = (): SolveResult | Error => {
      if (!incumbent || !checked || !settledRun) return signal!.reason as Error;
      const result = prepared?.incumbent === incumbent ? prepared.result : incumbentResult(indexed(), incumbent, settledRun, { elapsedMs: 0 });
      return { ...result, elapsedMs: Date.now() - started };
    };
    let incumbent: Allocation | undefined;
    // Until the worker reports, the run is starting it and checking the problem.
    let last: Progress = { phase: "start", incumbent: 0, elapsedMs: 0 };
    let lastSaid = Date.now();
    let done = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
    // Elapsed from the call, worker's start included (the time limit counts from there too).
    const say = (progress: Progress) => {
      lastSaid = Date.now();
      last = progress;
      onProgress?.({ ...progress, elapsedMs: lastSaid - started });
    };
    const heartbeat = onProgress
      ? setInterval(() => {
          if (Date.now() - lastSaid >= HEARTBEAT_MS) say(last);
        }, HEARTBEAT_MS / 4)
      : undefined;
    say(last);
    const finish = (answer: () => SolveResult | Error) => {
      if (done) return;
      done = true;
      clearTimeout(grace);
      clearTimeout(preparing);
      clearInterval(heartbeat);
      signal?.removeEventListener("abort", onAbort);
      port.end();
      let outcome: SolveResult | Error;
      try {
        outcome = answer();
      } catch (cause) {
        outcome = cause instanceof Error ? cause : new Error(String(cause));
      }
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    function onAbort(): void {
      if (flag) Atomics.store(new Int32Array(flag), 0, 1);
      else port.send({ type: "abort" });
      grace = setTimeout(() => finish(fallback), graceMs);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    port.listen(
      (reply) => {
        switch (reply.type) {
          case "checked":
            checked = reply.problem;
            return;
          case "progress":
            return say(reply.progress);
          case "incumbent":
            incumbent = reply.allocation;
            settledRun = reply.settled ?? settledRun;
            preparing ??= setTimeout(prepare, PREPARE_MS);
            if (settledRun) onIncumbent?.(reply.allocation, settledRun);
            return;
          case "result":
            return finish(() => ({ ...reply.result, year: indexed() }));
          case "invalid":
            return finish(() => new InvalidInputError(reply.errors));
          case "failed":
            return finish(() => new Error(`the solver's worker failed: ${reply.message}`));
        }
      },
      (error) => finish(() => error),
    );
    port.send({ type: "solve", problem, options: portable, sentAt: started, ...(flag ? { flag } : {}), ...(highsWasm !== undefined ? { highsWasm } : {}) });
  });
}
