/**
 * Reciprocity a school can meet: each school's target against what its reviewers can give. A
 * target beyond that can never be met, whatever the allocation, so the solve warns about it and
 * closing a year does not let such a debt grow (`carryOverWithinReach`).
 */
import { covers, firstOnOrAfter } from "../model/dates.js";
import type { InputError } from "../model/errors.js";
import { plural } from "../model/text.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { allowedPair } from "../rules/index.js";

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


/**
 * Whether any review counted by school is open to `person` (their dates cover it and every pair
 * rule allows it), and the most they can sit on, up to their `max_reviews`, none overlapping.
 * `byEnd` is those reviews by end day: earliest end first is the exact most-without-overlap
 * (`mostWithoutOverlap`), and its first picks are the same however early it stops, so the scan
 * ends at `max_reviews` picks and at the person's last available day: sized to the person, not to
 * the year (a year of 50,000 reviewers and 20,000 reviews took minutes scanning every pair).
 */
function personReach(year: Year, person: PersonInfo, byEnd: readonly ReviewInfo[]): { readonly open: boolean; readonly can: number } {
  if (person.available.length === 0) return { open: false, can: 0 };
  const first = Math.min(...person.available.map((range) => range.from));
  const last = Math.max(...person.available.map((range) => range.to));
  // At least one pick even at max_reviews 0: whether any review is open is said apart.
  const wanted = Math.max(1, person.maxReviews);
  let count = 0;
  let lastEnd = -Infinity;
  for (let i = firstEndingFrom(byEnd, first); i < byEnd.length && count < wanted; i++) {
    const review = byEnd[i]!;
    if (review.span.to > last) break;
    if (review.span.from <= lastEnd || !covers(person.available, review.span) || !allowedPair(year, person, review)) continue;
    count += 1;
    lastEnd = review.span.to;
  }
  return { open: count > 0, can: Math.min(person.maxReviews, count) };
}

/** The index of the first review (by end day) ending on or after `day`. */
const firstEndingFrom = (byEnd: readonly ReviewInfo[], day: number): number => firstOnOrAfter(byEnd, (review) => review.span.to, day);

/** Why a school's reviewers fall short of its target: the binding limits, named. */
function reasonFor(reach: Omit<SchoolReach, "reason">, people: readonly { person: PersonInfo; open: boolean; can: number }[]): string {
  const limits: string[] = [];
  if (reach.reviewers === 0) return `it has no reviewers, and its target is ${plural(reach.target, "place")}`;
  const noDates = people.filter((p) => p.person.available.length === 0);
  const noReview = people.filter((p) => p.person.available.length > 0 && !p.open);
  const fewer = people.filter((p) => p.open && p.can < p.person.maxReviews);
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
  for (const person of year.reviewers) {
    if (!person.school) continue;
    const mates = bySchool.get(person.school.id);
    if (mates) mates.push(person);
    else bySchool.set(person.school.id, [person]);
  }
  const byEnd = year.reviews.filter((review) => review.kind.reciprocity === "school").sort((a, b) => a.span.to - b.span.to);
  return year.problem.schools.map((school) => {
    const people = (bySchool.get(school.id) ?? []).map((person) => ({ person, ...personReach(year, person, byEnd) }));
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
