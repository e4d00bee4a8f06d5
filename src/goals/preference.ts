import type { PersonInfo, ReviewInfo } from "../model/year.js";
import { pairGoal } from "./types.js";

/** Whether a reviewer listed this review, or the host's hub, among their preferences. */
export function prefersReview(person: PersonInfo, review: ReviewInfo): boolean {
  return person.prefers.has(review.id) || (review.host.hub !== undefined && person.prefers.has(review.host.hub));
}

/** Soft goal 4: reviewers sit on the reviews (or hubs) they chose. */
export const preferenceGoal = pairGoal({
  id: "preference",
  summary: "Reviewers sit on the reviews, or in the hubs, they said they prefer.",
  unit: "a placement outside the reviewer's stated preferences",
  weight: "preference",
  roles: ["peer"],
  pair: (_year, person, review) => (person.prefers.size > 0 && !prefersReview(person, review) ? 1 : 0),
});
