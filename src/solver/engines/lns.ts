import { fairnessOn } from "../../goals/fairness.js";
import { compareScores, type Score } from "../../goals/index.js";
import type { Engine, StopReason } from "../engine.js";
import { constructByFlows } from "../steps/construct.js";
import { fillGreedily, yearTies } from "../steps/fill.js";
import { deviation, neighbourhood, openSeats, reciprocitySeed } from "../steps/neighbourhood.js";
import { pinnedKeys, rosterFromPins } from "../steps/pins.js";
import { resolveScope, rosterScore } from "../steps/resolve.js";
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
} as const;

/**
 * Whether a neighbourhood improved the roster enough to keep searching: a seat, a kept seat, or
 * one unit of the lower goals (kilometre-sized travel gains alone do not keep the search going).
 */
function improved(before: Score, after: Score): boolean {
  // [fairness, seats, kept, goals] (rosterScore).
  return after[0]! > before[0]! + 1e-9 || after[1]! > before[1]! + 1e-9 || after[2]! > before[2]! || after[3]! >= before[3]! + 1;
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
    let pairs = 0;
    for (const list of context.candidates.byPerson.values()) pairs += list.length;
    let swept = false;
    if (year.reviews.length <= LNS_LIMITS.wholeYearReviews && pairs <= LNS_LIMITS.wholeYearPairs && !context.shouldStop()) {
      // A small or medium year is re-solved whole, from the construction, for seats and reciprocity.
      context.report({ phase: "whole-year", incumbent: roster.filled() });
      const seconds = Math.min(LNS_LIMITS.wholeYearSeconds, context.timeLimitSeconds ?? Infinity);
      await resolveScope(context, roster, { reviews: year.reviews, leads: true, peers: true, objective: "balance" }, pinned, seconds, LNS_LIMITS.wholeYearNodes, true);
      iterations += 1;
    } else if (!context.shouldStop()) {
      // A larger year is swept window by window in time for the same goals.
      context.report({ phase: "sweep", incumbent: roster.filled() });
      const windows = await sweepByWeeks(context, roster, pinned);
      iterations += windows;
      swept = windows > 0;
    }
    const progress = () => {
      const filled = roster.filled();
      const bound = context.seatBound;
      context.report({ phase: "search", incumbent: filled, ...(bound !== undefined ? { bound, gap: Math.max(0, bound - filled) / Math.max(1, bound) } : {}) });
    };
    progress();
    // With fairness the seat bound is not the goal: fewer seats may be the best (fairnessOn).
    const boundMet = () => !fairnessOn(year.policy) && context.seatBound !== undefined && roster.filled() >= context.seatBound && deviation(roster) <= (context.reciprocityBound ?? 0);

    let stale = 0;
    let done = 0;
    let stoppedBy: StopReason = "work-limit";
    const order = [...year.reviews].sort((a, b) => (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0));
    const schoolOrder = [...year.problem.schools].sort((a, b) => (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
    let cursor = 0;
    const most = swept ? LNS_LIMITS.maxAfterSweep : LNS_LIMITS.maxNeighbourhoods;
    while (done < most && stale < LNS_LIMITS.patience) {
      if (boundMet()) {
        stoppedBy = "bound-met";
        break;
      }
      if (context.shouldStop()) {
        stoppedBy = "time-limit";
        break;
      }
      // In turn: a short team someone could still join, a school out of reciprocity balance, and
      // the year in the seeded order.
      const short = order.filter((r) => openSeats(roster, r) > 0 && hasCandidates(context, r));
      const kind = done % 3;
      const seed =
        (kind === 0 ? short[Math.floor(done / 3) % Math.max(1, short.length)] : undefined) ??
        (kind <= 1 ? reciprocitySeed(context, roster, schoolOrder, done) : undefined) ??
        order[cursor++ % order.length]!;
      const scope = neighbourhood(context, roster, seed, LNS_LIMITS.neighbourhoodSize);
      const { before, after } = await resolveScope(context, roster, { reviews: scope, leads: true, peers: true }, pinned, LNS_LIMITS.neighbourhoodSeconds, LNS_LIMITS.neighbourhoodNodes);
      iterations += 1;
      done += 1;
      stale = improved(before, after) ? 0 : stale + 1;
      progress();
      // Let an AbortSignal's listener and progress output run between neighbourhoods.
      await breathe();
    }
    return { allocation: roster.toAllocation(), stoppedBy, iterations };
  },
};
