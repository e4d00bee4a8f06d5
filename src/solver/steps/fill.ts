import { marginalCost } from "../../goals/index.js";
import type { PersonInfo, ReviewInfo } from "../../model/year.js";
import { advancedToStaff, isAdvanced, peerSeatsLeft } from "../../rules/index.js";
import type { Candidate } from "../candidates.js";
import type { EngineContext } from "../engine.js";
import type { Roster } from "../roster.js";
import { disbandTeamsWithoutAdvanced } from "./pins.js";

/** A random tie-break key per id, drawn once in id order, so the order depends only on the seed. */
function tieBreaks(ids: readonly string[], random: () => number): Map<string, number> {
  return new Map([...ids].sort().map((id) => [id, random()]));
}

/** Tie-break keys for every review and person of the year, drawn from the seeded source. */
export function yearTies(context: EngineContext): Map<string, number> {
  const { year, random } = context;
  return tieBreaks([...year.reviews.map((r) => r.id), ...year.reviewers.map((p) => p.id), ...year.leads.map((p) => p.id)], random);
}

function best(candidates: readonly Candidate[], roster: Roster, keep: (c: Candidate) => boolean, ties: ReadonlyMap<string, number>): Candidate | undefined {
  let chosen: Candidate | undefined;
  let chosenCost = Infinity;
  for (const candidate of candidates) {
    if (!keep(candidate) || !roster.canTake(candidate.person, candidate.review)) continue;
    const cost = marginalCost(roster.year, roster, candidate.person, candidate.review, candidate.cost);
    if (cost < chosenCost || (cost === chosenCost && (ties.get(candidate.person.id) ?? 0) < (ties.get(chosen!.person.id) ?? 0))) {
      chosen = candidate;
      chosenCost = cost;
    }
  }
  return chosen;
}

/** Scarcest first: reviews with fewer candidates choose before the others take them. */
function byScarcity(reviews: readonly ReviewInfo[], count: (review: ReviewInfo) => number, ties: ReadonlyMap<string, number>): ReviewInfo[] {
  // Counted once per review, not at every comparison (a count may walk a long candidate list).
  const counts = new Map(reviews.map((review) => [review, count(review)]));
  return [...reviews].sort((a, b) => counts.get(a)! - counts.get(b)! || (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0));
}

/** Fills the Lead Reviewer seats still open, scarcest first, each with its cheapest free candidate. */
function fillLeads(context: EngineContext, roster: Roster, ties: ReadonlyMap<string, number>): number {
  const { year, candidates } = context;
  let steps = 0;
  for (const review of byScarcity(year.reviews, (r) => candidates.lead.get(r.id)?.length ?? 0, ties)) {
    context.beat?.();
    steps += 1;
    if (roster.lead(review)) continue;
    const choice = best(candidates.lead.get(review.id) ?? [], roster, () => true, ties);
    if (choice) roster.add("lead", choice.person, review);
  }
  return steps;
}

/** Gives each team its advanced seats; a team that cannot have them all gives its picks back. */
function staffTeams(context: EngineContext, roster: Roster, order: readonly ReviewInfo[], ties: ReadonlyMap<string, number>): number {
  const candidates = context.candidates;
  for (const review of order) {
    context.beat?.();
    const picked: PersonInfo[] = [];
    const needed = advancedToStaff(context.year, review);
    for (let have = roster.peers(review).filter(isAdvanced).length; have < needed; have += 1) {
      const choice = best(candidates.peer.get(review.id) ?? [], roster, (c) => isAdvanced(c.person), ties);
      if (!choice) break;
      roster.add("peer", choice.person, review);
      picked.push(choice.person);
    }
    // Half an advanced quota is no use to a team: give the picks back for other teams.
    if (!roster.advancedOk(review)) for (const person of picked) roster.remove("peer", person, review);
  }
  return order.length;
}

/**
 * Fills every open seat of `roster` greedily: Lead Reviewers, then each team's advanced seats,
 * then the other seats round-robin, each seat taking the cheapest candidate still free. Seats
 * already in the roster stay; only staffed teams take more peers. Returns the steps taken.
 */
export function fillGreedily(context: EngineContext, roster: Roster, ties: ReadonlyMap<string, number>): number {
  const { year, candidates } = context;
  let steps = fillLeads(context, roster, ties);
  const peerOrder = byScarcity(year.reviews, (r) => (candidates.peer.get(r.id) ?? []).filter((c) => isAdvanced(c.person)).length, ties);
  // Teams holding pinned peers without their advanced reviewers choose first: the pins hold only if they are staffed.
  const unstaffed = (r: ReviewInfo) => roster.peers(r).length > 0 && !roster.advancedOk(r);
  steps += staffTeams(context, roster, [...peerOrder.filter(unstaffed), ...peerOrder.filter((r) => !unstaffed(r))], ties);
  // Not cut short by a time limit: completing the construction is cheap, and it is what a
  // limited run returns.
  for (let progress = true; progress; ) {
    progress = false;
    for (const review of peerOrder) {
      context.beat?.();
      if (peerSeatsLeft(review, roster.peers(review).length) === 0) continue;
      if (advancedToStaff(year, review) > 0 && (roster.peers(review).length === 0 || !roster.advancedOk(review))) continue;
      const choice = best(candidates.peer.get(review.id) ?? [], roster, () => true, ties);
      steps += 1;
      if (!choice) continue;
      roster.add("peer", choice.person, review);
      progress = true;
    }
  }
  // A pinned team no free advanced reviewer could join would break the rule: its peers leave it
  // (`solve` lists those pins as refused, with the reason).
  disbandTeamsWithoutAdvanced(roster, new Set());
  return steps;
}
