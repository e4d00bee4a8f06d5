import type { Year } from "../model/year.js";
import type { Candidates } from "./candidates.js";
import { leadFlow, peerFlow, type PeerFlow } from "./flow-model.js";
import type { Candidate, EligibleCounts } from "./candidates.js";
import { solveWithHighs } from "./lp.js";
import { buildScopeModel } from "./mip-model.js";
import type { Roster } from "./roster.js";

/** Upper bounds on the objective levels: no valid allocation can do better. */
export interface Bound {
  /** Most seats (Lead Reviewer and peer) any valid allocation can fill. */
  readonly filledSeats: number;
  readonly leadSeats: number;
  readonly peerSeats: number;
  /**
   * Least total reciprocity deviation (sum over schools of |places sent − target|) of any
   * allocation filling between the solution's peer seats and `peerSeats`.
   */
  readonly reciprocityDeviation: number;
  /**
   * How the seat bound was obtained: `flow` (relaxation), `mip` (exact seat maximum) or
   * `counting` (very large years, whose candidate lists are pruned).
   */
  readonly method: "flow" | "mip" | "counting";
}

/**
 * The flow bound: max flow of the seat network for peers and for Lead Reviewers, each a
 * relaxation of the real rules. Also returns the phase figures the reciprocity bound needs.
 */
export function flowBound(
  year: Year,
  candidates: Candidates,
  pinned: Roster,
): { leadSeats: number; peerSeats: number; withinTargets: number; peerFlow: PeerFlow; leadPairs: readonly Candidate[] } {
  const pinnedPeers = year.reviews.reduce((n, r) => n + pinned.peers(r).length, 0);
  const pinnedLeads = year.reviews.filter((r) => pinned.lead(r)).length;
  const peers = peerFlow(year, candidates, pinned);
  const leads = leadFlow(year, candidates, pinned);
  return {
    peerFlow: peers,
    leadPairs: leads.pairs,
    leadSeats: pinnedLeads + leads.total,
    peerSeats: pinnedPeers + peers.total,
    withinTargets: pinnedPeers + peers.withinTargets,
  };
}

/**
 * Least reciprocity deviation at `filled` peer places: every place beyond phase 1's flow
 * (`withinTargets`) is a surplus somewhere, every target place not filled is a shortfall.
 */
export function reciprocityLowerBound(totalTarget: number, withinTargets: number, filled: number): number {
  return totalTarget - filled + 2 * Math.max(0, filled - withinTargets);
}

/** Node limit of the exact seat bound: a work limit, so the bound is the same on every run. */
export const EXACT_BOUND_NODES = 20_000;

/**
 * The exact maximum of filled seats (every seat worth 1) by branch and cut, within a time
 * limit; returns the proven upper bound (the dual bound when the limit stops it first).
 */
export async function exactSeatBound(year: Year, candidates: Candidates, pinned: Roster, timeLimitSeconds: number): Promise<number | undefined> {
  const { model } = buildScopeModel(year, candidates, pinned, { reviews: year.reviews, leads: true, peers: true, objective: "seats" });
  const pinnedSeats = year.reviews.reduce((n, r) => n + pinned.peers(r).length + (pinned.lead(r) ? 1 : 0), 0);
  const solution = await solveWithHighs(model, { timeLimitSeconds, maxNodes: EXACT_BOUND_NODES });
  if (solution.status === "failed" || solution.status === "infeasible") return undefined;
  return pinnedSeats + Math.floor(solution.bound + 1e-6);
}

/**
 * The counting bound, from the full counts of allowed pairs: a seat needs a candidate, and
 * nobody fills more seats than their maximum or their allowed reviews. Valid whatever the
 * candidate lists were pruned to; `withinTargets` is set so that the reciprocity bound becomes
 * the plain |places − targets|.
 */
export function countingBound(year: Year, eligible: EligibleCounts, pinned: Roster): { leadSeats: number; peerSeats: number; withinTargets: number } {
  let leadSeats = 0;
  let peerSeats = 0;
  for (const review of year.reviews) {
    if ((eligible.lead[review.index] ?? 0) > 0 || pinned.lead(review)) leadSeats += 1;
    peerSeats += Math.min(review.peerSeats, Math.max(eligible.peer[review.index] ?? 0, pinned.peers(review).length));
  }
  const leadCapacity = year.leads.reduce((n, l) => n + Math.min(l.maxReviews, eligible.perLead[l.index] ?? 0), 0);
  const peerCapacity = year.reviewers.reduce((n, p) => n + Math.min(p.maxReviews, eligible.perReviewer[p.index] ?? 0), 0);
  const peers = Math.min(peerSeats, peerCapacity);
  const totalTarget = [...year.target.values()].reduce((a, b) => a + b, 0);
  return { leadSeats: Math.min(leadSeats, leadCapacity), peerSeats: peers, withinTargets: Math.min(totalTarget, peers) };
}
