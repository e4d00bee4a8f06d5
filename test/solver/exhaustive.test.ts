import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import type { Problem } from "../../src/model/problem.js";
import type { Assignment } from "../../src/model/schema.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

/**
 * Every allocation of a tiny year (each person on at most one review), best in the objective's
 * order: Lead Reviewer seats, staffed teams (their advanced seats), all seats, then reciprocity.
 */
function exhaustiveBest(problem: Problem): { filled: number; deviation: number } {
  const people = [
    ...problem.leads.map((p) => ({ role: "lead" as const, id: p.id })),
    ...problem.reviewers.map((p) => ({ role: "peer" as const, id: p.id })),
  ];
  const choices = [undefined, ...problem.reviews.map((r) => r.id)];
  let best = { key: [-1], filled: -1, deviation: Infinity };
  const picked: Assignment[] = [];
  const visit = (i: number) => {
    if (i === people.length) {
      const check = checkAllocation(problem, { assignments: picked });
      if (!check.valid) return;
      const { total, lead } = check.metrics.filled;
      const staffed = new Set(picked.filter((a) => a.role === "peer").map((a) => a.reviewId)).size;
      const deviation = check.metrics.reciprocity.totalDeviation;
      const key = [lead, staffed, total, -deviation];
      const better = key.findIndex((v, k) => v !== best.key[k]);
      if (better === -1 ? false : key[better]! > (best.key[better] ?? -Infinity)) best = { key, filled: total, deviation };
      return;
    }
    for (const reviewId of choices) {
      if (reviewId !== undefined) picked.push({ reviewId, role: people[i]!.role, personId: people[i]!.id });
      visit(i + 1);
      if (reviewId !== undefined) picked.pop();
    }
  };
  visit(0);
  return best;
}

describe("exact engine against an exhaustive search on tiny years", () => {
  it("fills exactly the most seats any valid allocation can, and its bound agrees", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), async (seed) => {
        const base = randomYear(seed, { reviews: 3, reviewersPerSchool: 1.5, leads: 1, weeks: 2, hubs: 2 });
        // One review each keeps the search space at (reviews + 1)^people.
        const problem: Problem = { ...base, reviewers: base.reviewers.slice(0, 6).map((r) => ({ ...r, maxReviews: 1 })), leads: base.leads.map((l) => ({ ...l, maxReviews: 1 })) };
        const best = exhaustiveBest(problem);
        const result = await solve(problem, { engine: "mip", seed: 1 });
        const check = checkAllocation(problem, result.allocation);
        expect(check.valid).toBe(true);
        expect(check.metrics.filled.total).toBe(best.filled);
        expect(check.metrics.reciprocity.totalDeviation).toBe(best.deviation);
        expect(result.bound.filledSeats).toBeGreaterThanOrEqual(best.filled);
        expect(result.proven).toBe(true);
      }),
      { numRuns: 10, seed: 42 },
    );
  });
});
