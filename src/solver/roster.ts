import type { Allocation, Assignment, Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedNeeded, clashes, isAdvanced } from "../rules/index.js";

/**
 * An engine's working allocation: teams, each person's duties and each school's places sent,
 * kept in step so that the interaction rules (overlap, capacity, team size, one lead) can be
 * asked in O(duties) as seats are filled. Local to one solve; never shared.
 */
export interface Roster {
  readonly year: Year;
  /** Whether `person` could take a seat of `review` given their other duties (pair rules are the candidates' job). */
  canTake(person: PersonInfo, review: ReviewInfo): boolean;
  add(role: Role, person: PersonInfo, review: ReviewInfo): void;
  remove(role: Role, person: PersonInfo, review: ReviewInfo): void;
  lead(review: ReviewInfo): PersonInfo | undefined;
  peers(review: ReviewInfo): readonly PersonInfo[];
  duties(person: PersonInfo): readonly ReviewInfo[];
  sent(schoolId: string): number;
  /** Whether the team meets the advanced-seat rule as it stands. */
  advancedOk(review: ReviewInfo): boolean;
  /** The allocation, in review order then lead first then peers in id order. */
  toAllocation(): Allocation;
}

const keyOf = (person: PersonInfo) => `${person.role}:${person.id}`;

/** An empty roster for `year`. */
export function createRoster(year: Year): Roster {
  const leads = new Map<string, PersonInfo>();
  const peers = new Map<string, PersonInfo[]>();
  const duties = new Map<string, ReviewInfo[]>();
  const sent = new Map<string, number>();
  const dutiesOf = (person: PersonInfo) => duties.get(keyOf(person)) ?? [];
  return {
    year,
    canTake(person, review) {
      const mine = dutiesOf(person);
      if (mine.length >= person.maxReviews) return false;
      if (mine.some((other) => clashes(other.span, review.span))) return false;
      return person.role === "lead" ? !leads.has(review.id) : (peers.get(review.id)?.length ?? 0) < review.peerSeats;
    },
    add(role, person, review) {
      if (role === "lead") leads.set(review.id, person);
      else peers.set(review.id, [...(peers.get(review.id) ?? []), person]);
      duties.set(keyOf(person), [...dutiesOf(person), review]);
      if (person.school) sent.set(person.school.id, (sent.get(person.school.id) ?? 0) + 1);
    },
    remove(role, person, review) {
      if (role === "lead") {
        if (leads.get(review.id) === person) leads.delete(review.id);
      } else {
        peers.set(review.id, (peers.get(review.id) ?? []).filter((p) => p !== person));
      }
      duties.set(keyOf(person), dutiesOf(person).filter((r) => r !== review));
      if (person.school) sent.set(person.school.id, (sent.get(person.school.id) ?? 0) - 1);
    },
    lead: (review) => leads.get(review.id),
    peers: (review) => peers.get(review.id) ?? [],
    duties: dutiesOf,
    sent: (schoolId) => sent.get(schoolId) ?? 0,
    advancedOk(review) {
      const team = peers.get(review.id) ?? [];
      return team.filter(isAdvanced).length >= advancedNeeded(year.policy.minAdvancedPerTeam, review.peerSeats, team.length);
    },
    toAllocation() {
      const assignments: Assignment[] = [];
      for (const review of year.reviews) {
        const lead = leads.get(review.id);
        if (lead) assignments.push({ reviewId: review.id, role: "lead", personId: lead.id });
        const team = [...(peers.get(review.id) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        for (const person of team) assignments.push({ reviewId: review.id, role: "peer", personId: person.id });
      }
      return { assignments };
    },
  };
}
