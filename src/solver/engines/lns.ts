import { fairnessOn } from "../../goals/fairness.js";
import { compareScores } from "../../goals/index.js";
import type { Engine, StopReason } from "../engine.js";
import { constructByFlows } from "../steps/construct.js";
import { fillGreedily, yearTies } from "../steps/fill.js";
import { deviation, goalSeeds, neighbourhood, openSeats, reciprocitySeed } from "../steps/neighbourhood.js";
import { cheapestCandidates, polishByFlow } from "../steps/polish.js";
import { pinnedKeys, rosterFromPins } from "../steps/pins.js";
import { resolveScope, rosterScore, type RosterScore } from "../steps/resolve.js";
import { sweepByWeeks } from "../steps/sweep.js";
import { breathe } from "../lp.js";

/** Work limits of the search (iterations, not seconds, so that a run is reproducible). */
export const LNS_LIMITS = {
  /** Reviews in one neighbourhood. */
  neighbourhoodSize: 16,
  /** Neighbourhoods without an improvement before the search stops. */
  patience: 8,
  /** Neighbourhoods in all, at most. */
  maxNeighbourhoods: 40,
  /** Neighbourhoods in all after a sweep, which has already re-solved the whole year once. */
  maxAfterSweep: 16,
  /** Branch-and-bound nodes of one neighbourhood's MIP at most (the work limit that keeps runs reproducible). */
  neighbourhoodNodes: 5_000,
  /** Wall-clock cap of one neighbourhood's MIP, in seconds (a safety net only). */
  neighbourhoodSeconds: 10,
  /** Years up to this many reviews (and `wholeYearPairs` candidate pairs) are re-solved whole once (seats, then reciprocity) before the search. */
  wholeYearReviews: 250,
  wholeYearPairs: 60_000,
  /** Branch-and-bound nodes of that whole-year MIP at most. */
  wholeYearNodes: 2_000,
  /** Wall-clock cap of that whole-year MIP, in seconds (a safety net only). */
  wholeYearSeconds: 30,
  /**
   * Years up to this many reviews (and `goalYearPairs` candidate pairs) are re-solved whole for
   * every goal at the end, from the goals pass's allocation: HiGHS then proves most of them
   * optimal (which teams are staffed is what the flows hold fixed, and on a short year the
   * goals' lever). Larger years rely on the goals search.
   */
  goalYearReviews: 160,
  goalYearPairs: 40_000,
  /** Branch-and-bound nodes of that MIP at most (a work limit), and its wall-clock cap. */
  goalYearNodes: 2_000,
  goalYearSeconds: 30,
  /**
   * Neighbourhoods of the goals search at most, and without an improvement before it stops: a
   * little beyond the goals pass (same-school and reciprocal pairs it priced but could not
   * state; on a national year 0.4 points of phase match, a few pairs fewer), at a second or two.
   */
  goalNeighbourhoods: 6,
  goalPatience: 3,
  /** Years above this many reviews skip the goals search: its MIPs cost seconds there for a point or two of pairs. */
  goalSearchReviews: 400,
  /** The goals search seeds from this many of the costliest teams, in turn. */
  goalSeedSpan: 12,
} as const;

/**
 * Whether a neighbourhood improved the roster enough to keep searching: a seat, a kept seat, or
 * one unit of the goals (kilometre-sized travel gains alone do not keep the search going).
 */
function improved([seats, kept, goals]: RosterScore, after: RosterScore): boolean {
  return after[0] > seats + 1e-9 || after[1] > kept || after[2] >= goals + 1;
}

/** Whether anyone may sit on `review` at all (a team nobody may join is short whatever we do). */
function hasCandidates(context: Parameters<Engine["run"]>[0], review: { readonly id: string }): boolean {
  return (context.candidates.peer.get(review.id)?.length ?? 0) + (context.candidates.lead.get(review.id)?.length ?? 0) > 0;
}

