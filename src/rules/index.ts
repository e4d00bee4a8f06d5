import { advancedSeat } from "./advanced-seat.js";
import { availability, forEachReviewInside } from "./availability.js";
import { capacity } from "./capacity.js";
import { conflicts } from "./conflicts.js";
import { distance } from "./distance.js";
import { homeReview } from "./home-review.js";
import { hostHub } from "./host-hub.js";
import { knownPeople } from "./known-people.js";
import { maxPerHub } from "./max-per-hub.js";
import { maxPerTrust } from "./max-per-trust.js";
import { maxTrainees } from "./max-trainees.js";
import { noRepeat } from "./no-repeat.js";
import { oneLead } from "./one-lead.js";
import { overlap } from "./overlap.js";
import { ownSchool } from "./own-school.js";
import { reviewKind } from "./review-kind.js";
import { ruledOut } from "./ruled-out.js";
import { sameHub } from "./same-hub.js";
import { sameLocality } from "./same-locality.js";
import { sameTrust } from "./same-trust.js";
import { teamSize } from "./team-size.js";
import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import type { AllocationRule, PairRule, Rule, SeatState, TeamOption, TeamRow } from "./types.js";

/**
 * The rules about one person and one review, in the order `explain` narrows the candidates:
 * where a seat's candidates run out first is its binding reason.
 */
export const PAIR_RULES: readonly PairRule[] = [
  reviewKind,
  ownSchool,
  sameHub,
  hostHub,
  sameLocality,
  sameTrust,
  distance,
  availability,
  homeReview,
  conflicts,
  noRepeat,
  ruledOut,
];

/** The pair rules in the order that rejects most pairs soonest (for building candidate lists fast). */
const FAST_ORDER: readonly PairRule[] = [availability, reviewKind, ownSchool, sameHub, hostHub, sameLocality, sameTrust, homeReview, conflicts, noRepeat, ruledOut, distance];

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

/**
 * The reviews every pair rule lets `person` sit on, in input order. Only the reviews inside
 * their availability are asked (`sorted` is `reviewsByStart(year.reviews)`, made once by the
 * caller), so a large year costs its pairs, not people × reviews.
 */
export function allowedReviews(year: Year, person: PersonInfo, sorted: readonly ReviewInfo[]): ReviewInfo[] {
  const allowed: ReviewInfo[] = [];
  forEachReviewInside(sorted, person.available, (review) => {
    if (allowedPair(year, person, review)) allowed.push(review);
  });
  return allowed.sort((a, b) => a.index - b.index);
}

/**
 * The team composition caps (at most so many peers of one trust, of one hub, or trainees on a
 * team), set per kind of review; `explain` lists each that applies as a step of its own.
 */
export const COMPOSITION_RULES: readonly AllocationRule[] = [maxPerTrust, maxPerHub, maxTrainees];

/** The rules about a whole team or a person's whole programme, in the order the checker reports them. */
export const ALLOCATION_RULES: readonly AllocationRule[] = [overlap, capacity, teamSize, oneLead, advancedSeat, ...COMPOSITION_RULES];

/**
 * Every hard rule, in the order the checker reports them.
 *
 * @example
 * console.log(RULES.map((rule: Rule) => rule.id).join(", ")); // known-people, review-kind, own-school, ...
 */
export const RULES: readonly Rule[] = [knownPeople, ...PAIR_RULES, ...ALLOCATION_RULES];

const SEAT_TESTS = ALLOCATION_RULES.filter((rule) => rule.admits !== undefined);
const DUTY_TESTS = SEAT_TESTS.filter((rule) => !COMPOSITION_RULES.includes(rule));

/**
 * Whether every allocation rule that can be asked seat by seat lets `person` take one more
 * `role` seat on `review` as `state` stands (capacity, overlap, team size, one Lead Reviewer,
 * the composition caps). The pair rules are the candidate lists' job; the advanced seat is a
 * team-wide rule (`meetsAdvanced`). `duties` asks only the rules about the person's programme
 * and the seats (not the composition caps), for `explain`'s funnel, which lists the caps apart.
 */
export function seatAdmits(state: SeatState, person: PersonInfo, review: ReviewInfo, role: Role, only: "all" | "duties" = "all"): boolean {
  for (const rule of only === "all" ? SEAT_TESTS : DUTY_TESTS) if (!rule.admits!(state, person, review, role)) return false;
  return true;
}

/**
 * The MIP rows every allocation rule with `teamRows` adds to `review`'s peer team (the composition caps).
 *
 * @example for (const row of teamRows(review, options, roster.peers(review))) rows.push({ lower: -Infinity, upper: row.upper, indices: [...row.columns], values: row.columns.map(() => 1) });
 */
export function teamRows(review: ReviewInfo, options: readonly TeamOption[], staying: readonly PersonInfo[]): TeamRow[] {
  const rows: TeamRow[] = [];
  for (const rule of ALLOCATION_RULES) if (rule.teamRows) rows.push(...rule.teamRows(review, options, staying));
  return rows;
}

export { advancedFor, advancedNeeded, advancedToStaff, isAdvanced, meetsAdvanced } from "./advanced-seat.js";
export { availableByReview, availableByRole, forEachReviewInside, reviewsByStart } from "./availability.js";
export { reviewsLeft } from "./capacity.js";
export { LEAD_SEATS } from "./one-lead.js";
export { clashes, clashesWithAny, mostWithoutOverlap, overlapBlocks, overlapCliques } from "./overlap.js";
export { peerSeatsLeft } from "./team-size.js";
export { place, type Placement } from "./placement.js";
export type { AllocationRule, PairRule, Rule, SeatState, TeamOption, TeamRow, Violation } from "./types.js";

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
