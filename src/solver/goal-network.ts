/**
 * The goal network: the year's seats as a minimum-cost flow whose costs are the soft goals, for
 * the goals pass (who sits where, once the seats are settled) and for the goals' bounds.
 *
 *   source → account (within its target at a reward, beyond it at a cost: reciprocity)
 *          → person (`reviewsLeft`) → block (`mostWithoutOverlap`: the `overlap` rule)
 *          → [school on team: the k-th reviewer of one school on a team costs k − 1 pairs]
 *          → review's seats → sink → (return arc) → source
 *   source → Lead Reviewer → block → review's Lead Reviewer seat → sink
 *
 * Pair goals (phase, preference, travel, repeat, first review) are the costs of the arcs into a
 * review. Two ways to state the seats:
 *
 * - `held` (the goals pass): every team keeps the staffing it has. A staffed team's advanced
 *   seats (reached by advanced reviewers only) are worth two seats, so that no optimum leaves one
 *   empty; a team without peers stays without; a seat is worth more than any change of the goals.
 *   The flow then fills at least the allocation's seats and spends least on the goals.
 * - `relaxed` (the bounds): a team may stay empty and exactly `seats` seats are filled; of the
 *   advanced-seat rule only its consequences for one team are kept (no peer on a team no
 *   advanced reviewer could join, at most its seats less its advanced seats for the others). Every rule the network keeps is a relaxation of a hard rule, so the least cost is a
 *   lower bound on the goals' cost of any valid allocation filling as many seats.
 *
 * Costs are integers (callers scale the policy's weights). A `keep` filter leaves pairs out to
 * make the network small; `lowerBound` then still bounds the whole network, from the duals.
 */
import { accountOf } from "../model/accounts.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff, isAdvanced, LEAD_SEATS, mostWithoutOverlap, overlapBlocks, peerSeatsLeft, reviewsLeft } from "../rules/index.js";
import type { Candidate, Candidates } from "./candidates.js";
import { createCostNetwork, UNBOUNDED, type CostNetwork } from "./min-cost-flow.js";
import type { Roster } from "./roster.js";

/** The integer costs of the goals, per unit (already weighted and scaled). */
export interface GoalCosts {
  /** The cost of one person on one review (the pair goals), an integer. */
  readonly pair: (candidate: Candidate) => number;
  /** The cost of one unit of reciprocity deviation (0: reciprocity left out). */
  readonly reciprocity: number;
  /** The cost of one same-school pair on a team (0: left out). */
  readonly sameSchool: number;
}

export interface GoalNetworkOptions {
  /** The costs to start with (`reprice` changes them later, keeping the network and its tree). */
  readonly costs: GoalCosts;
  /**
   * `held`: teams keep their staffing (by review id: staffed or not), seats are maximised first.
   * `relaxed`: no advanced-seat rule, exactly `seats` seats (or as many as the network holds).
   */
  readonly seats: { readonly mode: "held"; readonly staffing: ReadonlyMap<string, boolean> } | { readonly mode: "relaxed"; readonly seats: number };
  /** Pairs to give an arc (default all); the others only count in `lowerBound`. */
  readonly keep?: (candidate: Candidate) => boolean;
  /** `false` leaves out the same-school nodes (their pairs then cost nothing). */
  readonly sameSchool?: boolean;
}

/** A goal network and how to read its flow back. */
export interface GoalNetwork {
  readonly net: CostNetwork;
  /** Each person-on-review arc and the candidate it stands for. */
  readonly pairs: readonly { readonly arc: number; readonly candidate: Candidate }[];
  /**
   * The goals' cost of the flow found, in the costs' units: the flow's cost without the seats'
   * rewards, plus the reciprocity the flow cannot change (places sent before it).
   */
  readonly goalCost: () => number;
  /**
   * `relaxed` only: a lower bound on the least `goalCost` of the whole network (pairs left out
   * by `keep` included) at the given seats, from the duals of the flow found.
   */
  readonly lowerBound: () => number;
  /** The pairs left out by `keep` whose reduced cost is below zero: adding them could lower the cost. */
  readonly pricedBelowZero: () => Candidate[];
  /** New costs on the same network: the next `net.solve()` starts from the last tree. */
  readonly reprice: (costs: GoalCosts) => void;
}

const SOURCE = 0;
const SINK = 1;

interface ArcSpec {
  readonly from: number;
  readonly to: number;
  readonly cap: number;
  /** The arc's cost under given costs (0 for arcs that carry no goal). */
  readonly price?: (costs: GoalCosts) => number;
  /** Seats the arc's unit stands for (held: advanced seats 2, other seats 1), for the reward. */
  readonly seats: number;
  /** The cost in force (set by `priceAll`). */
  cost: number;
}

/**
 * Builds the goal network over the roster as it stands (its seats stay and use up capacity).
 *
 * @example
 * const goal = goalNetwork(year, candidates, pins, { costs, seats: { mode: "relaxed", seats: 1600 } });
 * goal.net.solve();
 * goal.goalCost(); // the least cost of the goals over any allocation of 1,600 seats, or more
 */
