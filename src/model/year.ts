import { parseDay, type DayRange } from "./dates.js";
import { distanceKm, type Coordinates } from "./geo.js";
import { currentYearNumber, indexHistory, type HistoryIndex } from "./history.js";
import { DEFAULT_KIND, kindKey, LOCALITY_CHECKS, type Kind, type LocalityCheck } from "./kinds.js";
import { leadInfo, reviewerInfo } from "./people.js";
import { seatsFromBands, type Policy } from "./policy.js";
import type { Problem } from "./problem.js";
import type { LeadReviewer, Level, Phase, Review, Reviewer, Role, School } from "./schema.js";
import { placeKeys, valueKey, type PlaceKeys } from "./values.js";
import { reciprocityAccounts, trustAccount, type Account } from "./accounts.js";

export { kindKey } from "./kinds.js";
export { placeKeys, type PlaceKeys } from "./values.js";

/**
 * What a review is of: its host school, or for a kind hosted by a trust (a Trust Peer Review)
 * the trust, whose `id` and `trust` are the trust's id and which has no hub, locality, phase or
 * point. Every reader of a host copes with the parts a trust lacks (a blank hub equals nothing,
 * no phase means any phase suits, no point means no distance).
 */
export interface Host {
  readonly id: string;
  readonly name: string;
  readonly hub?: string | undefined;
  readonly locality?: string | undefined;
  readonly trust?: string | undefined;
  readonly phase?: Phase | undefined;
  readonly lat?: number | undefined;
  readonly lon?: number | undefined;
  readonly address?: string | undefined;
  readonly postcode?: string | undefined;
}

/** A person's place keys: worked out at indexing, or from the school for a person made elsewhere. */
export const homeKeysOf = (person: PersonInfo): PlaceKeys => person.homeKeys ?? placeKeys(person.school);

/** A review's host's place keys: worked out at indexing, or from the host for a review made elsewhere. */
export const hostKeysOf = (review: ReviewInfo): PlaceKeys => review.hostKeys ?? placeKeys(review.host);

/** Whether two place keys are the same place: a blank (absent) key is no place, and equals nothing. */
export const samePlace = (a: string | undefined, b: string | undefined): boolean => a !== undefined && a === b;

/** A kind of review as the rules read it: the policy's kind with the top-level defaults filled in. */
export interface ReviewKind {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly host: Kind["host"];
  /** Advanced peers a team with peers needs (the kind's, else the policy's `minAdvancedPerTeam`). */
  readonly minAdvancedPerTeam: number;
  /** The locality checks that keep a reviewer off this kind's reviews (flags: the rules ask them millions of times). */
  readonly excludes: Readonly<Record<LocalityCheck, boolean>>;
  /** Whether reviewers must come from the host's hub. */
  readonly requiresHub: boolean;
  readonly maxPerTrustPerTeam: number | null;
  readonly maxPerHubPerTeam: number | null;
  readonly maxTraineesPerTeam: number | null;
  readonly reciprocity: Kind["reciprocity"];
}

/**
 * A review with what every rule needs precomputed.
 *
 * @example
 * const review: ReviewInfo = year.reviewById.get("R0412")!;
 * console.log(review.host.name, review.kind.id, review.peerSeats);
 */
export interface ReviewInfo {
  readonly id: string;
  readonly index: number;
  readonly review: Review;
  readonly kind: ReviewKind;
  readonly host: Host;
  /** The host's hub, locality and trust as the place rules compare them (`hostKeysOf`). */
  readonly hostKeys?: PlaceKeys;
  /** The host school; absent for a review of a trust. */
  readonly hostSchool?: School;
  readonly span: DayRange;
  readonly peerSeats: number;
  /** The reciprocity account its peer seats count for (see `Year.target`); absent when none does. */
  readonly account?: string;
}

/**
 * A reviewer or Lead Reviewer, in the one shape the rules read.
 *
 * @example
 * const person: PersonInfo = year.people.peer.get("P0193")!;
 * console.log(person.name, person.level, person.maxReviews, person.school?.id);
 */
export interface PersonInfo {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly index: number;
  /** The reviewer's school; Lead Reviewers belong to none. */
  readonly school?: School;
  /** The person's school's hub, locality and trust as the place rules compare them (none for a Lead Reviewer; `homeKeysOf`). */
  readonly homeKeys?: PlaceKeys;
  readonly level?: Level;
  readonly available: readonly DayRange[];
  readonly maxReviews: number;
  readonly conflicts: ReadonlySet<string>;
  readonly phases: ReadonlySet<Phase>;
  readonly prefers: ReadonlySet<string>;
  /** The kinds of review the person serves (`qar` when the row names none). */
  readonly kinds: ReadonlySet<string>;
  readonly coordinates?: Coordinates;
  /** The `email` cell, trimmed, where one is given (letters and notices are addressed with it). */
  readonly email?: string;
}

