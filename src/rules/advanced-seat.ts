import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
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

/**
 * The advanced peers `review`'s team of `peers` needs: its kind's minimum (the policy's
 * `minAdvancedPerTeam` for a QAR, none for a TPR), capped as `advancedNeeded` says.
 */
export function advancedFor(review: ReviewInfo, peers: number): number {
  return advancedNeeded(review.kind.minAdvancedPerTeam, review.peerSeats, peers);
}

/** The advanced peers `review` needs once it has any peer at all (the staffing requirement). */
export function advancedToStaff(_year: Year, review: ReviewInfo): number {
  return advancedFor(review, 1);
}

/** Whether a team of `peers` meets the rule as it stands. */
export function meetsAdvanced(_year: Year, review: ReviewInfo, peers: readonly PersonInfo[]): boolean {
  return peers.filter(isAdvanced).length >= advancedFor(review, peers.length);
}

/**
 * A team with any peer reviewer has the policy's minimum of advanced reviewers. A team-wide
 * rule: engines fill a team's advanced seats first and free the peers of a team that ends
 * without them (`meetsAdvanced`); the flows give advanced reviewers their own seat arcs and the
 * MIP a staffed-team column (`advancedToStaff`).
 */
export const advancedSeat: AllocationRule = {
  kind: "allocation",
  id: "advanced-seat",
  summary: "A team with any peer reviewer has at least the policy's number of advanced reviewers (the Lead Reviewer does not count).",
  check: ({ year, teams }) => {
    const found: Violation[] = [];
    for (const review of year.reviews) {
      const peers = teams.get(review.id)?.peers ?? [];
      if (meetsAdvanced(year, review, peers)) continue;
      const needed = advancedFor(review, peers.length);
      const have = peers.filter(isAdvanced).length;
      found.push({
        rule: "advanced-seat",
        reviewId: review.id,
        message: `${review.id}: ${have} advanced reviewer${have === 1 ? "" : "s"} on a team of ${peers.length}, the policy needs ${needed}`,
      });
    }
    return found;
  },
};
