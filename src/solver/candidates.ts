import { pairCost } from "../goals/pair-cost.js";
import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { allowedPair } from "../rules/index.js";

/** One person who may sit on one review's seat of one role, with the soft-goal cost of it. */
export interface Candidate {
  readonly person: PersonInfo;
  readonly review: ReviewInfo;
  readonly role: Role;
  /** Weighted cost of phase, preference, travel and repeat (reciprocity is per school, not per pair). */
  readonly cost: number;
}

/** Who may fill which seat: every pair every pair-rule allows, less the forbidden pins. */
export interface Candidates {
  readonly lead: ReadonlyMap<string, readonly Candidate[]>;
  readonly peer: ReadonlyMap<string, readonly Candidate[]>;
  /** Reviews each person may sit on, by `role:id`. */
  readonly byPerson: ReadonlyMap<string, readonly Candidate[]>;
}

/**
 * Lists the candidates of every seat. A person is a candidate when every pair rule allows the
 * pair and no `forbid` pin names it; lists are in id order so that engines are deterministic.
 */
export function findCandidates(year: Year): Candidates {
  const forbidden = new Set(
    year.problem.pins.filter((pin) => pin.kind === "forbid").map((pin) => `${pin.role}:${pin.personId}@${pin.reviewId}`),
  );
  const byRole = { lead: new Map<string, Candidate[]>(), peer: new Map<string, Candidate[]>() };
  const byPerson = new Map<string, Candidate[]>();
  for (const review of year.reviews) {
    byRole.lead.set(review.id, []);
    byRole.peer.set(review.id, []);
  }
  for (const person of [...year.leads, ...year.reviewers]) {
    const mine: Candidate[] = [];
    if (person.maxReviews > 0 && person.available.length > 0) {
      for (const review of year.reviews) {
        if (forbidden.has(`${person.role}:${person.id}@${review.id}`)) continue;
        if (!allowedPair(year, person, review)) continue;
        const candidate = { person, review, role: person.role, cost: pairCost(year, person, review) };
        mine.push(candidate);
        byRole[person.role].get(review.id)!.push(candidate);
      }
    }
    byPerson.set(`${person.role}:${person.id}`, mine);
  }
  return { lead: byRole.lead, peer: byRole.peer, byPerson };
}
