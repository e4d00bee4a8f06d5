import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateYear, smallRandomSpec } from "../fixtures/generator.js";
import { COMMITTED_YEARS } from "../fixtures/years.js";
import { checkAllocation } from "../src/check.js";
import { readYearFolder } from "../src/io/files.js";
import { parseAllocation } from "../src/io/read-allocation.js";
import { solve } from "../src/solver/index.js";

const root = new URL("../fixtures/", import.meta.url).pathname;

describe("fixtures", () => {
  it.each(COMMITTED_YEARS)("%s reads cleanly and its planted allocation passes the checker", (name) => {
    const year = readYearFolder(`${root}years/${name}`);
    if (!year.ok) throw new Error(JSON.stringify(year.errors.slice(0, 3)));
    const planted = parseAllocation(readFileSync(`${root}planted/${name}.csv`));
    if (!planted.ok) throw new Error("planted allocation unreadable");
    expect(checkAllocation(year.value, planted.value).violations).toEqual([]);
  });

  it("the generator is deterministic for a seed", () => {
    expect(generateYear(smallRandomSpec(5, 20))).toEqual(generateYear(smallRandomSpec(5, 20)));
  });

  it("on any generated year of 40 reviews or fewer, auto proves its seats optimal (gap 0) and fills at least the planted seats", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 5, max: 40 }), async (seed, reviews) => {
        const { problem, planted } = generateYear(smallRandomSpec(seed, reviews));
        const result = await solve(problem, { seed: 1 });
        const check = checkAllocation(problem, result.allocation);
        expect(check.violations).toEqual([]);
        expect(check.metrics.filled.total).toBeGreaterThanOrEqual(checkAllocation(problem, planted).metrics.filled.total);
        expect(result.gap).toBe(0);
        expect(result.proven).toBe(true);
      }),
      { numRuns: 12, seed: 12 },
    );
  });
});
