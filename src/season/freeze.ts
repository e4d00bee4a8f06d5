import { formatDay, parseDay } from "../model/dates.js";
import type { Allocation, Pin } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { allowedPair } from "../rules/index.js";
import type { SolveResult } from "../solver/index.js";
import { seatKey, statusOf } from "./status.js";

/**
 * The as-of date of a season step (`freezeBefore`): reviews that start before it are held,
 * under way or too close to change, and no row of theirs is added, moved or removed.
 */

/** The reviews that start before `date` (ISO): too close to change. */
export function frozenReviews(year: Year, date: string): ReviewInfo[] {
  const day = parseDay(date);
  return day === undefined ? [] : year.reviews.filter((review) => review.span.from < day);
}

/**
 * Pins that keep the teams of frozen reviews exactly as they are: everyone on such a team stays
 * (a `fix` pin; confirmed seats are pinned already), and nobody else may join it (a `forbid`
 * pin for every other person of that role).
 *
 * @example
 * const pins = freezePins(year, answered, frozenReviews(year, "2024-03-01"));
 */
export function freezePins(year: Year, allocation: Allocation, frozen: readonly ReviewInfo[]): Pin[] {
  const pins: Pin[] = [];
  const seated = new Set(allocation.assignments.map(seatKey));
  const ids = new Set(frozen.map((r) => r.id));
  for (const a of allocation.assignments) {
    if (ids.has(a.reviewId) && statusOf(a) !== "confirmed") pins.push({ reviewId: a.reviewId, role: a.role, personId: a.personId, kind: "fix" });
  }
  // A fix pin of the user's there is not contradicted here: the step refuses it by name (frozenIssues).
  const fixed = new Set(year.problem.pins.filter((p) => p.kind === "fix").map(seatKey));
  const people = [...year.leads, ...year.reviewers];
  for (const review of frozen) {
    for (const person of people) {
      const seat = { reviewId: review.id, role: person.role, personId: person.id };
      // Only pairs the rules allow need a pin: the others can never be made (and there are many).
      if (!seated.has(seatKey(seat)) && !fixed.has(seatKey(seat)) && allowedPair(year, person, review)) pins.push({ ...seat, kind: "forbid" });
    }
  }
  return pins;
}

/**
 * The rows of frozen reviews that differ between two allocations (added or gone): empty when a
 * step kept the past as it was.
 */
export function frozenRowsChanged(before: Allocation, after: Allocation, frozen: ReadonlySet<string>): { readonly added: string[]; readonly removed: string[] } {
  const rows = (allocation: Allocation) => new Set(allocation.assignments.filter((a) => frozen.has(a.reviewId)).map(seatKey));
  const [was, now] = [rows(before), rows(after)];
  return { added: [...now].filter((key) => !was.has(key)), removed: [...was].filter((key) => !now.has(key)) };
}

/** A row of a review before the freeze date that a step could not keep (a seat the year's rules no longer allow). */
export interface FrozenIssue {
  readonly field: "freezeBefore";
  readonly message: string;
}

/**
 * The rows of frozen reviews a step could not keep, as issues: a seat there that the year's
 * rules no longer allow (the year's data was edited) is refused, never silently dropped.
 */
export function frozenIssues(year: Year, before: Allocation, after: Allocation, frozen: readonly ReviewInfo[], result: SolveResult, freezeBefore: string): FrozenIssue[] {
  const { removed, added } = frozenRowsChanged(before, after, new Set(frozen.map((r) => r.id)));
  const seat = (key: string) => before.assignments.find((a) => seatKey(a) === key) ?? after.assignments.find((a) => seatKey(a) === key)!;
  const gone = removed.map((key) => {
    const a = seat(key);
    const review = year.reviewById.get(a.reviewId)!;
    const why = result.rejectedPins.find((pin) => seatKey(pin.assignment) === key)?.reason ?? "it breaks a rule of the year as it now stands";
    return { field: "freezeBefore" as const, message: `${frozenWords(review, freezeBefore)}, but ${a.personId}'s seat there cannot stay (${why}); correct the year's data, or ${unfreezeHint(review)}` };
  });
  // A row added there comes from a fix pin of the user's: refused, naming it.
  const pinned = new Set(year.problem.pins.filter((p) => p.kind === "fix").map(seatKey));
  const joined = added.map((key) => {
    const a = seat(key);
    const review = year.reviewById.get(a.reviewId)!;
    const why = pinned.has(key) ? `a fix pin adds ${a.personId} to it; remove the pin, or ${unfreezeHint(review)}` : `the re-plan would add ${a.personId} to it; nothing was written`;
    return { field: "freezeBefore" as const, message: `${frozenWords(review, freezeBefore)}, but ${why}` };
  });
  return [...gone, ...joined];
}

/**
 * Why a frozen review cannot be changed, and the two ways out, in one sentence:
 * `R0012 started on 2024-10-08, before the freeze date 2025-01-20, so its team stays as it is`.
 */
export function frozenWords(review: ReviewInfo, freezeBefore: string): string {
  return `${review.id} starts on ${formatDay(review.span.from)}, before the freeze date ${freezeBefore}, so its team stays as it is`;
}

/** The way out of a frozen review for the user who means it: an earlier freeze date. */
export function unfreezeHint(review: ReviewInfo): string {
  return `give --freeze-before ${formatDay(review.span.from)} or earlier to change it on purpose`;
}
