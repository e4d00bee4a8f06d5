import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallScarceSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { parseYear } from "../../src/io/read-year.js";
import { serializeYear } from "../../src/io/write-year.js";
import { makePolicy, MAX_WEIGHT, MIN_SEAT_WEIGHT } from "../../src/model/policy.js";
import { solve } from "../../src/solver/index.js";

describe("policy weights", () => {
  it.each([
    ["leadSeat", 1e308],
    ["seat", 1e20],
    ["travelPerKm", MAX_WEIGHT * 10],
    ["seat", 0],
    ["seat", 1e-9],
    ["leadSeat", 0.5],
    ["leadSeat", -1],
  ])("weights.%s = %d is an input error naming the key", (key, value) => {
    const tiny = generateYear(smallScarceSpec(3, 10)).problem;
    const read = parseYear({ ...serializeYear(tiny), "policy.json": JSON.stringify({ weights: { [key]: value } }) });
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "policy.json", column: `weights.${key}` });
  });

  it("seats come first whatever the accepted weights: extreme weights fill as many seats as the defaults (exact engine)", async () => {
    const weightsArb = fc.record({
      leadSeat: fc.double({ min: MIN_SEAT_WEIGHT, max: MAX_WEIGHT, noNaN: true }),
      seat: fc.double({ min: MIN_SEAT_WEIGHT, max: MAX_WEIGHT, noNaN: true }),
      advancedSeat: fc.constantFrom(0, MAX_WEIGHT),
      reciprocity: fc.constantFrom(0, MAX_WEIGHT),
      travelPerKm: fc.constantFrom(0, MAX_WEIGHT),
      phase: fc.constantFrom(0, MAX_WEIGHT),
    });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), weightsArb, async (seed, weights) => {
        const { problem } = generateYear(smallScarceSpec(seed, 12));
        const policy = makePolicy({ weights });
        expect(policy.success).toBe(true);
        const extreme = { ...problem, policy: policy.data! };
        const plain = await solve(problem, { engine: "mip", seed, exactBound: false });
        const weighted = await solve(extreme, { engine: "mip", seed, exactBound: false });
        const plainCheck = checkAllocation(problem, plain.allocation);
        const weightedCheck = checkAllocation(extreme, weighted.allocation);
        expect(weightedCheck.valid).toBe(true);
        if (plain.stoppedBy === "proven-optimal" && weighted.stoppedBy === "proven-optimal") {
          expect(weightedCheck.metrics.filled.total).toBe(plainCheck.metrics.filled.total);
        }
      }),
      { numRuns: 6, seed: 21 },
    );
  });
});
