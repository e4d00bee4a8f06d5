import { marginalCost } from "../../goals/index.js";
import type { Allocation, Role } from "../../model/schema.js";
import type { PersonInfo, ReviewInfo } from "../../model/year.js";
import { advancedToStaff, isAdvanced, peerSeatsLeft } from "../../rules/index.js";
import type { Candidate } from "../candidates.js";
import { rowKey } from "../diff.js";
import type { EngineContext } from "../engine.js";
import type { Roster } from "../roster.js";

/**
 * The teams a change hit: a row of theirs in the earlier allocation is gone (a withdrawn person,
 * a seat a moved review no longer admits), or their team is left without its advanced reviewer.
 * Teams that were short before the change are not among them.
 */
export function damagedReviews(roster: Roster, old: Allocation): ReviewInfo[] {
  const { year } = roster;
  const now = new Set(roster.toAllocation().assignments.map(rowKey));
  const hit = new Set<ReviewInfo>();
  for (const row of old.assignments) {
    const review = year.reviewById.get(row.reviewId);
    if (review && !now.has(rowKey(row))) hit.add(review);
  }
  for (const review of year.reviews) if (!roster.advancedOk(review)) hit.add(review);
  return [...hit].sort((a, b) => a.index - b.index);
}

/**
 * People the change freed: still in the year, with a row of the earlier allocation they no
 * longer hold (their review was cancelled or moved). The short teams they could join are where
 * the change may give seats back.
 */
export function freedPeople(roster: Roster, old: Allocation): PersonInfo[] {
  const { year } = roster;
  const now = new Set(roster.toAllocation().assignments.map(rowKey));
  const freed = new Set<PersonInfo>();
  for (const row of old.assignments) {
    const person = year.people[row.role].get(row.personId);
    if (person && !now.has(rowKey(row))) freed.add(person);
  }
  return [...freed];
}

/** The cheapest candidate of `review`'s `role` seat that `keep` accepts and who is free to take it. */
function cheapestFree(context: EngineContext, roster: Roster, review: ReviewInfo, role: Role, keep: (person: PersonInfo) => boolean): Candidate | undefined {
  let chosen: Candidate | undefined;
  let chosenCost = Infinity;
  for (const candidate of context.candidates[role].get(review.id) ?? []) {
    if (!keep(candidate.person) || !roster.canTake(candidate.person, review)) continue;
    const cost = marginalCost(context.year, roster, candidate.person, review, candidate.cost);
    if (cost < chosenCost) [chosen, chosenCost] = [candidate, cost];
  }
  return chosen;
}

/**
 * Replaces before anyone disbands: each damaged team first gets free advanced reviewers up to
 * its minimum, then free people in its open seats (a free Lead Reviewer too). A team no free
 * advanced reviewer can save is left as it is, for the exact step to give it a move or disband it.
 */
export function replaceFirst(context: EngineContext, roster: Roster, damaged: readonly ReviewInfo[]): void {
  const { year } = context;
  const advancedOnTeam = (review: ReviewInfo) => roster.peers(review).filter(isAdvanced).length;
  for (const review of damaged) {
    if (!roster.lead(review)) {
      const lead = cheapestFree(context, roster, review, "lead", () => true);
      if (lead) roster.add("lead", lead.person, review);
    }
    while (advancedOnTeam(review) < advancedToStaff(year, review) && peerSeatsLeft(review, roster.peers(review).length) > 0) {
      const choice = cheapestFree(context, roster, review, "peer", isAdvanced);
      if (!choice) break;
      roster.add("peer", choice.person, review);
    }
    if (advancedOnTeam(review) < advancedToStaff(year, review)) continue;
    while (peerSeatsLeft(review, roster.peers(review).length) > 0) {
      const choice = cheapestFree(context, roster, review, "peer", () => true);
      if (!choice) break;
      roster.add("peer", choice.person, review);
    }
  }
}

/** How much more an advanced candidate's team counts, around a team short of advanced reviewers. */
const ADVANCED_LINK = 4;

/**
 * The reviews around `seeds`, breadth first, up to `size`: the seeds, then the reviews where
 * their candidates sit now (so those can move to them), then the reviews of those reviews'
 * candidates. Within a level, reviews holding more of the level's candidates come first (an
 * advanced candidate of a team short of advanced reviewers counts `ADVANCED_LINK` times, twice
 * that where their team stays valid without them), then review order. Chains of moves that repair a team run through these reviews.
 */
export function around(context: EngineContext, roster: Roster, seeds: readonly ReviewInfo[], size: number): ReviewInfo[] {
  const chosen = new Set<ReviewInfo>(seeds.slice(0, Math.max(size, 1)));
  let frontier = [...chosen];
  while (frontier.length > 0 && chosen.size < size) {
    const links = new Map<ReviewInfo, number>();
    for (const review of frontier) {
      // A team short of advanced reviewers is repaired by an advanced one moving in: their teams count more.
      const needsAdvanced = roster.peers(review).filter(isAdvanced).length < advancedToStaff(context.year, review);
      for (const candidate of [...(context.candidates.peer.get(review.id) ?? []), ...(context.candidates.lead.get(review.id) ?? [])]) {
        for (const other of roster.duties(candidate.person)) {
          if (chosen.has(other)) continue;
          // Best of all: a team that stays valid without them (another advanced reviewer, or nobody else).
          const spare = roster.peers(other).length === 1 || roster.peers(other).filter(isAdvanced).length > advancedToStaff(context.year, other);
          const weight = needsAdvanced && isAdvanced(candidate.person) ? (spare ? 2 * ADVANCED_LINK : ADVANCED_LINK) : 1;
          links.set(other, (links.get(other) ?? 0) + weight);
        }
      }
    }
    const next = [...links].sort((a, b) => b[1] - a[1] || a[0].index - b[0].index).map(([review]) => review);
    frontier = next.slice(0, size - chosen.size);
    for (const review of frontier) chosen.add(review);
  }
  return [...chosen].sort((a, b) => a.index - b.index);
}
