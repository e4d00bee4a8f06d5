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
  /** Only these reviews' seats are open (default: every review's); the roster holds the rest. */
  readonly scope?: ReadonlySet<ReviewInfo>;
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

/** What prices an arc: nothing, a pair's goals, a place within or beyond an account's target, a same-school unit. */
const enum Priced {
  Nothing = 0,
  Pair = 1,
  Within = 2,
  Surplus = 3,
  SameSchool = 4,
}

/**
 * The arcs as they are built, in typed arrays (a national year has hundreds of thousands; one
 * object and one closure each kept the garbage collector busier than the network simplex).
 * `ref` is the pair's index in `pairsOf` for a `Pair` arc, the same-school unit's multiplier
 * (pairs it makes) for a `SameSchool` arc.
 */
class ArcStore {
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  cap = new Float64Array(1024);
  kind = new Int8Array(1024);
  ref = new Int32Array(1024);
  seats = new Int8Array(1024);
  cost = new Float64Array(1024);
  length = 0;
  add(from: number, to: number, cap: number, kind: Priced, ref: number, seats: number): number {
    if (this.length === this.from.length) this.grow();
    const i = this.length++;
    this.from[i] = from;
    this.to[i] = to;
    this.cap[i] = cap;
    this.kind[i] = kind;
    this.ref[i] = ref;
    this.seats[i] = seats;
    return i;
  }
  private grow(): void {
    const size = this.from.length * 2;
    const copy = <T extends Int32Array | Float64Array | Int8Array>(a: T, make: (n: number) => T) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.from = copy(this.from, (n) => new Int32Array(n));
    this.to = copy(this.to, (n) => new Int32Array(n));
    this.cap = copy(this.cap, (n) => new Float64Array(n));
    this.kind = copy(this.kind, (n) => new Int8Array(n));
    this.ref = copy(this.ref, (n) => new Int32Array(n));
    this.seats = copy(this.seats, (n) => new Int8Array(n));
    this.cost = copy(this.cost, (n) => new Float64Array(n));
  }
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
  const arcs = new ArcStore();
  // Every pair seen, kept or left out (`pairArc` is its arc, −1 when left out by `keep`).
  const pairsOf: Candidate[] = [];
  const pairArc: number[] = [];
  const leftOut = new ArcStore();
  let nodes = 2;
  const node = () => nodes++;
  const arc = (from: number, to: number, cap: number, kind: Priced = Priced.Nothing, ref = 0, seats = 0) => arcs.add(from, to, cap, kind, ref, seats);

  // Each review's seat nodes: its other seats (every peer), its advanced seats (held, advanced
  // peers only, who reach the other seats through them too) and its Lead Reviewer seat.
  const otherSeat = new Int32Array(year.reviews.length).fill(-1);
  const advancedIn = new Int32Array(year.reviews.length).fill(-1);
  const leadSeat = new Int32Array(year.reviews.length).fill(-1);
  let seatCapacity = 0;
  const inScope = (review: ReviewInfo) => options.scope?.has(review) ?? true;
  for (const review of year.reviews) {
    if (!inScope(review)) continue;
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
      arc(otherSeat[review.index]!, SINK, open - need, Priced.Nothing, 0, 1);
      if (need > 0) {
        advancedIn[review.index] = node();
        arc(advancedIn[review.index]!, SINK, need, Priced.Nothing, 0, 2);
        arc(advancedIn[review.index]!, otherSeat[review.index]!, open - need);
      }
      seatCapacity += open;
    }
    if (roster.leads(review).length < LEAD_SEATS) {
      leadSeat[review.index] = node();
      arc(leadSeat[review.index]!, SINK, LEAD_SEATS - roster.leads(review).length, Priced.Nothing, 0, 1);
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
    if (base < 0) arc(SOURCE, n, -base, Priced.Within);
    arc(SOURCE, n, UNBOUNDED, Priced.Surplus);
  }

