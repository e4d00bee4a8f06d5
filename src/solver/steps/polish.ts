import { compareScores } from "../../goals/index.js";
import { isAdvanced } from "../../rules/index.js";
import type { Candidate } from "../candidates.js";
import type { ReviewInfo } from "../../model/year.js";
import type { EngineContext } from "../engine.js";
import { goalNetwork, type GoalCosts } from "../goal-network.js";
import { resetRoster, rosterOf, type Roster } from "../roster.js";
import { fillGreedily } from "./fill.js";
import { weekWindows } from "./sweep.js";
import { disbandTeamsWithoutAdvanced, rosterFromPins } from "./pins.js";
import { rosterScore } from "./resolve.js";

/** Policy weights are multiplied by this and rounded, for the integer costs of the goal network. */
export const GOAL_COST_SCALE = 100;

/** Work limits of the goals pass. */
export const POLISH_LIMITS = {
  /**
   * Each person keeps arcs to their this-many cheapest reviews and each review to its this-many
   * cheapest candidates (and every seat of the roster keeps its arc): a network a few times
   * smaller than the year's pairs, whose optimum is within a fraction of a percent of the whole
   * network's (measured in docs/solver.md), solved in a fraction of the time.
   */
  cheapest: 10,
  /** Years of more reviews are passed window by window (`windowWeeks` weeks of reviews each). */
  wholeYearReviews: 1_000,
  windowWeeks: 6,
} as const;

/** The policy's goals as the goal network's integer costs. */
export function policyCosts(context: EngineContext): GoalCosts {
  const w = context.year.policy.weights;
  return {
    pair: (c) => Math.round(c.cost * GOAL_COST_SCALE),
    reciprocity: Math.round(w.reciprocity * GOAL_COST_SCALE),
    sameSchool: Math.round(w.variety * GOAL_COST_SCALE),
  };
}

/**
 * The pairs the goals pass gives arcs, apart from the roster's own seats: each person's and
 * each review's `POLISH_LIMITS.cheapest` cheapest (the same for every pass of a run: an engine
 * works them out once).
 */
export function cheapestCandidates(context: EngineContext): ReadonlySet<Candidate> {
  const kept = new Set<Candidate>();
  const count = POLISH_LIMITS.cheapest;
  const cheapest = (list: readonly Candidate[]) => {
    if (list.length <= count) {
      for (const c of list) kept.add(c);
      return;
    }
    // The count-th smallest cost by a numeric sort, then the pairs below it and, in list order, at it.
    const threshold = Float64Array.from(list, (c) => c.cost).sort()[count - 1]!;
    const below = list.filter((c) => c.cost < threshold);
    for (const c of below) kept.add(c);
    for (const c of list.filter((c) => c.cost === threshold).slice(0, count - below.length)) kept.add(c);
  };
  for (const list of context.candidates.byPerson.values()) cheapest(list);
  for (const list of context.candidates.peer.values()) cheapest(list);
  for (const list of context.candidates.lead.values()) cheapest(list);
  return kept;
}

/** Rounds of the goals pass: each prices the pairs the last flow made (see `polishByFlow`). */
export const POLISH_ROUNDS = 3;

/**
 * The goals pass by flow: with every team's staffing held, who sits where is re-decided for the
 * whole year at once by a minimum-cost flow (seats first, then reciprocity and the pair goals at
 * the policy's weights, and same-school pairs within each kind of seat). Reciprocal pairs and
 * same-school pairs across an advanced and another seat are not flows: each round prices the
 * arcs that made the last round's pairs (half a reciprocal pair's weight on each direction, a
 * same-school pair's on the other seat), and the roster takes the best round's allocation when
 * it scores better, seats first. Returns whether it did.
 */
export function polishByFlow(
  context: EngineContext,
  roster: Roster,
  run: { readonly pinned: ReadonlySet<string>; readonly ties: ReadonlyMap<string, number>; readonly cheapest: ReadonlySet<Candidate> },
): boolean {
  const { year } = context;
  if (year.reviews.length <= POLISH_LIMITS.wholeYearReviews) return polishScope(context, roster, run);
  // A very large year window by window in time, the rest of the year held: each network a
  // fraction of the year's, and the network simplex's work grows faster than its arcs.
  let improved = false;
  for (const window of weekWindows(year.reviews, POLISH_LIMITS.windowWeeks)) {
    if (context.shouldStop()) break;
    improved = polishScope(context, roster, run, new Set(window)) || improved;
  }
  return improved;
}

