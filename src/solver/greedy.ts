import type { Allocation } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { isAdvanced } from "../rules/index.js";
import type { Candidate } from "./candidates.js";
import type { Engine, EngineContext } from "./engine.js";
import { createRoster, type Roster } from "./roster.js";

/** A random tie-break key per id, drawn once in id order, so the order depends only on the seed. */
function tieBreaks(ids: readonly string[], random: () => number): Map<string, number> {
  return new Map([...ids].sort().map((id) => [id, random()]));
}

/** Fills the roster from the fixed pins; pins were checked against the rules by `solve`. */
export function rosterFromFixed(year: Year, fixed: Allocation): Roster {
  const roster = createRoster(year);
  for (const { reviewId, role, personId } of fixed.assignments) {
    const review = year.reviewById.get(reviewId);
    const person = year.people[role].get(personId);
    if (review && person && roster.canTake(person, review)) roster.add(role, person, review);
  }
  return roster;
}

/**
 * The cost of sending `person` to `review` now: what the pair costs, plus the reciprocity cost
 * of a place beyond the school's target, plus a second reviewer from one school on a team.
 */
function seatCost(roster: Roster, candidate: Candidate): number {
  const { year } = roster;
  const w = year.policy.weights;
  const person = candidate.person;
  let cost = candidate.cost;
  if (person.school) {
    const owed = (year.target.get(person.school.id) ?? 0) - roster.sent(person.school.id);
    cost += owed > 0 ? -w.reciprocity : w.reciprocity;
    if (roster.peers(candidate.review).some((p) => p.school?.id === person.school?.id)) cost += w.variety;
  }
  return cost;
}

function best(candidates: readonly Candidate[], roster: Roster, keep: (c: Candidate) => boolean, ties: Map<string, number>): Candidate | undefined {
  let chosen: Candidate | undefined;
  let chosenCost = Infinity;
  for (const candidate of candidates) {
    if (!keep(candidate) || !roster.canTake(candidate.person, candidate.review)) continue;
    const cost = seatCost(roster, candidate);
    if (cost < chosenCost || (cost === chosenCost && (ties.get(candidate.person.id) ?? 0) < (ties.get(chosen!.person.id) ?? 0))) {
      chosen = candidate;
      chosenCost = cost;
    }
  }
  return chosen;
}

/** Scarcest first: reviews with fewer candidates choose before the others take them. */
function byScarcity(reviews: readonly ReviewInfo[], count: (review: ReviewInfo) => number, ties: Map<string, number>): ReviewInfo[] {
  return [...reviews].sort((a, b) => count(a) - count(b) || (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0));
}

/**
 * Fills every open seat of `roster` greedily: Lead Reviewers, then each team's advanced seats,
 * then the other seats round-robin, each seat taking the cheapest candidate still free. Seats
 * already in the roster stay. Returns the number of steps taken.
 */
export function fillGreedily(context: EngineContext, roster: Roster, ties: Map<string, number>): number {
  const { year, candidates } = context;
  let iterations = 0;
  const leadOrder = byScarcity(year.reviews, (r) => candidates.lead.get(r.id)?.length ?? 0, ties);
  for (const review of leadOrder) {
    if (roster.lead(review)) continue;
    const choice = best(candidates.lead.get(review.id) ?? [], roster, () => true, ties);
    if (choice) roster.add("lead", choice.person, review);
    iterations += 1;
  }

  const peerOrder = byScarcity(year.reviews, (r) => (candidates.peer.get(r.id) ?? []).filter((c) => isAdvanced(c.person)).length, ties);
  const minAdvanced = year.policy.minAdvancedPerTeam;
  for (const review of peerOrder) {
    const needed = Math.min(minAdvanced, review.peerSeats);
    const have = roster.peers(review).filter(isAdvanced).length;
    const picked: PersonInfo[] = [];
    for (let i = have; i < needed; i += 1) {
      const choice = best(candidates.peer.get(review.id) ?? [], roster, (c) => isAdvanced(c.person), ties);
      if (!choice) break;
      roster.add("peer", choice.person, review);
      picked.push(choice.person);
    }
    if (!roster.advancedOk(review)) {
      // Half an advanced quota is no use to a team: give the picks back for other teams.
      for (const person of picked) roster.remove("peer", person, review);
    }
    iterations += 1;
  }

  let progress = true;
  // Not cut short by a time limit: completing the construction is cheap, and it is what a
  // limited run returns.
  while (progress) {
    progress = false;
    for (const review of peerOrder) {
      if (roster.peers(review).length >= review.peerSeats) continue;
      if (minAdvanced > 0 && (roster.peers(review).length === 0 || !roster.advancedOk(review))) continue;
      const choice = best(candidates.peer.get(review.id) ?? [], roster, () => true, ties);
      iterations += 1;
      if (!choice) continue;
      roster.add("peer", choice.person, review);
      progress = true;
    }
  }
  return iterations;
}

/** Tie-break keys for every review and person of the year, drawn from the seeded source. */
export function yearTies(context: EngineContext): Map<string, number> {
  const { year, random } = context;
  return tieBreaks([...year.reviews.map((r) => r.id), ...year.reviewers.map((p) => p.id), ...year.leads.map((p) => p.id)], random);
}

/**
 * The first solver: scarcest seats first, cheapest free candidate for each. Always valid,
 * fast, and the baseline every other engine is measured against.
 */
export const greedy: Engine = {
  name: "greedy",
  summary: "Scarcest seats first, cheapest free candidate for each; valid by construction, not optimal.",
  run: async (context) => {
    const roster = rosterFromFixed(context.year, context.fixed);
    const iterations = fillGreedily(context, roster, yearTies(context));
    return { allocation: roster.toAllocation(), stoppedBy: "complete", iterations };
  },
};
