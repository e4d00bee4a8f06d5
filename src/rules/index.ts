import { advancedSeat } from "./advanced-seat.js";
import { availability } from "./availability.js";
import { capacity } from "./capacity.js";
import { conflicts } from "./conflicts.js";
import { distance } from "./distance.js";
import { homeReview } from "./home-review.js";
import { knownPeople } from "./known-people.js";
import { noRepeat } from "./no-repeat.js";
import { oneLead } from "./one-lead.js";
import { overlap } from "./overlap.js";
import { ownSchool } from "./own-school.js";
import { sameHub } from "./same-hub.js";
import { sameLocality } from "./same-locality.js";
import { sameTrust } from "./same-trust.js";
import { teamSize } from "./team-size.js";
import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import type { AllocationRule, PairRule, Rule, SeatState } from "./types.js";

/**
 * The rules about one person and one review, in the order `explain` narrows the candidates:
 * where a seat's candidates run out first is its binding reason.
 */
export const PAIR_RULES: readonly PairRule[] = [
  ownSchool,
  sameHub,
  sameLocality,
  sameTrust,
  distance,
  availability,
  homeReview,
  conflicts,
  noRepeat,
];

/** The pair rules in the order that rejects most pairs soonest (for building candidate lists fast). */
const FAST_ORDER: readonly PairRule[] = [availability, ownSchool, sameHub, sameLocality, sameTrust, homeReview, conflicts, noRepeat, distance];

/**
 * Whether every pair rule of one basis lets `person` sit on `review`: `school` rules can be
 * asked once per school and review for reviewers, `person` rules for each person.
 */
export function allowedBy(basis: "school" | "person", year: Year, person: PersonInfo, review: ReviewInfo): boolean {
  for (const rule of BY_BASIS[basis][person.role]) if (!rule.allows(year, person, review)) return false;
  return true;
}

const BY_BASIS = {
  school: { lead: FAST_ORDER.filter((r) => r.basis === "school" && r.roles.includes("lead")), peer: FAST_ORDER.filter((r) => r.basis === "school" && r.roles.includes("peer")) },
  person: { lead: FAST_ORDER.filter((r) => r.basis === "person" && r.roles.includes("lead")), peer: FAST_ORDER.filter((r) => r.basis === "person" && r.roles.includes("peer")) },
} as const;

/** Whether every pair rule lets `person` sit on `review`. */
export function allowedPair(year: Year, person: PersonInfo, review: ReviewInfo): boolean {
  for (const rule of FAST_ORDER) {
    if (rule.roles.includes(person.role) && !rule.allows(year, person, review)) return false;
  }
  return true;
}

/** The rules about a whole team or a person's whole programme, in the order the checker reports them. */
export const ALLOCATION_RULES: readonly AllocationRule[] = [overlap, capacity, teamSize, oneLead, advancedSeat];

/** Every hard rule, in the order the checker reports them. */
export const RULES: readonly Rule[] = [knownPeople, ...PAIR_RULES, ...ALLOCATION_RULES];

const SEAT_TESTS = ALLOCATION_RULES.filter((rule) => rule.admits !== undefined);

/**
 * Whether every allocation rule that can be asked seat by seat lets `person` take one more
 * `role` seat on `review` as `state` stands (capacity, overlap, team size, one Lead Reviewer).
 * The pair rules are the candidate lists' job; the advanced seat is a team-wide rule
 * (`meetsAdvanced`).
 */
export function seatAdmits(state: SeatState, person: PersonInfo, review: ReviewInfo, role: Role): boolean {
  for (const rule of SEAT_TESTS) if (!rule.admits!(state, person, review, role)) return false;
  return true;
}

export { advancedNeeded, advancedToStaff, isAdvanced, meetsAdvanced } from "./advanced-seat.js";
export { reviewsLeft } from "./capacity.js";
export { LEAD_SEATS } from "./one-lead.js";
export { clashes, clashesWithAny, mostWithoutOverlap, overlapBlocks, overlapCliques } from "./overlap.js";
export { peerSeatsLeft } from "./team-size.js";
export { place, type Placement } from "./placement.js";
export type { AllocationRule, PairRule, Rule, SeatState, Violation } from "./types.js";

/**
 * The first pair rule that keeps `person` off `review`, with its reason; `undefined` when every
 * pair rule allows the seat. `solve` vets the user's pins with this (candidate lists use the
 * faster `allowedPair` and `allowedBy`, which give no reason).
 */
export function refusal(
  year: Year,
  person: PersonInfo,
  review: ReviewInfo,
): { readonly rule: string; readonly reason: string } | undefined {
  for (const rule of PAIR_RULES) {
    if (!rule.roles.includes(person.role)) continue;
    const reason = rule.refuse(year, person, review);
    if (reason !== undefined) return { rule: rule.id, reason };
  }
  return undefined;
}
