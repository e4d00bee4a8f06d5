import { compareScores } from "../../goals/index.js";
import { isAdvanced } from "../../rules/index.js";
import type { Candidate } from "../candidates.js";
import type { EngineContext } from "../engine.js";
import { goalNetwork, type GoalCosts } from "../goal-network.js";
import { resetRoster, rosterOf, type Roster } from "../roster.js";
import { fillGreedily } from "./fill.js";
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

/** The pairs the goals pass keeps: each person's and each review's cheapest, and the roster's seats. */
function cheapestPairs(context: EngineContext, roster: Roster, count: number): (candidate: Candidate) => boolean {
  const kept = new Set<Candidate>();
  const cheapest = (list: readonly Candidate[]) => {
    const sorted = [...list].sort((a, b) => a.cost - b.cost || a.person.index - b.person.index || a.review.index - b.review.index);
    for (const c of sorted.slice(0, count)) kept.add(c);
  };
  for (const list of context.candidates.byPerson.values()) cheapest(list);
  for (const list of context.candidates.peer.values()) cheapest(list);
  for (const list of context.candidates.lead.values()) cheapest(list);
  return (c) => kept.has(c) || (c.role === "lead" ? roster.lead(c.review) === c.person : roster.peers(c.review).includes(c.person));
}

/**
 * The goals pass by flow: with every team's staffing held, who sits where is re-decided for the
 * whole year at once by a minimum-cost flow (seats first, then reciprocity and the pair goals at
 * the policy's weights, and same-school pairs within each kind of seat). The roster takes the
 * flow's allocation when it scores better, seats first; returns whether it did.
 */
export function polishByFlow(context: EngineContext, roster: Roster, pinned: ReadonlySet<string>, ties: ReadonlyMap<string, number>): boolean {
  const staffing = new Map(context.year.reviews.map((r) => [r.id, roster.peers(r).length > 0]));
  const base = rosterFromPins(context);
  const goal = goalNetwork(context.year, context.candidates, base, {
    costs: policyCosts(context),
    seats: { mode: "held", staffing },
    keep: cheapestPairs(context, roster, POLISH_LIMITS.cheapest),
  });
  goal.net.solve({ shouldStop: context.shouldStop });
  const chosen = goal.pairs.filter((p) => goal.net.flow(p.arc) > 0.5).map((p) => p.candidate);
  // Advanced reviewers first, so that a team's advanced seats are taken before its other seats.
  chosen.sort((a, b) => Number(isAdvanced(b.person)) - Number(isAdvanced(a.person)));
  const next = rosterOf(context.year, base.toAllocation());
  for (const c of chosen) if (next.canTake(c.person, c.review)) next.add(c.role, c.person, c.review);
  disbandTeamsWithoutAdvanced(next, pinned);
  fillGreedily(context, next, ties);
  if (compareScores(rosterScore(next), rosterScore(roster)) <= 0) return false;
  resetRoster(roster, next.toAllocation());
  return true;
}
