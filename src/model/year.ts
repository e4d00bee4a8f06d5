import { mergeRanges, parseDay, type DayRange } from "./dates.js";
import { distanceKm, type Coordinates } from "./geo.js";
import { currentYearNumber, indexHistory, type HistoryIndex } from "./history.js";
import { seatsFromBands, type Policy } from "./policy.js";
import type { Problem } from "./problem.js";
import type { Level, Phase, Review, Role, School } from "./schema.js";

/** A review with what every rule needs precomputed. */
export interface ReviewInfo {
  readonly id: string;
  readonly index: number;
  readonly review: Review;
  readonly host: School;
  readonly span: DayRange;
  readonly peerSeats: number;
}

/** A reviewer or Lead Reviewer, in the one shape the rules read. */
export interface PersonInfo {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly index: number;
  /** The reviewer's school; Lead Reviewers belong to none. */
  readonly school?: School;
  readonly level?: Level;
  readonly available: readonly DayRange[];
  readonly maxReviews: number;
  readonly conflicts: ReadonlySet<string>;
  readonly phases: ReadonlySet<Phase>;
  readonly prefers: ReadonlySet<string>;
  readonly coordinates?: Coordinates;
}

/**
 * A problem indexed for the rules, the checker and the engines: lookups by id, days as
 * integers, seats resolved from the policy, reciprocity targets. Built once, never mutated.
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
  /** The spans of the reviews each school hosts (for the home-review rule). */
  readonly hostedSpans: ReadonlyMap<string, readonly DayRange[]>;
  /** Reciprocity target per school: peer seats hosted plus explicit carry-over, never below 0. */
  readonly target: ReadonlyMap<string, number>;
  /** Schools' last-year reviewers: `schoolId → person ids` (for variety). */
  readonly history: ReadonlyMap<string, ReadonlySet<string>>;
  /** The history's peer rows by reviewer (for the no-repeat rule and the first-review goal). */
  readonly past: HistoryIndex;
  /** This year's number (`2024` for 2024-25): the policy's `yearLabel`, else the first review's academic year. */
  readonly yearNumber: number | undefined;
}

// Memo of each school's point: candidate lists ask for it millions of times on a large year.
const points = new WeakMap<object, Coordinates | null>();

function coordinatesOf(item: { lat?: number | undefined; lon?: number | undefined }): Coordinates | undefined {
  let point = points.get(item);
  if (point === undefined) {
    point = item.lat !== undefined && item.lon !== undefined ? { lat: item.lat, lon: item.lon } : null;
    points.set(item, point);
  }
  return point ?? undefined;
}

function availability(ranges: readonly { from: string; to: string }[]): DayRange[] {
  const days: DayRange[] = [];
  for (const range of ranges) {
    const from = parseDay(range.from);
    const to = parseDay(range.to);
    if (from !== undefined && to !== undefined && from <= to) days.push({ from, to });
  }
  return mergeRanges(days);
}

/** Peer seats of a review: its own `seats` value, else the policy's band for the host. */
export function peerSeatsOf(policy: Policy, review: Review, host: School): number {
  return review.seats ?? seatsFromBands(policy, host.phase, host.pupils);
}

/**
 * Indexes a problem whose references have been validated (see `validateReferences`). Items that
 * refer to unknown schools are left out rather than failing, so the checker can still run.
 */
export function indexYear(problem: Problem): Year {
  const policy = problem.policy;
  const schools = new Map(problem.schools.map((school) => [school.id, school]));
  const reviews: ReviewInfo[] = [];
  for (const review of problem.reviews) {
    const host = schools.get(review.schoolId);
    const start = parseDay(review.start);
    if (!host || start === undefined) continue;
    reviews.push({
      id: review.id,
      index: reviews.length,
      review,
      host,
      span: { from: start, to: start + review.days - 1 },
      peerSeats: peerSeatsOf(policy, review, host),
    });
  }
  const reviewers: PersonInfo[] = [];
  for (const reviewer of problem.reviewers) {
    const school = schools.get(reviewer.schoolId);
    if (!school) continue;
    const coordinates = coordinatesOf(school);
    reviewers.push({
      id: reviewer.id,
      name: reviewer.name,
      role: "peer",
      index: reviewers.length,
      school,
      level: reviewer.level,
      available: availability(reviewer.available),
      maxReviews: reviewer.maxReviews ?? policy.defaultMaxReviews,
      conflicts: new Set(reviewer.conflicts),
      phases: new Set(reviewer.phases),
      prefers: new Set(reviewer.prefers),
      ...(coordinates ? { coordinates } : {}),
    });
  }
  const leads: PersonInfo[] = problem.leads.map((lead, index) => {
    const coordinates = coordinatesOf(lead);
    return {
      id: lead.id,
      name: lead.name,
      role: "lead",
      index,
      available: availability(lead.available),
      maxReviews: lead.maxReviews ?? policy.defaultMaxReviews,
      conflicts: new Set(lead.conflicts),
      phases: new Set(lead.phases),
      prefers: new Set<string>(),
      ...(coordinates ? { coordinates } : {}),
    };
  });
  const hostedSpans = new Map<string, DayRange[]>();
  const target = new Map<string, number>();
  for (const school of problem.schools) target.set(school.id, 0);
  for (const info of reviews) {
    hostedSpans.set(info.host.id, [...(hostedSpans.get(info.host.id) ?? []), info.span]);
    target.set(info.host.id, (target.get(info.host.id) ?? 0) + info.peerSeats);
  }
  for (const school of problem.schools) {
    target.set(school.id, Math.max(0, (target.get(school.id) ?? 0) + school.carryOver));
  }
  const history = new Map<string, Set<string>>();
  for (const entry of problem.history) {
    const seen = history.get(entry.reviewSchoolId) ?? new Set<string>();
    seen.add(entry.personId);
    history.set(entry.reviewSchoolId, seen);
  }
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
    hostedSpans,
    target,
    history,
    past: indexHistory(problem.history),
    yearNumber: currentYearNumber(policy.yearLabel, reviews.map((info) => info.span.from)),
  };
}

/** Kilometres between a person's base and a host school, when both have coordinates. */
export function travelKm(person: PersonInfo, host: School): number | undefined {
  const hostAt = coordinatesOf(host);
  return person.coordinates && hostAt ? distanceKm(person.coordinates, hostAt) : undefined;
}

/** Whether a person's phases suit the host (no phases listed means any phase suits). */
export function phaseMatches(person: PersonInfo, host: School): boolean {
  return person.phases.size === 0 || person.phases.has(host.phase);
}
