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
import { indexYear, type PersonInfo, type ReviewInfo, type Year } from "../model/year.js";
import type { Allocation } from "../model/schema.js";
import { advancedToStaff, isAdvanced, LEAD_SEATS, peerSeatsLeft, reviewsLeft } from "../rules/index.js";
import { findCandidates, type Candidates, type EligibleCounts } from "./candidates.js";
import { solveWithHighs } from "./lp.js";
import { buildScopeModel } from "./mip-model.js";
import { leadNetwork, openSurplus, peerNetwork, SINK, SOURCE, type SeatNetwork } from "./network.js";
import { createRoster, type Roster } from "./roster.js";

/**
 * Upper bounds on the objective levels: no valid allocation can do better.
 *
 * @example
 * const { filledSeats, method }: Bound = result.bound;
 * console.log(`no allocation fills more than ${filledSeats} seats (${method})`);
 */
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
export function peerFlowBound(year: Year, candidates: Candidates, roster: Roster, beat?: () => void): { total: number; withinTargets: number } {
  const network = peerNetwork(year, candidates, roster, { seats: "all", ...(beat ? { beat } : {}) });
  const withinTargets = network.net.maxFlow(SOURCE, SINK, beat);
  openSurplus(network);
  return { withinTargets, total: withinTargets + network.net.maxFlow(SOURCE, SINK, beat) };
}

/** Whether `review`'s team still needs advanced reviewers before it holds anybody. */
const needsStaffing = (year: Year, roster: Roster) => (review: Year["reviews"][number]) => advancedToStaff(year, review) > roster.peers(review).filter(isAdvanced).length;

/**
 * The matroid greedy on a staffing network: team sizes from the largest, each team of the size
 * opened to one unit (a staffed team holds at least one advanced reviewer, whatever the
 * minimum) and kept when the flow reaches it; the seats of the teams kept.
 */
function staffGreedy(network: SeatNetwork, teams: readonly ReviewInfo[], size: (review: ReviewInfo) => number, beat?: () => void): AdvancedStaffing {
  let seats = 0;
  let staffed = 0;
  for (const each of [...new Set(teams.map(size))].sort((a, b) => b - a)) {
    const group = teams.filter((r) => size(r) === each);
    for (const review of group) network.net.raiseCapacity(network.advancedSink[review.index]!, 1);
    network.net.maxFlow(SOURCE, SINK, beat);
    for (const review of group) {
      if (network.net.flow(network.advancedSink[review.index]!) < 0.5) continue;
      seats += each;
      staffed += 1;
    }
  }
  // Every team is open now and the flow is a maximum: the teams the source cannot reach in the
  // residual network are those a minimum cut separates, whose advanced reviewers are all used.
  const reached = network.net.reachableFrom(SOURCE);
  const unreached = teams.filter((r) => !reached[network.advancedNode!(r)]);
  return { seats, staffed, teams: teams.length, unreached, unreachedPlaces: staffed - (teams.length - unreached.length) };
}

/** What the advanced reviewers can staff: the advanced bound's seats, and the teams behind it. */
export interface AdvancedStaffing {
  /** Most peer seats the staffable teams hold (the advanced bound on the open seats). */
  readonly seats: number;
  /** Teams needing an advanced reviewer, and the most of them any allocation staffs (one advanced reviewer-review each). */
  readonly teams: number;
  readonly staffed: number;
  /**
   * A Hall-type certificate: teams whose possible advanced reviewers can give only
   * `unreachedPlaces` reviews between them, so that at least `teams − staffed` of them stay
   * without peers whatever the allocation (the teams a minimum cut leaves on the sink side).
   */
  readonly unreached: readonly ReviewInfo[];
  readonly unreachedPlaces: number;
}

/** Extra advanced supply to try on the advanced bound (`advancedBoundWith`). */
export interface AdvancedSupply {
  /** Advanced reviewer-reviews recruited: `places` people, each able to sit on one of `reviews`. */
  readonly recruits?: readonly { readonly reviews: readonly ReviewInfo[]; readonly places: number }[];
  /** Advanced reviewers (of this year) who could each take one review more than their maximum. */
  readonly oneMore?: readonly PersonInfo[];
}

