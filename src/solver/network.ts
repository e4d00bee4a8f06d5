/**
 * The seat networks: the year's seats as max-flow networks, built from the allocation rules'
 * own numbers so that a flow is an allocation for every rule but the team-wide advanced seat.
 *
 *   source → account (its reciprocity target, then any surplus) → person (`reviewsLeft`)
 *          → block (`mostWithoutOverlap`: the `overlap` rule) → review's seats → sink
 *
 * An account is a school, or in a year with reviews counted by trust (Trust Peer Reviews) a
 * trust too. A person whose reviews count for more than one account (a trust leader who also
 * serves QARs) hangs from each, through a node of their own capped at `reviewsLeft`: a
 * relaxation (the flow may route a trust's place to a QAR), which only the reciprocity
 * heuristic and bound read, and the bound stays a lower bound. The composition caps
 * (`max-per-trust`...) are left out: the roster refuses a pair that breaks one.
 *
 * A review's peer seats are two sink arcs: its advanced seats (`advancedToStaff`, reached only
 * by advanced reviewers) and its other seats (`peerSeatsLeft`). Advanced reviewers reach both
 * through one pair node, so nobody takes two seats of one team. Pins and seats already in the
 * roster use up their seats and capacity. Lead Reviewers have a network of their own.
 */
import { accountOf } from "../model/accounts.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff, isAdvanced, LEAD_SEATS, mostWithoutOverlap, overlapBlocks, peerSeatsLeft, reviewsLeft } from "../rules/index.js";
import type { Candidate, Candidates } from "./candidates.js";
import { createFlowNetwork, type FlowNetwork } from "./flow.js";
import type { Roster } from "./roster.js";

export const SOURCE = 0;
export const SINK = 1;

/** A seat network and the arcs its users read or open. */
export interface SeatNetwork {
  readonly net: FlowNetwork;
  /** A person on a review: the arcs whose flow says the person sits there. */
  readonly pairs: readonly { readonly edges: readonly number[]; readonly candidate: Candidate }[];
  /** By review index: the sink arc of its advanced seats (peers) or its Lead Reviewer seat. */
  readonly advancedSink: readonly (number | undefined)[];
  /** By review index: the sink arc of its other peer seats. */
  readonly otherSink: readonly (number | undefined)[];
  /** Source arcs per account (`year.accounts`): within its target, and beyond it (closed until opened). */
  readonly within: readonly number[];
  readonly surplus: readonly number[];
  /** Peer networks: the arcs capped at each person's reviews left (raised to ask "one more review?"). */
  readonly capacityArcs?: ReadonlyMap<PersonInfo, readonly number[]>;
  /** Peer networks: a review's node of advanced seats (`staff` and `split`), where extra supply joins. */
  readonly advancedNode?: (review: ReviewInfo) => number;
  /** The first of the `extraNodes` the caller asked for. */
  readonly firstExtraNode?: number;
}

/** What a peer network holds. */
export interface PeerNetworkOptions {
  /** Called every thousand people while the network is built (a run's progress repeated); it changes nothing. */
  readonly beat?: () => void;
  /** Reviews whose seats are open (default: all). */
  readonly open?: (review: ReviewInfo) => boolean;
  /** People in it (default: every reviewer with capacity left). */
  readonly people?: (person: PersonInfo) => boolean;
  /** Sink capacities: `split` gives advanced seats their own arc; `staff` opens only the advanced seats. */
  readonly seats?: "split" | "staff" | "all";
  /** Open the surplus arcs from the start (seat bounds, which ignore reciprocity). */
  readonly surplusOpen?: boolean;
  /** Leave a review's advanced and other sink arcs closed (capacity 0) until opened by the caller. */
  readonly sinksClosed?: boolean;
  /** Nodes to add for the caller's own use (extra supply: `firstExtraNode` on). */
  readonly extraNodes?: number;
}

/** The reviews a person may still join: candidates free of their duties and not on that team. */
function openOptions(roster: Roster, list: readonly Candidate[]): Candidate[] {
  return list.filter((c) => roster.canTake(c.person, c.review));
}

// The search takes a node's newest arc first: adding the costliest first makes any maximum
// flow lean towards the cheaper pairs (phase, preference, travel), for free.
const costliestFirst = (list: readonly Candidate[]) => [...list].sort((a, b) => b.cost - a.cost || b.review.index - a.review.index);