/**
 * A problem indexed for the rules, the checker and the engines: lookups by id, days as
 * integers, seats resolved from the policy, reciprocity targets. Built once, never mutated.
 *
 * @example
 * const year: Year = indexYear(problem); // or result.year of a solve
 * for (const review of year.reviews) console.log(review.id, review.peerSeats, year.target.get(review.host.id));
 */
export interface Year {
  readonly problem: Problem;
  readonly policy: Policy;
  readonly schools: ReadonlyMap<string, School>;
  readonly reviews: readonly ReviewInfo[];
  readonly reviewById: ReadonlyMap<string, ReviewInfo>;
  readonly reviewers: readonly PersonInfo[];
  readonly leads: readonly PersonInfo[];
  /** People by role and id: a peer id and a lead id never collide after validation. */
  readonly people: { readonly peer: ReadonlyMap<string, PersonInfo>; readonly lead: ReadonlyMap<string, PersonInfo> };
  /**
   * The reviews each school hosts, by school id: their spans and kinds (for the home-review rule).
   * A review of a trust counts as hosted by every school of the trust.
   */
  readonly hostedSpans: ReadonlyMap<string, readonly { readonly span: DayRange; readonly kind: string }[]>;
  /** The reviews each member school hosts itself, by school id (a trust's review is hosted by no school). */
  readonly reviewsHostedBy: ReadonlyMap<string, readonly ReviewInfo[]>;
  /**
   * Reciprocity target per account: each school (by its id) the peer seats of the reviews it
   * hosts whose kind counts reciprocity by school, plus explicit carry-over, never below 0;
   * and, in a year with a review whose kind counts by trust, each trust (`trustAccount(id)`) the
   * peer seats of those reviews it hosts.
   */
  readonly target: ReadonlyMap<string, number>;
  /** The reciprocity accounts in order: the schools (input order), then the trusts (by id). */
  readonly accounts: readonly Account[];
  /** The kinds of the year's reviews, in the policy's order (`["qar"]` for a year of QARs). */
  readonly reviewKinds: readonly string[];
  /**
   * Whether kinds matter in this year: a review of a kind other than `qar`, or a person who
   * does not serve exactly `qar`. A year where they do not is solved, checked and reported
   * exactly as before kinds existed.
   */
  readonly mixed: boolean;
  /** Schools' last-year reviewers: `schoolId → person ids` (for variety). */
  readonly history: ReadonlyMap<string, ReadonlySet<string>>;
  /** The history's peer rows by reviewer (for the no-repeat rule and the first-review goal). */
  readonly past: HistoryIndex;
  /** This year's number (`2024` for 2024-25): the policy's `yearLabel`, else the first review's academic year. */
  readonly yearNumber: number | undefined;
}

/**
 * Peer seats of a review: its own `seats` value, else the kind's seats, else the policy's band for the host school.
 *
 * @example peerSeatsOf(policy, { id: "T1", kind: "tpr", trustId: "Oak", start: "2025-03-03", days: 3 }, undefined, policy.kinds.tpr) // 6
 */
export function peerSeatsOf(policy: Policy, review: Review, host: School | undefined, kind?: Kind): number {
  if (review.seats !== undefined) return review.seats;
  const seats = kind?.seats;
  if (typeof seats === "number") return seats;
  if (!host) return 0;
  return seatsFromBands(seats ? { seatBands: seats } : policy, host.phase, host.pupils);
}

/** The policy's kinds as the rules read them, by id. */
function reviewKinds(policy: Policy): Map<string, ReviewKind> {
  const kinds = new Map<string, ReviewKind>();
  for (const [id, kind] of Object.entries(policy.kinds)) {
    kinds.set(id, {
      id,
      name: kind.name,
      label: kind.label,
      host: kind.host,
      minAdvancedPerTeam: kind.minAdvancedPerTeam ?? policy.minAdvancedPerTeam,
      excludes: Object.fromEntries(LOCALITY_CHECKS.map((check) => [check, kind.exclude.includes(check)])) as Record<LocalityCheck, boolean>,
      requiresHub: kind.require.includes("hub"),
      maxPerTrustPerTeam: kind.maxPerTrustPerTeam,
      maxPerHubPerTeam: kind.maxPerHubPerTeam,
      maxTraineesPerTeam: kind.maxTraineesPerTeam,
      reciprocity: kind.reciprocity,
    });
  }
  return kinds;
}

