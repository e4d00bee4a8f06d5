import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { compareScores, GOALS, scoreOf } from "../../src/goals/index.js";
import { DEFAULT_WEIGHTS, type Weights } from "../../src/model/policy.js";
import { place } from "../../src/rules/placement.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

const seeds = fc.integer({ min: 1, max: 1_000_000 });

/** Weights that price one goal alone (seats keep theirs). */
const alone = (weight: keyof Weights): Weights => ({ ...(Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])) as unknown as Weights), leadSeat: 1_000_000, seat: 10_000, [weight]: 1 });

describe("goal bounds and the goals tier", () => {
  let compared = 0;
  it("each goal's best is never above what the exact MIP reaches for that goal alone at the same seats", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.integer({ min: 4, max: 9 }), async (seed, reviews) => {
        const problem = randomYear(seed, { reviews, reviewersPerSchool: 2.5, advancedShare: 0.35 });
        const result = await solve(problem, { seed });
        expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
        for (const goal of result.goals) {
          expect(goal.best).toBeDefined();
          expect(goal.best!).toBeLessThanOrEqual(goal.value + 1e-9);
          const weight = GOALS.find((g) => g.id === goal.id)!.weight;
          const exact = await solve({ ...problem, policy: { ...problem.policy, weights: alone(weight) } }, { engine: "mip", seed, exactBound: false });
          expect(checkAllocation(problem, exact.allocation).violations).toEqual([]);
          if (exact.stoppedBy !== "proven-optimal" || exact.check.metrics.filled.total !== result.check.metrics.filled.total) continue;
          // Weights of one goal alone: the MIP's optimum is the fewest units at the most seats.
          expect(goal.best!).toBeLessThanOrEqual(exact.check.metrics.goals[goal.id]! + 1e-6);
          compared += goal.value > 0 ? 1 : 0;
        }
        expect(result.goalsTier.best!).toBeLessThanOrEqual(result.goalsTier.value + 1e-9);
      }),
      { numRuns: 8, seed: 21 },
    );
    // The property compared bounds with real optima, not only empty goals.
    expect(compared).toBeGreaterThan(10);
  });

  it("auto is never worse than greedy on the goals tier at equal seats", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.integer({ min: 4, max: 10 }), async (seed, reviews) => {
        const problem = randomYear(seed, { reviews, reviewersPerSchool: 2.5 });
        const auto = await solve(problem, { engine: "lns", seed, exactBound: false });
        const greedy = await solve(problem, { engine: "greedy", seed, exactBound: false });
        expect(checkAllocation(problem, auto.allocation).violations).toEqual([]);
        expect(checkAllocation(problem, greedy.allocation).violations).toEqual([]);
        const [a, g] = [scoreOf(place(auto.year, auto.allocation)), scoreOf(place(greedy.year, greedy.allocation))];
        expect(a[0]).toBeGreaterThanOrEqual(g[0]!);
        if (a[0] === g[0]) expect(compareScores(a, g)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 8, seed: 22 },
    );
  });
});
