import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { ENGINE_NAMES, solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

// One suite over every engine through `solve`: each must return what the independent checker
// accepts without `solve` dropping a row of it (test/solver/contract.test.ts checks the engines'
// own output), and never fill more seats than the bound allows.
describe.each(ENGINE_NAMES.filter((name) => name !== "auto"))("engine %s", (engine) => {
  it.each([1, 2, 3])("gives a valid allocation within its bound on random year %i", async (seed) => {
    const problem = randomYear(seed, { reviews: 14, wide: seed === 3 });
    const result = await solve(problem, { engine, seed, exactBound: false });
    const check = checkAllocation(problem, result.allocation);
    expect(result.dropped).toEqual([]);
    expect(check.violations).toEqual([]);
    expect(check.metrics.filled.total).toBeLessThanOrEqual(result.bound.filledSeats);
    expect(check.metrics.reciprocity.totalDeviation).toBeGreaterThanOrEqual(result.bound.reciprocityDeviation);
    // The gap and the proof, recomputed from the checker's count and the bound.
    const bound = result.bound.filledSeats;
    expect(result.gap).toBeCloseTo(bound === 0 ? 0 : (bound - check.metrics.filled.total) / bound, 12);
    expect(result.proven).toBe(check.metrics.filled.total === bound);
  });

  it("keeps every fixed pin the rules allow", async () => {
    const problem = randomYear(7, { reviews: 10 });
    const first = await solve(problem, { engine: "greedy", seed: 1 });
    const pins = first.allocation.assignments.slice(0, 4).map((a) => ({ ...a, kind: "fix" as const }));
    const result = await solve({ ...problem, pins }, { engine, seed: 2 });
    expect(result.dropped).toEqual([]);
    expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
    for (const pin of pins) {
      expect(result.allocation.assignments).toContainEqual({ reviewId: pin.reviewId, role: pin.role, personId: pin.personId });
    }
  });

  it("never uses a forbidden pair", async () => {
    const problem = randomYear(8, { reviews: 10 });
    const first = await solve(problem, { engine, seed: 1 });
    const pins = first.allocation.assignments.map((a) => ({ ...a, kind: "forbid" as const }));
    const result = await solve({ ...problem, pins }, { engine, seed: 1 });
    const forbidden = new Set(pins.map((p) => `${p.role}:${p.personId}@${p.reviewId}`));
    expect(result.allocation.assignments.filter((a) => forbidden.has(`${a.role}:${a.personId}@${a.reviewId}`))).toEqual([]);
    expect(result.dropped).toEqual([]);
    // The checker sees the pins too: the first allocation breaks the ruled-out rule on every row.
    expect(checkAllocation({ ...problem, pins }, result.allocation).valid).toBe(true);
    expect(checkAllocation({ ...problem, pins }, first.allocation).violations.filter((v) => v.rule === "ruled-out")).toHaveLength(first.allocation.assignments.length);
  });
});

describe("auto on small random years", () => {
  it("picks the exact MIP and fills as many seats as the upper bound allows (gap 0)", async () => {
    for (const seed of [11, 12, 13, 14, 15]) {
      const problem = randomYear(seed, { reviews: 30 });
      const result = await solve(problem, { seed });
      expect(result.engine).toBe("mip");
      const check = checkAllocation(problem, result.allocation);
      expect(check.valid).toBe(true);
      expect(check.metrics.filled.total).toBe(result.bound.filledSeats);
      expect(result.proven).toBe(true);
      expect(result.gap).toBe(0);
    }
  });
});