/** The goals pass over the whole year, or over the reviews of `scope` with the rest of the roster held. */
function polishScope(
  context: EngineContext,
  roster: Roster,
  run: { readonly pinned: ReadonlySet<string>; readonly ties: ReadonlyMap<string, number>; readonly cheapest: ReadonlySet<Candidate> },
  scope?: ReadonlySet<ReviewInfo>,
): boolean {
  const { year } = context;
  const { pinned, ties, cheapest } = run;
  const w = year.policy.weights;
  const staffing = new Map(year.reviews.map((r) => [r.id, roster.peers(r).length > 0]));
  // What stays: the pins, and with a scope every seat outside it.
  const stays = (a: { reviewId: string; role: string; personId: string }) => pinned.has(`${a.role}:${a.personId}@${a.reviewId}`) || (scope !== undefined && !scope.has(year.reviewById.get(a.reviewId)!));
  const base = scope ? rosterOf(year, { assignments: roster.toAllocation().assignments.filter(stays) }) : rosterFromPins(context);
  const keep = (c: Candidate) => cheapest.has(c) || (c.role === "lead" ? roster.lead(c.review) === c.person : roster.peers(c.review).includes(c.person));
  const costs = policyCosts(context);
  const linked = new Map<string, number>();
  const penalty = (c: Candidate) => {
    if (c.role === "lead" || !c.person.school) return 0;
    const host = c.review.hostSchool?.id;
    return (host !== undefined ? (linked.get(`${c.person.school.id}>${host}`) ?? 0) : 0) + (linked.get(`${c.person.school.id}|${c.review.index}`) ?? 0);
  };
  let best = roster;
  let bestScore = rosterScore(roster);
  // One network for every round: each round only reprices its pairs, and the network simplex
  // starts from the last round's tree.
  const goal = goalNetwork(year, context.candidates, base, { costs, seats: { mode: "held", staffing }, keep, ...(scope ? { scope } : {}) });
  for (let round = 0; round < POLISH_ROUNDS && !context.shouldStop(); round += 1) {
    if (round > 0) goal.reprice({ ...costs, pair: (c) => costs.pair(c) + penalty(c) });
    // Polled between the round's parts too (the clock re-reports progress when it is due): past
    // the run's limit the round is dropped, the best allocation so far kept.
    if (context.shouldStop()) break;
    goal.net.solve({ shouldStop: context.shouldStop });
    const chosen = goal.pairs.filter((p) => goal.net.flow(p.arc) > 0.5).map((p) => p.candidate);
    // Advanced reviewers first, so that a team's advanced seats are taken before its other seats.
    chosen.sort((a, b) => Number(isAdvanced(b.person)) - Number(isAdvanced(a.person)));
    const next = rosterOf(year, base.toAllocation());
    for (const c of chosen) if (next.canTake(c.person, c.review)) next.add(c.role, c.person, c.review);
    disbandTeamsWithoutAdvanced(next, pinned);
    // The whole year's greedy completion only for the whole year: a window's flow holds its seats.
    if (!scope) fillGreedily(context, next, ties);
    if (context.shouldStop()) break;
    const score = rosterScore(next);
    if (compareScores(score, bestScore) > 0) {
      best = next;
      bestScore = score;
    }
    const found = pairsToPrice(next, Math.round((w.reciprocalPair * GOAL_COST_SCALE) / 2), Math.round(w.variety * GOAL_COST_SCALE));
    if (found.size === 0) break;
    for (const [key, price] of found) linked.set(key, (linked.get(key) ?? 0) + price);
  }
  if (best === roster) return false;
  resetRoster(roster, best.toAllocation());
  return true;
}

/**
 * The arcs to price after a round: `A>B` (reviewers of school A at reviews school B hosts) for
 * each direction of a reciprocal pair, and `S|review` (school S's reviewers on that team) where
 * two of one school sit on a team, one of them on an advanced seat.
 */
function pairsToPrice(roster: Roster, halfPair: number, sameSchool: number): Map<string, number> {
  const { year } = roster;
  const prices = new Map<string, number>();
  if (halfPair > 0) {
    for (const review of year.reviews) {
      const host = review.hostSchool?.id;
      if (host === undefined) continue;
      for (const peer of roster.peers(review)) {
        const from = peer.school?.id;
        if (from === undefined) continue;
        const back = (year.reviewsHostedBy.get(from) ?? []).some((other) => roster.peers(other).some((p) => p.school?.id === host));
        if (back) prices.set(`${from}>${host}`, halfPair);
      }
    }
  }
  if (sameSchool > 0) {
    for (const review of year.reviews) {
      const peers = roster.peers(review);
      for (const peer of peers) {
        if (isAdvanced(peer) || !peer.school) continue;
        if (peers.some((p) => p !== peer && isAdvanced(p) && p.school?.id === peer.school!.id)) prices.set(`${peer.school.id}|${review.index}`, sameSchool);
      }
    }
  }
  return prices;
}
