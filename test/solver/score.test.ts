/**
 * What a score holds (issue 27 item 5): `scoreOf` gives two tiers, seats then goals; the
 * engines' `rosterScore` adds the seats kept from an earlier allocation as a third, counted
 * here independently from the rows.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { compareScores, GOALS, scoreOf, type Score } from "../../src/goals/index.js";
import { place } from "../../src/rules/placement.js";
import { rosterOf } from "../../src/solver/roster.js";
import { solve } from "../../src/solver/index.js";
import { rosterScore, type RosterScore } from "../../src/solver/steps/resolve.js";
import { randomYear } from "../helpers/random-year.js";

describe("Score and RosterScore", () => {
  it("the types name their tiers", () => {
    expectTypeOf<Score>().toEqualTypeOf<readonly [seats: number, goals: number]>();
    expectTypeOf<RosterScore>().toEqualTypeOf<readonly [seats: number, kept: number, goals: number]>();
  });

  it("scoreOf is the seats' tier and the goals' tier of an allocation, each the weighted sum of its goals", async () => {
    const problem = randomYear(3, { reviews: 8 });
    const result = await solve(problem, { engine: "greedy", seed: 1, exactBound: false });
    const placement = place(result.year, result.allocation);
    const w = result.year.policy.weights;
    const tier = (name: string) => GOALS.filter((g) => g.tier === name).reduce((n, g) => n + (g.sense === "reward" ? 1 : -1) * w[g.weight] * g.units(placement), 0);
    const [seats, goals] = scoreOf(placement);
    // Fairness is off in this policy: the seats' tier is the seats alone.
    expect(tier("fairness")).toBe(0);
    expect(seats).toBeCloseTo(tier("seats"), 9);
    expect(goals).toBeCloseTo(tier("goals"), 9);
    expect(seats).toBeGreaterThan(0);
  });

  it("rosterScore is scoreOf's tiers then the rows kept from the earlier allocation", async () => {
    const problem = randomYear(4, { reviews: 8 });
    const result = await solve(problem, { engine: "greedy", seed: 1, exactBound: false });
    const rows = result.allocation.assignments;
    const half = new Set(rows.filter((_, i) => i % 2 === 0).map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
    half.add("peer:NOBODY@NOWHERE");
    const roster = rosterOf(result.year, result.allocation);
    const [seats, goals] = scoreOf(place(result.year, result.allocation));
    expect(rosterScore(roster)).toEqual([seats, 0, goals]);
    expect(rosterScore(roster, half)).toEqual([seats, Math.ceil(rows.length / 2), goals]);
  });

  it("compareScores ranks by the first tier that differs, seats first", () => {
    expect(compareScores<RosterScore>([10, 0, -5], [9, 50, 100])).toBeGreaterThan(0);
    expect(compareScores<RosterScore>([10, 0, -5], [10, 0, -4])).toBeLessThan(0);
    expect(compareScores<RosterScore>([10, 3, -5], [10, 2, -5])).toBeGreaterThan(0);
    // A kept seat outweighs any gain of the goals (repair's order, as the scope MIP's).
    expect(compareScores<RosterScore>([10, 3, -500], [10, 2, -5])).toBeGreaterThan(0);
    expect(compareScores<Score>([10, -5], [10, -5])).toBe(0);
  });
});
