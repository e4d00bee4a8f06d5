/**
 * The upper bound on filled seats, assembled in one place. Every part is a relaxation of the
 * rules, so the bound is never below what a valid allocation fills:
 *
 * - Lead Reviewer seats: the lead network's maximum flow (`overlap` blocks respected).
 * - Peer seats, the smaller of two relaxations:
 *   - the flow bound: the peer network's maximum flow, ignoring the advanced seat;
 *   - the advanced bound: a team with any peer needs an advanced reviewer, so the staffed teams
 *     are covered by distinct advanced reviewer-places; the most seats such teams can hold is a
 *     maximum-weight set of a matroid (teams coverable by a matching), which the greedy finds
 *     exactly, largest teams first. Where advanced reviewers are scarce this is the tight one.
 * - For years up to `EXACT_BOUND_MAX_REVIEWS`, the exact seat MIP's dual bound when the others
 *   are not met; for pruned very large years, a counting bound instead of the flows.
 */
import type { Year } from "../model/year.js";
import { advancedToStaff, isAdvanced, peerSeatsLeft, reviewsLeft } from "../rules/index.js";
import type { Candidates, EligibleCounts } from "./candidates.js";
import { solveWithHighs } from "./lp.js";
import { buildScopeModel } from "./mip-model.js";
import { leadNetwork, openSurplus, peerNetwork, SINK, SOURCE } from "./network.js";
import type { Roster } from "./roster.js";

/** Upper bounds on the objective levels: no valid allocation can do better. */
export interface Bound {
  /** Most seats (Lead Reviewer and peer) any valid allocation can fill. */
  readonly filledSeats: number;
  readonly leadSeats: number;
  readonly peerSeats: number;
  /**
   * Least total reciprocity deviation (sum over the accounts of |places sent − target|: the
   * schools, and the trusts in a year with reviews counted by trust) of any allocation filling
   * between the solution's peer seats and `peerSeats`.
   */
  readonly reciprocityDeviation: number;
  /**
   * What gave the seat bound: `flow` (the seat flows), `advanced` (the advanced-reviewer
   * bound), `lp` (the seat LP with a staffed-team column per review), `mip` (the exact seat
   * MIP, or an engine's proof of optimality), `counting` (very large years, whose candidate
   * lists are pruned), `seats` (every seat: a time limit cut the set-up short).
   */
  readonly method: "flow" | "advanced" | "lp" | "mip" | "counting" | "seats";
}

/** The relaxation bounds, before any exact solve: what `solve` gives the engines to stop on. */
export interface RelaxedBound {
  readonly leadSeats: number;
  readonly peerSeats: number;
  readonly method: "flow" | "advanced" | "counting" | "seats";
  /** Peer places the flow can send within the schools' targets (for the reciprocity bound). */
  readonly withinTargets: number;
  readonly totalTarget: number;
}

/** Years up to this many reviews get the exact seat bound when the relaxations are not met. */
export const EXACT_BOUND_MAX_REVIEWS = 200;
/** Node limit of the exact seat bound: a work limit, so the bound is the same on every run. */
export const EXACT_BOUND_NODES = 20_000;

const pinnedSeats = (year: Year, roster: Roster) => ({
  lead: year.reviews.filter((r) => roster.lead(r)).length,
  peer: year.reviews.reduce((n, r) => n + roster.peers(r).length, 0),
});

/** The flow bound on peer seats still open, and how many of them fit within the schools' targets. */
function peerFlowBound(year: Year, candidates: Candidates, roster: Roster): { total: number; withinTargets: number } {
  const network = peerNetwork(year, candidates, roster, { seats: "all" });
  const withinTargets = network.net.maxFlow(SOURCE, SINK);
  openSurplus(network);
  return { withinTargets, total: withinTargets + network.net.maxFlow(SOURCE, SINK) };
}

/**
 * The advanced bound on peer seats still open: teams the pins already staffed keep their flow
 * bound; every other team holds its open seats only if an advanced reviewer-place covers it.
 */
function peerAdvancedBound(year: Year, candidates: Candidates, roster: Roster): number {
  const needing = (review: (typeof year.reviews)[number]) => advancedToStaff(year, review) > roster.peers(review).filter(isAdvanced).length;
  const staffedByPins = peerNetwork(year, candidates, roster, { seats: "all", surplusOpen: true, open: (r) => !needing(r) });
  let seats = staffedByPins.net.maxFlow(SOURCE, SINK);
  const network = peerNetwork(year, candidates, roster, { seats: "staff", surplusOpen: true, sinksClosed: true, people: isAdvanced, open: needing });
  const open = year.reviews.filter((r) => needing(r) && network.advancedSink[r.index] !== undefined);
  const sizes = [...new Set(open.map((r) => peerSeatsLeft(r, roster.peers(r).length)))].sort((a, b) => b - a);
  for (const size of sizes) {
    const teams = open.filter((r) => peerSeatsLeft(r, roster.peers(r).length) === size);
    // One unit per team: a staffed team holds at least one advanced reviewer, whatever the minimum.
    for (const review of teams) network.net.raiseCapacity(network.advancedSink[review.index]!, 1);
    network.net.maxFlow(SOURCE, SINK);
    for (const review of teams) if (network.net.flow(network.advancedSink[review.index]!) > 0.5) seats += size;
  }
  return seats;
}

/**
 * The counting bound, from the full counts of allowed pairs: a seat needs a candidate, and
 * nobody fills more seats than their maximum or their allowed reviews. Valid whatever the
 * candidate lists were pruned to.
 */
