/**
 * Bounds on the goals: for each goal, the fewest units any valid allocation filling as many
 * seats can have, that goal alone; and for the goals tier, the least weighted cost. Each comes
 * from the goal network in its `relaxed` form (no advanced-seat rule, every other rule the flows
 * keep; see goal-network.ts), solved for that goal's costs alone. The networks are solved over
 * each person's and each review's cheapest pairs, and bound over every pair from the duals
 * (`lowerBound`), so the figure is a true bound whatever was left out. docs/solver.md says how.
 */
import { GOALS, type Goal } from "../goals/index.js";
import { place } from "../rules/placement.js";
import type { Weights } from "../model/policy.js";
import type { Allocation } from "../model/schema.js";
import type { Year } from "../model/year.js";
import type { Candidate, Candidates } from "./candidates.js";
import { goalNetwork, type GoalCosts } from "./goal-network.js";
import { minimiseEach } from "./lp.js";
import { buildScopeModel } from "./mip-model.js";
import type { Roster } from "./roster.js";

/** One goal of an allocation: its units and the proven least units (`best`) at its seats. */
export interface GoalBound {
  readonly id: string;
  /** The allocation's units of the goal (km for `travel`, pairs for `same-school`...). */
  readonly value: number;
  /** No valid allocation filling as many seats has fewer units of this goal alone (absent when bounds were skipped). */
  readonly best?: number;
  /**
   * `flow`: the relaxed goal network; `lp`: the LP relaxation of the whole-year model;
   * `count`: each review's cheapest candidates (large years); `reciprocity`: the reciprocity
   * bound; `none`: 0, no better bound is known.
   */
  readonly method: "flow" | "lp" | "count" | "reciprocity" | "none";
}

/** The goals tier as a whole: the weighted cost of the cost goals, and its bound. */
export interface GoalsTierBound {
  readonly value: number;
  readonly best?: number;
  /** `(value − best) / value`, 0 when the value is 0 (absent with `best`). */
  readonly gap?: number;
}

/** Work limits of the bounds. */
export const GOAL_BOUND_LIMITS = {
  /**
   * Years up to this many reviews (and `lpPairs` candidate pairs) also get the LP relaxation of
   * the whole-year model, one objective per goal: it keeps the advanced-seat rule (a staffed-team
   * column per review), which the flows leave out, and is much the tighter on scarce years.
   */
  lpReviews: 160,
  lpPairs: 40_000,
  /** Wall-clock cap of those LPs, in seconds (a safety net: the flow bounds stand without them). */
  lpSeconds: 10,
  /**
   * Years up to this many candidate pairs get the flow bounds, on the whole network (a network
   * pruned to the cheapest pairs gives duals that bound next to nothing on 0/1 goals). Larger
   * years get the counting bounds, which take the cheapest seats of each review whoever holds them.
   */
  flowPairs: 60_000,
  /** Kilometres are bounded in tenths (costs are integers). */
  kmScale: 10,
} as const;

/** Integer costs that never exceed the goal's true units (so the bound stays a bound), and the scale. */
function costsOf(goal: Goal, year: Year): { costs: GoalCosts; scale: number } | undefined {
  const zero = { reciprocity: 0, sameSchool: 0 };
  if (goal.pair) {
    const scale = goal.id === "travel" ? GOAL_BOUND_LIMITS.kmScale : 1;
    const roles = goal.roles ?? ["lead", "peer"];
    return { scale, costs: { ...zero, pair: (c) => (roles.includes(c.role) ? Math.floor(goal.pair!(year, c.person, c.review) * scale) : 0) } };
  }
  if (goal.id === "same-school") return { scale: 1, costs: { reciprocity: 0, sameSchool: 1, pair: () => 0 } };
  return undefined;
}

/**
 * The least cost of the relaxed goal network at `seats` seats over the pinned roster, for each
 * of several costs: one network, repriced and solved from the last tree for each, each answer
 * a proven lower bound (the duals' bound, which equals the least cost when the solve ends).
 */
export function relaxedLeast(year: Year, candidates: Candidates, pinned: Roster, seats: number, costs: readonly GoalCosts[], shouldStop?: () => boolean): number[] {
  if (costs.length === 0) return [];
  const network = goalNetwork(year, candidates, pinned, { costs: costs[0]!, seats: { mode: "relaxed", seats } });
  // Polled once the network is built too: the run's clock re-reports progress when it is due.
  shouldStop?.();
  return costs.map((cost, i) => {
    if (i > 0) network.reprice(cost);
    network.net.solve(shouldStop ? { shouldStop } : {});
    return Math.max(0, network.lowerBound());
  });
}

/**
 * The counting bound of a pair goal at `seats` seats: each review offers its seats at its
 * candidates' cheapest costs (one seat per candidate), and the cheapest `seats` of those are
 * taken, whoever would hold them twice (a relaxation of every rule but the team's size).
 */
