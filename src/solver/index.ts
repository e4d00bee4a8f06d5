import seedrandom from "seedrandom";
import type { CheckResult } from "../check.js";
import { fairnessOn } from "../goals/fairness.js";
import type { Problem } from "../model/problem.js";
import type { Allocation } from "../model/schema.js";
import { indexYear, type Year } from "../model/year.js";
import { assembleBound, EXACT_BOUND_MAX_REVIEWS, exactSeatBound, reciprocityLowerBound, relaxedBound, seatCountBound, type Bound, type RelaxedBound } from "./bound.js";
import { CANDIDATE_LIMITS, findCandidates, type Candidates } from "./candidates.js";
import type { Engine, EngineContext, Progress, Report, StopReason } from "./engine.js";
import { greedy } from "./engines/greedy.js";
import { ENGINES, unknownEngine, type EngineName } from "./engines/index.js";
import { lns } from "./engines/lns.js";
import { mip } from "./engines/mip.js";
import { repairEngine } from "./engines/repair.js";
import { checkPins, ensureValid, refusedLater, type Dropped, type RejectedPin } from "./pins.js";
import { goalBounds, goalValues, type GoalBound, type GoalsTierBound } from "./goal-bounds.js";
import { rosterOf, type Roster } from "./roster.js";
import type { RepairOption } from "./steps/trade-off.js";
import { breathe, warmHighs } from "./lp.js";

export { ENGINE_NAMES, ENGINES, type EngineName } from "./engines/index.js";

export interface SolveOptions {
  /** Seed of the only random source the engines use. Same seed and input, same allocation. */
  readonly seed?: number;
  /** `auto` (default) or an engine name from `ENGINES`; any other name is refused. */
  readonly engine?: EngineName;
  /** Wall-clock safety net in milliseconds; the result says when it ended the run. */
  readonly timeLimitMs?: number;
  /** Cancels the solve; the best valid allocation found so far is returned. */
  readonly signal?: AbortSignal;
  /**
   * Hears where the run is: at each step, and at least every `PROGRESS_EVERY_MS` while a long
   * step polls the clock (HiGHS, the network simplex, the candidate lists).
   */
  readonly onProgress?: (progress: Progress) => void;
  /**
   * Hears each allocation an engine holds as its best so far (valid by construction, not yet
   * cleaned by the checker), with what the run settled before its engine ran: what a caller can
   * fall back on if it must stop waiting (`incumbentResult` makes a result of them;
   * `solveInWorker` answers an abort so at once).
   */
  readonly onIncumbent?: (allocation: Allocation, settled: RunSettled) => void;
  /** The clock, in milliseconds (injectable for tests and workers). */
  readonly now?: () => number;
  /**
   * An earlier allocation to change as little as possible: its still-valid seats are kept
   * where they can be (the `repair` engine, which `auto` picks when this is given).
   */
  readonly start?: Allocation;
  /** With `start`: at most this many changed rows against it (the `repair` engine's trade-off). */
  readonly maxChanges?: number;
  /**
   * `false` skips the exact seat bound (or its LP) after the engine: faster, with the
   * relaxation bound only (property tests and previews).
   */
  readonly exactBound?: boolean;
}

export type { Dropped, RejectedPin } from "./pins.js";
export type { GoalBound, GoalsTierBound } from "./goal-bounds.js";