/**
 * Adds a person's blocks and seat arcs. A block holding at most one of the person's seats
 * (its reviews all overlap) reaches a review's seats directly; a longer block goes through a
 * pair node per review, so that nobody takes two seats of one team.
 */
function addPerson(
  net: FlowNetwork,
  node: number,
  nextNode: { value: number },
  options: readonly Candidate[],
  seatNode: (candidate: Candidate) => readonly number[],
  pairs: { edges: number[]; candidate: Candidate }[],
): void {
  const byReview = new Map(options.map((c) => [c.review, c]));
  for (const block of overlapBlocks(options.map((c) => c.review))) {
    const blockNode = nextNode.value++;
    const seatsInBlock = mostWithoutOverlap(block);
    net.addEdge(node, blockNode, seatsInBlock);
    for (const candidate of costliestFirst(block.map((r) => byReview.get(r)!))) {
      const seats = seatNode(candidate);
      if (seats.length === 1 || seatsInBlock === 1) {
        pairs.push({ edges: seats.map((seat) => net.addEdge(blockNode, seat, 1)), candidate });
      } else {
        const pairNode = nextNode.value++;
        pairs.push({ edges: [net.addEdge(blockNode, pairNode, 1)], candidate });
        for (const seat of seats) net.addEdge(pairNode, seat, 1);
      }
    }
  }
}

/** Counts the nodes a person adds: blocks, pair nodes for an advanced reviewer, and one more for several accounts. */
function nodesOf(options: readonly Candidate[], split: boolean, accounts = 1): number {
  return overlapBlocks(options.map((c) => c.review)).length + (split ? options.length : 0) + (accounts > 1 ? 1 : 0);
}

/** The accounts a person's options count for (`undefined`: a place that counts for none), in first-met order. */
function accountsOf(person: PersonInfo, options: readonly Candidate[]): (string | undefined)[] {
  return [...new Set(options.map((c) => accountOf(person, c.review)))];
}

/** The peer-seat network over the roster as it stands (see the module comment). */
export function peerNetwork(year: Year, candidates: Candidates, roster: Roster, options: PeerNetworkOptions = {}): SeatNetwork {
  const open = options.open ?? (() => true);
  const seats = options.seats ?? "split";
  const accountIndex = new Map(year.accounts.map((a, i) => [a.key, i]));
  const people = year.reviewers.filter((p) => p.school && (options.people?.(p) ?? true) && reviewsLeft(p, roster.duties(p).length) > 0);
  const optionsOf = new Map(people.map((p) => [p, openOptions(roster, candidates.byPerson.get(`peer:${p.id}`) ?? []).filter((c) => open(c.review))]));
  const accountsFor = new Map(people.map((p) => [p, accountsOf(p, optionsOf.get(p)!)]));
  const accountBase = 2;
  const personBase = accountBase + year.accounts.length;
  const reviewBase = personBase + people.length;
  const split = (p: PersonInfo) => seats !== "all" && isAdvanced(p);
  let extra = 0;
  for (const p of people) extra += nodesOf(optionsOf.get(p)!, split(p), accountsFor.get(p)!.length);
  const net = createFlowNetwork(reviewBase + 2 * year.reviews.length + extra + (options.extraNodes ?? 0));
  const capacityArcs = new Map<PersonInfo, number[]>();

  const within: number[] = [];
  const surplus: number[] = [];
  year.accounts.forEach((account, i) => {
    const node = accountBase + i;
    within.push(net.addEdge(SOURCE, node, Math.max(0, (year.target.get(account.key) ?? 0) - roster.sent(account.key))));
    surplus.push(net.addEdge(SOURCE, node, options.surplusOpen ? Number.MAX_SAFE_INTEGER : 0));
  });
  // A place that counts for no account (a trust leader of no trust) comes straight from the source.
  const accountNode = (key: string | undefined) => (key === undefined ? SOURCE : accountBase + accountIndex.get(key)!);
  const advancedSink: (number | undefined)[] = [];
  const otherSink: (number | undefined)[] = [];
  for (const review of year.reviews) {
    if (!open(review)) continue;
    const staying = roster.peers(review);
    const left = peerSeatsLeft(review, staying.length);
    const advancedOpen = Math.min(left, Math.max(0, advancedToStaff(year, review) - staying.filter(isAdvanced).length));
    const closed = options.sinksClosed === true;
    if (seats === "all") {
      otherSink[review.index] = net.addEdge(reviewBase + 2 * review.index + 1, SINK, closed ? 0 : left);
      continue;
    }
    advancedSink[review.index] = net.addEdge(reviewBase + 2 * review.index, SINK, closed ? 0 : advancedOpen);
    if (seats === "split") otherSink[review.index] = net.addEdge(reviewBase + 2 * review.index + 1, SINK, closed ? 0 : left - advancedOpen);
  }
  const pairs: { edges: number[]; candidate: Candidate }[] = [];
  const nextNode = { value: reviewBase + 2 * year.reviews.length };
  people.forEach((person, i) => {
    if ((i & 1023) === 0) options.beat?.();
    let node = personBase + i;
    const mine = optionsOf.get(person)!;
    if (mine.length === 0) return;
    const left = reviewsLeft(person, roster.duties(person).length);
    const accounts = accountsFor.get(person)!;
    const arcs = accounts.map((account) => net.addEdge(accountNode(account), node, left));
    if (accounts.length > 1) {
      // Several accounts: the person's own node caps what they take from all of them together.
      const capped = nextNode.value++;
      arcs.push(net.addEdge(node, capped, left));
      node = capped;
    }
    capacityArcs.set(person, arcs);
    const seatNode = (c: Candidate): number[] => {
      const advancedSeat = reviewBase + 2 * c.review.index;
      if (seats === "all") return [advancedSeat + 1];
      if (seats === "staff") return [advancedSeat];
      return split(person) ? [advancedSeat, advancedSeat + 1] : [advancedSeat + 1];
    };
    addPerson(net, node, nextNode, seats === "staff" && !isAdvanced(person) ? [] : mine, seatNode, pairs);
  });
  const advancedNode = (review: ReviewInfo) => reviewBase + 2 * review.index;
  return { net, pairs, advancedSink, otherSink, within, surplus, capacityArcs, advancedNode, firstExtraNode: nextNode.value };
}

