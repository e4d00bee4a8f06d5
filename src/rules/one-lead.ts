import type { AllocationRule, Violation } from "./types.js";

/** Lead Reviewer seats of a review: one (an empty Lead seat is unfilled, not invalid). */
export const LEAD_SEATS = 1;

/** A review has at most one Lead Reviewer. */
export const oneLead: AllocationRule = {
  kind: "allocation",
  id: "one-lead",
  summary: "A review has exactly one Lead Reviewer seat: never two Lead Reviewers.",
  admits: (state, _person, review, role) => role !== "lead" || state.leads(review).length < LEAD_SEATS,
  check: ({ year, teams }) => {
    const found: Violation[] = [];
    for (const review of year.reviews) {
      const leads = teams.get(review.id)?.leads ?? [];
      if (leads.length > LEAD_SEATS) {
        found.push({ rule: "one-lead", reviewId: review.id, message: `${review.id}: ${leads.length} Lead Reviewers (${leads.map((p) => p.id).join(", ")})` });
      }
    }
    return found;
  },
};
