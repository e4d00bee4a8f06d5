/**
 * Who loses out when seats stay empty: the empty and peer-less teams by the host's phase, by
 * team size and by hub, the schools that send places to others without receiving a team, and
 * what the policy's fairness (`protectedPhases`, `minPeersPerTeam`) gave and cost.
 */
import { fairnessOn, protectedTeams } from "../goals/fairness.js";
import { placesSent } from "../goals/index.js";
import type { Allocation } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { place, type Placement } from "../rules/placement.js";

/** One group of reviews (`teams-by-group.csv`). */
export interface GroupRow {
  /** What the group is of: the host's phase, the team's size (peer seats), or the host's hub. */
  readonly group: "phase" | "size" | "hub";
  readonly value: string;
  readonly reviews: number;
  readonly peerSeats: number;
  /** Every seat filled, the Lead Reviewer's included. */
  readonly fullTeams: number;
  /** Some peers, fewer than the seats. */
  readonly shortOfPeers: number;
  /** Peer seats and not one peer. */
  readonly noPeerTeam: number;
  readonly noLeadReviewer: number;
  /** Empty seats, Lead Reviewer and peer. */
  readonly emptySeats: number;
}

/** A school whose own review(s) got no peer while its reviewers sent places to others. */
export interface SchoolWithoutTeam {
  readonly schoolId: string;
  readonly name: string;
  readonly phase: string;
  readonly hub: string;
  readonly reviewIds: readonly string[];
  /** Peer seats of its reviews, all empty. */
  readonly peerSeats: number;
  /** Places its reviewers fill at other schools' reviews. */
  readonly placesSent: number;
}

/** What the policy's fairness did: protected reviews given a team of at least their minimum, and its price in seats. */
export interface FairnessOutcome {
  readonly protectedPhases: readonly string[];
  readonly minPeersPerTeam: number;
  readonly protectedReviews: number;
  readonly given: number;
  /**
   * The seat bound without fairness minus the seats filled with it: what fairness cost at
   * most (exactly, when the bound is met by some allocation, as the exact seat bound is).
   */
  readonly costInSeats?: number;
}

/**
 * Who loses out: the groups, the schools sending without receiving a team, and fairness.
 *
 * @example
 * const losers: WhoLosesOut = whoLosesOut(result.year, result.allocation, result.bound);
 * console.log(`${losers.withoutTeam} schools without a team; ${losers.placesSentWithoutTeam} places sent by them`);
 */
export interface WhoLosesOut {
  readonly groups: readonly GroupRow[];
  /** Schools whose reviews all got no peer (hosting at least one review with peer seats). */
  readonly withoutTeam: number;
  /** Those of them that still send places to others, and how many places in all. */
  readonly sendingWithoutTeam: readonly SchoolWithoutTeam[];
  readonly placesSentWithoutTeam: number;
  /** Present when the policy asks for fairness. */
  readonly fairness?: FairnessOutcome;
}

type Counts = { -readonly [K in Exclude<keyof GroupRow, "group" | "value">]: GroupRow[K] };
const empty = (): Counts => ({ reviews: 0, peerSeats: 0, fullTeams: 0, shortOfPeers: 0, noPeerTeam: 0, noLeadReviewer: 0, emptySeats: 0 });

/** Groups in a stable order: sizes numerically, phases and hubs by name ("(none)" last). */
function ordered(group: GroupRow["group"], counts: ReadonlyMap<string, Counts>): GroupRow[] {
  const keys = [...counts.keys()].sort((a, b) => (group === "size" ? Number(a) - Number(b) : a === "(none)" ? 1 : b === "(none)" ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((value) => ({ group, value, ...counts.get(value)! }));
}

function addTo(counts: Map<string, Counts>, key: string, review: ReviewInfo, leads: number, peers: number): void {
  const c = counts.get(key) ?? empty();
  const filledPeers = Math.min(review.peerSeats, peers);
  c.reviews += 1;
  c.peerSeats += review.peerSeats;
  if (leads > 0 && filledPeers === review.peerSeats) c.fullTeams += 1;
  if (review.peerSeats > 0 && filledPeers === 0) c.noPeerTeam += 1;
  else if (filledPeers < review.peerSeats) c.shortOfPeers += 1;
  if (leads === 0) c.noLeadReviewer += 1;
  c.emptySeats += (leads > 0 ? 0 : 1) + review.peerSeats - filledPeers;
  counts.set(key, c);
}

/**
 * Who loses out in an allocation. `bound` (the solve's seat bound, which fairness never
 * enters) prices the fairness: its cost in seats.
 *
 * @example
 * const who = whoLosesOut(result.year, result.allocation, result.bound);
 * console.log(`${who.sendingWithoutTeam.length} schools send ${who.placesSentWithoutTeam} places without a team of their own`);
 */
export function whoLosesOut(year: Year, allocation: Allocation | Placement, bound?: { readonly filledSeats: number }): WhoLosesOut {
  const placement = "teams" in allocation ? allocation : place(year, allocation);
  const byGroup = { phase: new Map<string, Counts>(), size: new Map<string, Counts>(), hub: new Map<string, Counts>() };
  const hosting = new Map<string, { reviews: ReviewInfo[]; peers: number }>();
  let filled = 0;
  for (const review of year.reviews) {
    const team = placement.teams.get(review.id);
    const leads = Math.min(1, team?.leads.length ?? 0);
    const peers = team?.peers.length ?? 0;
    filled += leads + Math.min(review.peerSeats, peers);
    addTo(byGroup.phase, review.host.phase ?? "(none)", review, leads, peers);
    addTo(byGroup.size, String(review.peerSeats), review, leads, peers);
    addTo(byGroup.hub, review.host.hub?.trim() ? review.host.hub : "(none)", review, leads, peers);
    if (review.hostSchool && review.peerSeats > 0) {
      const entry = hosting.get(review.hostSchool.id) ?? { reviews: [], peers: 0 };
      hosting.set(review.hostSchool.id, { reviews: [...entry.reviews, review], peers: entry.peers + peers });
    }
  }
  const sent = placesSent(placement);
  const without = [...hosting].filter(([, entry]) => entry.peers === 0);
  const sendingWithoutTeam = without
    .map(([schoolId, entry]): SchoolWithoutTeam => {
      const school = year.schools.get(schoolId)!;
      return {
        schoolId,
        name: school.name,
        phase: school.phase,
        hub: school.hub?.trim() ? school.hub : "(none)",
        reviewIds: entry.reviews.map((r) => r.id),
        peerSeats: entry.reviews.reduce((n, r) => n + r.peerSeats, 0),
        placesSent: sent.get(schoolId) ?? 0,
      };
    })
    .filter((s) => s.placesSent > 0);
  const fairness = fairnessOn(year.policy)
    ? {
        protectedPhases: year.policy.protectedPhases,
        minPeersPerTeam: year.policy.minPeersPerTeam,
        protectedReviews: protectedTeams(placement).protected,
        given: protectedTeams(placement).given,
        ...(bound ? { costInSeats: Math.max(0, bound.filledSeats - filled) } : {}),
      }
    : undefined;
  return {
    groups: [...ordered("phase", byGroup.phase), ...ordered("size", byGroup.size), ...ordered("hub", byGroup.hub)],
    withoutTeam: without.length,
    sendingWithoutTeam,
    placesSentWithoutTeam: sendingWithoutTeam.reduce((n, s) => n + s.placesSent, 0),
    ...(fairness ? { fairness } : {}),
  };
}