/** The Lead Reviewer network: lead (`reviewsLeft`) → block → review's Lead seat (`LEAD_SEATS`) → sink. */
export function leadNetwork(year: Year, candidates: Candidates, roster: Roster): SeatNetwork {
  const leads = year.leads.filter((l) => reviewsLeft(l, roster.duties(l).length) > 0);
  const optionsOf = new Map(leads.map((l) => [l, openOptions(roster, candidates.byPerson.get(`lead:${l.id}`) ?? [])]));
  const personBase = 2;
  const reviewBase = personBase + leads.length;
  let extra = 0;
  for (const l of leads) extra += nodesOf(optionsOf.get(l)!, false);
  const net = createFlowNetwork(reviewBase + year.reviews.length + extra);
  const advancedSink: (number | undefined)[] = [];
  for (const review of year.reviews) {
    advancedSink[review.index] = net.addEdge(reviewBase + review.index, SINK, Math.max(0, LEAD_SEATS - roster.leads(review).length));
  }
  const pairs: { edges: number[]; candidate: Candidate }[] = [];
  const nextNode = { value: reviewBase + year.reviews.length };
  leads.forEach((lead, i) => {
    const mine = optionsOf.get(lead)!;
    if (mine.length === 0) return;
    net.addEdge(SOURCE, personBase + i, reviewsLeft(lead, roster.duties(lead).length));
    addPerson(net, personBase + i, nextNode, mine, (c) => [reviewBase + c.review.index], pairs);
  });
  return { net, pairs, advancedSink, otherSink: [], within: [], surplus: [] };
}

/** The pairs a flow uses, advanced seats' pairs first (their order when placed in a roster). */
export function flowPairs(network: SeatNetwork): Candidate[] {
  return network.pairs.filter(({ edges }) => edges.some((edge) => network.net.flow(edge) > 0.5)).map(({ candidate }) => candidate);
}

/** Opens every school's surplus arc (places beyond its target). */
export function openSurplus(network: SeatNetwork): void {
  for (const edge of network.surplus) network.net.raiseCapacity(edge, Number.MAX_SAFE_INTEGER);
}

/** Closes every school's surplus arc at its current flow. */
export function closeSurplus(network: SeatNetwork): void {
  for (const edge of network.surplus) network.net.freeze(edge);
}
