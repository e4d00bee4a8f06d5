/**
 * The soft goals, one list, each goal stated once in its own module (`types.ts` says what a goal
 * states). Every figure the engines optimise and the checker reports is built from this list:
 * an allocation's units of each goal (`goalUnits`, the metrics), its value (`scoreOf`), the
 * MIP's coefficients and goal columns (`pairCost`, each goal's `mip`), and the greedy engines'
 * seat cost (`marginalCost`). A new goal is one module and one entry here.
 *
 * Goals fall in two tiers compared in order (lexicographically), so no weight can trade a
 * seat for a lower goal: `seats` (Lead Reviewer and peer seats filled, weighted by `leadSeat`
 * and `seat`), then `goals` (everything else, traded against each other by their weights).
 */
import { MIN_SEAT_WEIGHT } from "../model/policy.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import type { Placement } from "../rules/types.js";
import { firstReviewGoal } from "./first-review.js";
import { phaseGoal } from "./phase.js";
import { preferenceGoal } from "./preference.js";
import { reciprocalPairsGoal } from "./reciprocal-pairs.js";
import { reciprocityDeviationGoal } from "./reciprocity.js";
import { repeatGoal } from "./repeat.js";
import { sameSchoolGoal } from "./same-school.js";
import { travelGoal } from "./travel.js";
import { advancedSeatGoal, leadSeatGoal, peerSeatGoal } from "./seats.js";
import { fairnessGoal } from "./fairness.js";
import type { Goal, GoalState, Tier } from "./types.js";

export type { Goal, GoalState, MipTerms, Tier } from "./types.js";
export { placesSent } from "./reciprocity.js";

/** The soft goals in priority order (DOMAIN.md): seats (after fairness, when the policy asks for it), reciprocity, phase, preference, travel, variety. */
export const GOALS: readonly Goal[] = [
  fairnessGoal,
  leadSeatGoal,
  peerSeatGoal,
  advancedSeatGoal,
  reciprocityDeviationGoal,
  phaseGoal,
  preferenceGoal,
  travelGoal,
  repeatGoal,
  firstReviewGoal,
  sameSchoolGoal,
  reciprocalPairsGoal,
];

/** A goal by id (every id in `GOALS`). */
export function goalById(id: string): Goal {
  const goal = GOALS.find((g) => g.id === id);
  if (!goal) throw new RangeError(`unknown goal "${id}"`);
  return goal;
}

const PAIR_GOALS = GOALS.filter((goal) => goal.pair !== undefined);
const STATE_GOALS = GOALS.filter((goal) => goal.marginal !== undefined);

/** The units of one goal that one person on one review carries alone, summed over the pair goals, weighted. */
export function pairCost(year: Year, person: PersonInfo, review: ReviewInfo): number {
  const w = year.policy.weights;
  let cost = 0;
  for (const goal of PAIR_GOALS) {
    if (goal.roles && !goal.roles.includes(person.role)) continue;
    cost += w[goal.weight] * goal.pair!(year, person, review);
  }
  return cost;
}

/** An allocation's units of every goal, by goal id (the checker's metrics read these). */
export function goalUnits(placement: Placement): Record<string, number> {
  return Object.fromEntries(GOALS.map((goal) => [goal.id, goal.units(placement)]));
}

/**
 * An allocation's value by tier, larger is better, compared in order: `seats`, the filled seats
 * at their policy weights with fairness priced above every peer seat of the year, then `goals`,
 * every other goal's weighted units (a cost counts negative).
 */
export type Score = readonly [seats: number, goals: number];

/**
 * The policy's value of a placement, tier by tier. Fairness counts in the seats' tier, each
 * unit worth more than every peer seat of the year together: above the seats, and compared to
 * within a seat's rounding as they are.
 */
export function scoreOf(placement: Placement): Score {
  const w = placement.year.policy.weights;
  const tiers: Record<Tier, number> = { fairness: 0, seats: 0, goals: 0 };
  for (const goal of GOALS) tiers[goal.tier] += (goal.sense === "reward" ? 1 : -1) * w[goal.weight] * goal.units(placement);
  const peerSeats = placement.year.reviews.reduce((n, r) => n + r.peerSeats, 0);
  return [tiers.seats + tiers.fairness * (peerSeats + 1), tiers.goals];
}

/**
 * Compares two scores tier by tier: negative when `a` is worse than `b`. The seat tier is
 * compared to within rounding only (seats are whole, each weighing at least `MIN_SEAT_WEIGHT`):
 * a tolerance relative to its size would hide one seat among thousands of heavily weighted ones.
 */
export function compareScores<T extends readonly [seats: number, ...rest: number[]]>(a: T, b: T, tolerance = 1e-9): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    const relative = tolerance * Math.max(1, Math.abs(a[i] ?? 0), Math.abs(b[i] ?? 0));
    if (Math.abs(diff) > (i === 0 ? Math.min(relative, SEAT_ROUNDING) : relative)) return diff;
  }
  return 0;
}

/** Below a thousandth of the smallest seat weight: rounding, never a seat. */
const SEAT_ROUNDING = MIN_SEAT_WEIGHT / 1000;

/**
 * The cost of `person` joining `review` now, for the greedy engines: the pair's cost (`pair`,
 * the pair goals' weighted units) plus what every other cost goal says one more seat adds.
 */
export function marginalCost(year: Year, state: GoalState, person: PersonInfo, review: ReviewInfo, pair: number): number {
  const w = year.policy.weights;
  let cost = pair;
  for (const goal of STATE_GOALS) {
    const weight = w[goal.weight];
    if (weight !== 0) cost += (goal.sense === "cost" ? 1 : -1) * weight * goal.marginal!(year, state, person, review);
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