/**
 * The advanced bound on the peer seats still open (teams the pins staffed left out), once for
 * each supply: what the seats could be with those advanced reviewer-reviews added. The
 * network is built once and copied for each supply, so a supply costs a few flows.
 *
 * @example const [now, withTen] = advancedBoundWith(year, candidates, createRoster(year), [{}, { recruits: [{ reviews: weekReviews, places: 10 }] }]); // withTen.seats - now.seats
 *
 */
export function advancedBoundWith(year: Year, candidates: Candidates, roster: Roster, supplies: readonly AdvancedSupply[], beat?: () => void): AdvancedStaffing[] {
  const needing = needsStaffing(year, roster);
  const groups = [...new Set(supplies.flatMap((s) => s.recruits ?? []))];
  const network = peerNetwork(year, candidates, roster, { seats: "staff", surplusOpen: true, sinksClosed: true, people: isAdvanced, open: needing, extraNodes: groups.length, ...(beat ? { beat } : {}) });
  const open = year.reviews.filter((r) => needing(r) && network.advancedSink[r.index] !== undefined);
  const size = (review: ReviewInfo) => peerSeatsLeft(review, roster.peers(review).length);
  // A recruit group: source → its node (closed until a supply opens it) → each team's advanced seats.
  const recruitArcs = new Map(
    groups.map((group, g) => {
      const node = network.firstExtraNode! + g;
      for (const review of group.reviews) if (network.advancedSink[review.index] !== undefined) network.net.addEdge(node, network.advancedNode!(review), 1);
      return [group, network.net.addEdge(SOURCE, node, 0)] as const;
    }),
  );
  return supplies.map((supply) => {
    const net = network.net.copy();
    for (const group of supply.recruits ?? []) net.raiseCapacity(recruitArcs.get(group)!, group.places);
    for (const person of supply.oneMore ?? []) {
      const left = reviewsLeft(person, roster.duties(person).length);
      for (const arc of network.capacityArcs?.get(person) ?? []) net.raiseCapacity(arc, left + 1);
    }
    return staffGreedy({ ...network, net }, open, size, beat);
  });
}

/**
 * The advanced bound on peer seats still open: teams the pins already staffed keep their flow
 * bound; every other team holds its open seats only if an advanced reviewer-place covers it.
 */
function peerAdvancedBound(year: Year, candidates: Candidates, roster: Roster, beat?: () => void): number {
  const needing = needsStaffing(year, roster);
  const staffedByPins = peerNetwork(year, candidates, roster, { seats: "all", surplusOpen: true, open: (r) => !needing(r) });
  return staffedByPins.net.maxFlow(SOURCE, SINK, beat) + advancedBoundWith(year, candidates, roster, [{}], beat)[0]!.seats;
}

/**
 * The part of a year the advanced bound and the Lead Reviewer flow read: its advanced reviewers
 * and every Lead Reviewer, with their candidates (a quarter of the year's pairs or so). Reviews
 * keep their indices, so a review of the whole year stands for its own in the part.
 *
 * @example const part = advancedPart(year); advancedBoundWith(part.year, part.candidates, createRoster(part.year), [{}]);
 */
export function advancedPart(year: Year): { readonly year: Year; readonly candidates: Candidates } {
  let part = advancedParts.get(year);
  if (!part) {
    const advanced = indexYear({ ...year.problem, reviewers: year.problem.reviewers.filter((r) => r.level === "advanced") });
    advancedParts.set(year, (part = { year: advanced, candidates: findCandidates(advanced) }));
  }
  return part;
}

// The shortage sheet and the certificates both read a year's advanced part: worked out once per
// (immutable) year, and forgotten with it.
const advancedParts = new WeakMap<Year, { readonly year: Year; readonly candidates: Candidates }>();

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

/**
 * A valid allocation of `year` that fills every seat, found first-fit, or `undefined` when this
 * quick search finds none (which proves nothing). Reviews with the fewest candidates choose
 * first: Lead Reviewers, then each team's advanced reviewers, then its other seats, each taking
 * the first candidate the roster admits. Where it finds one, every relaxation bound is every
 * seat (none is below a valid allocation, none above the seats), without building the flows.
 *
 * @example const full = everySeatFilled(year, findCandidates(year)); // then relaxedBound(...) fills year's seats too
 */
