import { DEFAULT_POLICY, makePolicy, type PolicyOverrides } from "../../src/model/policy.js";
import type { Problem } from "../../src/model/problem.js";
import type { LeadReviewer, Review, Reviewer, School } from "../../src/model/schema.js";

/**
 * Builds small problems for unit tests: every field has a harmless default, so a test states
 * only what it is about. Hubs, localities and trusts default to the id's own, so nothing is
 * local to anything unless a test says so; coordinates are left out (no distance rule).
 */
export function school(id: string, extra: Partial<School> = {}): School {
  return { id, name: `School ${id}`, hub: `H-${id}`, locality: `L-${id}`, phase: "primary", pupils: 150, carryOver: 0, ...extra };
}

export function reviewer(id: string, schoolId: string, extra: Partial<Reviewer> = {}): Reviewer {
  return { id, name: `Reviewer ${id}`, schoolId, level: "advanced", phases: [], available: [{ from: "2024-01-01", to: "2024-12-31" }], conflicts: [], prefers: [], ...extra };
}

export function lead(id: string, extra: Partial<LeadReviewer> = {}): LeadReviewer {
  return { id, name: `Lead ${id}`, available: [{ from: "2024-01-01", to: "2024-12-31" }], phases: [], conflicts: [], maxReviews: 10, ...extra };
}

export function review(id: string, schoolId: string, start: string, extra: Partial<Review> = {}): Review {
  return { id, schoolId, start, days: 3, ...extra };
}

export function problem(parts: Partial<Omit<Problem, "policy">> & { policy?: PolicyOverrides }): Problem {
  const policy = parts.policy ? makePolicy(parts.policy) : { success: true as const, data: DEFAULT_POLICY };
  if (!policy.success) throw new Error(`bad test policy: ${policy.error.message}`);
  return {
    schools: parts.schools ?? [],
    reviewers: parts.reviewers ?? [],
    leads: parts.leads ?? [],
    reviews: parts.reviews ?? [],
    history: parts.history ?? [],
    pins: parts.pins ?? [],
    policy: policy.data,
  };
}
