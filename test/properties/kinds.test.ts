import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallMixedSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { solveOutputs } from "../../src/io/write-outputs.js";
import type { Problem } from "../../src/model/problem.js";
import { solve, type EngineName } from "../../src/solver/index.js";
import { kindBreaches } from "../helpers/kinds-check.js";

const mixed = (seed: number, reviews: number): Problem => generateYear(smallMixedSpec(seed, reviews)).problem;

/** Every output file of a solve, timings blanked (the only field allowed to differ between runs). */
async function outputBytes(problem: Problem, seed: number, engine: EngineName): Promise<Record<string, string>> {
  const result = await solve(problem, { seed, engine, exactBound: false });
  // DTSTAMP is the time of writing, a timing figure too: fixed here as SOURCE_DATE_EPOCH fixes it.
  const files = solveOutputs(result, explain(result.year, result.allocation), { stamp: new Date(Date.UTC(2024, 0, 1)) });
  files["summary.json"] = files["summary.json"]!.replace(/"elapsedMs": \d+/g, '"elapsedMs": 0');
  return files;
}

describe("random mixed years (QAR, TPR, MLQAR)", () => {
  it("every greedy and self-selection allocation passes the checker and the independent check of each kind", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 6, max: 24 }), fc.constantFrom("greedy", "self-selection"), async (seed, reviews, engine) => {
        const problem = mixed(seed, reviews);
        const result = await solve(problem, { engine, seed, exactBound: false });
        const check = checkAllocation(problem, result.allocation);
        expect(check.violations).toEqual([]);
        expect(kindBreaches(problem, result.allocation)).toEqual([]);
        expect(check.metrics.filled.total).toBeLessThanOrEqual(result.bound.filledSeats);
      }),
      { numRuns: 16, seed: 16 },
    );
  });

  it("the same year and seed give byte-identical outputs, trust ledger included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 6, max: 16 }), async (seed, reviews) => {
        const problem = mixed(seed, reviews);
        const first = await outputBytes(problem, seed, "greedy");
        // A trust ledger exactly when some review counts reciprocity by trust.
        expect("trust-ledger.csv" in first).toBe(problem.reviews.some((r) => r.kind === "tpr"));
        expect(await outputBytes(problem, seed, "greedy")).toEqual(first);
      }),
      { numRuns: 5, seed: 17 },
    );
  });

  it("the trust ledger balances: its places sent are the TPR places of people in a trust, its targets the TPRs' seats", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), async (seed) => {
        const problem = mixed(seed, 12);
        const result = await solve(problem, { engine: "greedy", seed, exactBound: false });
        const check = checkAllocation(problem, result.allocation);
        const tprs = problem.reviews.filter((r) => r.kind === "tpr");
        const schoolOf = new Map(problem.reviewers.map((r) => [r.id, problem.schools.find((s) => s.id === r.schoolId)!]));
        const tprIds = new Set(tprs.map((r) => r.id));
        const inTrust = result.allocation.assignments.filter((a) => a.role === "peer" && tprIds.has(a.reviewId) && schoolOf.get(a.personId)!.trust);
        expect(check.trustLedger.reduce((n, row) => n + row.placesSent, 0)).toBe(inTrust.length);
        expect(check.trustLedger.reduce((n, row) => n + row.target, 0)).toBe(tprs.length * 6);
        expect(check.trustLedger.reduce((n, row) => n + row.seatsReceived, 0)).toBe(result.allocation.assignments.filter((a) => a.role === "peer" && tprIds.has(a.reviewId)).length);
        // Those places are not the schools': the school ledger counts only the other kinds' places.
        const others = result.allocation.assignments.filter((a) => a.role === "peer" && !tprIds.has(a.reviewId)).length;
        expect(check.ledger.reduce((n, row) => n + row.placesSent, 0)).toBe(others);
      }),
      { numRuns: 8, seed: 18 },
    );
  });
});