export function everySeatFilled(year: Year, candidates: Candidates): Allocation | undefined {
  const roster = createRoster(year);
  const fewestFirst = (count: (review: ReviewInfo) => number) => {
    const counts = year.reviews.map(count);
    return [...year.reviews].sort((a, b) => counts[a.index]! - counts[b.index]! || a.index - b.index);
  };
  const fill = (role: "lead" | "peer", review: ReviewInfo, seats: number, who: (person: PersonInfo) => boolean): boolean => {
    let taken = 0;
    for (const { person } of (role === "lead" ? candidates.lead : candidates.peer).get(review.id) ?? []) {
      if (taken === seats) break;
      if (!who(person) || !roster.canTake(person, review)) continue;
      roster.add(role, person, review);
      taken += 1;
    }
    return taken === seats;
  };
  const everyone = () => true;
  for (const review of fewestFirst((r) => candidates.lead.get(r.id)?.length ?? 0)) if (!fill("lead", review, LEAD_SEATS, everyone)) return undefined;
  const peerOrder = fewestFirst((r) => candidates.peer.get(r.id)?.length ?? 0);
  for (const review of peerOrder) if (!fill("peer", review, advancedToStaff(year, review), isAdvanced)) return undefined;
  for (const review of peerOrder) {
    if (!fill("peer", review, peerSeatsLeft(review, roster.peers(review).length), everyone) || !roster.advancedOk(review)) return undefined;
  }
  return roster.toAllocation();
}

/** The relaxation bounds over the pinned roster (see the module comment). */
export function relaxedBound(
  year: Year,
  candidates: Candidates & { readonly pruned?: boolean; readonly eligible?: EligibleCounts },
  pinned: Roster,
  shouldStop: () => boolean = () => false,
  beat?: () => void,
): RelaxedBound {
  const totalTarget = [...year.target.values()].reduce((a, b) => a + b, 0);
  if (candidates.pruned && candidates.eligible) {
    const counted = countingBound(year, candidates.eligible, pinned);
    return { ...counted, method: "counting", withinTargets: Math.min(totalTarget, counted.peerSeats), totalTarget };
  }
  const fixed = pinnedSeats(year, pinned);
  const leads = leadNetwork(year, candidates, pinned);
  const leadSeats = fixed.lead + leads.net.maxFlow(SOURCE, SINK, beat);
  // The peer flows are the long part on a year with very many people: a limit reached before
  // them leaves every peer seat as their bound.
  if (shouldStop()) {
    const seats = seatCountBound(year);
    return { ...seats, leadSeats };
  }
  const flow = peerFlowBound(year, candidates, pinned, beat);
  // The advanced bound is the tighter one on scarce years, but only a refinement: a limit skips it.
  const advanced = shouldStop() ? Infinity : peerAdvancedBound(year, candidates, pinned, beat);
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

/** How `exactSeatBound` asks HiGHS. */
export interface SeatBoundOptions {
  /** HiGHS's time limit. */
  readonly seconds: number;
  /** The LP relaxation instead of branch and cut (larger years). */
  readonly relax?: boolean;
  /** The run's abort and deadline, checked between HiGHS's steps. */
  readonly shouldStop?: () => boolean;
}

/**
 * The exact maximum of filled seats (every seat worth 1) by branch and cut, within a node
 * limit, or with `relax` its LP relaxation (a staffed-team column per review, so the advanced
 * seat is in it; larger years); returns the proven upper bound (the dual bound when the limit
 * stops it first), or `undefined` when HiGHS gives no bound in time.
 */
export async function exactSeatBound(year: Year, candidates: Candidates, pinned: Roster, { seconds, relax = false, shouldStop }: SeatBoundOptions): Promise<number | undefined> {
  const { model } = buildScopeModel(year, candidates, pinned, { reviews: year.reviews, leads: true, peers: true, objective: "seats", ...(shouldStop ? { shouldStop } : {}) });
  const fixed = pinnedSeats(year, pinned);
  const solution = await solveWithHighs(model, { timeLimitSeconds: seconds, ...(relax ? { relax } : { maxNodes: EXACT_BOUND_NODES }), ...(shouldStop ? { shouldStop } : {}) });
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
