import { formatDay } from "../../src/model/dates.js";
import { makePolicy, type PolicyOverrides } from "../../src/model/policy.js";
import type { Problem } from "../../src/model/problem.js";
import type { LeadReviewer, Reviewer } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import type { ShortageRow } from "../../src/plan/shortage.js";
import { randomYear } from "./random-year.js";

/**
 * A year short of advanced reviewers, small enough for the exact engine (40 reviews): every
 * advanced reviewer offers one review, so "advanced reviewer places against teams" is a plain
 * matching of people to teams.
 */
export function tightYear(seed: number, policy: PolicyOverrides = {}): Problem {
  const base = randomYear(seed, { reviews: 40, advancedShare: 0.2, reviewersPerSchool: 2.5, leads: 5 });
  const made = makePolicy(policy);
  if (!made.success) throw new Error(`bad test policy: ${made.error.message}`);
  return { ...base, policy: made.data, reviewers: base.reviewers.map((r) => (r.level === "advanced" ? { ...r, maxReviews: 1 } : r)) };
}

/** The year with the witness's recruits as people of a school of their own, and `oneMore` given one more review. */
export function withRecruits(problem: Problem, witness: NonNullable<ShortageRow["witness"]>): Problem {
  const year = indexYear(problem);
  const span = (reviewId: string) => {
    const review = year.reviewById.get(reviewId)!;
    return [{ from: formatDay(review.span.from), to: formatDay(review.span.to) }];
  };
  const recruits = witness.allocation.assignments.filter((a) => a.personId.startsWith("+"));
  // Each recruit serves the kind of the review they sit on (a TPR's, an MLQAR's...), and comes
  // from where that kind takes its reviewers: a school of no hub, or of the host's hub for an MLQAR.
  const kinds = (reviewId: string) => [year.reviewById.get(reviewId)!.kind.id];
  const hubOf = (reviewId: string) => {
    const review = year.reviewById.get(reviewId)!;
    return review.kind.requiresHub ? review.host.hub : undefined;
  };
  const hubs = [...new Set(recruits.map((a) => hubOf(a.reviewId)).filter((h): h is string => h !== undefined))];
  const reviewers: Reviewer[] = recruits
    .filter((a) => a.role === "peer")
    .map((a) => ({ id: a.personId, name: "recruit", schoolId: hubOf(a.reviewId) ? `+R-${hubOf(a.reviewId)}` : "+R", level: a.personId.startsWith("+advanced") ? "advanced" : "reviewer", phases: [], available: span(a.reviewId), maxReviews: 1, conflicts: [], prefers: [], kinds: kinds(a.reviewId) }));
  const leads: LeadReviewer[] = recruits.filter((a) => a.role === "lead").map((a) => ({ id: a.personId, name: "recruit", available: span(a.reviewId), maxReviews: 1, phases: [], conflicts: [], kinds: kinds(a.reviewId) }));
  const more = new Set(witness.oneMore ?? []);
  return {
    ...problem,
    schools: [...problem.schools, { id: "+R", name: "Recruits", phase: "primary", pupils: 100, carryOver: 0 }, ...hubs.map((hub) => ({ id: `+R-${hub}`, name: `Recruits of ${hub}`, hub, phase: "primary" as const, pupils: 100, carryOver: 0 }))],
    reviewers: [...problem.reviewers.map((r) => (more.has(r.id) ? { ...r, maxReviews: (r.maxReviews ?? problem.policy.defaultMaxReviews) + 1 } : r)), ...reviewers],
    leads: [...problem.leads, ...leads],
  };
}

