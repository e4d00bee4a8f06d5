import type { AllocationRule, Violation } from "./types.js";

/** A team has no more peer reviewers than the review's peer seats. */
export const teamSize: AllocationRule = {
  kind: "allocation",
  id: "team-size",
  summary: "A team has no more peer reviewers than the review's peer seats (set by the host's size and phase).",
  check: ({ year, teams }) => {
    const found: Violation[] = [];
    for (const review of year.reviews) {
      const peers = teams.get(review.id)?.peers.length ?? 0;
      if (peers > review.peerSeats) {
        found.push({ rule: "team-size", reviewId: review.id, message: `${review.id}: ${peers} peer reviewers for ${review.peerSeats} seats` });
      }
    }
    return found;
  },
};
