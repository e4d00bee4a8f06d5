/**
 * The soft goals, one list. Every figure the engines optimise is built from it: the value of
 * an allocation (`scoreOf`), the MIP's coefficients (`pairCost`, the weights below) and the
 * greedy engines' seat cost (`marginalCost`). A new goal is one entry here and its own module.
 *
 * Goals fall in two tiers compared in order (lexicographically), so no weight can trade a
 * seat for a lower goal: `seats` (Lead Reviewer and peer seats filled, weighted by `leadSeat`
 * and `seat`), then `goals` (everything else, traded against each other by their weights).
 */
import type { Weights } from "../model/policy.js";
import type { Role } from "../model/schema.js";
import { accountOf, type PersonInfo, type ReviewInfo, type Year } from "../model/year.js";
import { advancedFor, isAdvanced } from "../rules/advanced-seat.js";
import type { Placement, SeatState } from "../rules/types.js";
import { fairnessGoal } from "./fairness.js";
import { firstReviewGoal } from "./first-review.js";
import { phaseGoal } from "./phase.js";
import { preferenceGoal } from "./preference.js";
import { reciprocityGoal } from "./reciprocity.js";
import { travelGoal } from "./travel.js";
import { varietyGoal } from "./variety.js";

/**
 * Which tier a goal belongs to: seats always come before every other goal; `fairness` (off
 * unless the policy protects teams, `src/goals/fairness.ts`) comes before the seats.
 */
export type Tier = "fairness" | "seats" | "goals";

/** A soft goal: its policy weight and how many units of it one pair, or a whole allocation, has. */
export interface Goal {
  readonly id: string;
  readonly summary: string;
  readonly tier: Tier;
  /** The policy weight that prices one unit. */
  readonly weight: keyof Weights;
  /** `reward`: more units are better (seats); `cost`: fewer are better. */
  readonly sense: "reward" | "cost";
  /** Units of one person on one review, for goals that a pair carries alone. */
  readonly pair?: (year: Year, person: PersonInfo, review: ReviewInfo) => number;
  /** The seats a pair goal applies to (default: both). */
  readonly roles?: readonly Role[];
  /** Units of a whole allocation. */
  readonly units: (placement: Placement) => number;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/**
 * Places each reciprocity account sends, from a placement's duties: a place on a review counted
 * by school goes to the reviewer's school, one counted by trust to the school's trust (see
 * `accountOf`); keys as `Year.target`'s.
 */
export function placesSent(placement: Placement): Map<string, number> {
  const sent = new Map<string, number>();
  for (const { person, reviews } of placement.duties.values()) {
    for (const review of reviews) {
      const account = accountOf(person, review);
      if (account !== undefined) sent.set(account, (sent.get(account) ?? 0) + 1);
    }
  }
  return sent;
}

/** Same-school pairs on one team: a second (third...) reviewer of one school on a team. */
function sameSchoolPairs(peers: readonly PersonInfo[]): number {
  const seen = new Map<string, number>();
  let pairs = 0;
  for (const peer of peers) {
    if (!peer.school) continue;
    const count = seen.get(peer.school.id) ?? 0;
    if (count > 0) pairs += 1;
    seen.set(peer.school.id, count + 1);
  }
  return pairs;
}

/** The sum of a pair goal over every seat of a placement. */
const overSeats = (goal: (year: Year, person: PersonInfo, review: ReviewInfo) => number, roles: readonly Role[]) => (placement: Placement) => {
  let total = 0;
  for (const review of placement.year.reviews) {
    const team = placement.teams.get(review.id);
    if (!team) continue;
    if (roles.includes("lead")) for (const lead of team.leads.slice(0, 1)) total += goal(placement.year, lead, review);
    if (roles.includes("peer")) for (const peer of team.peers) total += goal(placement.year, peer, review);
  }
  return total;
};

const pairGoal = (spec: { id: string; summary: string; weight: keyof Weights; roles?: readonly Role[]; pair: (year: Year, person: PersonInfo, review: ReviewInfo) => number }): Goal => ({
  ...spec,
  tier: "goals",
  sense: "cost",
  units: overSeats(spec.pair, spec.roles ?? ["lead", "peer"]),
});

/** The soft goals in priority order (DOMAIN.md): seats, reciprocity, phase, preference, travel, variety. */
export const GOALS: readonly Goal[] = [
  // Fairness: its own tier above the seats, each unit priced as a seat (0 units when off).
  { id: fairnessGoal.id, summary: fairnessGoal.summary, tier: "fairness", weight: "seat", sense: "reward", units: fairnessGoal.units },
  {
    id: "lead-seat",
    summary: "Fill every Lead Reviewer seat.",
    tier: "seats",
    weight: "leadSeat",
    sense: "reward",
    units: ({ year, teams }) => sum(year.reviews.map((r) => Math.min(1, teams.get(r.id)?.leads.length ?? 0))),
  },
  {
    id: "peer-seat",
    summary: "Fill every peer seat.",
    tier: "seats",
    weight: "seat",
    sense: "reward",
    units: ({ year, teams }) => sum(year.reviews.map((r) => Math.min(r.peerSeats, teams.get(r.id)?.peers.length ?? 0))),
  },
  {
    id: "advanced-seat",
    summary: "Among allocations filling as many seats, staff more teams (each team's advanced seats filled).",
    tier: "goals",
    weight: "advancedSeat",
    sense: "reward",
    units: ({ year, teams }) =>
      sum(
        year.reviews.map((review) => {
          const peers = teams.get(review.id)?.peers ?? [];
          const need = advancedFor(review, peers.length);
          return need > 0 && peers.filter(isAdvanced).length >= need ? need : 0;
        }),
      ),
  },
  {
    id: reciprocityGoal.id,
    summary: reciprocityGoal.summary,
    tier: "goals",
    weight: "reciprocity",
    sense: "cost",
    units: (placement) => {
      const sent = placesSent(placement);
      return sum([...placement.year.target].map(([account, target]) => Math.abs((sent.get(account) ?? 0) - target)));
    },
  },
  pairGoal({ id: phaseGoal.id, summary: phaseGoal.summary, weight: "phase", pair: (_year, person, review) => phaseGoal.cost(person, review) }),
  pairGoal({ id: preferenceGoal.id, summary: preferenceGoal.summary, weight: "preference", roles: ["peer"], pair: (_year, person, review) => preferenceGoal.cost(person, review) }),
  pairGoal({ id: travelGoal.id, summary: travelGoal.summary, weight: "travelPerKm", pair: (_year, person, review) => travelGoal.cost(person, review) }),
  pairGoal({ id: "repeat", summary: "No repeat of last year's reviewer or Lead Reviewer at a school (history.csv).", weight: "variety", pair: varietyGoal.cost }),
  pairGoal({ id: firstReviewGoal.id, summary: firstReviewGoal.summary, weight: "firstReview", roles: ["peer"], pair: (year, person) => firstReviewGoal.cost(year, person) }),
  {
    id: "same-school",
    summary: "No two reviewers of one school on the same team.",
    tier: "goals",
    weight: "variety",
    sense: "cost",
    units: ({ year, teams }) => sum(year.reviews.map((r) => sameSchoolPairs(teams.get(r.id)?.peers ?? []))),
  },
];

const PAIR_GOALS = GOALS.filter((goal) => goal.pair !== undefined);

/** The weighted cost of one person on one review: every pair goal, priced by the policy. */
export function pairCost(year: Year, person: PersonInfo, review: ReviewInfo): number {
  const w = year.policy.weights;
  let cost = 0;
  for (const goal of PAIR_GOALS) {
    if (goal.roles && !goal.roles.includes(person.role)) continue;
    cost += w[goal.weight] * goal.pair!(year, person, review);
  }
  return cost;
}

/** An allocation's value by tier: `[fairness, seats, goals]`, larger is better, compared in order. */
export type Score = readonly number[];

/** The policy's value of a placement, tier by tier. */
export function scoreOf(placement: Placement): Score {
  const w = placement.year.policy.weights;
  const tiers: Record<Tier, number> = { fairness: 0, seats: 0, goals: 0 };
  for (const goal of GOALS) tiers[goal.tier] += (goal.sense === "reward" ? 1 : -1) * w[goal.weight] * goal.units(placement);
  return [tiers.fairness, tiers.seats, tiers.goals];
}

/** Compares two scores tier by tier: negative when `a` is worse than `b`. */
export function compareScores(a: Score, b: Score, tolerance = 1e-6): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (Math.abs(diff) > tolerance * Math.max(1, Math.abs(a[i] ?? 0), Math.abs(b[i] ?? 0))) return diff;
  }
  return 0;
}

