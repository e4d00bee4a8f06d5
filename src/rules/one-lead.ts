import type { AllocationRule, Violation } from "./types.js";

/** A review has at most one Lead Reviewer (an empty Lead seat is unfilled, not invalid). */
export const oneLead: AllocationRule = {
  kind: "allocation",
  id: "one-lead",
  summary: "A review has exactly one Lead Reviewer seat: never two Lead Reviewers.",
  check: ({ year, teams }) => {
    const found: Violation[] = [];
    for (const review of year.reviews) {
      const leads = teams.get(review.id)?.leads ?? [];
      if (leads.length > 1) {
        found.push({ rule: "one-lead", reviewId: review.id, message: `${review.id}: ${leads.length} Lead Reviewers (${leads.map((p) => p.id).join(", ")})` });
      }
    }
    return found;
  },
};