/**
 * Indexes a problem whose references have been validated (see `validateReferences`). Items that
 * refer to unknown schools are left out rather than failing, so the checker can still run.
 *
 * @example
 * const year = indexYear(problem);
 * const standbys = standbyList(year, result.allocation);
 */
export function indexYear(problem: Problem): Year {
  return indexWith(problem, sharedIndex(problem));
}

/**
 * Indexes parts of `whole` (its weeks: some of its reviews and people, with its schools, policy
 * and history), each exactly as `indexYear(part)` would, with what the parts share worked out
 * once: the schools, the history and each person's info (numbered again in each part), taken
 * from `indexed` (the whole year, already indexed) where it holds them. A part with other
 * schools, policy or history is indexed afresh.
 *
 * @example const indexPart = partIndexer(problem, year); const week = indexPart({ ...problem, reviews: weekReviews });
 */
export function partIndexer(whole: Problem, indexed?: Year): (part: Problem) => Year {
  const known: KnownPeople = { peer: new WeakMap(), lead: new WeakMap() };
  if (indexed) seedPeople(known, indexed, whole);
  const shared = sharedIndex(whole, known);
  return (part) => (part.schools === whole.schools && part.policy === whole.policy && part.history === whole.history ? indexWith(part, shared) : indexYear(part));
}

/**
 * The people `indexed` holds, by their rows, where they are what indexing `whole` would give: a
 * person's info depends on their row, their school and the policy's default maximum alone.
 */
function seedPeople(known: KnownPeople, indexed: Year, whole: Problem): void {
  const { problem } = indexed;
  const same = problem.schools === whole.schools && problem.reviewers === whole.reviewers && problem.leads === whole.leads;
  if (!same || problem.policy.defaultMaxReviews !== whole.policy.defaultMaxReviews) return;
  // Reviewers of an unknown school are left out of `indexed.reviewers`, as `indexWith` leaves them.
  let next = 0;
  const keep = (role: Role, row: Reviewer | LeadReviewer, info: PersonInfo | undefined) => {
    if (info?.id === row.id) known[role].set(row, info);
  };
  for (const row of problem.reviewers) {
    if (indexed.schools.has(row.schoolId)) keep("peer", row, indexed.reviewers[next++]);
    else known.peer.set(row, null);
  }
  problem.leads.forEach((row, i) => keep("lead", row, indexed.leads[i]));
}

/** Each person's info by their row, by role (`null`: a reviewer of an unknown school). */
type KnownPeople = Record<Role, WeakMap<Reviewer | LeadReviewer, PersonInfo | null>>;

/** What indexing works out from a problem's schools, policy and history, and each person's row alone. */
interface SharedIndex {
  readonly schools: ReadonlyMap<string, School>;
  readonly history: ReadonlyMap<string, ReadonlySet<string>>;
  readonly past: HistoryIndex;
  /** A reviewer's or Lead Reviewer's info, numbered `index`; `undefined` for a reviewer of an unknown school. */
  readonly person: (row: Reviewer | LeadReviewer, role: Role, index: number) => PersonInfo | undefined;
}

/** The shared part of indexing `problem`; with `known`, each person's info is kept for the next part that holds them. */
function sharedIndex(problem: Problem, known?: KnownPeople): SharedIndex {
  const schools = new Map(problem.schools.map((school) => [school.id, school]));
  const history = new Map<string, Set<string>>();
  for (const entry of problem.history) {
    const seen = history.get(entry.reviewSchoolId) ?? new Set<string>();
    seen.add(entry.personId);
    history.set(entry.reviewSchoolId, seen);
  }
  const make = (row: Reviewer | LeadReviewer, role: Role, index: number): PersonInfo | undefined => {
    if (role === "lead") return leadInfo(row as LeadReviewer, problem.policy, index);
    const school = schools.get((row as Reviewer).schoolId);
    return school ? reviewerInfo(row as Reviewer, school, problem.policy, index) : undefined;
  };
  const person = (row: Reviewer | LeadReviewer, role: Role, index: number): PersonInfo | undefined => {
    if (!known) return make(row, role, index);
    let info = known[role].get(row);
    if (info === undefined) known[role].set(row, (info = make(row, role, index) ?? null));
    return info === null ? undefined : info.index === index ? info : { ...info, index };
  };
  return { schools, history, past: indexHistory(problem.history), person };
}