function countingLeast(year: Year, candidates: Candidates, pinned: Roster, seats: number, cost: (c: Candidate) => number): number {
  const offered: number[] = [];
  for (const review of year.reviews) {
    const peerSeats = Math.max(0, review.peerSeats - pinned.peers(review).length);
    const leadSeats = pinned.lead(review) ? 0 : 1;
    for (const [list, open] of [[candidates.peer.get(review.id) ?? [], peerSeats], [candidates.lead.get(review.id) ?? [], leadSeats]] as const) {
      const costs = Float64Array.from(list, cost).sort();
      for (let k = 0; k < Math.min(open, costs.length); k += 1) offered.push(costs[k]!);
    }
  }
  const sorted = Float64Array.from(offered).sort();
  let total = 0;
  for (let k = 0; k < Math.min(seats, sorted.length); k += 1) total += sorted[k]!;
  return total;
}

/**
 * Every cost goal's value and bound for `allocation`'s seats, and the goals tier's.
 *
 * @example
 * const { goals, tier } = await goalBounds(year, candidates, pins, allocation, { reciprocity: bound.reciprocityDeviation });
 * goals.find((g) => g.id === "phase"); // { id: "phase", value: 12, best: 9, method: "lp" }
 */
export async function goalBounds(
  year: Year,
  candidates: Candidates,
  pinned: Roster,
  allocation: Allocation,
  options: { readonly reciprocity: number; readonly shouldStop?: () => boolean; readonly timeLimitSeconds?: number },
): Promise<{ goals: GoalBound[]; tier: GoalsTierBound }> {
  const placement = place(year, allocation);
  const pins = place(year, pinned.toAllocation());
  const seats = allocation.assignments.length - pinned.toAllocation().assignments.length;
  const lp = await lpLeast(year, candidates, pinned, seats, options);
  const goals: GoalBound[] = [];
  // The goals the flows bound, all on one network (each goal's costs in turn).
  const flowGoals = GOALS.filter((goal) => goal.sense === "cost" && goal.id !== "reciprocity" && goal.units(placement) > 0)
    .map((goal) => ({ goal, priced: costsOf(goal, year) }))
    .filter((g): g is { goal: Goal; priced: NonNullable<ReturnType<typeof costsOf>> } => g.priced !== undefined);
  let pairs = 0;
  for (const list of candidates.byPerson.values()) pairs += list.length;
  const byFlow = pairs <= GOAL_BOUND_LIMITS.flowPairs;
  const flow = byFlow
    ? relaxedLeast(year, candidates, pinned, seats, flowGoals.map((g) => g.priced.costs), options.shouldStop)
    : flowGoals.map((g) => (g.goal.pair ? countingLeast(year, candidates, pinned, seats, g.priced.costs.pair) : 0));
  for (const goal of GOALS) {
    if (goal.sense !== "cost") continue;
    const value = goal.units(placement);
    if (goal.id === "reciprocity") {
      goals.push({ id: goal.id, value, best: Math.min(value, options.reciprocity), method: "reciprocity" });
      continue;
    }
    const at = flowGoals.findIndex((g) => g.goal === goal);
    if (at < 0) {
      goals.push({ id: goal.id, value, best: 0, method: value === 0 ? "flow" : "none" });
      continue;
    }
    // Pinned seats are in every allocation the solve considers: their units count on both sides.
    const fixed = goal.units(pins);
    const relaxed = flow[at]! / flowGoals[at]!.priced.scale + fixed;
    const relaxedLp = lp.get(goal.id);
    const tighter = relaxedLp !== undefined && relaxedLp + fixed > relaxed;
    const least = tighter ? relaxedLp + fixed : relaxed;
    const method = tighter ? "lp" : byFlow ? "flow" : goal.pair ? "count" : "none";
    goals.push({ id: goal.id, value, best: Math.min(value, Math.max(0, least)), method });
  }
  const tier = tierOf(year, goals);
  const together = lp.get(TIER);
  if (together === undefined || tier.best === undefined) return { goals, tier };
  // The least of a sum is at least the sum of the least parts: the LP's least of the pair goals
  // together (and the pins' own units of them), and every other goal's own bound.
  const w = year.policy.weights;
  const pairGoals = GOALS.filter((g) => g.sense === "cost" && g.pair !== undefined);
  const fixed = pairGoals.reduce((sum, g) => sum + w[g.weight] * g.units(pins), 0);
  const others = goals.filter((g) => !pairGoals.some((p) => p.id === g.id)).reduce((sum, g) => sum + w[GOALS.find((goal) => goal.id === g.id)!.weight] * (g.best ?? 0), 0);
  const best = Math.min(tier.value, Math.max(tier.best, together + fixed + others));
  return { goals, tier: { value: tier.value, best, gap: tier.value === 0 ? 0 : (tier.value - best) / tier.value } };
}

