/**
 * Before and after the allocation: the weeks of demand and supply and the date moves that
 * would fill more seats (`plan`), and the standby reviewers of every team (`standbyList`).
 */
import type { Problem } from "../model/problem.js";
import { proposeMoves, type Move, type MoveOptions } from "./moves.js";
import { planWeeks, type WeekRow } from "./weeks.js";

/**
 * How `plan` searches for date moves: confirm each by the exact seat optimum or not, and its work limits.
 *
 * @example
 * const planned = await plan(problem, { exact: false, limits: { screens: 200 } } satisfies PlanOptions);
 */
export type PlanOptions = MoveOptions;

/**
 * What `qar plan` writes.
 *
 * @example
 * const planned: PlanResult = await plan(problem);
 * for (const w of planned.weeks) if (w.shortfall > 0) console.log(`${w.week}: ${w.shortfall} seats short`);
 */
export interface PlanResult {
  /** One row per week with reviews, the given dates. */
  readonly weeks: readonly WeekRow[];
  /** The proposed date moves, best first (empty without windows or without a shortfall to close). */
  readonly moves: readonly Move[];
  /** The weeks with every move made (the given weeks when there is none). */
  readonly weeksAfter: readonly WeekRow[];
  /** Lead Reviewer and peer seats of the year. */
  readonly seats: number;
  /** Most seats any valid allocation fills with the given dates, and with the moves made. */
  readonly before: number;
  readonly after: number;
  /** How `before`, `after` and the moves' gains are measured: the exact seat optimum, or the bound. */
  readonly measure: "exact" | "bound";
}

/**
 * Plans a year before anyone is allocated: its weeks (seats asked, places people could give,
 * the shortfall the bound proves for each week) and, for reviews whose school gave a `window`,
 * the date moves that let more seats be filled.
 *
 * @example
 * const result = await plan(problem);
 * console.log(`${result.before} of ${result.seats} seats can be filled; ${result.after} after ${result.moves.length} moves`);
 */
export async function plan(problem: Problem, options: PlanOptions = {}): Promise<PlanResult> {
  const weeks = planWeeks(problem);
  const moved = await proposeMoves(problem, options);
  return {
    weeks,
    moves: moved.moves,
    weeksAfter: moved.moves.length > 0 ? planWeeks(moved.problem) : weeks,
    seats: moved.seats,
    before: moved.before,
    after: moved.after,
    measure: moved.measure,
  };
}

export { moveReview, MOVE_LIMITS, proposeMoves, windowStarts, type Move, type MoveLimits, type MoveOptions, type MovePlan } from "./moves.js";
export { planWeeks, type WeekRow } from "./weeks.js";
export { openedTeam, seatStateOf, STANDBY_LIMIT, standbyFor, standbyList, type StandbyOptions, type StandbyRow } from "./standby.js";
