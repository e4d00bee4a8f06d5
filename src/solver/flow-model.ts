import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedNeeded, clashes, isAdvanced } from "../rules/index.js";
import type { Candidate, Candidates } from "./candidates.js";
import { createFlowNetwork } from "./flow.js";
import type { Roster } from "./roster.js";

/** What the seat flow finds: chosen pairs, and the figures the bound needs. */
export interface PeerFlow {
  /** One candidate per unit of flow: a valid seat set for every rule but overlap and advanced-seat. */
  readonly pairs: readonly Candidate[];
  /** Max flow when schools send no more than their targets (phase 1). */
  readonly withinTargets: number;
  /** Max flow with surplus places allowed (phase 2): the bound on new peer seats. */
  readonly total: number;
}

/** The most reviews of `options` one person can attend without two overlapping (earliest end first). */
export function mostWithoutOverlap(options: readonly ReviewInfo[]): number {
  let count = 0;
  let lastEnd = -Infinity;
  for (const review of [...options].sort((a, b) => a.span.to - b.span.to)) {
    if (review.span.from > lastEnd) {
      count += 1;
      lastEnd = review.span.to;
    }
  }
  return count;
}

function byCostDescending(list: readonly Candidate[]): Candidate[] {
  return [...list].sort((a, b) => b.cost - a.cost || b.review.index - a.review.index);
}

function openOptions(roster: Roster, list: readonly Candidate[]): Candidate[] {
  return list.filter((c) => !roster.duties(c.person).some((other) => clashes(other.span, c.review.span)));
}

/**
 * The peer-seat flow: source → school (its target, then any surplus) → reviewer (capacity) →
 * review's advanced seats / other seats → sink. Advanced reviewers reach both seat kinds
 * through a pair node, so nobody takes two seats of one team. Pins already in `roster` are
 * respected (their seats and capacity are used up). A relaxation of the real rules: the flow
 * ignores overlapping dates between one person's reviews and that other seats need the
 * advanced seat filled, so its value is an upper bound on the peer seats still open.
 */
export function peerFlow(year: Year, candidates: Candidates, roster: Roster): PeerFlow {
  const schoolIndex = new Map<string, number>();
  year.problem.schools.forEach((s, i) => schoolIndex.set(s.id, i));
  const S = 0;
  const T = 1;
  const schoolBase = 2;
  const reviewerBase = schoolBase + year.problem.schools.length;
  const reviewBase = reviewerBase + year.reviewers.length;
  let pairNodes = reviewBase + 2 * year.reviews.length;
  const advancedPairs = year.reviewers.filter(isAdvanced).reduce((n, p) => n + (candidates.byPerson.get(`peer:${p.id}`)?.length ?? 0), 0);
  const net = createFlowNetwork(pairNodes + advancedPairs);

  const targetEdges: { edge: number; schoolId: string }[] = [];
  for (const school of year.problem.schools) {
    const target = Math.max(0, (year.target.get(school.id) ?? 0) - roster.sent(school.id));
    targetEdges.push({ edge: net.addEdge(S, schoolBase + schoolIndex.get(school.id)!, target), schoolId: school.id });
  }
  for (const review of year.reviews) {
    const staying = roster.peers(review);
    const need = advancedNeeded(year.policy.minAdvancedPerTeam, review.peerSeats, 1);
    const advancedOpen = Math.max(0, need - staying.filter(isAdvanced).length);
    const open = Math.max(0, review.peerSeats - staying.length);
    net.addEdge(reviewBase + 2 * review.index, T, Math.min(advancedOpen, open));
    net.addEdge(reviewBase + 2 * review.index + 1, T, open - Math.min(advancedOpen, open));
  }
  const pairEdges: { edge: number; candidate: Candidate }[] = [];
  for (const person of year.reviewers) {
    if (!person.school) continue;
    const options = openOptions(roster, candidates.byPerson.get(`peer:${person.id}`) ?? []).filter((c) => !roster.peers(c.review).includes(person));
    const remaining = person.maxReviews - roster.duties(person).length;
    const capacity = Math.min(remaining, mostWithoutOverlap(options.map((c) => c.review)));
    if (capacity <= 0) continue;
    const node = reviewerBase + person.index;
    net.addEdge(schoolBase + schoolIndex.get(person.school.id)!, node, capacity);
    // The search takes a node's newest arc first: adding the costliest first makes any maximum
    // flow it finds lean towards the cheaper pairs (phase, preference, travel), for free.
    for (const candidate of byCostDescending(options)) {
      const advancedSeat = reviewBase + 2 * candidate.review.index;
      const otherSeat = advancedSeat + 1;
      if (isAdvanced(person)) {
        const pair = pairNodes++;
        pairEdges.push({ edge: net.addEdge(node, pair, 1), candidate });
        net.addEdge(pair, advancedSeat, 1);
        net.addEdge(pair, otherSeat, 1);
      } else {
        pairEdges.push({ edge: net.addEdge(node, otherSeat, 1), candidate });
      }
    }
  }
  const withinTargets = net.maxFlow(S, T);
  for (const { edge } of targetEdges) net.raiseCapacity(edge, Number.MAX_SAFE_INTEGER);
  const total = withinTargets + net.maxFlow(S, T);
  const pairs = pairEdges.filter(({ edge }) => net.flow(edge) > 0.5).map(({ candidate }) => candidate);
  return { pairs, withinTargets, total };
}

/**
 * The Lead Reviewer flow: lead (capacity) → review (one seat). Its value bounds the lead seats
 * still open (overlapping dates relaxed); its pairs are a starting point for the engines.
 */
export function leadFlow(year: Year, candidates: Candidates, roster: Roster): { total: number; pairs: Candidate[] } {
  const S = 0;
  const T = 1;
  const leadBase = 2;
  const reviewBase = leadBase + year.leads.length;
  const net = createFlowNetwork(reviewBase + year.reviews.length);
  const pairEdges: { edge: number; candidate: Candidate }[] = [];
  for (const review of year.reviews) if (!roster.lead(review)) net.addEdge(reviewBase + review.index, T, 1);
  for (const lead of year.leads) {
    const options = openOptions(roster, candidates.byPerson.get(`lead:${lead.id}`) ?? []).filter((c) => !roster.lead(c.review));
    const capacity = Math.min(lead.maxReviews - roster.duties(lead).length, mostWithoutOverlap(options.map((c) => c.review)));
    if (capacity <= 0) continue;
    net.addEdge(S, leadBase + lead.index, capacity);
    for (const c of byCostDescending(options)) pairEdges.push({ edge: net.addEdge(leadBase + lead.index, reviewBase + c.review.index, 1), candidate: c });
  }
  const total = net.maxFlow(S, T);
  return { total, pairs: pairEdges.filter(({ edge }) => net.flow(edge) > 0.5).map(({ candidate }) => candidate) };
}

/** People of the flow's pairs whose seats overlap in time keep the earliest-ending subset. */
export function dropOverlaps(pairs: readonly Candidate[]): Candidate[] {
  const byPerson = new Map<PersonInfo, Candidate[]>();
  for (const pair of pairs) byPerson.set(pair.person, [...(byPerson.get(pair.person) ?? []), pair]);
  const kept: Candidate[] = [];
  for (const list of byPerson.values()) {
    let lastEnd = -Infinity;
    for (const pair of [...list].sort((a, b) => a.review.span.to - b.review.span.to || a.review.index - b.review.index)) {
      if (pair.review.span.from > lastEnd) {
        kept.push(pair);
        lastEnd = pair.review.span.to;
      }
    }
  }
  return kept;
}
