import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { yearNumber } from "../../src/model/history.js";
import type { Problem } from "../../src/model/problem.js";
import type { Assignment, HistoryEntry } from "../../src/model/schema.js";
import { solve } from "../../src/solver/index.js";
import { closeYear } from "../../src/years/close-year.js";
import { randomYear } from "../helpers/random-year.js";
import { expectedCarryOver } from "../helpers/years.js";

const seeds = fc.integer({ min: 1, max: 1_000_000 });

/** A year with some carry-over already, and any seats and attendance (closing a year records what happened, rules or not). */
const closable = fc
  .tuple(seeds, fc.integer({ min: 2, max: 12 }))
  .map(([seed, reviews]) => randomYear(seed, { reviews }))
  .chain((problem) =>
    fc.record({
      problem: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: problem.schools.length, maxLength: problem.schools.length }).map((carry) => ({
        ...problem,
        // Conservation holds without the limit on debts a school cannot pay (tested below).
        policy: { ...problem.policy, carryOverWithinReach: false },
        schools: problem.schools.map((s, i) => ({ ...s, carryOver: carry[i]! })),
      })),
      seats: fc.uniqueArray(fc.tuple(fc.nat(problem.reviews.length - 1), fc.nat(problem.reviewers.length - 1)), { selector: ([r, p]) => `${r}/${p}`, maxLength: 40 }),
      absent: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    }),
  );

describe("closing a year", () => {
  it("conserves places: each school gets previous + received − sent, and the changes sum to zero", () => {
    fc.assert(
      fc.property(closable, ({ problem, seats, absent }) => {
        const assignments: Assignment[] = seats.map(([r, p]) => ({ reviewId: problem.reviews[r]!.id, role: "peer", personId: problem.reviewers[p]!.id }));
        const attendance = assignments.map((a, i) => ({ reviewId: a.reviewId, personId: a.personId, attended: !absent[i] }));
        const closed = closeYear(problem, { assignments }, { yearLabel: "2023-24", attendance });
        expect(closed.ok).toBe(true);
        if (!closed.ok) return;
        const after = closed.value.next.schools;
        expect(new Map(after.map((s) => [s.id, s.carryOver]))).toEqual(expectedCarryOver(problem, { assignments }, attendance));
        const change = after.reduce((sum, s, i) => sum + s.carryOver - problem.schools[i]!.carryOver, 0);
        expect(change).toBe(0);
        expect(closed.value.ledger.reduce((sum, row) => sum + row.balance, 0)).toBe(0);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("keeps every carry-over within ±maxCarryOver", () => {
    fc.assert(
      fc.property(closable, fc.nat(3), ({ problem, seats }, cap) => {
        const capped: Problem = { ...problem, policy: { ...problem.policy, maxCarryOver: cap } };
        const assignments: Assignment[] = seats.map(([r, p]) => ({ reviewId: problem.reviews[r]!.id, role: "peer", personId: problem.reviewers[p]!.id }));
        const closed = closeYear(capped, { assignments }, { yearLabel: "2023-24" });
        expect(closed.ok && closed.value.next.schools.every((s) => Math.abs(s.carryOver) <= cap)).toBe(true);
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});

describe("noRepeatYears", () => {
  it("no solved allocation places a reviewer at a school they reviewed within N years", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.integer({ min: 12, max: 14 }), fc.integer({ min: 1, max: 3 }), fc.array(fc.integer({ min: 2016, max: 2023 }), { minLength: 60, maxLength: 60 }), async (seed, reviews, window, years) => {
        // Variety and first reviews weigh nothing here, so only the rule keeps the solver off last years' pairings.
        const base = randomYear(seed, { reviews, policy: { noRepeatYears: window, weights: { variety: 0, firstReview: 0 } } });
        // The history: the pairings the solver itself picks without one, in years near and far.
        const free = await solve(base, { engine: "greedy", seed });
        const hostOf = new Map(base.reviews.map((r) => [r.id, r.schoolId]));
        const history: HistoryEntry[] = free.allocation.assignments
          .filter((a) => a.role === "peer")
          .map((a, i) => ({ year: `${years[i % years.length]!}-${String((years[i % years.length]! + 1) % 100).padStart(2, "0")}`, personId: a.personId, reviewSchoolId: hostOf.get(a.reviewId)!, role: "peer" }));
        const problem: Problem = { ...base, history };
        const result = await solve(problem, { engine: "greedy", seed });
        expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
        // This year is 2023-24 (reviews from January 2024); the window counts back from 2023.
        const recent = new Set(history.filter((h) => 2023 - yearNumber(h.year)! <= window).map((h) => `${h.personId}@${h.reviewSchoolId}`));
        expect(result.allocation.assignments.filter((a) => a.role === "peer" && recent.has(`${a.personId}@${hostOf.get(a.reviewId)}`))).toEqual([]);
      }),
      { numRuns: 5, seed: 9 },
    );
  });
});