export interface SolveResult {
  /** The year as `solve` indexed it: writers and reports read it instead of indexing again. */
  readonly year: Year;
  /** `optimal` when the engine proved the policy objective optimal (and no row was dropped); else `feasible`. */
  readonly status: "optimal" | "feasible";
  readonly allocation: Allocation;
  /** The checker's verdict and figures for `allocation` (always valid). */
  readonly check: CheckResult;
  readonly bound: Bound;
  /** `(bound − filled) / bound` on filled seats. */
  readonly gap: number;
  /** True when the gap on filled seats is zero: no valid allocation fills more seats. */
  readonly proven: boolean;
  readonly engine: string;
  readonly seed: number;
  readonly stoppedBy: StopReason;
  readonly iterations: number;
  readonly elapsedMs: number;
  /** Every `fix` pin not in the allocation, with the reason (every other fix pin is honoured). */
  readonly rejectedPins: readonly RejectedPin[];
  /**
   * Rows the engine placed that broke a rule, which `solve` took out so as to return a valid
   * allocation: each with the rule and the checker's words. Empty unless an engine is at fault;
   * a run with any is never `optimal`, and says so in summary.json and on the terminal.
   */
  readonly dropped: readonly Dropped[];
  /** With `start`: the most seats for each number of changed rows, fewest changes first, the returned option marked `chosen`. */
  readonly tradeOff?: readonly RepairOption[];
  /**
   * Every cost goal below the seats (reciprocity, phase, preference, travel, repeat, first
   * review, same-school pairs, reciprocal pairs): the allocation's units and `best`, a proven
   * bound: no valid allocation filling as many seats has fewer units of that goal alone.
   */
  readonly goals: readonly GoalBound[];
  /** The goals tier as a whole: the policy's weighted cost of those goals, its bound and gap. */
  readonly goalsTier: GoalsTierBound;
}

/** Above this gap the relaxation bound of a larger year is tightened by the seat LP. */
export const LP_BOUND_GAP = 0.005;

/** Years up to this many reviews are solved whole by the exact MIP under `auto`. */
export const EXACT_MAX_REVIEWS = 60;
export { EXACT_BOUND_MAX_REVIEWS };

/** Candidate pairs up to which a year small enough for the exact MIP gets it under `auto`. */
export const EXACT_MAX_PAIRS = 20_000;

/** Which engine `auto` uses for a year of this size (measured in bench/, see docs/solver.md). */
export function chooseEngine(year: Year, candidates: Candidates): Engine {
  let pairs = 0;
  for (const list of candidates.byPerson.values()) pairs += list.length;
  return year.reviews.length <= EXACT_MAX_REVIEWS && pairs <= EXACT_MAX_PAIRS ? mip : lns;
}

/**
 * Allocates Lead Reviewers and peer reviewers to every review of a year.
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * console.log(`${result.check.metrics.filled.total}/${result.check.metrics.seats.total} seats, gap ${result.gap}`);
 */