/** The key of the goals together in `lpLeast`'s answer. */
const TIER = "goals tier";

/**
 * The LP relaxation's least units of each goal at exactly `seats` more seats than the pins,
 * for years small enough (`GOAL_BOUND_LIMITS`): the whole-year model with every goal's columns,
 * minimised for one goal at a time (less a hair for the solver's tolerance). Empty when skipped.
 */
async function lpLeast(
  year: Year,
  candidates: Candidates,
  pinned: Roster,
  seats: number,
  options: { readonly shouldStop?: () => boolean; readonly timeLimitSeconds?: number },
): Promise<Map<string, number>> {
  let pairs = 0;
  for (const list of candidates.byPerson.values()) pairs += list.length;
  const least = new Map<string, number>();
  if (year.reviews.length > GOAL_BOUND_LIMITS.lpReviews || pairs > GOAL_BOUND_LIMITS.lpPairs || options.shouldStop?.()) return least;
  // The pair goals only: the other goals' columns (reciprocity, same-school and reciprocal pairs)
  // would double the LP, and their bounds come from elsewhere.
  const weights = Object.fromEntries(Object.keys(year.policy.weights).map((key) => [key, 0])) as unknown as Weights;
  const everyGoal: Year = { ...year, policy: { ...year.policy, weights } };
  const built = buildScopeModel(everyGoal, candidates, pinned, { reviews: year.reviews, leads: true, peers: true, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) });
  const seatColumns = built.seats.flatMap((seat, j) => (seat ? [j] : []));
  const rows = [...built.model.rows, { lower: seats, upper: seats, indices: seatColumns, values: seatColumns.map(() => 1) }];
  const columns = built.model.columns.map((c) => ({ ...c, integer: false }));
  // The pair goals one by one (same-school and reciprocal pairs, whose LP is weak and slow to
  // reach, keep their flow bounds), and all the goals together at the policy's weights.
  const measured = GOALS.filter((goal) => goal.sense === "cost" && goal.pair !== undefined);
  const together = measured;
  const unitsOf = (goal: (typeof GOALS)[number]) => {
    const objective = new Float64Array(columns.length);
    if (goal.pair) {
      const roles = goal.roles ?? ["lead", "peer"];
      built.seats.forEach((seat, j) => {
        if (seat && roles.includes(seat.role)) objective[j] = goal.pair!(year, seat.person, seat.review);
      });
    }
    for (const [j, units] of built.goalUnits.get(goal.id) ?? []) objective[j] = objective[j]! + units;
    return objective;
  };
  const objectives = measured.map(unitsOf);
  // Reciprocity apart: its bound is added after.
  const w = year.policy.weights;
  const weighted = new Float64Array(columns.length);
  for (const goal of together) unitsOf(goal).forEach((units, j) => (weighted[j] = weighted[j]! + w[goal.weight] * units));
  const values = await minimiseEach({ columns, rows }, [...objectives, weighted], {
    timeLimitSeconds: Math.min(GOAL_BOUND_LIMITS.lpSeconds, options.timeLimitSeconds ?? Infinity),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  });
  measured.forEach((goal, i) => {
    const value = values[i];
    if (value !== undefined) least.set(goal.id, value - 1e-6 * Math.max(1, Math.abs(value)));
  });
  const tier = values[measured.length];
  if (tier !== undefined) least.set(TIER, tier - 1e-6 * Math.max(1, Math.abs(tier)));
  return least;
}

/** The goals tier from its goals: weighted value and, where every goal has one, weighted bound (a sum of least values is a least value of the sum, or below it). */
export function tierOf(year: Year, goals: readonly GoalBound[]): GoalsTierBound {
  const w = year.policy.weights;
  const weightOf = (id: string) => w[GOALS.find((goal) => goal.id === id)!.weight];
  const value = goals.reduce((sum, g) => sum + weightOf(g.id) * g.value, 0);
  if (goals.some((g) => g.best === undefined)) return { value };
  const best = Math.min(value, goals.reduce((sum, g) => sum + weightOf(g.id) * g.best!, 0));
  return { value, best, gap: value === 0 ? 0 : (value - best) / value };
}

/** Every cost goal's value, without bounds (`exactBound: false`). */
export function goalValues(year: Year, allocation: Allocation): { goals: GoalBound[]; tier: GoalsTierBound } {
  const placement = place(year, allocation);
  const goals: GoalBound[] = GOALS.filter((goal) => goal.sense === "cost").map((goal) => ({ id: goal.id, value: goal.units(placement), method: "none" as const }));
  return { goals, tier: tierOf(year, goals) };
}
