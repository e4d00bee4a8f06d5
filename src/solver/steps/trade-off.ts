import type { Allocation } from "../../model/schema.js";
import { changedRows, rowKey } from "../diff.js";
import type { EngineContext } from "../engine.js";
import type { Roster } from "../roster.js";
import { mostSeatsWithin } from "./change-bound.js";
import { copyRoster, type KeepLimits, type KeepModel } from "./keep.js";

/** One point of the trade-off between changed rows and filled seats: an allocation reaching it. */
export interface TradeOffPoint {
  readonly roster: Roster;
  /** Changed rows against the earlier allocation (its rows that cannot be kept included). */
  readonly changes: number;
  /** Filled seats, Lead Reviewer and peer. */
  readonly seats: number;
  /** Proven (HiGHS over the whole year, or the counting bound): no valid allocation fills more seats within `changes` rows, or as many with fewer. */
  readonly proven: boolean;
}

/** The point a roster stands at, `proven` when the search that found it proved it. */
export function pointOf(roster: Roster, old: Allocation, { proven }: { readonly proven: boolean }): TradeOffPoint {
  return { roster, changes: changedRows(old, roster.toAllocation()), seats: roster.filled(), proven };
}

/**
 * A start one row cheaper: the roster less one seat it added that its team can do without (a
 * Lead Reviewer, or a peer whose team keeps its advanced reviewers). One seat fewer within one
 * row fewer is the best the next budget can hope for, so this start is usually optimal at once.
 */
function withoutOneAddition(roster: Roster, keep: ReadonlySet<string>, pinned: ReadonlySet<string>): Roster | undefined {
  const rows = roster.toAllocation().assignments.filter((a) => !keep.has(rowKey(a)) && !pinned.has(rowKey(a)));
  for (const row of [...rows].reverse()) {
    const copy = copyRoster(roster);
    const review = roster.year.reviewById.get(row.reviewId)!;
    copy.remove(row.role, roster.year.people[row.role].get(row.personId)!, review);
    if (copy.advancedOk(review)) return copy;
  }
  return undefined;
}

/**
 * The trade-off below `best` (the most seats, with the fewest changed rows for them): for each
 * budget one row below the last point, the most seats within it and the fewest rows for those
 * seats, until no valid allocation fits the budget (`complete`), or `maxPoints` points (and one
 * with at most `until` rows), or a solve fails. Points fall in changes and seats. A point the
 * counting bound `fewest` already proves (a start one seat and one row down that meets it) costs
 * no solve. With `model` over the whole year (`global`), every point is proven: the exact curve.
 */
export async function sweepTradeOff(
  context: EngineContext,
  best: TradeOffPoint,
  model: KeepModel,
  old: Allocation,
  pinned: ReadonlySet<string>,
  limits: KeepLimits & { readonly maxPoints: number; readonly fewest: (seats: number) => number; readonly global: boolean; readonly until?: number },
): Promise<{ points: TradeOffPoint[]; solves: number; limited: boolean }> {
  const keep = new Set(old.assignments.map(rowKey));
  const points = [best];
  let solves = 0;
  let limited = false;
  // `cut`: the curve stops short of the fewest rows possible (a limit, a failed solve).
  const done = (cut: boolean) => ({ points, solves, limited: limited || cut });
  for (;;) {
    const last = points.at(-1)!;
    // Past `maxPoints`, one jump to `until` still finds the option the caller asked for.
    const jump = points.length >= limits.maxPoints;
    if (jump && (limits.until === undefined || last.changes <= limits.until)) return done(true);
    const budget = jump ? limits.until! : last.changes - 1;
    const most = mostSeatsWithin(limits.fewest, budget, last.proven ? last.seats - 1 : last.seats);
    if (most === undefined) return done(false);
    if (context.shouldStop()) return done(true);
    const start = jump ? undefined : withoutOneAddition(last.roster, keep, pinned);
    if (start && start.filled() === most && changedRows(old, start.toAllocation()) === limits.fewest(most)) {
      points.push(pointOf(start, old, { proven: true }));
      continue;
    }
    const found = await model.solve({ ...limits, maxChanges: budget, ...(start ? { start } : {}) });
    solves += 1;
    if (found.status !== "found") return done(found.status === "failed");
    limited ||= !found.proven;
    const point = pointOf(found.roster, old, { proven: limits.global && found.proven });
    if (point.changes > budget) return done(true);
    // As many seats with fewer rows: the last point was not proven, and this one replaces it.
    if (point.seats >= last.seats) points[points.length - 1] = point;
    else points.push(point);
  }
}

/**
 * One option of a repair, as the user sees it: this many changed rows fill this many seats.
 *
 * @example
 * // "349 seats with 8 changes, 350 with 9, 351 with 12"
 * outcome.options.map((o) => `${o.seats} seats with ${o.changes} changes`);
 */
export interface RepairOption {
  /** Changed rows: the symmetric difference of the earlier and the new (review, role, person) rows. */
  readonly changes: number;
  /** Filled seats, Lead Reviewer and peer. */
  readonly seats: number;
  /** Teams with every seat filled, the Lead Reviewer's included. */
  readonly fullTeams: number;
  /** Proven: no valid allocation fills more seats within `changes` rows, or as many with fewer. */
  readonly proven: boolean;
  /** The option the repair returns (the most seats, or the most within `maxChanges`). */
  readonly chosen: boolean;
  readonly allocation: Allocation;
}
