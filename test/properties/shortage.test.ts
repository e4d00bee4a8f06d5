import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallMixedSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { shortageWithoutMoves } from "../../src/plan/shortage.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";
import { withRecruits } from "../helpers/tight-year.js";

describe("the shortage sheet on random years", () => {
  it("every line's seats are met by a valid allocation with its supply and never exceed its bound: QAR years and years with TPRs and MLQARs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 6, max: 20 }), fc.boolean(), async (seed, reviews, mixed) => {
        const problem = mixed ? generateYear(smallMixedSpec(seed, reviews)).problem : randomYear(seed, { reviews, advancedShare: 0.2 });
        const result = await solve(problem, { engine: "greedy", seed, exactBound: false });
        const sheet = shortageWithoutMoves(result.year, result.allocation, { witnesses: true });
        const filled = result.check.metrics.filled.total;
        for (const row of sheet.rows) {
          const label = `${row.action} ${row.week} ${row.personId ?? ""}`;
          expect(row.seats, label).toBeLessThanOrEqual(row.seatsAtMost);
          const check = checkAllocation(withRecruits(problem, row.witness!), row.witness!.allocation);
          expect(check.violations, label).toEqual([]);
          expect(check.metrics.filled.total - filled, label).toBe(row.seats);
        }
        expect(sheet.empty.seats).toBe(result.check.metrics.seats.total - filled);
      }),
      { numRuns: 12, seed: 25 },
    );
  });
});
