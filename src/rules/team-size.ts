import type { ReviewInfo } from "../model/year.js";
import type { AllocationRule, Violation } from "./types.js";

/** Peer seats of `review` still open with `peers` reviewers on its team. */
export function peerSeatsLeft(review: ReviewInfo, peers: number): number {
  return Math.max(0, review.peerSeats - peers);
}

/** A team has no more peer reviewers than the review's peer seats. */
export const teamSize: AllocationRule = {
  kind: "allocation",
  id: "team-size",
  summary: "A team has no more peer reviewers than the review's peer seats (set by the host's size and phase).",
  admits: (state, _person, review, role) => role !== "peer" || peerSeatsLeft(review, state.peers(review).length) > 0,
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
