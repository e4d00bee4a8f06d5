import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallScarceSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { solve } from "../../src/solver/index.js";

/** Small scarce years: advanced reviewers short, narrow availability (the years a planner is for). */
const scarceYears = fc.record({ seed: fc.integer({ min: 1, max: 100_000 }), reviews: fc.integer({ min: 8, max: 24 }) });

describe("scarce years", () => {
  it("the reported bound is never below what the exact MIP fills", async () => {
    await fc.assert(
      fc.asyncProperty(scarceYears, async ({ seed, reviews }) => {
        const { problem } = generateYear(smallScarceSpec(seed, reviews));
        const exact = await solve(problem, { engine: "mip", seed });
        const exactCheck = checkAllocation(problem, exact.allocation);
        expect(exactCheck.valid).toBe(true);
        // The relaxations alone (no exact bound): what a large year reports.
        const relaxed = await solve(problem, { engine: "greedy", seed, exactBound: false });
        expect(checkAllocation(problem, relaxed.allocation).valid).toBe(true);
        expect(relaxed.bound.filledSeats).toBeGreaterThanOrEqual(exactCheck.metrics.filled.total);
        expect(exact.bound.filledSeats).toBeGreaterThanOrEqual(exactCheck.metrics.filled.total);
        if (exact.stoppedBy === "proven-optimal") expect(exact.bound.filledSeats).toBe(exactCheck.metrics.filled.total);
      }),
      { numRuns: 8, seed: 11 },
    );
  });

  it("the main engine never fills fewer seats than greedy", async () => {
    await fc.assert(
      fc.asyncProperty(scarceYears, fc.constantFrom("auto", "lns"), async ({ seed, reviews }, engine) => {
        const { problem } = generateYear(smallScarceSpec(seed, reviews));
        const main = checkAllocation(problem, (await solve(problem, { engine, seed, exactBound: false })).allocation);
        const greedy = checkAllocation(problem, (await solve(problem, { engine: "greedy", seed, exactBound: false })).allocation);
        expect(main.valid).toBe(true);
        expect(greedy.valid).toBe(true);
        expect(main.metrics.filled.total).toBeGreaterThanOrEqual(greedy.metrics.filled.total);
      }),
      { numRuns: 8, seed: 12 },
    );
  });
});
