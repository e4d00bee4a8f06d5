import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { formatDay, parseDay, weekStart } from "../../src/model/dates.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { planWeeks } from "../../src/plan/weeks.js";
import { solve } from "../../src/solver/index.js";
import { pushedYear } from "../helpers/windows.js";

/** Seats filled per week and role, counted from the allocation's rows alone. */
function filledByWeek(problem: Problem, allocation: Allocation) {
  const week = new Map(problem.reviews.map((r) => [r.id, formatDay(weekStart(parseDay(r.start)!))]));
  const advanced = new Set(problem.reviewers.filter((p) => p.level === "advanced").map((p) => p.id));
  const counts = new Map<string, { lead: number; peer: number; advanced: number }>();
  for (const a of allocation.assignments) {
    const key = week.get(a.reviewId)!;
    const c = counts.get(key) ?? { lead: 0, peer: 0, advanced: 0 };
    c[a.role] += 1;
    if (a.role === "peer" && advanced.has(a.personId)) c.advanced += 1;
    counts.set(key, c);
  }
  return counts;
}

describe("weeks of demand and supply", () => {
  it("partition the reviews and seats, and no valid allocation fills a week's seats beyond its proven shortfall or its places", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 5, max: 18 }), async (seed, reviews) => {
        const { problem, planted } = generateYear(smallRandomSpec(seed, reviews));
        const weeks = planWeeks(problem);
        const year = indexYear(problem);
        expect(weeks.reduce((n, w) => n + w.reviews, 0)).toBe(problem.reviews.length);
        expect(weeks.reduce((n, w) => n + w.peerSeats, 0)).toBe(year.reviews.reduce((n, r) => n + r.peerSeats, 0));
        expect(weeks.map((w) => w.week)).toEqual([...weeks.map((w) => w.week)].sort());
        const solved = await solve(problem, { engine: "greedy", seed });
        for (const allocation of [planted, solved.allocation]) {
          expect(checkAllocation(problem, allocation).violations).toEqual([]);
          const filled = filledByWeek(problem, allocation);
          for (const w of weeks) {
            const f = filled.get(w.week) ?? { lead: 0, peer: 0, advanced: 0 };
            expect(f.lead + f.peer, w.week).toBeLessThanOrEqual(w.leadSeats + w.peerSeats - w.shortfall);
            expect(f.peer).toBeLessThanOrEqual(w.peerPlaces);
            expect(f.lead).toBeLessThanOrEqual(w.leadPlaces);
            expect(f.advanced).toBeLessThanOrEqual(w.advancedPlaces);
            expect(w.advancedPlaces).toBeLessThanOrEqual(w.peerPlaces);
          }
        }
      }),
      { numRuns: 4, seed: 20 },
    );
  });

  it("a week where nobody is free has no places and proves all its seats empty", () => {
    const { problem, pushedIds } = pushedYear(11, 24, 3);
    const weeks = planWeeks(problem);
    const year = indexYear(problem);
    const pushed = pushedIds.map((id) => year.reviewById.get(id)!);
    const empty = weeks.filter((w) => w.peerPlaces + w.leadPlaces === 0 && pushed.some((r) => formatDay(weekStart(r.span.from)) === w.week));
    expect(empty.length).toBeGreaterThan(0);
    for (const w of empty) expect(w.shortfall).toBe(w.leadSeats + w.peerSeats);
  });
});
