import type { PersonInfo } from "../model/year.js";
import type { AllocationRule, Violation } from "./types.js";

/**
 * How many more reviews `person` may take while sitting on `duties` reviews: the one statement
 * of the yearly maximum, read by the checker, the candidate lists, the flows (a person's arc
 * capacity), the MIP (a person's row) and every engine's seat test.
 */
export function reviewsLeft(person: PersonInfo, duties: number): number {
  return Math.max(0, person.maxReviews - duties);
}

/** Nobody sits on more reviews than their yearly maximum. */
export const capacity: AllocationRule = {
  kind: "allocation",
  id: "capacity",
  summary: "Nobody sits on more reviews than their yearly maximum (max_reviews).",
  admits: (state, person) => reviewsLeft(person, state.duties(person).length) > 0,
  check: ({ duties }) => {
    const found: Violation[] = [];
    for (const { person, reviews } of duties.values()) {
      const maximum = reviewsLeft(person, 0);
      if (reviews.length > maximum) {
        found.push({
          rule: "capacity",
          personId: person.id,
          ...(reviews[0] ? { reviewId: reviews[maximum]?.id ?? reviews[0].id } : {}),
          message: `${person.id} sits on ${reviews.length} reviews, over their maximum of ${maximum} (${reviews.map((r) => r.id).join(", ")})`,
        });
      }
    }
    return found;
  },
};
