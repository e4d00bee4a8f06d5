import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import type { Problem } from "../../src/model/problem.js";
import type { Review } from "../../src/model/schema.js";
import { measure } from "../../src/plan/measure.js";
import { moveReview, proposeMoves, windowStarts, type Move } from "../../src/plan/moves.js";
import { solve } from "../../src/solver/index.js";
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { lead, problem as build, review as reviewOf, reviewer, school } from "../helpers/build.js";
import { pushedYear } from "../helpers/windows.js";

const apply = (problem: Problem, moves: readonly Move[]) => moves.reduce((p, m) => moveReview(p, m.reviewId, m.toStart), problem);
const review = (start: string, window: Review["window"], days = 3): Review => ({ id: "R1", schoolId: "S1", start, days, ...(window ? { window } : {}) });

async function filled(problem: Problem): Promise<number> {
  const result = await solve(problem, { seed: 1 });
  const check = checkAllocation(problem, result.allocation);
  expect(check.violations).toEqual([]);
  return check.metrics.filled.total;
}

/** Every move is to a start its review's window allows, and each review moves at most once. */
function expectInsideWindows(problem: Problem, moves: readonly Move[]): void {
  expect(new Set(moves.map((m) => m.reviewId)).size).toBe(moves.length);
  for (const move of moves) {
    const original = problem.reviews.find((r) => r.id === move.reviewId)!;
    expect(move.fromStart).toBe(original.start);
    expect(windowStarts(original)).toContain(move.toStart);
    expect(move.seatsGained).toBeGreaterThan(0);
  }
}

describe("date moves", () => {
  it.each([[5, 12], [12, 20]])("on a tight year %i of %i reviews with windows, applying the proposed moves and solving again fills more seats, as many more as they claim", async (seed, reviews) => {
    const { problem } = pushedYear(seed, reviews, 3);
    const plan = await proposeMoves(problem);
    expectInsideWindows(problem, plan.moves);
    const claimed = plan.moves.reduce((n, m) => n + m.seatsGained, 0);
    expect(claimed).toBeGreaterThan(0);
    expect(plan.after).toBe(plan.before + claimed);
    const before = await filled(problem);
    const after = await filled(apply(problem, plan.moves));
    expect(after).toBeGreaterThan(before);
    // Measured by the exact seat optimum, which solve reaches on a year this small.
    expect(plan.measure).toBe("exact");
    expect([before, after]).toEqual([plan.before, plan.after]);
  });

  it("with the bound alone, every claimed gain is the rise of the re-indexed year's bound, and moves never lower it", async () => {
    for (const seed of [21, 22, 23]) {
      const { problem } = pushedYear(seed, 16, 2);
      const plan = await proposeMoves(problem, { exact: false });
      expectInsideWindows(problem, plan.moves);
      expect(measure(problem).bound).toBe(plan.before);
      let bound = plan.before;
      for (let i = 0; i < plan.moves.length; i += 1) {
        const next = measure(apply(problem, plan.moves.slice(0, i + 1))).bound;
        expect(next - bound).toBe(plan.moves[i]!.seatsGained);
        bound = next;
      }
      expect(bound).toBe(plan.after);
    }
  });

  it("proposes nothing without windows, nor where the bound already fills every seat", async () => {
    const { problem } = pushedYear(31, 12, 2);
    const noWindows = { ...problem, reviews: problem.reviews.map(({ window: _, ...r }) => r) };
    expect((await proposeMoves(noWindows, { exact: false })).moves).toEqual([]);
    const tight = generateYear({ ...smallRandomSpec(31, 12), tight: true, capacityRatio: 1 }).problem;
    const everyWeek = { ...tight, reviews: tight.reviews.map((r) => ({ ...r, window: [{ from: "2024-09-02", to: "2025-07-18" }] })) };
    const plan = await proposeMoves(everyWeek, { exact: false });
    expect(plan.before).toBe(plan.seats);
    expect(plan.moves).toEqual([]);
  });

  it("a moved review takes its host's home-review clash and its reviewers' availability with it", async () => {
    // R1's host S1 has the only reviewer R2 may have, kept at home while R1 runs; R1's own
    // reviewer is free only the week after. Moving R1 a week on frees both seats.
    const year = build({
      schools: [school("S1"), school("S2"), school("S3")],
      reviewers: [reviewer("P1", "S1"), reviewer("P3", "S3", { available: [{ from: "2024-03-11", to: "2024-03-15" }] })],
      leads: [lead("L1"), lead("L2")],
      reviews: [
        reviewOf("R1", "S1", "2024-03-04", { seats: 1, window: [{ from: "2024-03-04", to: "2024-03-15" }] }),
        reviewOf("R2", "S2", "2024-03-05", { seats: 1 }),
      ],
    });
    for (const exact of [false, true]) {
      const plan = await proposeMoves(year, { exact });
      expect(plan.moves).toEqual([{ reviewId: "R1", fromStart: "2024-03-04", toStart: "2024-03-11", seatsGained: 2 }]);
      expect([plan.before, plan.after, plan.seats]).toEqual([2, 4, 4]);
    }
    expect(await filled(apply(year, (await proposeMoves(year)).moves))).toBe(4);
  });

  it("is the same for the same year", async () => {
    const { problem } = pushedYear(41, 16, 3);
    expect(await proposeMoves(problem, { exact: false })).toEqual(await proposeMoves(problem, { exact: false }));
  });
});

describe("windowStarts", () => {
  it("lists every start whose whole visit fits the window, other than the review's own", () => {
    expect(windowStarts(review("2025-03-03", [{ from: "2025-03-03", to: "2025-03-07" }]))).toEqual(["2025-03-04", "2025-03-05"]);
  });

  it("never moves a weekday review onto a weekend, joins touching ranges, and has nothing without a window", () => {
    expect(windowStarts(review("2025-03-03", [{ from: "2025-03-05", to: "2025-03-11" }]))).toEqual(["2025-03-05"]);
    expect(windowStarts(review("2025-03-04", [{ from: "2025-03-10", to: "2025-03-11" }, { from: "2025-03-12", to: "2025-03-12" }]))).toEqual(["2025-03-10"]);
    expect(windowStarts(review("2025-03-03", undefined))).toEqual([]);
  });

  it("lets a review that already spans a weekend move over one", () => {
    expect(windowStarts(review("2025-03-07", [{ from: "2025-03-07", to: "2025-03-10" }]))).toEqual(["2025-03-08"]);
  });
});
