/**
 * Fairness: a partnership may trade seats for teams. Where advanced reviewers are short, the
 * most seats come from staffing the largest teams, and small schools (special, AP, small
 * primaries) are left without a peer team. The policy's `protectedPhases` and `minPeersPerTeam`
 * put teams first: as many protected reviews as possible get a team of at least the minimum
 * before any other seat counts. Its own tier, above the seats, so the price in seats is
 * whatever it takes (the report shows it: the seat bound without fairness minus the seats
 * filled with it).
 */
import type { Policy } from "../model/policy.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { peerSeatsLeft } from "../rules/team-size.js";
import type { Placement } from "../rules/types.js";
import type { Goal } from "./types.js";

/** Whether the policy asks for fairness at all. */
export const fairnessOn = (policy: Pick<Policy, "protectedPhases" | "minPeersPerTeam">): boolean => policy.protectedPhases.length > 0 || policy.minPeersPerTeam > 0;

/**
 * The peers `review` needs before it counts as given a team, or 0 when fairness does not
 * protect it: with `protectedPhases`, reviews whose host has one of them; without, every
 * review (when `minPeersPerTeam` is set). At least 1 peer, never more than the review's seats.
 *
 * @example fairTeamNeed(year, year.reviewById.get("R0412")!) // 2 for a special school with protectedPhases ["special"] and minPeersPerTeam 2
 */
export function fairTeamNeed(year: Year, review: ReviewInfo): number {
  const { protectedPhases, minPeersPerTeam } = year.policy;
  if (!fairnessOn(year.policy) || review.peerSeats === 0) return 0;
  if (protectedPhases.length > 0 && (review.host.phase === undefined || !protectedPhases.includes(review.host.phase))) return 0;
  return Math.min(review.peerSeats, Math.max(1, minPeersPerTeam));
}

/** The protected teams' first peers, each counted up to its need (0 when fairness is off). */
function protectedPeers({ year, teams }: Placement): number {
  if (!fairnessOn(year.policy)) return 0;
  let units = 0;
  for (const review of year.reviews) {
    const need = fairTeamNeed(year, review);
    if (need > 0) units += Math.min(need, teams.get(review.id)?.peers.length ?? 0);
  }
  return units;
}

/**
 * Soft goal above the seats: the protected teams' first peers, up to each one's need. Its tier
 * is `fairness`: each unit outweighs every peer seat of the year together (`scoreOf`; in a MIP,
 * every open peer seat of the scope), so its price in seats is whatever it takes.
 */
export const fairnessGoal: Goal = {
  id: "fairness",
  summary: "With protectedPhases or minPeersPerTeam: as many protected reviews as possible get a team (their first peers, up to the minimum) before any other seat counts.",
  unit: "a peer on a protected team, up to its minimum",
  tier: "fairness",
  weight: "seat",
  sense: "reward",
  units: protectedPeers,
  // A column per protected team of the scope counting its first peers up to its need
  // (f ≤ new peers, f ≤ need − staying), priced above every open peer seat of the scope.
  mip: ({ year, state, scope, peers, column, row }) => {
    if (!fairnessOn(year.policy)) return;
    const open = scope.reduce((n, review) => n + peerSeatsLeft(review, state.peers(review).length), 0);
    for (const review of scope) {
      const room = fairTeamNeed(year, review) - state.peers(review).length;
      const team = peers.filter((p) => p.review === review).map((p) => p.column);
      if (room <= 0 || team.length === 0) continue;
      const f = column(open + 1, room, (x) => Math.min(room, team.reduce((n, c) => n + x(c), 0)));
      row(-Infinity, 0, [f, ...team], [1, ...team.map(() => -1)]);
    }
  },
};

/** Protected reviews that got a team of at least their need, and how many are protected. */
export function protectedTeams({ year, teams }: Placement): { readonly given: number; readonly protected: number } {
  let given = 0;
  let count = 0;
  for (const review of year.reviews) {
    const need = fairTeamNeed(year, review);
    if (need === 0) continue;
    count += 1;
    if ((teams.get(review.id)?.peers.length ?? 0) >= need) given += 1;
  }
  return { given, protected: count };
}
