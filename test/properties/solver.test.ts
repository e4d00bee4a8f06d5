import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { solveOutputs } from "../../src/io/write-outputs.js";
import type { Problem } from "../../src/model/problem.js";
import { RULES } from "../../src/rules/index.js";
import { solve, type EngineName } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";
import { Random } from "../../fixtures/generator/random.js";

const seeds = fc.integer({ min: 1, max: 1_000_000 });

/** Output files with the only fields allowed to differ between runs (timings) blanked. */
async function outputBytes(problem: Problem, seed: number, engine: EngineName): Promise<Record<string, string>> {
  const result = await solve(problem, { seed, engine, exactBound: false });
  // DTSTAMP is the time of writing, a timing figure too: fixed here as SOURCE_DATE_EPOCH fixes it.
  const files = solveOutputs(result, explain(result.year, result.allocation), { stamp: new Date(Date.UTC(2024, 0, 1)) });
  files["summary.json"] = files["summary.json"]!.replace(/"elapsedMs": \d+/g, '"elapsedMs": 0');
  return files;
}

describe("solver invariants", () => {
  it("every greedy allocation passes the checker with nothing dropped, and every fix pin is kept or refused with a reason", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.integer({ min: 1, max: 30 }), fc.boolean(), async (seed, reviews, wide) => {
        const problem = randomYear(seed, { reviews, wide });
        const result = await solve(problem, { engine: "greedy", seed, exactBound: false });
        expect(result.dropped).toEqual([]);
        expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
        const key = (a: { reviewId: string; role: string; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;
        const placed = new Set(result.allocation.assignments.map(key));
        const refused = new Set(result.rejectedPins.map((r) => key(r.assignment)));
        for (const pin of problem.pins.filter((p) => p.kind === "fix")) expect(placed.has(key(pin)) !== refused.has(key(pin)), key(pin)).toBe(true);
        for (const r of result.rejectedPins) expect([...RULES.map((rule) => rule.id), "pins"]).toContain(r.rule);
      }),
      { numRuns: 60, seed: 1 },
    );
  });

  it("every lns and mip allocation passes the checker and respects its bound", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.integer({ min: 2, max: 16 }), fc.constantFrom("lns", "mip"), fc.boolean(), async (seed, reviews, engine, wide) => {
        const problem = randomYear(seed, { reviews, advancedShare: 0.2, wide });
        const result = await solve(problem, { engine, seed, exactBound: false });
        const check = checkAllocation(problem, result.allocation);
        expect(result.dropped).toEqual([]);
        expect(check.violations).toEqual([]);
        expect(check.metrics.filled.total).toBeLessThanOrEqual(result.bound.filledSeats);
      }),
      { numRuns: 12, seed: 2 },
    );
  });

  it("the same seed gives byte-identical output files", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.constantFrom("greedy", "lns"), fc.boolean(), async (seed, engine, wide) => {
        const problem = randomYear(seed, { reviews: 12, wide });
        expect(await outputBytes(problem, seed, engine)).toEqual(await outputBytes(problem, seed, engine));
      }),
      { numRuns: 6, seed: 3 },
    );
  });

  it("shuffling the input rows changes no figure of the exact engine", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.boolean(), async (seed, wide) => {
        const problem = randomYear(seed, { reviews: 10, wide });
        const random = new Random(`shuffle/${seed}`);
        const mixed: Problem = {
          ...problem,
          schools: random.shuffle([...problem.schools]),
          reviewers: random.shuffle([...problem.reviewers]),
          leads: random.shuffle([...problem.leads]),
          reviews: random.shuffle([...problem.reviews]),
        };
        const a = await solve(problem, { engine: "mip", seed: 1 });
        const b = await solve(mixed, { engine: "mip", seed: 1 });
        expect(b.check.metrics.filled).toEqual(a.check.metrics.filled);
        expect(b.check.metrics.fullTeams).toBe(a.check.metrics.fullTeams);
        expect(b.check.metrics.reciprocity.totalDeviation).toBe(a.check.metrics.reciprocity.totalDeviation);
        expect(b.bound.filledSeats).toBe(a.bound.filledSeats);
      }),
      { numRuns: 6, seed: 4 },
    );
  });

  it("adding a reviewer never lowers the filled seats of the exact engine", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.integer({ min: 0, max: 1000 }), fc.boolean(), async (seed, pick, wide) => {
        const problem = randomYear(seed, { reviews: 10, wide });
        const donor = problem.reviewers[pick % problem.reviewers.length]!;
        const extra = { ...donor, id: "PEXTRA", schoolId: problem.schools[pick % problem.schools.length]!.id };
        const before = await solve(problem, { engine: "mip", seed: 1 });
        const after = await solve({ ...problem, reviewers: [...problem.reviewers, extra] }, { engine: "mip", seed: 1 });
        expect(after.check.valid).toBe(true);
        expect(after.check.metrics.filled.total).toBeGreaterThanOrEqual(before.check.metrics.filled.total);
      }),
      { numRuns: 8, seed: 5 },
    );
  });

  it("a time limit or an abort returns a valid best-so-far allocation", async () => {
    const problem = randomYear(99, { reviews: 80 });
    const limited = await solve(problem, { engine: "lns", seed: 1, timeLimitMs: 1 });
    expect(checkAllocation(problem, limited.allocation).valid).toBe(true);
    expect(["time-limit", "complete", "work-limit"]).toContain(limited.stoppedBy);
    const controller = new AbortController();
    const aborted = await solve(problem, {
      engine: "lns",
      seed: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "search") controller.abort();
      },
    });
    expect(aborted.stoppedBy).toBe("aborted");
    expect(checkAllocation(problem, aborted.allocation).valid).toBe(true);
  });
});
