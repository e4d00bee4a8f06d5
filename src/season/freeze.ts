import { parseDay } from "../model/dates.js";
import type { Allocation, Pin } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { seatKey, statusOf } from "./status.js";

/** The reviews that start before `date` (ISO): too close to change. */
export function frozenReviews(year: Year, date: string): ReviewInfo[] {
  const day = parseDay(date);
  return day === undefined ? [] : year.reviews.filter((review) => review.span.from < day);
}

/**
 * Pins that keep the teams of frozen reviews as they are, except for removals: everyone on such
 * a team stays (a `fix` pin; confirmed seats are pinned already), and nobody else may join it
 * (a `forbid` pin for every other person of that role), so a declined seat there stays empty.
 *
 * @example
 * const pins = freezePins(year, answered, frozenReviews(year, "2024-03-01"));
 */
export function freezePins(year: Year, allocation: Allocation, frozen: readonly ReviewInfo[]): Pin[] {
  const pins: Pin[] = [];
  const seated = new Set(allocation.assignments.map(seatKey));
  for (const review of frozen) {
    for (const a of allocation.assignments) {
      if (a.reviewId === review.id && statusOf(a) !== "confirmed") pins.push({ reviewId: a.reviewId, role: a.role, personId: a.personId, kind: "fix" });
    }
    for (const person of [...year.leads, ...year.reviewers]) {
      const seat = { reviewId: review.id, role: person.role, personId: person.id };
      if (!seated.has(seatKey(seat))) pins.push({ ...seat, kind: "forbid" });
    }
  }
  return pins;
}
