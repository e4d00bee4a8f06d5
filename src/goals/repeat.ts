import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { pairGoal } from "./types.js";

/** Whether this person reviewed this school last year (history.csv). */
export function isRepeat(year: Year, person: PersonInfo, review: ReviewInfo): boolean {
  return year.history.get(review.host.id)?.has(person.id) ?? false;
}

/** Soft goal 6 (variety): no repeat of last year's reviewer or Lead Reviewer at a school. */
export const repeatGoal = pairGoal({
  id: "repeat",
  summary: "No repeat of last year's reviewer or Lead Reviewer at a school (history.csv).",
  unit: "a seat held by someone who reviewed the same school last year",
  weight: "variety",
  pair: (year, person, review) => (isRepeat(year, person, review) ? 1 : 0),
});