function countingBound(year: Year, eligible: EligibleCounts, roster: Roster): { leadSeats: number; peerSeats: number } {
  let leadSeats = 0;
  let peerSeats = 0;
  for (const review of year.reviews) {
    if ((eligible.lead[review.index] ?? 0) > 0 || roster.lead(review)) leadSeats += 1;
    peerSeats += Math.min(review.peerSeats, Math.max(eligible.peer[review.index] ?? 0, roster.peers(review).length));
  }
  const leadCapacity = year.leads.reduce((n, l) => n + Math.min(reviewsLeft(l, 0), eligible.perLead[l.index] ?? 0), 0);
  const peerCapacity = year.reviewers.reduce((n, p) => n + Math.min(reviewsLeft(p, 0), eligible.perReviewer[p.index] ?? 0), 0);
  return { leadSeats: Math.min(leadSeats, leadCapacity), peerSeats: Math.min(peerSeats, peerCapacity) };
}

/** Every seat of the year: the bound when a time limit cut the set-up short. */
export function seatCountBound(year: Year): RelaxedBound {
  const totalTarget = [...year.target.values()].reduce((a, b) => a + b, 0);
  const peerSeats = year.reviews.reduce((n, r) => n + r.peerSeats, 0);
  return { leadSeats: year.reviews.length, peerSeats, method: "seats", withinTargets: Math.min(totalTarget, peerSeats), totalTarget };
}

/** The relaxation bounds over the pinned roster (see the module comment). */
export function relaxedBound(
  year: Year,
  candidates: Candidates & { readonly pruned?: boolean; readonly eligible?: EligibleCounts },
  pinned: Roster,
  shouldStop: () => boolean = () => false,
): RelaxedBound {
  const totalTarget = [...year.target.values()].reduce((a, b) => a + b, 0);
  if (candidates.pruned && candidates.eligible) {
    const counted = countingBound(year, candidates.eligible, pinned);
    return { ...counted, method: "counting", withinTargets: Math.min(totalTarget, counted.peerSeats), totalTarget };
  }
  const fixed = pinnedSeats(year, pinned);
  const leads = leadNetwork(year, candidates, pinned);
  const leadSeats = fixed.lead + leads.net.maxFlow(SOURCE, SINK);
  // The peer flows are the long part on a year with very many people: a limit reached before
  // them leaves every peer seat as their bound.
  if (shouldStop()) {
    const seats = seatCountBound(year);
    return { ...seats, leadSeats };
  }
  const flow = peerFlowBound(year, candidates, pinned);
  // The advanced bound is the tighter one on scarce years, but only a refinement: a limit skips it.
  const advanced = shouldStop() ? Infinity : peerAdvancedBound(year, candidates, pinned);
  const peerSeats = fixed.peer + Math.min(flow.total, advanced);
  return { leadSeats, peerSeats, method: advanced < flow.total ? "advanced" : "flow", withinTargets: fixed.peer + flow.withinTargets, totalTarget };
}

/**
 * Least reciprocity deviation at `filled` peer places: every place beyond the within-target
 * flow is a surplus somewhere, every target place not filled is a shortfall.
 */
export function reciprocityLowerBound(totalTarget: number, withinTargets: number, filled: number): number {
  return Math.max(0, totalTarget - filled + 2 * Math.max(0, filled - withinTargets));
}

/**
 * The exact maximum of filled seats (every seat worth 1) by branch and cut, within a node
 * limit, or with `relax` its LP relaxation (a staffed-team column per review, so the advanced
 * seat is in it; larger years); returns the proven upper bound (the dual bound when the limit
 * stops it first), or `undefined` when HiGHS gives no bound in time.
 */
export async function exactSeatBound(
  year: Year,
  candidates: Candidates,
  pinned: Roster,
  timeLimitSeconds: number,
  relax = false,
  shouldStop?: () => boolean,
): Promise<number | undefined> {
  const { model } = buildScopeModel(year, candidates, pinned, { reviews: year.reviews, leads: true, peers: true, objective: "seats", ...(shouldStop ? { shouldStop } : {}) });
  const fixed = pinnedSeats(year, pinned);
  const solution = await solveWithHighs(model, { timeLimitSeconds, ...(relax ? { relax } : { maxNodes: EXACT_BOUND_NODES }), ...(shouldStop ? { shouldStop } : {}) });
  if (solution.status === "failed" || solution.status === "infeasible" || !Number.isFinite(solution.bound)) return undefined;
  if (relax && solution.status !== "optimal") return undefined;
  return fixed.lead + fixed.peer + Math.floor(solution.bound + 1e-6);
}

/**
 * The bound a result reports: the relaxation, tightened by the exact seat MIP where it was run,
 * or equal to the fill when the engine proved its allocation optimal.
 */
export function assembleBound(
  relaxed: RelaxedBound,
  filled: { readonly total: number; readonly peer: number },
  exact: { readonly seats?: number; readonly proven?: boolean; readonly relaxed?: boolean },
): Bound {
  let filledSeats = relaxed.leadSeats + relaxed.peerSeats;
  let method: Bound["method"] = relaxed.method;
  if (exact.proven) {
    filledSeats = filled.total;
    method = "mip";
  } else if (exact.seats !== undefined && exact.seats < filledSeats) {
    filledSeats = exact.seats;
    method = exact.relaxed ? "lp" : "mip";
  }
  const peerSeats = Math.min(relaxed.peerSeats, filledSeats);
  const lowest = Math.min(filled.peer, peerSeats);
  const closest = Math.min(Math.max(relaxed.withinTargets, lowest), peerSeats);
  return {
    filledSeats,
    leadSeats: Math.min(relaxed.leadSeats, filledSeats),
    peerSeats,
    reciprocityDeviation: reciprocityLowerBound(relaxed.totalTarget, relaxed.withinTargets, closest),
    method,
  };
}
