import { expect } from "vitest";
import { checkAllocation } from "../../src/check.js";
import type { PolicyOverrides } from "../../src/model/policy.js";
import type { Problem } from "../../src/model/problem.js";
import type { Assignment, LeadReviewer, Review, Reviewer, School } from "../../src/model/schema.js";
import { indexYear, type PersonInfo, type ReviewInfo, type Year } from "../../src/model/year.js";
import type { Violation } from "../../src/rules/types.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

/**
 * The base year every rule file starts from: school A hosts RA (2024-03-04..2024-03-06, 2 peer
 * seats); B and C host nothing and send PB (advanced) and PC (reviewer); L1 leads. No school has
 * coordinates, and every hub, locality and trust is the school's own (or blank), so the clean
 * allocation `CLEAN` breaks nothing.
 */
export const BASE = {
  schools: [school("A"), school("B"), school("C")],
  reviewers: [reviewer("PB", "B"), reviewer("PC", "C", { level: "reviewer" })],
  leads: [lead("L1")],
  reviews: [review("RA", "A", "2024-03-04", { seats: 2 })],
} as const;

export interface YearParts {
  readonly schools?: readonly School[];
  readonly reviewers?: readonly Reviewer[];
  readonly leads?: readonly LeadReviewer[];
  readonly reviews?: readonly Review[];
  readonly policy?: PolicyOverrides;
}

/** Items of `extra` replace base items of the same id; the others are appended. */
function merge<T extends { readonly id: string }>(base: readonly T[], extra: readonly T[] = []): T[] {
  const replaced = base.map((item) => extra.find((e) => e.id === item.id) ?? item);
  return [...replaced, ...extra.filter((e) => !base.some((b) => b.id === e.id))];
}

/** The base year with items added or replaced by id. */
export function baseYear(parts: YearParts = {}): Problem {
  return problem({
    schools: merge(BASE.schools, parts.schools),
    reviewers: merge(BASE.reviewers, parts.reviewers),
    leads: merge(BASE.leads, parts.leads),
    reviews: merge(BASE.reviews, parts.reviews),
    ...(parts.policy ? { policy: parts.policy } : {}),
  });
}

export const leadSeat = (reviewId: string, personId: string): Assignment => ({ reviewId, role: "lead", personId });
export const peerSeat = (reviewId: string, personId: string): Assignment => ({ reviewId, role: "peer", personId });

/** L1 leads RA, PB and PC fill its two peer seats. */
export const CLEAN: readonly Assignment[] = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PC")];

/** Every violation the checker finds for `assignments` on `year`. */
export function violationsOf(year: Problem, assignments: readonly Assignment[]): readonly Violation[] {
  return checkAllocation(year, { assignments: [...assignments] }).violations;
}

export interface Expected {
  readonly rule: string;
  readonly reviewId?: string;
  readonly personId?: string;
  /** Words the message must contain besides the review and person ids. */
  readonly mentions?: readonly string[];
}

/**
 * Asserts the checker found exactly `expected`, in order: the rule ids, the review and person
 * each names, and a message that names them too.
 */
export function expectExactly(found: readonly Violation[], expected: readonly Expected[]): void {
  expect(found.map(({ rule, reviewId, personId }) => ({ rule, reviewId, personId }))).toEqual(
    expected.map(({ rule, reviewId, personId }) => ({ rule, reviewId, personId })),
  );
  found.forEach((violation, i) => {
    const want = expected[i]!;
    expect(violation.rule).toBe(want.rule);
    for (const word of [want.reviewId, want.personId, ...(want.mentions ?? [])]) {
      if (word !== undefined) expect(violation.message).toContain(word);
    }
  });
}

/** The indexed year with the review and people a `refuse` test needs. */
export function pairOf(year: Problem, reviewId: string, personId: string, role: "lead" | "peer" = "peer"): { year: Year; review: ReviewInfo; person: PersonInfo } {
  const indexed = indexYear(year);
  const info = indexed.reviewById.get(reviewId);
  const person = indexed.people[role].get(personId);
  if (!info || !person) throw new Error(`test fixture: no ${reviewId} or ${role} ${personId}`);
  return { year: indexed, review: info, person };
}

export { lead, review, reviewer, school };
