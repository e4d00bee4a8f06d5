import type { Allocation } from "../model/schema.js";
import type { Year } from "../model/year.js";
import type { Candidates } from "./candidates.js";
import type { RepairOption } from "./steps/trade-off.js";

/**
 * What a long solve reports as it goes (the CLI shows it; services may forward it).
 *
 * @example
 * await solve(problem, { onProgress: (p: Progress) => console.log(p.phase, p.incumbent, p.bound, p.elapsedMs) });
 */
export interface Progress {
  readonly phase: string;
  /** Filled seats of the best valid allocation so far. */
  readonly incumbent: number;
  /** Upper bound on filled seats, when known. */
  readonly bound?: number;
  /** `(bound − incumbent) / bound`, when the bound is known. */
  readonly gap?: number;
  /** Every seat of the year (Lead Reviewer and peer), once the year is indexed: a display's total. */
  readonly seats?: number;
  readonly elapsedMs: number;
}

/**
 * How an engine reports: where it is, and, when it holds a valid allocation at that moment, a
 * way to read it (`best`, called at once or never: the engine goes on changing its allocation).
 * `solve` passes the allocation to `onIncumbent` when the caller asked for it.
 */
export type Report = (progress: Omit<Progress, "elapsedMs" | "seats">, best?: () => Allocation) => void;

/**
 * Why a run stopped: `complete` (the engine finished its method), `proven-optimal` (no
 * allocation scores better), `bound-met` (it filled as many seats as the bound allows and met
 * the reciprocity bound), `work-limit` (its iterations or nodes ran out: reproducible),
 * `time-limit` (the wall clock, a safety net), `aborted` (the caller's signal),
 * `solver-failed` (HiGHS gave up, e.g. out of memory; the result falls back and says so).
 *
 * @example
 * const stopped: StopReason = (await solve(problem, { seed: 1, timeLimitMs: 10_000 })).stoppedBy;
 * if (stopped === "time-limit") console.log("a longer limit may fill more seats");
 */
export type StopReason = "complete" | "proven-optimal" | "bound-met" | "work-limit" | "time-limit" | "aborted" | "solver-failed";

/** Everything an engine may use: the year, the candidates, one seeded random source and the limits. */
export interface EngineContext {
  readonly year: Year;
  readonly candidates: Candidates;
  /** The only source of randomness an engine may use (seeded). */
  readonly random: () => number;
  /** True once the time limit has passed or the caller aborted. */
  readonly shouldStop: () => boolean;
  readonly report: Report;
  /**
   * Says the run is still at work: repeats its last progress when a while has passed, for a step
   * that cannot stop (the greedy construction); unlike `shouldStop` it never ends the run.
   */
  readonly beat?: () => void;
  /** Assignments the user fixed in advance (pins), already checked against the rules. */
  readonly fixed: Allocation;
  /** Seconds left before the caller's time limit, if one was set (read afresh each time: it shrinks as the run goes). */
  readonly timeLimitSeconds?: number;
  /** The bound on filled seats, when known before the search (engines stop on reaching it). */
  readonly seatBound?: number;
  /** The least reciprocity deviation any allocation filling the seat bound can have. */
  readonly reciprocityBound?: number;
  /** An earlier allocation to change as little as possible (repair). */
  readonly start?: Allocation;
  /** Repair: at most this many changed rows against `start`. */
  readonly maxChanges?: number;
}

export interface EngineOutcome {
  readonly allocation: Allocation;
  readonly stoppedBy: StopReason;
  /** Units of work done (iterations), for reproducible work limits. */
  readonly iterations: number;
  /** True when the engine proved its allocation optimal for the policy's objective. */
  readonly provenOptimal?: boolean;
  /** A proven upper bound on filled seats that the engine found on the way (spares `solve` its own). */
  readonly seatBound?: number;
  /** Repair: the most seats for each number of changed rows, fewest changes first (see `RepairOption`). */
  readonly tradeOff?: readonly RepairOption[];
}

/** A named way to build an allocation. Every engine's output goes through the checker. */
export interface Engine {
  readonly name: string;
  readonly summary: string;
  readonly run: (context: EngineContext) => Promise<EngineOutcome>;
}