/**
 * The fast engine for national scale: Lead Reviewers by flow, peer teams staffed largest first
 * by a flow over the advanced reviewers and then filled by flow (both exact for the relaxation
 * that the `overlap` blocks leave), completed greedily, then improved by a large-neighbourhood
 * search whose neighbourhoods (a few dozen reviews around one short team) HiGHS re-solves exactly.
 */
export const lns: Engine = {
  name: "lns",
  summary: "Flows that staff the largest teams first, greedy completion, then large-neighbourhood search with exact HiGHS sub-problems.",
  run: async (context) => {
    const { year } = context;
    const pinned = pinnedKeys(context);
    const ties = yearTies(context);
    let iterations = 0;
    context.report({ phase: "flow", incumbent: context.fixed.assignments.length });
    if (context.shouldStop()) {
      // The limit came during set-up: the greedy baseline is all there is time for.
      const roster = rosterFromPins(context);
      iterations += fillGreedily(context, roster, ties);
      return { allocation: roster.toAllocation(), stoppedBy: "time-limit", iterations };
    }
    const constructed = constructByFlows(context, rosterFromPins(context), pinned);
    iterations += fillGreedily(context, constructed, ties);
    // The greedy baseline costs little beside the flows: the search starts from whichever is better.
    const baseline = rosterFromPins(context);
    iterations += fillGreedily(context, baseline, ties);
    const roster = compareScores(rosterScore(baseline), rosterScore(constructed)) > 0 ? baseline : constructed;
    // With fairness the seat bound is not the goal: fewer seats may be the best.
    const boundMet = () => !fairnessOn(year.policy) && context.seatBound !== undefined && roster.filled() >= context.seatBound && deviation(roster) <= (context.reciprocityBound ?? 0);
    const progress = (phase: string) => {
      const filled = roster.filled();
      const bound = context.seatBound;
      // The roster is whole between steps: a caller that stops waiting may take it (`onIncumbent`).
      context.report({ phase, incumbent: filled, ...(bound !== undefined ? { bound, gap: Math.max(0, bound - filled) / Math.max(1, bound) } : {}) }, () => roster.toAllocation());
    };
    // Who sits where, for reciprocity and every goal below it, with each team's staffing held.
    progress("goals");
    const passRun = { pinned, ties, cheapest: cheapestCandidates(context) };
    if (!context.shouldStop()) polishByFlow(context, roster, passRun);
    iterations += 1;
    let pairs = 0;
    for (const list of context.candidates.byPerson.values()) pairs += list.length;
    // A small or medium year is re-solved whole for every goal further on, seats and reciprocity
    // first: nothing before that needs to chase them.
    const wholeForGoals = year.reviews.length <= LNS_LIMITS.goalYearReviews && pairs <= LNS_LIMITS.goalYearPairs;
    let swept = false;
    if (wholeForGoals || boundMet() || context.shouldStop()) {
      // The seats and reciprocity are where the bounds allow: the search turns to the goals.
    } else if (year.reviews.length <= LNS_LIMITS.wholeYearReviews && pairs <= LNS_LIMITS.wholeYearPairs) {
      // A small or medium year is re-solved whole, from the construction, for seats and reciprocity.
      progress("whole-year");
      const seconds = Math.min(LNS_LIMITS.wholeYearSeconds, context.timeLimitSeconds ?? Infinity);
      const { kept } = await resolveScope(context, roster, { reviews: year.reviews, leads: true, peers: true, objective: "balance" }, { pinned, seconds, maxNodes: LNS_LIMITS.wholeYearNodes, warmStart: true });
      iterations += 1;
      if (kept && !context.shouldStop()) polishByFlow(context, roster, passRun);
    } else {
      // A larger year is swept window by window in time for the same goals.
      progress("sweep");
      const windows = await sweepByWeeks(context, roster, pinned);
      iterations += windows;
      swept = windows > 0;
      if (!context.shouldStop()) polishByFlow(context, roster, passRun);
    }
    progress("search");

    let stale = 0;
    let done = 0;
    let stoppedBy: StopReason = "work-limit";
    const order = [...year.reviews].sort((a, b) => (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0));
    const schoolOrder = [...year.problem.schools].sort((a, b) => (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
    let cursor = 0;
    const most = swept ? LNS_LIMITS.maxAfterSweep : LNS_LIMITS.maxNeighbourhoods;
    // Seats and reciprocity first, while they are short of their bounds.
    while (!wholeForGoals && !boundMet() && done < most && stale < LNS_LIMITS.patience) {
      if (context.shouldStop()) break;
      // In turn: a short team someone could still join, a school out of reciprocity balance, and
      // the year in the seeded order.
      const short = order.filter((r) => openSeats(roster, r) > 0 && hasCandidates(context, r));
      const kind = done % 3;
      const seed =
        (kind === 0 ? short[Math.floor(done / 3) % Math.max(1, short.length)] : undefined) ??
        (kind <= 1 ? reciprocitySeed(context, roster, schoolOrder, done) : undefined) ??
        order[cursor++ % order.length]!;
      const scope = neighbourhood(context, roster, seed, LNS_LIMITS.neighbourhoodSize);
      const { before, after } = await resolveScope(context, roster, { reviews: scope, leads: true, peers: true }, { pinned, seconds: LNS_LIMITS.neighbourhoodSeconds, maxNodes: LNS_LIMITS.neighbourhoodNodes });
      iterations += 1;
      done += 1;
      stale = improved(before, after) ? 0 : stale + 1;
      progress("search");
      // Let an AbortSignal's listener and progress output run between neighbourhoods.
      await breathe();
    }
    // Then the goals. A small or medium year is re-solved whole for every goal, from here.
    progress("goals");
    let goalStale = 0;
    let goalDone = 0;
    let changed = false;
    let provenGoals = false;
    if (wholeForGoals && !context.shouldStop()) {
      const seconds = Math.min(LNS_LIMITS.goalYearSeconds, context.timeLimitSeconds ?? Infinity);
      const { solution } = await resolveScope(context, roster, { reviews: year.reviews, leads: true, peers: true }, { pinned, seconds, maxNodes: LNS_LIMITS.goalYearNodes, warmStart: true });
      iterations += 1;
      provenGoals = solution.status === "optimal";
    }
    // Otherwise neighbourhoods around the teams that cost most (same-school and reciprocal
    // pairs, which no flow states, and the staffing the flow held).
    const searchGoals = year.reviews.length <= LNS_LIMITS.goalSearchReviews;
    while (searchGoals && !provenGoals && goalDone < LNS_LIMITS.goalNeighbourhoods && goalStale < LNS_LIMITS.goalPatience) {
      if (context.shouldStop()) break;
      const seeds = goalSeeds(roster);
      if (seeds.length === 0) break;
      const seed = seeds[goalDone % Math.min(seeds.length, LNS_LIMITS.goalSeedSpan)]!;
      const scope = neighbourhood(context, roster, seed, LNS_LIMITS.neighbourhoodSize, { leaving: true });
      const { before, after, kept } = await resolveScope(context, roster, { reviews: scope, leads: true, peers: true }, { pinned, seconds: LNS_LIMITS.neighbourhoodSeconds, maxNodes: LNS_LIMITS.neighbourhoodNodes, warmStart: true });
      iterations += 1;
      goalDone += 1;
      const better = compareScores(after, before) > 0;
      changed ||= kept && better;
      goalStale = better ? 0 : goalStale + 1;
      progress("goals");
      await breathe();
    }
    if (changed && !context.shouldStop()) polishByFlow(context, roster, passRun);
    if (context.shouldStop()) stoppedBy = "time-limit";
    // HiGHS proved the whole year optimal for the policy: every goal at its best, given the seats.
    else if (provenGoals) return { allocation: roster.toAllocation(), stoppedBy: "proven-optimal", iterations, provenOptimal: true };
    // Never worse than the greedy baseline, seats first, then the goals.
    if (compareScores(rosterScore(baseline), rosterScore(roster)) > 0) return { allocation: baseline.toAllocation(), stoppedBy, iterations };
    return { allocation: roster.toAllocation(), stoppedBy, iterations };
  },
};