export async function solve(problem: Problem, options: SolveOptions = {}): Promise<SolveResult> {
  const clock = startClock(options);
  const named = engineNamed(options.engine);
  const { year, candidates, rejected, pinnedRoster, relaxed, setUpCut, context } = await setUpRun(problem, options, clock);
  const chosen = setUpCut ? greedy : (named ?? (options.start ? repairEngine : chooseEngine(year, candidates)));
  clock.settle({ engine: chosen.name, seed: context.seed, relaxed, rejected, fixed: context.fixed });
  const outcome = await chosen.run(context);
  await breathe();
  const { allocation, dropped, check } = ensureValid(year, outcome.allocation);
  // A run whose rows had to be dropped proved nothing about what is left.
  const provenOptimal = outcome.provenOptimal === true && dropped.length === 0;
  // A proof is of the policy's objective: with fairness (above the seats) it proves no seat bound.
  const seatsProven = provenOptimal && !fairnessOn(year.policy);
  const filled = check.metrics.filled.total;
  // An engine that proved the most seats on the way (repair) spares the exact bound.
  const engineBound = outcome.seatBound !== undefined && dropped.length === 0 ? { seats: outcome.seatBound } : undefined;
  // The engine's allocation, cleaned, is the run's answer from here on: a caller that stops
  // waiting during the bounds gets it.
  clock.report({ phase: "seat bound", incumbent: filled, bound: relaxed.leadSeats + relaxed.peerSeats }, () => allocation);
  const exact = seatsProven || setUpCut ? {} : (engineBound ?? (options.exactBound === false ? {} : await tightenBound(year, candidates, pinnedRoster, relaxed, check, clock)));
  const bound = assembleBound(relaxed, check.metrics.filled, { ...exact, proven: seatsProven });
  clock.report({ phase: "goal bounds", incumbent: filled, bound: bound.filledSeats });
  await breathe();
  // A repair changes least, not the goals: its goals are reported without their bounds.
  const goals =
    options.exactBound === false || options.start !== undefined || setUpCut || clock.shouldStop()
      ? goalValues(year, allocation)
      : await goalBounds(year, candidates, pinnedRoster, allocation, {
          reciprocity: bound.reciprocityDeviation,
          shouldStop: clock.shouldStop,
          ...(clock.remainingSeconds() !== undefined ? { timeLimitSeconds: clock.remainingSeconds()! } : {}),
        });
  return {
    ...resultOf(year, allocation, check, bound, { provenOptimal, dropped }),
    engine: chosen.name,
    seed: context.seed,
    stoppedBy: stopReason(outcome.stoppedBy, { aborted: options.signal?.aborted === true, timeUp: setUpCut || clock.expired(), provenOptimal, dropped: dropped.length > 0 }),
    iterations: outcome.iterations,
    elapsedMs: clock.elapsed(),
    rejectedPins: [...rejected, ...refusedLater(year, context.fixed, allocation, dropped)],
    ...(outcome.tradeOff ? { tradeOff: outcome.tradeOff } : {}),
    goals: goals.goals,
    goalsTier: goals.tier,
  };
}

/** The parts of a result that follow from the allocation, its check and its bound. */
function resultOf(year: Year, allocation: Allocation, check: CheckResult, bound: Bound, run: { provenOptimal: boolean; dropped: readonly Dropped[] }) {
  const filled = check.metrics.filled.total;
  return {
    year,
    status: run.provenOptimal ? ("optimal" as const) : ("feasible" as const),
    allocation,
    check,
    bound,
    gap: bound.filledSeats === 0 ? 0 : (bound.filledSeats - filled) / bound.filledSeats,
    proven: filled >= bound.filledSeats,
    dropped: run.dropped,
  };
}

/** What a run had settled before its engine ran: enough to answer with any allocation it reached (`incumbentResult`). */
export interface RunSettled {
  readonly engine: string;
  readonly seed: number;
  readonly relaxed: RelaxedBound;
  readonly rejected: readonly RejectedPin[];
  readonly fixed: Allocation;
}

/**
 * A result for an allocation a run held when it was stopped from outside (an engine's
 * incumbent): cleaned by the checker as `solve` cleans an engine's output, bounded by the
 * relaxation, with the goals' values and no goal bounds; `stoppedBy: "aborted"`.
 *
 * @example
 * const result = incumbentResult(indexYear(problem), lastIncumbent, settled, { elapsedMs: 812 });
 */
export function incumbentResult(year: Year, incumbent: Allocation, settled: RunSettled, run: { readonly elapsedMs: number; readonly iterations?: number }): SolveResult {
  const { allocation, dropped, check } = ensureValid(year, incumbent);
  const bound = assembleBound(settled.relaxed, check.metrics.filled, {});
  const goals = goalValues(year, allocation);
  return {
    ...resultOf(year, allocation, check, bound, { provenOptimal: false, dropped }),
    engine: settled.engine,
    seed: settled.seed,
    stoppedBy: "aborted",
    iterations: run.iterations ?? 0,
    elapsedMs: run.elapsedMs,
    rejectedPins: [...settled.rejected, ...refusedLater(year, settled.fixed, allocation, dropped)],
    goals: goals.goals,
    goalsTier: goals.tier,
  };
}

