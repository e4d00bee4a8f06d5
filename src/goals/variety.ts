import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";

/** Soft goal 6: whether this person reviewed this school last year (history.csv). */
export function isRepeat(year: Year, person: PersonInfo, review: ReviewInfo): boolean {
  return year.history.get(review.host.id)?.has(person.id) ?? false;
}

/** Soft goal 6: varied teams. */
export const varietyGoal = {
  id: "variety",
  summary: "No two reviewers of one school on a team, no reciprocal pairs (A reviews B while B reviews A), no repeat of last year's reviewer or Lead Reviewer at a school.",
  /** The pair cost an engine can see alone: a repeat of last year. */
  cost: (year: Year, person: PersonInfo, review: ReviewInfo): number => (isRepeat(year, person, review) ? 1 : 0),
} as const;
