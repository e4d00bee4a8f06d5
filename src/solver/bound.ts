import type { Year } from "../model/year.js";
import type { Candidates } from "./candidates.js";
import { leadFlow, peerFlow, type PeerFlow } from "./flow-model.js";
import type { Candidate } from "./candidates.js";
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
  /** How the seat bound was obtained: `flow` (relaxation) or `mip` (exact seat maximum). */
  readonly method: "flow" | "mip";
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

/**
 * The exact maximum of filled seats (every seat worth 1) by branch and cut, within a time
 * limit; returns the proven upper bound (the dual bound when the limit stops it first).
 */
export async function exactSeatBound(year: Year, candidates: Candidates, pinned: Roster, timeLimitSeconds: number): Promise<number | undefined> {
  const { model } = buildScopeModel(year, candidates, pinned, { reviews: year.reviews, leads: true, peers: true, objective: "seats" });
  const pinnedSeats = year.reviews.reduce((n, r) => n + pinned.peers(r).length + (pinned.lead(r) ? 1 : 0), 0);
  const solution = await solveWithHighs(model, { timeLimitSeconds });
  if (solution.status === "failed" || solution.status === "infeasible") return undefined;
  return pinnedSeats + Math.floor(solution.bound + 1e-6);
}