  // One school on one team: where two of its reviewers could meet, a node whose k-th unit costs
  // k − 1 pairs. Keyed by number (school, review, kind of seat): a national year has tens of
  // thousands of them.
  const schoolIndex = new Map<string, number>();
  for (const school of year.schools.keys()) schoolIndex.set(school, schoolIndex.size);
  const meetingKey = (person: PersonInfo, review: ReviewInfo) =>
    (schoolIndex.get(person.school!.id)! * year.reviews.length + review.index) * 2 + (entry(person, review) === otherSeat[review.index] ? 0 : 1);
  const meeting = new Map<number, number>();
  if (options.sameSchool !== false) {
    for (const review of year.reviews) {
      if (otherSeat[review.index]! < 0) continue;
      for (const c of candidates.peer.get(review.id) ?? []) {
        if (!c.person.school || !schoolIndex.has(c.person.school.id) || !keep(c)) continue;
        const key = meetingKey(c.person, review);
        meeting.set(key, (meeting.get(key) ?? 0) + 1);
      }
    }
  }
  const schoolNodes = new Map<number, number>();
  const schoolNode = (person: PersonInfo, review: ReviewInfo): number => {
    const to = entry(person, review);
    if (options.sameSchool === false || !schoolIndex.has(person.school!.id)) return to;
    const key = meetingKey(person, review);
    const staying = roster.peers(review);
    const onTeam = staying.length === 0 ? 0 : staying.filter((p) => p.school?.id === person.school!.id).length;
    if ((meeting.get(key) ?? 0) + onTeam < 2) return to;
    const found = schoolNodes.get(key);
    if (found !== undefined) return found;
    const n = node();
    schoolNodes.set(key, n);
    const units = Math.min(peerSeatsLeft(review, staying.length), meeting.get(key)!);
    for (let k = 0; k < units; k += 1) arc(n, to, 1, Priced.SameSchool, onTeam + k);
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
        const at = pairsOf.push(candidate) - 1;
        if (keep(candidate)) pairArc.push(arc(blockNode, to, 1, Priced.Pair, at));
        else pairArc.push(-1 - leftOut.add(blockNode, to, 1, Priced.Pair, at, 0));
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
  for (let a = 0; a < arcs.length; a += 1) net.addArc(arcs.from[a]!, arcs.to[a]!, arcs.cap[a]!, 0);
  // The return arc: as much flow as the seats allow (held), or exactly `seats` at a reward (relaxed).
  const back = net.addArc(SINK, SOURCE, relaxedSeats ?? UNBOUNDED, 0);
  let seatReward = 0;
  let reciprocityBase = 0;
  const priceOf = (store: ArcStore, a: number, costs: GoalCosts): number => {
    switch (store.kind[a]) {
      case Priced.Pair:
        return costs.pair(pairsOf[store.ref[a]!]!);
      case Priced.Within:
        return -costs.reciprocity;
      case Priced.Surplus:
        return costs.reciprocity;
      case Priced.SameSchool:
        return costs.sameSchool * store.ref[a]!;
      default:
        return 0;
    }
  };
  const reprice = (costs: GoalCosts) => {
    // A seat must outweigh any change of the goals: one more than their whole range.
    let range = 0;
    for (let a = 0; a < arcs.length; a += 1) {
      const cost = priceOf(arcs, a, costs);
      arcs.cost[a] = cost;
      if (cost !== 0) range += Math.abs(cost) * Math.min(arcs.cap[a]!, seatCapacity);
    }
    for (let a = 0; a < leftOut.length; a += 1) {
      leftOut.cost[a] = priceOf(leftOut, a, costs);
      range += Math.abs(leftOut.cost[a]!);
    }
    seatReward = range + 1;
    reciprocityBase = costs.reciprocity * baseDeviation;
    for (let a = 0; a < arcs.length; a += 1) net.setCost(a, arcs.cost[a]! - (held ? arcs.seats[a]! * seatReward : 0));
    net.setCost(back, relaxedSeats !== undefined ? -seatReward : 0);
  };
  reprice(options.costs);
  const reduced = (from: number, to: number, cost: number) => Math.min(0, cost + net.potential(from) - net.potential(to));
  return {
    net,
    pairs: pairArc.flatMap((arc, i) => (arc >= 0 ? [{ arc, candidate: pairsOf[i]! }] : [])),
    goalCost: () => {
      let cost = 0;
      for (let a = 0; a < arcs.length; a += 1) cost += arcs.cost[a]! * net.flow(a);
      return cost + reciprocityBase;
    },
    lowerBound: () => {
      if (relaxedSeats === undefined) return -Infinity;
      // Lagrange: for any potentials, Σ cap × min(0, reduced cost) bounds the least total cost.
      let bound = 0;
      for (let a = 0; a < arcs.length; a += 1) bound += arcs.cap[a]! * reduced(arcs.from[a]!, arcs.to[a]!, arcs.cost[a]!);
      bound += relaxedSeats * reduced(SINK, SOURCE, -seatReward);
      for (let a = 0; a < leftOut.length; a += 1) bound += reduced(leftOut.from[a]!, leftOut.to[a]!, leftOut.cost[a]!);
      return bound + seatReward * relaxedSeats + reciprocityBase;
    },
    pricedBelowZero: () => {
      const below: Candidate[] = [];
      for (let a = 0; a < leftOut.length; a += 1) if (reduced(leftOut.from[a]!, leftOut.to[a]!, leftOut.cost[a]!) < 0) below.push(pairsOf[leftOut.ref[a]!]!);
      return below;
    },
    reprice,
  };
}
