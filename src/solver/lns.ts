import { weekStart } from "../model/dates.js";
import type { ReviewInfo } from "../model/year.js";
import type { Engine, EngineContext } from "./engine.js";
import { dropOverlaps, leadFlow, peerFlow } from "./flow-model.js";
import { fillGreedily, rosterFromFixed, yearTies } from "./greedy.js";
import type { Roster } from "./roster.js";
import { disbandTeamsWithoutAdvanced, pinnedKeys, resolveScope, rosterObjective } from "./scope.js";

/** Work limits of the search (iterations, not seconds, so that a run is reproducible). */
export const LNS_LIMITS = {
  /** Reviews in one neighbourhood. */
  neighbourhoodSize: 16,
  /** Neighbourhoods without a significant improvement before the search stops. */
  patience: 8,
  /** Neighbourhoods in all, at most. */
  maxNeighbourhoods: 40,
  /**
   * Objective gain that counts as an improvement: one unit of the variety weight by default,
   * so that kilometre-sized travel gains alone do not keep the search going.
   */
  significantGain: 1,
  /** Branch-and-bound nodes of one neighbourhood's MIP at most (the work limit that keeps runs reproducible). */
  neighbourhoodNodes: 5_000,
  /** Wall-clock cap of one neighbourhood's MIP, in seconds (a safety net only). */
  neighbourhoodSeconds: 10,
} as const;

function filledSeats(roster: Roster): number {
  return roster.year.reviews.reduce((n, r) => n + roster.peers(r).length + (roster.lead(r) ? 1 : 0), 0);
}

/** A team's empty seats: its empty peer seats, plus one when it has no Lead Reviewer. */
export function openSeats(roster: Roster, review: ReviewInfo): number {
  return review.peerSeats - roster.peers(review).length + (roster.lead(review) ? 0 : 1);
}

/**
 * A neighbourhood around a seed review: the seed, the reviews its candidates sit on now (so
 * they can move), then the reviews of those reviews' candidates, breadth first, up to `size`,
 * visiting each level in a seeded order. Moving a reviewer into a short team usually means a
 * chain of moves like this, which the exact sub-problem then finds.
 */
export function neighbourhood(context: EngineContext, roster: Roster, seed: ReviewInfo, size: number): ReviewInfo[] {
  const chosen = new Set<ReviewInfo>([seed]);
  let frontier = [seed];
  while (frontier.length > 0 && chosen.size < size) {
    const next: ReviewInfo[] = [];
    for (const review of frontier) {
      const options = [...(context.candidates.peer.get(review.id) ?? []), ...(context.candidates.lead.get(review.id) ?? [])];
      for (const candidate of options) {
        for (const other of roster.duties(candidate.person)) {
          if (!chosen.has(other) && !next.includes(other)) next.push(other);
        }
      }
    }
    const keyed = next.map((review) => ({ review, key: openSeats(roster, review) * 10 + context.random() }));
    keyed.sort((a, b) => b.key - a.key || a.review.index - b.review.index);
    for (const { review } of keyed) {
      if (chosen.size >= size) break;
      chosen.add(review);
    }
    frontier = keyed.map((k) => k.review).filter((r) => chosen.has(r));
  }
  // Top up with reviews near in time, so that free reviewers of those weeks are in play too.
  if (chosen.size < size) {
    const week = weekStart(seed.span.from);
    const near = context.year.reviews
      .filter((r) => !chosen.has(r))
      .map((r) => ({ r, d: Math.abs(weekStart(r.span.from) - week) + context.random() }))
      .sort((a, b) => a.d - b.d);
    for (const { r } of near.slice(0, size - chosen.size)) chosen.add(r);
  }
  return [...chosen].sort((a, b) => a.index - b.index);
}

/** Total reciprocity deviation of the roster: sum over schools of |places sent − target|. */
function deviation(roster: Roster): number {
  let total = 0;
  for (const [schoolId, target] of roster.year.target) total += Math.abs(roster.sent(schoolId) - target);
  return total;
}

/**
 * A seed for reciprocity: a review that a reviewer of a school below its target could join,
 * where a reviewer of a school above its target sits now; swapping them helps both schools.
 * Schools are visited in the seeded order, starting a little further on each time.
 */
