import type { PersonInfo, Year } from "../model/year.js";
import { pairGoal } from "./types.js";

/** Whether a reviewer has no peer review in the history yet: trained, and waiting for a first. */
export function waitingForFirstReview(year: Year, person: PersonInfo): boolean {
  return person.role === "peer" && (year.past.reviewsDone.get(person.id) ?? 0) === 0;
}

/**
 * The pathway's goal: a long gap between training and a first review loses reviewers, so a seat
 * goes to someone still waiting for their first review before someone who has had one. Without
 * a history nobody has had one, and the goal weighs nothing.
 */
export const firstReviewGoal = pairGoal({
  id: "first-review",
  summary: "Reviewers waiting for their first review (none in history.csv) are placed before those who have had one.",
  unit: "a seat given to a reviewer who has had a review while others wait for a first",
  weight: "firstReview",
  roles: ["peer"],
  pair: (year, person) => (person.role === "peer" && year.past.reviewsDone.size > 0 && !waitingForFirstReview(year, person) ? 1 : 0),
});
