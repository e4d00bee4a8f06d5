import type { Allocation, Assignment, Role } from "../model/schema.js";
import { accountOf } from "../model/accounts.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { meetsAdvanced, seatAdmits, type SeatState } from "../rules/index.js";

/**
 * An engine's working allocation: teams, each person's duties and each school's places sent,
 * kept in step so that the allocation rules can be asked seat by seat as seats are filled.
 * Local to one solve; never shared.
 */
export interface Roster extends SeatState {
  readonly year: Year;
  /** Whether `person` could take a seat of `review` given the allocation rules (pair rules are the candidates' job). */
  canTake(person: PersonInfo, review: ReviewInfo): boolean;
  add(role: Role, person: PersonInfo, review: ReviewInfo): void;
  remove(role: Role, person: PersonInfo, review: ReviewInfo): void;
  lead(review: ReviewInfo): PersonInfo | undefined;
  /** Places sent for a reciprocity account (a school's id, or a trust's `trustAccount`). */
  sent(account: string): number;
  /** Whether the team meets the advanced-seat rule as it stands. */
  advancedOk(review: ReviewInfo): boolean;
  /** Seats filled, Lead Reviewer and peer. */
  filled(): number;
  /** The allocation, in review order then lead first then peers in id order. */
  toAllocation(): Allocation;
}

const byId = (a: PersonInfo, b: PersonInfo) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An empty roster for `year`. */
export function createRoster(year: Year): Roster {
  const leads = new Map<string, PersonInfo>();
  const peers = new Map<string, PersonInfo[]>();
  // By role, then id: no key to build on the hot path, and a person's copy (the shortage sheet's
  // reviewer with one more review) shares the original's duties.
  const duties = { lead: new Map<string, ReviewInfo[]>(), peer: new Map<string, ReviewInfo[]>() };
  const sent = new Map<string, number>();
  let filled = 0;
  const dutiesOf = (person: PersonInfo) => duties[person.role].get(person.id) ?? [];
  const roster: Roster = {
    year,
    duties: dutiesOf,
    peers: (review) => peers.get(review.id) ?? [],
    leads: (review) => {
      const lead = leads.get(review.id);
      return lead ? [lead] : [];
    },
    canTake: (person, review) => seatAdmits(roster, person, review, person.role),
    add(role, person, review) {
      if (role === "lead") leads.set(review.id, person);
      else peers.set(review.id, [...(peers.get(review.id) ?? []), person]);
      duties[person.role].set(person.id, [...dutiesOf(person), review]);
      const account = accountOf(person, review);
      if (account !== undefined) sent.set(account, (sent.get(account) ?? 0) + 1);
      filled += 1;
    },
    remove(role, person, review) {
      if (role === "lead") {
        if (leads.get(review.id) !== person) return;
        leads.delete(review.id);
      } else {
        const team = peers.get(review.id) ?? [];
        if (!team.includes(person)) return;
        peers.set(review.id, team.filter((p) => p !== person));
      }
      duties[person.role].set(person.id, dutiesOf(person).filter((r) => r !== review));
      const account = accountOf(person, review);
      if (account !== undefined) sent.set(account, (sent.get(account) ?? 0) - 1);
      filled -= 1;
    },
    lead: (review) => leads.get(review.id),
    sent: (account) => sent.get(account) ?? 0,
    advancedOk: (review) => meetsAdvanced(year, review, peers.get(review.id) ?? []),
    filled: () => filled,
    toAllocation() {
      const assignments: Assignment[] = [];
      for (const review of year.reviews) {
        const lead = leads.get(review.id);
        if (lead) assignments.push({ reviewId: review.id, role: "lead", personId: lead.id });
        for (const person of [...(peers.get(review.id) ?? [])].sort(byId)) assignments.push({ reviewId: review.id, role: "peer", personId: person.id });
      }
      return { assignments };
    },
  };
  return roster;
}

/** A roster holding `allocation`'s seats that the allocation rules admit, in its order. */
export function rosterOf(year: Year, allocation: Allocation): Roster {
  const roster = createRoster(year);
  for (const { reviewId, role, personId } of allocation.assignments) {
    const review = year.reviewById.get(reviewId);
    const person = year.people[role].get(personId);
    if (review && person && roster.canTake(person, review)) roster.add(role, person, review);
  }
  return roster;
}

/** Makes `roster` hold exactly `allocation`'s seats (in its order), as `rosterOf` would build them. */
export function resetRoster(roster: Roster, allocation: Allocation): void {
  for (const { reviewId, role, personId } of roster.toAllocation().assignments) {
    roster.remove(role, roster.year.people[role].get(personId)!, roster.year.reviewById.get(reviewId)!);
  }
  for (const { reviewId, role, personId } of allocation.assignments) {
    const review = roster.year.reviewById.get(reviewId);
    const person = roster.year.people[role].get(personId);
    if (review && person && roster.canTake(person, review)) roster.add(role, person, review);
  }
}