function reciprocitySeed(context: EngineContext, roster: Roster, schools: readonly { id: string }[], step: number): ReviewInfo | undefined {
  const { year } = roster;
  const over = (schoolId: string) => roster.sent(schoolId) > (year.target.get(schoolId) ?? 0);
  for (let k = 0; k < schools.length; k += 1) {
    const school = schools[(k + step) % schools.length]!;
    if (roster.sent(school.id) >= (year.target.get(school.id) ?? 0)) continue;
    for (const person of year.reviewers) {
      if (person.school?.id !== school.id || roster.duties(person).length >= person.maxReviews) continue;
      for (const candidate of context.candidates.byPerson.get(`peer:${person.id}`) ?? []) {
        if (roster.peers(candidate.review).some((p) => p.school !== undefined && over(p.school.id))) return candidate.review;
      }
    }
  }
  return undefined;
}

/**
 * The fast engine for national scale: Lead Reviewer and peer seats from the seat flows (optimal
 * for the relaxation that ignores overlapping dates and the advanced seat), repaired into a
 * valid allocation and completed greedily, then improved by a large-neighbourhood search whose
 * neighbourhoods (a few dozen reviews around one week) are re-solved exactly by HiGHS.
 */
export const lns: Engine = {
  name: "lns",
  summary: "Seat flows, greedy completion, then large-neighbourhood search with exact HiGHS sub-problems.",
  run: async (context) => {
    const { year } = context;
    const pinned = pinnedKeys(context);
    const roster = rosterFromFixed(context.year, context.fixed);
    const ties = yearTies(context);
    let iterations = 0;

    context.report({ phase: "flow", incumbent: 0 });
    const flowPairs = context.flowPairs ?? {
      peers: peerFlow(year, context.candidates, roster).pairs,
      leads: leadFlow(year, context.candidates, roster).pairs,
    };
    for (const pair of [...dropOverlaps(flowPairs.leads), ...dropOverlaps(flowPairs.peers)]) {
      if (roster.canTake(pair.person, pair.review)) roster.add(pair.role, pair.person, pair.review);
    }
    disbandTeamsWithoutAdvanced(roster, pinned);
    iterations += fillGreedily(context, roster, ties);
    context.report({ phase: "search", incumbent: filledSeats(roster), ...(context.seatBound !== undefined ? { bound: context.seatBound } : {}) });

    let stale = 0;
    let done = 0;
    let stoppedBy: "complete" | "work-limit" | "time-limit" | "proven-optimal" = "work-limit";
    const order = [...year.reviews].sort((a, b) => (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0));
    const schoolOrder = [...year.problem.schools].sort((a, b) => (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
    let cursor = 0;
    while (done < LNS_LIMITS.maxNeighbourhoods && stale < LNS_LIMITS.patience) {
      if (context.shouldStop()) {
        stoppedBy = "time-limit";
        break;
      }
      // Short teams first, then schools out of reciprocity balance, then the year in the seeded order.
      const short = order.filter((r) => openSeats(roster, r) > 0);
      const unbalanced = short.length === 0 ? reciprocitySeed(context, roster, schoolOrder, done) : undefined;
      const seed = short.length > 0 && done % 2 === 0 ? short[done % short.length]! : (unbalanced ?? order[cursor++ % order.length]!);
      const scope = neighbourhood(context, roster, seed, LNS_LIMITS.neighbourhoodSize);
      const before = rosterObjective(roster);
      const { after } = await resolveScope(context, roster, { reviews: scope, leads: true, peers: true }, pinned, LNS_LIMITS.neighbourhoodSeconds, LNS_LIMITS.neighbourhoodNodes);
      iterations += 1;
      done += 1;
      stale = after >= before + LNS_LIMITS.significantGain ? 0 : stale + 1;
      const filled = filledSeats(roster);
      context.report({ phase: "search", incumbent: filled, ...(context.seatBound !== undefined ? { bound: context.seatBound, gap: (context.seatBound - filled) / Math.max(1, context.seatBound) } : {}) });
      if (context.seatBound !== undefined && filled >= context.seatBound && short.length === 0 && deviation(roster) <= (context.reciprocityBound ?? 0) && stale > 0) {
        stoppedBy = "complete";
        break;
      }
      // Let an AbortSignal's listener and progress output run between neighbourhoods.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { allocation: roster.toAllocation(), stoppedBy, iterations };
  },
};