/**
 * Why the run stopped, as the result says it: the caller's abort, a proof of the whole
 * objective, the time limit wherever it cut the run short, else the engine's reason; a proof
 * (`proven-optimal`, `bound-met`) only when no row had to be dropped from the engine's
 * allocation (then the engine `complete`d its method).
 */
function stopReason(engine: StopReason, run: { aborted: boolean; timeUp: boolean; provenOptimal: boolean; dropped: boolean }): StopReason {
  if (run.aborted) return "aborted";
  if (run.provenOptimal) return "proven-optimal";
  // The time limit cut something short (set-up, the engine, a bound): that is why the run
  // stopped, whatever the step it cut said (a HiGHS solve it interrupted is no solver failure).
  if (run.timeUp) return "time-limit";
  return run.dropped && (engine === "proven-optimal" || engine === "bound-met") ? "complete" : engine;
}

/** What `solve` prepares before an engine runs, and the engine's context built from it. */
export interface RunSetUp {
  readonly year: Year;
  readonly candidates: Candidates;
  /** The fix pins refused before the run, with their reasons. */
  readonly rejected: readonly RejectedPin[];
  /** The accepted fix pins as a roster (for the bounds). */
  readonly pinnedRoster: Roster;
  readonly relaxed: RelaxedBound;
  /** A limit reached during set-up: only the greedy baseline has time left. */
  readonly setUpCut: boolean;
  /** Exactly what `solve` hands the engine it runs, and the seed it was built from. */
  readonly context: EngineContext & { readonly seed: number };
}

/**
 * Everything `solve` does before it runs an engine: the year indexed, the candidate lists, the
 * pins vetted, the relaxation bound, and the engine's context. The engines' contract suite runs
 * each engine on this context and checks its own output, before anything could clean it.
 *
 * @example
 * const { context, year } = await setUpRun(problem, { seed: 1 });
 * const outcome = await greedy.run(context);
 * checkAllocation(year, outcome.allocation).valid; // true: engines are valid by construction
 */
export async function setUpRun(problem: Problem, options: SolveOptions = {}, clock: Clock = startClock(options)): Promise<RunSetUp> {
  const seed = options.seed ?? 1;
  // A host that runs HiGHS elsewhere loads while the year is indexed and the candidates listed.
  warmHighs();
  clock.report({ phase: "index", incumbent: 0 });
  const year = indexYear(problem);
  clock.seats(year.reviews.reduce((n, r) => n + 1 + r.peerSeats, 0));
  clock.report({ phase: "candidates", incumbent: 0 });
  await breathe();
  const candidates = findCandidates(year, CANDIDATE_LIMITS, { shouldStop: clock.shouldStop, beat: clock.beat });
  await breathe();
  const { fixed, rejected } = checkPins(year, { unstaffable: options.start === undefined });
  const pinnedRoster = rosterOf(year, fixed);
  // A limit reached during set-up leaves time for the greedy baseline only, bounded by the seats.
  const setUpCut = candidates.cut || clock.shouldStop();
  clock.report({ phase: "bound", incumbent: 0 });
  const relaxed = setUpCut ? seatCountBound(year) : relaxedBound(year, candidates, pinnedRoster, clock.shouldStop, clock.beat);
  await breathe();
  const context = {
    seed,
    year,
    candidates,
    random: seedrandom(String(seed)),
    fixed,
    seatBound: relaxed.leadSeats + relaxed.peerSeats,
    reciprocityBound: reciprocityLowerBound(relaxed.totalTarget, relaxed.withinTargets, relaxed.peerSeats),
    ...(options.start ? { start: options.start } : {}),
    ...(options.maxChanges !== undefined ? { maxChanges: options.maxChanges } : {}),
    // The seconds left, read afresh: a HiGHS solve late in the run gets what is left of the limit.
    get timeLimitSeconds() {
      return clock.remainingSeconds();
    },
    shouldStop: clock.shouldStop,
    report: clock.report,
    beat: clock.beat,
  };
  return { year, candidates, rejected, pinnedRoster, relaxed, setUpCut, context };
}

