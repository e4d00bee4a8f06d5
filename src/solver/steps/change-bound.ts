import type { Allocation } from "../../model/schema.js";
import { allowedPair } from "../../rules/index.js";
import { rowKey } from "../diff.js";
import type { EngineContext } from "../engine.js";
import type { Roster } from "../roster.js";

/**
 * A lower bound on changed rows, by counting. With `lost` rows of the earlier allocation that
 * nothing may hold now (a withdrawn person, a cancelled review, a pair the change forbids) and
 * `holdable` rows that could stay, an allocation filling `seats` seats keeps `holdable − d` of
 * them and adds `a = seats − holdable + d` new rows, so it changes `lost + seats − holdable + 2d`
 * rows. Each of the `lacking` teams left without their advanced reviewer needs a new row (an
 * advanced reviewer) or loses a kept row (disbanded), so `d + a ≥ lacking` as well; the fewest
 * rows come from the least `d` that allows.
 *
 * @example
 * // one peer withdrawn from a full year: refilling the seat costs 2 rows, leaving it 1
 * const fewest = changeBound(context, old, kept); // fewest(seats) === 2, fewest(seats − 1) === 1
 */
export function changeBound(context: EngineContext, old: Allocation, kept: Roster): (seats: number) => number {
  const { year } = context;
  const rows = new Map(old.assignments.map((row) => [rowKey(row), row]));
  const holdable = new Set<string>();
  for (const [key, row] of rows) {
    const review = year.reviewById.get(row.reviewId);
    const person = year.people[row.role].get(row.personId);
    if (review && person && allowedPair(year, person, review) && context.candidates[row.role].get(review.id)?.some((c) => c.person === person)) holdable.add(key);
  }
  const lost = rows.size - holdable.size;
  const now = new Set(kept.toAllocation().assignments.map(rowKey));
  // Only teams whose every holdable row is in `kept`: their repair is a row of their own.
  const whole = new Set(year.reviews.map((r) => r.id));
  for (const key of holdable) if (!now.has(key)) whole.delete(rows.get(key)!.reviewId);
  const lacking = year.reviews.filter((review) => whole.has(review.id) && !kept.advancedOk(review)).length;
  return (seats) => {
    const gain = seats - holdable.size;
    const dropped = Math.max(0, -gain, Math.ceil((lacking - gain) / 2));
    return lost + gain + 2 * dropped;
  };
}

/** The most seats that `fewest` allows within `budget` rows, no more than `cap` (undefined: none at all). */
export function mostSeatsWithin(fewest: (seats: number) => number, budget: number, cap: number): number | undefined {
  for (let seats = cap; seats >= 0; seats -= 1) if (fewest(seats) <= budget) return seats;
  return undefined;
}
