import seedrandom from "seedrandom";
import { checkAllocation, type CheckResult } from "../check.js";
import type { Problem } from "../model/problem.js";
import type { Allocation } from "../model/schema.js";
import { indexYear, type Year } from "../model/year.js";
import { assembleBound, EXACT_BOUND_MAX_REVIEWS, exactSeatBound, reciprocityLowerBound, relaxedBound, type Bound } from "./bound.js";
import { findCandidates } from "./candidates.js";
import type { Engine, Progress, StopReason } from "./engine.js";
import { greedy } from "./engines/greedy.js";
import { lns } from "./engines/lns.js";
import { mip } from "./engines/mip.js";
import { repairEngine } from "./engines/repair.js";
import { selfSelection } from "./engines/self-selection.js";
import { checkPins, ensureValid, refusedLater } from "./pins.js";
import { rosterOf } from "./roster.js";

/** The engines by name. `auto` picks one from the problem's size. */
export const ENGINES: Readonly<Record<string, Engine>> = { greedy, mip, lns, "self-selection": selfSelection };
export type EngineName = "auto" | keyof typeof ENGINES;

export interface SolveOptions {
  /** Seed of the only random source the engines use. Same seed and input, same allocation. */
  readonly seed?: number;
  /** `auto` (default) or an engine name from `ENGINES`. */
  readonly engine?: string;
  /** Wall-clock safety net in milliseconds; the result says when it ended the run. */
  readonly timeLimitMs?: number;
  /** Cancels the solve; the best valid allocation found so far is returned. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
  /** The clock, in milliseconds (injectable for tests and workers). */
  readonly now?: () => number;
  /**
   * An earlier allocation to change as little as possible: its still-valid seats are kept
   * where they can be (the `repair` engine, which `auto` picks when this is given).
   */
  readonly start?: Allocation;
  /**
   * `false` skips the exact seat bound (or its LP) after the engine: faster, with the
   * relaxation bound only (property tests and previews).
   */
  readonly exactBound?: boolean;
}

import type { RejectedPin } from "./pins.js";
export type { RejectedPin } from "./pins.js";

export interface SolveResult {
  /** The year as `solve` indexed it: writers and reports read it instead of indexing again. */
  readonly year: Year;
  /** `optimal` when the engine proved the policy objective optimal; else `feasible`. */
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
}

/** Above this gap the relaxation bound of a larger year is tightened by the seat LP. */
export const LP_BOUND_GAP = 0.005;

/** Years up to this many reviews are solved whole by the exact MIP under `auto`. */
export const EXACT_MAX_REVIEWS = 60;
export { EXACT_BOUND_MAX_REVIEWS };

/** Which engine `auto` uses for a year of this size (measured in bench/, see docs/solver.md). */
export function chooseEngine(year: Year): Engine {
  return year.reviews.length <= EXACT_MAX_REVIEWS ? mip : lns;
}

/**
 * Allocates Lead Reviewers and peer reviewers to every review of a year.
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * console.log(`${result.check.metrics.filled.total}/${result.check.metrics.seats.total} seats, gap ${result.gap}`);
 */
export async function solve(problem: Problem, options: SolveOptions = {}): Promise<SolveResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const seed = options.seed ?? 1;
  const engine = options.engine === undefined || options.engine === "auto" ? undefined : ENGINES[options.engine];
  if (options.engine !== undefined && options.engine !== "auto" && !engine) {
    throw new RangeError(`unknown engine "${options.engine}"; use one of auto, ${Object.keys(ENGINES).join(", ")}`);
  }
  const year = indexYear(problem);
  const candidates = findCandidates(year);
  const chosen = engine ?? (options.start ? repairEngine : chooseEngine(year));
  const { fixed, rejected } = checkPins(year);
  const deadline = options.timeLimitMs === undefined ? Infinity : started + options.timeLimitMs;
  const remainingSeconds = () => (deadline === Infinity ? undefined : Math.max(0.05, (deadline - now()) / 1000));
  const pinnedRoster = rosterOf(year, fixed);
  const relaxed = relaxedBound(year, candidates, pinnedRoster);
  const timeLimitSeconds = remainingSeconds();
  const outcome = await chosen.run({
    year,
    candidates,
    random: seedrandom(String(seed)),
    fixed,
    seatBound: relaxed.leadSeats + relaxed.peerSeats,
    reciprocityBound: reciprocityLowerBound(relaxed.totalTarget, relaxed.withinTargets, relaxed.peerSeats),
    ...(options.start ? { start: options.start } : {}),
    ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
    shouldStop: () => options.signal?.aborted === true || now() >= deadline,
    report: (progress) => options.onProgress?.({ ...progress, elapsedMs: now() - started }),
  });
  const { allocation, dropped } = ensureValid(year, outcome.allocation);
  const rejectedPins = [...rejected, ...refusedLater(fixed, allocation, dropped)];
  const check = checkAllocation(year, allocation);
  const filled = check.metrics.filled;
  const proven = outcome.provenOptimal === true && allocation === outcome.allocation;
  let exactSeats: number | undefined;
  let lp = false;
  const relaxedSeats = relaxed.leadSeats + relaxed.peerSeats;
  if (!proven && filled.total < relaxedSeats && !options.signal?.aborted && !(options.exactBound === false)) {
    // Small years get the exact seat MIP; larger ones its LP relaxation, where the relaxations
    // leave a gap worth closing.
    const small = year.reviews.length <= EXACT_BOUND_MAX_REVIEWS;
    if (small || (relaxedSeats - filled.total) / relaxedSeats > LP_BOUND_GAP) {
      lp = !small;
      exactSeats = await exactSeatBound(year, candidates, pinnedRoster, Math.min(20, remainingSeconds() ?? 20), lp);
    }
  }
  const bound = assembleBound(relaxed, filled, { ...(exactSeats !== undefined ? { seats: exactSeats } : {}), proven, relaxed: lp });
  const gap = bound.filledSeats === 0 ? 0 : (bound.filledSeats - filled.total) / bound.filledSeats;
  const stoppedBy: StopReason = options.signal?.aborted ? "aborted" : outcome.provenOptimal ? "proven-optimal" : outcome.stoppedBy;
  return {
    year,
    status: outcome.provenOptimal ? "optimal" : "feasible",
    allocation,
    check,
    bound,
    gap,
    proven: filled.total >= bound.filledSeats,
    engine: chosen.name,
    seed,
    stoppedBy,
    iterations: outcome.iterations,
    elapsedMs: now() - started,
    rejectedPins,
  };
}
