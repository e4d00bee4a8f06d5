/**
 * Reciprocity a school can meet: each school's target against what its reviewers can give. A
 * target beyond that can never be met, whatever the allocation, so the solve warns about it and
 * closing a year does not let such a debt grow (`carryOverWithinReach`).
 */
import { covers } from "../model/dates.js";
import type { InputError } from "../model/errors.js";
import { plural } from "../model/text.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { allowedPair, mostWithoutOverlap } from "../rules/index.js";

/**
 * What one school's reviewers can give towards its reciprocity target.
 *
 * @example
 * for (const r of reciprocityReach(result.year)) if (r.reason) console.log(`${r.schoolId}: ${r.reason}`);
 */
export interface SchoolReach {
  readonly schoolId: string;
  /** The school's reciprocity target (peer seats hosted, plus carry-over). */
  readonly target: number;
  readonly reviewers: number;
  /** Reviews its reviewers offer: the sum of their `max_reviews`, of those who gave dates. */
  readonly offered: number;
  /**
   * Reviews they can give at most: for each reviewer, the fewer of their `max_reviews` and the
   * most reviews counted by school they may sit on (every pair rule allows it, none
   * overlapping), summed.
   */
  readonly reachable: number;
  /** Why `reachable` is below the target, in plain words (only then). */
  readonly reason?: string;
}


/** The reviews counted by school that `person` may sit on, by the pair rules alone. */
function reviewsOpenTo(year: Year, person: PersonInfo, reviews: readonly ReviewInfo[]): ReviewInfo[] {
  // Availability first: it is the cheapest rule and rules out most pairs.
  return reviews.filter((review) => covers(person.available, review.span) && allowedPair(year, person, review));
}

/** Why a school's reviewers fall short of its target: the binding limits, named. */
function reasonFor(reach: Omit<SchoolReach, "reason">, people: readonly { person: PersonInfo; open: number; can: number }[]): string {
  const limits: string[] = [];
  if (reach.reviewers === 0) return `it has no reviewers, and its target is ${plural(reach.target, "place")}`;
  const noDates = people.filter((p) => p.person.available.length === 0);
  const noReview = people.filter((p) => p.person.available.length > 0 && p.open === 0);
  const fewer = people.filter((p) => p.open > 0 && p.can < p.person.maxReviews);
  if (reach.offered < reach.target) limits.push(`their max_reviews add up to ${reach.offered}`);
  if (noDates.length > 0) limits.push(`${noDates.map((p) => p.person.id).join(", ")} gave no dates`);
  if (noReview.length > 0) limits.push(`${noReview.map((p) => p.person.id).join(", ")} may sit on no review of the year (dates or the rules)`);
  if (fewer.length > 0) limits.push(`${fewer.map((p) => `${p.person.id} on ${p.can}`).join(", ")} at most (the rest of their reviews overlap or are ruled out)`);
  return `its ${plural(reach.reviewers, "reviewer")} can give at most ${plural(reach.reachable, "place")} against a target of ${reach.target}: ${limits.join("; ")}`;
}

/**
 * Each school's target against what its reviewers can give, schools in input order.
 *
 * @example
 * for (const r of reciprocityReach(indexYear(problem))) if (r.reason) console.log(`${r.schoolId}: ${r.reason}`);
 */
export function reciprocityReach(year: Year): SchoolReach[] {
  const bySchool = new Map<string, PersonInfo[]>();
  for (const person of year.reviewers) if (person.school) bySchool.set(person.school.id, [...(bySchool.get(person.school.id) ?? []), person]);
  const counted = year.reviews.filter((review) => review.kind.reciprocity === "school");
  return year.problem.schools.map((school) => {
    const people = (bySchool.get(school.id) ?? []).map((person) => {
      const open = reviewsOpenTo(year, person, counted);
      return { person, open: open.length, can: Math.min(person.maxReviews, mostWithoutOverlap(open)) };
    });
    const reach = {
      schoolId: school.id,
      target: year.target.get(school.id) ?? 0,
      reviewers: people.length,
      offered: people.reduce((n, p) => n + (p.person.available.length > 0 ? p.person.maxReviews : 0), 0),
      reachable: people.reduce((n, p) => n + p.can, 0),
    };
    return reach.reachable < reach.target ? { ...reach, reason: reasonFor(reach, people) } : reach;
  });
}

/**
 * A warning for each school whose target its reviewers cannot meet, naming the school and the
 * reason (`schools.csv`, the school's row is not known here).
 *
 * @example const warnings = reachWarnings(year, reciprocityReach(year));
 */
export function reachWarnings(year: Year, reach: readonly SchoolReach[]): InputError[] {
  return reach.flatMap((r) => {
    if (!r.reason) return [];
    const name = year.schools.get(r.schoolId)?.name;
    return [{ code: "warning", file: "schools.csv", column: "id", message: `school ${r.schoolId}${name ? ` (${name})` : ""} cannot meet its reciprocity target: ${r.reason}` }];
  });
}