/**
 * The cost of `person` joining `review` now, for the greedy engines: the pair's cost, plus
 * one place of reciprocity for the account the place counts for (a place the school, or trust,
 * owes is a gain, a surplus place a loss), plus a second reviewer of one school on the team.
 */
export function marginalCost(year: Year, state: SeatState & { sent(account: string): number }, person: PersonInfo, review: ReviewInfo, pair: number): number {
  const w = year.policy.weights;
  let cost = pair;
  if (person.school) {
    const account = accountOf(person, review);
    if (account !== undefined) {
      const owed = (year.target.get(account) ?? 0) - state.sent(account);
      cost += owed > 0 ? -w.reciprocity : w.reciprocity;
    }
    if (state.peers(review).some((p) => p.school?.id === person.school?.id)) cost += w.variety;
  }
  return cost;
}

/**
 * One objective from tiered coefficients, so that a MIP's optimum is the tiers' lexicographic
 * optimum: each tier's coefficients are multiplied until one `step` of that tier (one seat, at
 * the smaller seat weight) outweighs any change the lower tiers can make, which `upper` (a bound
 * on each column) limits. Leads and peers are filled from separate pools, so the seat tier's two
 * weights never trade against each other at an optimum.
 */
export function combineTiers(tiers: readonly (readonly number[])[], upper: readonly number[], steps: readonly number[]): number[] {
  // The lowest tier only ranks allocations within the tiers above: scaled down to a largest
  // coefficient of 100, it keeps the combined objective well inside double precision whatever
  // the policy's weights.
  const lowest = tiers[tiers.length - 1] ?? [];
  const largest = lowest.reduce((m, c) => Math.max(m, Math.abs(c)), 0);
  if (largest > 100) tiers = [...tiers.slice(0, -1), lowest.map((c) => (c * 100) / largest)];
  const combined = new Array<number>(upper.length).fill(0);
  let scale = 1;
  let lowerSwing = 0;
  for (let t = tiers.length - 1; t >= 0; t -= 1) {
    if (t < tiers.length - 1) scale = (1 + lowerSwing) / Math.max(1e-9, steps[t] ?? 1);
    const tier = tiers[t]!;
    let range = 0;
    for (let j = 0; j < upper.length; j += 1) {
      combined[j] = combined[j]! + scale * (tier[j] ?? 0);
      range += Math.abs(tier[j] ?? 0) * (upper[j] ?? 0);
    }
    lowerSwing += 2 * scale * range;
  }
  return combined;
}