export function goalNetwork(year: Year, candidates: Candidates, roster: Roster, options: GoalNetworkOptions): GoalNetwork {
  const held = options.seats.mode === "held" ? options.seats.staffing : undefined;
  const keep = options.keep ?? (() => true);
  const arcs: ArcSpec[] = [];
  const pairs: { index: number; candidate: Candidate }[] = [];
  const leftOut: { from: number; to: number; cost: number; candidate: Candidate; price: (costs: GoalCosts) => number }[] = [];
  let nodes = 2;
  const node = () => nodes++;
  const arc = (from: number, to: number, cap: number, price?: (costs: GoalCosts) => number, seats = 0) => arcs.push({ from, to, cap, ...(price ? { price } : {}), seats, cost: 0 }) - 1;

  // Each review's seat nodes: its other seats (every peer), its advanced seats (held, advanced
  // peers only, who reach the other seats through them too) and its Lead Reviewer seat.
  const otherSeat = new Int32Array(year.reviews.length).fill(-1);
  const advancedIn = new Int32Array(year.reviews.length).fill(-1);
  const leadSeat = new Int32Array(year.reviews.length).fill(-1);
  let seatCapacity = 0;
  for (const review of year.reviews) {
    const staying = roster.peers(review);
    const open = peerSeatsLeft(review, staying.length);
    const need = Math.min(open, Math.max(0, advancedToStaff(year, review) - staying.filter(isAdvanced).length));
    // Held: the team's staffing as it is. Relaxed: any team an advanced reviewer could staff.
    const staffable = held ? staying.length > 0 || held.get(review.id) === true : (candidates.peer.get(review.id) ?? []).some((c) => isAdvanced(c.person));
    if (open > 0 && (need === 0 || staffable)) {
      // Every team's other seats (at most `open − need` of them for peers who are not advanced)
      // and, where an advanced reviewer is still needed, the advanced seats, reached by advanced
      // reviewers only, who may take the other seats through them too. Held, the advanced seats
      // are worth two seats each, so that no optimum leaves a held team without them.
      otherSeat[review.index] = node();
      arc(otherSeat[review.index]!, SINK, open - need, undefined, 1);
      if (need > 0) {
        advancedIn[review.index] = node();
        arc(advancedIn[review.index]!, SINK, need, undefined, 2);
        arc(advancedIn[review.index]!, otherSeat[review.index]!, open - need);
      }
      seatCapacity += open;
    }
    if (roster.leads(review).length < LEAD_SEATS) {
      leadSeat[review.index] = node();
      arc(leadSeat[review.index]!, SINK, LEAD_SEATS - roster.leads(review).length, undefined, 1);
      seatCapacity += 1;
    }
  }
  /** Where a peer's unit enters a review: the advanced seats for an advanced reviewer of a held team. */
  const entry = (person: PersonInfo, review: ReviewInfo) => (advancedIn[review.index]! >= 0 && isAdvanced(person) ? advancedIn[review.index]! : otherSeat[review.index]!);

  // Accounts: places within the target are worth one unit of deviation, places beyond cost one.
  const accountNode = new Map<string, number>();
  // Deviation the flow cannot change (places sent before it), in units.
  let baseDeviation = 0;
  for (const account of year.accounts) {
    const n = node();
    accountNode.set(account.key, n);
    const base = roster.sent(account.key) - (year.target.get(account.key) ?? 0);
    baseDeviation += Math.abs(base);
    if (base < 0) arc(SOURCE, n, -base, (c) => -c.reciprocity);
    arc(SOURCE, n, UNBOUNDED, (c) => c.reciprocity);
  }

  // One school on one team: where two of its reviewers could meet, a node whose k-th unit costs k − 1 pairs.
  const meeting = new Map<string, number>();
  if (options.sameSchool !== false) {
    for (const review of year.reviews) {
      for (const c of candidates.peer.get(review.id) ?? []) {
        if (!c.person.school || !keep(c)) continue;
        const key = `${c.person.school.id}|${review.index}|${entry(c.person, review)}`;
        meeting.set(key, (meeting.get(key) ?? 0) + 1);
      }
    }
  }
  const schoolNodes = new Map<string, number>();
  const schoolNode = (person: PersonInfo, review: ReviewInfo): number => {
    const to = entry(person, review);
    const key = `${person.school!.id}|${review.index}|${to}`;
    const onTeam = roster.peers(review).filter((p) => p.school?.id === person.school!.id).length;
    if (options.sameSchool === false || (meeting.get(key) ?? 0) + onTeam < 2) return to;
    const found = schoolNodes.get(key);
    if (found !== undefined) return found;
    const n = node();
    schoolNodes.set(key, n);
    const units = Math.min(peerSeatsLeft(review, roster.peers(review).length), meeting.get(key)!);
    for (let k = 0; k < units; k += 1) arc(n, to, 1, (c) => c.sameSchool * (onTeam + k));
    return n;
  };

  const addPerson = (person: PersonInfo, from: number) => {
    const left = reviewsLeft(person, roster.duties(person).length);
    if (left <= 0) return;
    const seatOf = (review: ReviewInfo) => (person.role === "lead" ? leadSeat[review.index]! : otherSeat[review.index]!);
    // The seat rules only bite beside seats already held (pins): ask them only there.
    const free = roster.duties(person).length === 0;
    const options = (candidates.byPerson.get(`${person.role}:${person.id}`) ?? []).filter(
      (c) => seatOf(c.review) >= 0 && ((free && roster.peers(c.review).length === 0 && roster.leads(c.review).length === 0) || roster.canTake(person, c.review)),
    );
    if (options.length === 0) return;
    const personNode = node();
    arc(from, personNode, left);
    const byReview = new Map(options.map((c) => [c.review, c]));
    for (const block of overlapBlocks(options.map((c) => c.review))) {
      // A block of one review needs no node of its own: the pair's arc holds one unit.
      const blockNode = block.length === 1 ? personNode : node();
      if (blockNode !== personNode) arc(personNode, blockNode, mostWithoutOverlap(block));
      for (const review of block) {
        const candidate = byReview.get(review)!;
        const to = person.role === "lead" ? leadSeat[review.index]! : schoolNode(person, review);
        const price = (c: GoalCosts) => c.pair(candidate);
        if (keep(candidate)) pairs.push({ index: arc(blockNode, to, 1, price), candidate });
        else leftOut.push({ from: blockNode, to, cost: 0, candidate, price });
      }
    }
  };

  for (const person of year.reviewers) {
    if (!person.school) continue;
    const mine = candidates.byPerson.get(`peer:${person.id}`) ?? [];
    const accounts = [...new Set(mine.map((c) => accountOf(person, c.review)))];
    if (accounts.length <= 1) {
      addPerson(person, accounts[0] === undefined ? SOURCE : accountNode.get(accounts[0])!);
      continue;
    }
    // Places counting for several accounts: the person hangs from each (a relaxation; see network.ts).
    const joint = node();
    const left = reviewsLeft(person, roster.duties(person).length);
    for (const account of accounts) arc(account === undefined ? SOURCE : accountNode.get(account)!, joint, left);
    addPerson(person, joint);
  }
  for (const lead of year.leads) addPerson(lead, SOURCE);

  const relaxedSeats = options.seats.mode === "relaxed" ? options.seats.seats : undefined;
  const net = createCostNetwork(nodes);
  for (const a of arcs) net.addArc(a.from, a.to, a.cap, 0);
  // The return arc: as much flow as the seats allow (held), or exactly `seats` at a reward (relaxed).
  const back = net.addArc(SINK, SOURCE, relaxedSeats ?? UNBOUNDED, 0);
  let seatReward = 0;
  let reciprocityBase = 0;
  const reprice = (costs: GoalCosts) => {
    for (const a of arcs) a.cost = a.price?.(costs) ?? 0;
    for (const a of leftOut) a.cost = a.price(costs);
    // A seat must outweigh any change of the goals: one more than their whole range.
    let range = 0;
    for (const a of arcs) if (a.cost !== 0) range += Math.abs(a.cost) * Math.min(a.cap, seatCapacity);
    for (const a of leftOut) range += Math.abs(a.cost);
    seatReward = range + 1;
    reciprocityBase = costs.reciprocity * baseDeviation;
    arcs.forEach((a, id) => net.setCost(id, a.cost - (held ? a.seats * seatReward : 0)));
    net.setCost(back, relaxedSeats !== undefined ? -seatReward : 0);
  };
  reprice(options.costs);
  return {
    net,
    pairs: pairs.map((p) => ({ arc: p.index, candidate: p.candidate })),
    goalCost: () => {
      let cost = 0;
      arcs.forEach((a, id) => (cost += a.cost * net.flow(id)));
      return cost + reciprocityBase;
    },
    lowerBound: () => {
      if (relaxedSeats === undefined) return -Infinity;
      // Lagrange: for any potentials, Σ cap × min(0, reduced cost) bounds the least total cost.
      const reduced = (from: number, to: number, cost: number) => Math.min(0, cost + net.potential(from) - net.potential(to));
      let bound = 0;
      arcs.forEach((a) => (bound += a.cap * reduced(a.from, a.to, a.cost)));
      bound += relaxedSeats * reduced(SINK, SOURCE, -seatReward);
      for (const a of leftOut) bound += reduced(a.from, a.to, a.cost);
      return bound + seatReward * relaxedSeats + reciprocityBase;
    },
    reprice,
    pricedBelowZero: () => leftOut.filter((a) => a.cost + net.potential(a.from) - net.potential(a.to) < 0).map((a) => a.candidate),
  };
}