/** `indexYear` with the shared part given: what each problem (or part) has of its own. */
function indexWith(problem: Problem, { schools, history, past, person }: SharedIndex): Year {
  const policy = problem.policy;
  const reviews = indexReviews(problem, schools);
  const reviewers: PersonInfo[] = [];
  for (const row of problem.reviewers) {
    const info = person(row, "peer", reviewers.length);
    if (info) reviewers.push(info);
  }
  const leads = problem.leads.map((row, index) => person(row, "lead", index)!);
  const used = new Set(reviews.map((info) => info.kind.id));
  const plain = (person: PersonInfo) => person.kinds.size === 1 && person.kinds.has(DEFAULT_KIND);
  const mixed = [...used].some((id) => id !== DEFAULT_KIND) || !reviewers.every(plain) || !leads.every(plain);
  return {
    problem,
    policy,
    schools,
    reviews,
    reviewById: new Map(reviews.map((info) => [info.id, info])),
    reviewers,
    leads,
    people: {
      peer: new Map(reviewers.map((person) => [person.id, person])),
      lead: new Map(leads.map((person) => [person.id, person])),
    },
    hostedSpans: hostedSpansOf(problem.schools, reviews),
    reviewsHostedBy: reviewsHostedByOf(reviews),
    ...reciprocityAccounts(problem.schools, reviews),
    reviewKinds: Object.keys(policy.kinds).filter((id) => used.has(id)),
    mixed,
    history,
    past,
    yearNumber: currentYearNumber(policy.yearLabel, reviews.map((info) => info.span.from)),
  };
}

/**
 * The reviews, each with its kind and host resolved. A review naming an unknown kind, school or
 * date, or a trust-hosted kind without a trust, is left out (the reader reports those).
 */
function indexReviews(problem: Problem, schools: ReadonlyMap<string, School>): ReviewInfo[] {
  const { policy } = problem;
  const kinds = reviewKinds(policy);
  const reviews: ReviewInfo[] = [];
  for (const review of problem.reviews) {
    const kindId = kindKey(review.kind ?? DEFAULT_KIND);
    const kind = kinds.get(kindId);
    const start = parseDay(review.start);
    if (!kind || start === undefined) continue;
    const hostSchool = kind.host === "school" && review.schoolId !== undefined ? schools.get(review.schoolId) : undefined;
    const trustId = review.trustId?.trim();
    const host: Host | undefined = kind.host === "school" ? hostSchool : trustId ? { id: trustId, name: trustId, trust: trustId } : undefined;
    if (!host) continue;
    const account = kind.reciprocity === "school" ? hostSchool?.id : trustAccount(host.trust);
    reviews.push({
      id: review.id,
      index: reviews.length,
      review,
      kind,
      host,
      hostKeys: placeKeys(host),
      ...(hostSchool ? { hostSchool } : {}),
      span: { from: start, to: start + review.days - 1 },
      peerSeats: peerSeatsOf(policy, review, hostSchool, policy.kinds[kindId]),
      ...(account !== undefined ? { account } : {}),
    });
  }
  return reviews;
}

/** The reviews each member school hosts itself. */
function reviewsHostedByOf(reviews: readonly ReviewInfo[]): Map<string, ReviewInfo[]> {
  const hosted = new Map<string, ReviewInfo[]>();
  for (const info of reviews) if (info.hostSchool) hosted.set(info.hostSchool.id, [...(hosted.get(info.hostSchool.id) ?? []), info]);
  return hosted;
}

/** The reviews each school hosts, a trust's review counting for each of its schools. */
function hostedSpansOf(schools: readonly School[], reviews: readonly ReviewInfo[]): Map<string, { span: DayRange; kind: string }[]> {
  const hostedSpans = new Map<string, { span: DayRange; kind: string }[]>();
  const add = (schoolId: string, info: ReviewInfo) => hostedSpans.set(schoolId, [...(hostedSpans.get(schoolId) ?? []), { span: info.span, kind: info.kind.id }]);
  for (const info of reviews) {
    if (info.hostSchool) add(info.hostSchool.id, info);
    else for (const school of schools) if (valueKey(school.trust) !== undefined && valueKey(school.trust) === valueKey(info.host.trust)) add(school.id, info);
  }
  return hostedSpans;
}

/** Kilometres between a person's base and a host, when both have coordinates (a trust has none). */
export function travelKm(person: PersonInfo, host: Host): number | undefined {
  // The host's own fields: no point object to look up on a path taken millions of times.
  return person.coordinates && host.lat !== undefined && host.lon !== undefined ? distanceKm(person.coordinates, host as Coordinates) : undefined;
}

/**
 * Whether a person knows the host's phase: their phases list it, or the host has none (a trust).
 * A reviewer who lists no phase suits any (a blank is no restriction); a Lead Reviewer who lists
 * none is not known to have a school host's phase (issue 25: reported apart, and the phase goal
 * prefers one who lists it).
 */
export function phaseMatches(person: PersonInfo, host: Host): boolean {
  if (host.phase === undefined) return true;
  return person.phases.size === 0 ? person.role !== "lead" : person.phases.has(host.phase);
}
