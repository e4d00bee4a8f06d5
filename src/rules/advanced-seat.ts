import type { PersonInfo } from "../model/year.js";
import type { AllocationRule, Violation } from "./types.js";

/** Whether a peer reviewer counts towards the advanced-reviewer minimum. */
export const isAdvanced = (person: PersonInfo): boolean => person.level === "advanced";

/**
 * The advanced peers a team of `peers` needs: the policy minimum, but never more than the
 * review's seats (a 1-seat review cannot hold 2 advanced reviewers), and none for an empty team.
 */
export function advancedNeeded(minAdvanced: number, peerSeats: number, peers: number): number {
  return peers === 0 ? 0 : Math.min(minAdvanced, peerSeats);
}

/** A team with any peer reviewer has the policy's minimum of advanced reviewers. */
export const advancedSeat: AllocationRule = {
  kind: "allocation",
  id: "advanced-seat",
  summary: "A team with any peer reviewer has at least the policy's number of advanced reviewers (the Lead Reviewer does not count).",
  check: ({ year, teams }) => {
    const found: Violation[] = [];
    for (const review of year.reviews) {
      const peers = teams.get(review.id)?.peers ?? [];
      const needed = advancedNeeded(year.policy.minAdvancedPerTeam, review.peerSeats, peers.length);
      const have = peers.filter(isAdvanced).length;
      if (have < needed) {
        found.push({
          rule: "advanced-seat",
          reviewId: review.id,
          message: `${review.id}: ${have} advanced reviewer${have === 1 ? "" : "s"} on a team of ${peers.length}, the policy needs ${needed}`,
        });
      }
    }
    return found;
  },
};
