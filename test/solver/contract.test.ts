import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation } from "../../src/model/schema.js";
import { validateProblem } from "../../src/model/validate.js";
import { repairEngine } from "../../src/solver/engines/repair.js";
import type { Engine } from "../../src/solver/engine.js";
import { ENGINES, setUpRun } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

// The engines' contract, one suite run against each (graphology's shared specs): what an engine
// returns from `run`, before `solve` could clean anything, passes the independent checker, keeps
// every fix pin `solve` handed it (but the pinned peers of a team it could not staff), and fills
// no more seats than the bound it was given. Repair runs from an earlier allocation.
const CONTRACT: Readonly<Record<string, Engine>> = { ...ENGINES, repair: repairEngine };

const key = (a: { reviewId: string; role: string; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;

/** The engine's own output on `problem`, with the context `solve` would give it. */
async function runRaw(engine: Engine, problem: Problem, seed: number, start?: Allocation) {
  const setUp = await setUpRun(problem, { seed, ...(start ? { start } : {}) });
  const outcome = await engine.run(setUp.context);
  return { ...setUp, outcome, check: checkAllocation(setUp.year, outcome.allocation) };
}

/** An earlier allocation for repair: the greedy engine's on the year, less a seeded share of its rows (someone withdrew, a team was cut). */
async function earlier(problem: Problem, seed: number): Promise<Allocation> {
  const { outcome } = await runRaw(ENGINES.greedy!, problem, seed);
  return { assignments: outcome.allocation.assignments.filter((_, i) => (i * 7 + seed) % 5 !== 0) };
}

async function expectContract(name: string, problem: Problem, seed: number): Promise<void> {
  const engine = CONTRACT[name]!;
  const start = name === "repair" ? await earlier(problem, seed) : undefined;
  const { context, check, outcome, year } = await runRaw(engine, problem, seed, start);
  expect(check.violations).toEqual([]);
  expect(check.metrics.filled.total).toBeLessThanOrEqual(context.seatBound!);
  // Every fix pin handed over is kept, unless the engine could not give its team an advanced reviewer.
  const placed = new Set(outcome.allocation.assignments.map(key));
  const teamsWithoutPeers = new Set(year.reviews.filter((r) => !outcome.allocation.assignments.some((a) => a.reviewId === r.id && a.role === "peer")).map((r) => r.id));
  for (const pin of context.fixed.assignments) {
    if (!placed.has(key(pin))) expect(pin.role === "peer" && teamsWithoutPeers.has(pin.reviewId), `${key(pin)} left out`).toBe(true);
  }
}

describe.each(Object.keys(CONTRACT))("engine %s, run raw", (name) => {
  it("returns what the checker accepts on a random year", async () => {
    await expectContract(name, randomYear(1, { reviews: 12 }), 1);
  });

  it("returns what the checker accepts on wide random years (history, pins, blanks, review lengths, several ranges)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 3, max: 14 }), async (seed, reviews) => {
        const problem = randomYear(seed, { reviews, wide: true, advancedShare: 0.25 });
        expect(validateProblem(problem).ok).toBe(true);
        await expectContract(name, problem, seed);
      }),
      { numRuns: name === "mip" || name === "lns" || name === "repair" ? 5 : 15, seed: 27 },
    );
  });
});
