import { makePolicy, type PolicyOverrides } from "../../src/model/policy.js";
import type { Problem } from "../../src/model/problem.js";
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
