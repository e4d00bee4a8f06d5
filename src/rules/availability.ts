import { covers, firstOnOrAfter, formatDay, type DayRange } from "../model/dates.js";
import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { pairRule } from "./types.js";

/** People sit only on reviews whose every day falls inside their availability. */
export const availability = pairRule({
  id: "availability",
  summary: "A reviewer or Lead Reviewer sits only on reviews whose every day is inside their availability.",
  roles: ["lead", "peer"],
  basis: "person",
  allows: (_year, person, review) => covers(person.available, review.span),
  reason: (_year, person, review) =>
    person.available.length === 0
      ? "gave no available dates"
      : `is not available for every day ${formatDay(review.span.from)}..${formatDay(review.span.to)}`,
});

/** Reviews in start order (input order within a day), as `forEachReviewInside` walks them. */
export function reviewsByStart(reviews: readonly ReviewInfo[]): ReviewInfo[] {
  return [...reviews].sort((a, b) => a.span.from - b.span.from || a.index - b.index);
}

const startOf = (review: ReviewInfo) => review.span.from;

/**
 * Visits each review (of `sorted`, from `reviewsByStart`) whose every day lies inside one of
 * `available`'s ranges: the only reviews the availability rule lets a person sit on, found
 * without looking at the others, so that work on a large year is sized to the pairs, not to
 * people × reviews. Ranges are merged (as `PersonInfo.available` is), so no review is visited twice.
 */
export function forEachReviewInside(sorted: readonly ReviewInfo[], available: readonly DayRange[], visit: (review: ReviewInfo) => void): void {
  for (const range of available) {
    for (let i = firstOnOrAfter(sorted, startOf, range.from); i < sorted.length && sorted[i]!.span.from <= range.to; i += 1) {
      const review = sorted[i]!;
      if (review.span.to <= range.to) visit(review);
    }
  }
}

/** The people of `people` available for every day of each review, by the review's index, in `people`'s order. */
export function availableByReview(reviews: readonly ReviewInfo[], people: readonly PersonInfo[]): PersonInfo[][] {
  const sorted = reviewsByStart(reviews);
  const lists: PersonInfo[][] = reviews.map(() => []);
  for (const person of people) forEachReviewInside(sorted, person.available, (review) => lists[review.index]!.push(person));
  return lists;
}

/**
 * `availableByReview` for the year's Lead Reviewers and its reviewers: who is free for each
 * review's dates, by role. Worked out once per (immutable) year: the standby lists, explain's
 * moves and the shortage sheet all ask for it on the same year.
 */
export function availableByRole(year: Year): Readonly<Record<Role, readonly (readonly PersonInfo[])[]>> {
  let free = freeByYear.get(year);
  if (!free) freeByYear.set(year, (free = { lead: availableByReview(year.reviews, year.leads), peer: availableByReview(year.reviews, year.reviewers) }));
  return free;
}

const freeByYear = new WeakMap<Year, Record<Role, PersonInfo[][]>>();