/**
 * Progress is reported again at least this often (in milliseconds) while a long step polls the
 * clock: HiGHS at its checkpoints (or, run in a worker thread, the thread waiting for it), the
 * network simplex every few thousand pivots, the candidate lists every few dozen people.
 */
export const PROGRESS_EVERY_MS = 200;

/**
 * The run's clock: the deadline every phase checks (set-up included), progress with the
 * elapsed time (repeated while a step polls `shouldStop`, so that a display never goes quiet),
 * and whether the deadline was reached (`expired`: the time limit cut something short).
 */
function startClock(options: SolveOptions) {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = options.timeLimitMs === undefined ? Infinity : started + options.timeLimitMs;
  let expired = false;
  let seats: number | undefined;
  let settled: RunSettled | undefined;
  let last: Omit<Progress, "elapsedMs" | "seats"> | undefined;
  let lastAt = started;
  const emit = (progress: Omit<Progress, "elapsedMs" | "seats">, at: number) => {
    last = progress;
    lastAt = at;
    options.onProgress?.({ ...progress, ...(seats !== undefined ? { seats } : {}), elapsedMs: at - started });
  };
  const report: Report = (progress, best) => {
    emit(progress, now());
    if (best && settled && options.onIncumbent) options.onIncumbent(best(), settled);
  };
  const beat = (at = now()) => {
    if (last && options.onProgress && at - lastAt >= PROGRESS_EVERY_MS) emit(last, at);
  };
  return {
    shouldStop: () => {
      const at = now();
      beat(at);
      if (at >= deadline) expired = true;
      return expired || options.signal?.aborted === true;
    },
    /** Repeats the last progress when it is due, and nothing else: for steps that cannot stop. */
    beat: () => beat(),
    remainingSeconds: () => (deadline === Infinity ? undefined : Math.max(0.05, (deadline - now()) / 1000)),
    report,
    elapsed: () => now() - started,
    /** True once a check found the deadline passed. */
    expired: () => expired,
    /** The year's seats, for every report from now on. */
    seats: (count: number) => {
      seats = count;
    },
    /** What the run settled before its engine, handed to `onIncumbent` with each incumbent. */
    settle: (what: RunSettled) => {
      settled = what;
    },
  };
}
type Clock = ReturnType<typeof startClock>;

/** The engine a caller named, `undefined` for `auto`; an unknown name is a caller's mistake. */
function engineNamed(name: string | undefined): Engine | undefined {
  if (name === undefined || name === "auto") return undefined;
  // An own key only: `__proto__` or `toString` is in every object, and is no engine.
  const engine = Object.hasOwn(ENGINES, name) ? ENGINES[name as keyof typeof ENGINES] : undefined;
  if (!engine) throw new RangeError(unknownEngine(name));
  return engine;
}

/**
 * The exact seat bound after the engine, where the relaxations leave a gap: the exact seat MIP
 * for small years, its LP relaxation for larger ones when the gap is worth closing.
 */
async function tightenBound(year: Year, candidates: Candidates, pinned: Roster, relaxed: RelaxedBound, check: CheckResult, clock: Clock): Promise<{ seats?: number; relaxed?: boolean }> {
  const relaxedSeats = relaxed.leadSeats + relaxed.peerSeats;
  const filled = check.metrics.filled.total;
  if (filled >= relaxedSeats || clock.shouldStop()) return {};
  const small = year.reviews.length <= EXACT_BOUND_MAX_REVIEWS;
  if (!small && (relaxedSeats - filled) / relaxedSeats <= LP_BOUND_GAP) return {};
  const seats = await exactSeatBound(year, candidates, pinned, { seconds: Math.min(20, clock.remainingSeconds() ?? 20), relax: !small, shouldStop: clock.shouldStop });
  return seats === undefined ? {} : { seats, relaxed: !small };
}
