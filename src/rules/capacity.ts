import type { AllocationRule, Violation } from "./types.js";

/** Nobody sits on more reviews than their yearly maximum. */
export const capacity: AllocationRule = {
  kind: "allocation",
  id: "capacity",
  summary: "Nobody sits on more reviews than their yearly maximum (max_reviews).",
  check: ({ duties }) => {
    const found: Violation[] = [];
    for (const { person, reviews } of duties.values()) {
      if (reviews.length > person.maxReviews) {
        found.push({
          rule: "capacity",
          personId: person.id,
          ...(reviews[0] ? { reviewId: reviews[person.maxReviews]?.id ?? reviews[0].id } : {}),
          message: `${person.id} sits on ${reviews.length} reviews, over their maximum of ${person.maxReviews} (${reviews.map((r) => r.id).join(", ")})`,
        });
      }
    }
    return found;
  },
};
