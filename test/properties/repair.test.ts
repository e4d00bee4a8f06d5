import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import type { Allocation } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { applyChanges, repair } from "../../src/repair.js";
import { findCandidates } from "../../src/solver/candidates.js";
import { solve, type EngineName } from "../../src/solver/index.js";
import { rosterOf } from "../../src/solver/roster.js";
import { changeBound } from "../../src/solver/steps/change-bound.js";
import { oracleTradeOff, repairOracle } from "../helpers/repair-oracle.js";

/** Changed rows counted here, apart from the library: the symmetric difference of the row sets. */
function symmetricDifference(a: Allocation, b: Allocation): number {
  const rows = (x: Allocation) => new Set(x.assignments.map((r) => `${r.reviewId}|${r.role}|${r.personId}`));
  const [left, right] = [rows(a), rows(b)];
  return [...left].filter((r) => !right.has(r)).length + [...right].filter((r) => !left.has(r)).length;
}

/** A random small year, its published allocation (greedy or lns, so not always the most seats), and one allocated person who withdraws. */
const cases = fc.record({
  seed: fc.integer({ min: 1, max: 100_000 }),
  reviews: fc.integer({ min: 5, max: 10 }),
  engine: fc.constantFrom("greedy", "lns"),
  pick: fc.nat(),
});

async function withdrawal({ seed, reviews, engine, pick }: { seed: number; reviews: number; engine: EngineName; pick: number }) {
  const { problem } = generateYear(smallRandomSpec(seed, reviews));
  const published = (await solve(problem, { seed: 1, engine, exactBound: false })).allocation;
  const people = [...new Set(published.assignments.map((a) => a.personId))].sort();
  if (people.length === 0) return undefined;
  const leaver = people[pick % people.length]!;
  const outcome = await repair(problem, published, [{ change: "withdraw", id: leaver }], { seed: 1 });
  if (!outcome.ok) throw new Error("repair refused a withdrawal of an allocated person");
  // Withdrawn from the whole year (no freeze date): for the oracle, as if the person had left the year.
  const without = { ...outcome.problem, reviewers: outcome.problem.reviewers.filter((p) => p.id !== leaver), leads: outcome.problem.leads.filter((p) => p.id !== leaver) };
  return { published, outcome, without };
}

describe("repair against the exact oracle", () => {
  it("on random small years the repair fills the most seats and changes the fewest rows for them (MIP oracle, through the checker)", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const found = await withdrawal(c);
        if (!found) return;
        const { published, outcome, without } = found;
        const check = checkAllocation(without, outcome.result.allocation);
        expect(check.violations).toEqual([]);
        expect(outcome.changes).toBe(symmetricDifference(published, outcome.result.allocation));
        const oracle = repairOracle(without, published);
        const most = await oracle.mostSeats();
        expect(check.metrics.filled.total).toBe(most?.seats);
        const fewest = await oracle.fewestChanges(check.metrics.filled.total);
        expect(fewest !== "infeasible" && fewest?.proven).toBe(true);
        expect(outcome.changes).toBe(fewest !== "infeasible" ? fewest?.changes : undefined);
      }),
      { numRuns: 8, seed: 13 },
    );
  });

  it("on random small years the options are the exact trade-off, each a valid allocation with the seats and rows it states", async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const found = await withdrawal(c);
        if (!found) return;
        const { published, outcome, without } = found;
        for (const option of outcome.options) {
          const check = checkAllocation(without, option.allocation);
          expect(check.violations).toEqual([]);
          expect(check.metrics.filled.total).toBe(option.seats);
          expect(check.metrics.fullTeams).toBe(option.fullTeams);
          expect(symmetricDifference(published, option.allocation)).toBe(option.changes);
          expect(option.proven).toBe(true);
        }
        const exact = await oracleTradeOff(repairOracle(without, published), "seats");
        expect(outcome.options.map(({ changes, seats }) => ({ changes, seats }))).toEqual(exact);
        expect(outcome.options.filter((o) => o.chosen)).toEqual([outcome.options.at(-1)]);
      }),
      { numRuns: 5, seed: 14 },
    );
  });

  it("the counting bound on changed rows never exceeds the exact fewest for a seat count (MIP oracle)", async () => {
    // The bound is for exactly s seats; the oracle gives the fewest rows for at least s seats.
    await fc.assert(
      fc.asyncProperty(cases, async ({ seed, reviews, engine, pick }) => {
        const { problem } = generateYear(smallRandomSpec(seed, reviews));
        const published = (await solve(problem, { seed: 1, engine, exactBound: false })).allocation;
        const people = [...new Set(published.assignments.map((a) => a.personId))].sort();
        if (people.length === 0) return;
        const after = applyChanges(problem, published, [{ change: "withdraw", id: people[pick % people.length]! }]).problem;
        const year = indexYear(after);
        const context = { year, candidates: findCandidates(year), random: () => 0.5, shouldStop: () => false, report: () => {}, fixed: { assignments: [] } };
        const fewest = changeBound(context, published, rosterOf(year, published));
        const oracle = repairOracle(after, published);
        const most = (await oracle.mostSeats())!.seats;
        for (const seats of [most, most - 1, most - 3].filter((s) => s >= 0)) {
          const exact = await oracle.fewestChanges(seats);
          if (exact === "infeasible" || !exact?.proven) continue;
          const bound = Math.min(...Array.from({ length: most - seats + 1 }, (_, i) => fewest(seats + i)));
          expect(bound).toBeLessThanOrEqual(exact.changes);
        }
      }),
      { numRuns: 5, seed: 15 },
    );
  });
});
