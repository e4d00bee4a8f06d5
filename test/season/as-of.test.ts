import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallRandomSpec, smallScarceSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { formatDay, parseDay } from "../../src/model/dates.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { standbyList } from "../../src/plan/standby.js";
import { repair } from "../../src/repair.js";
import { respond } from "../../src/season/respond.js";
import type { Response } from "../../src/season/responses.js";
import { solve } from "../../src/solver/index.js";
import { drawResponses } from "./helpers.js";

/**
 * The season as it runs, on a generated year the code was not written against: the past is
 * read-only, withdrawals stick, the words fit, and every output gives one reason per empty seat.
 * The checks read the allocations' rows, not the season code's bookkeeping.
 */

const key = (a: { reviewId: string; role: string; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;

/** The (review, role, person) rows of reviews starting before `freeze`, as a sorted list. */
function rowsBefore(problem: Problem, allocation: Allocation, freeze: string): string[] {
  const starts = new Map(problem.reviews.map((r) => [r.id, r.start]));
  return allocation.assignments.filter((a) => (starts.get(a.reviewId) ?? "") < freeze).map(key).sort();
}

const startOf = (problem: Problem, reviewId: string) => problem.reviews.find((r) => r.id === reviewId)!.start;

/** A freeze date in the middle of the year: the start of the median review. */
function middle(problem: Problem): string {
  const starts = problem.reviews.map((r) => r.start).sort();
  return starts[Math.floor(starts.length / 2)]!;
}

describe("the season as it really runs, on a generated year", async () => {
  const { problem } = generateYear(smallRandomSpec(42, 24));
  const solved = (await solve(problem, { seed: 1, exactBound: false })).allocation;
  const freeze = middle(problem);
  // A vacancy on a review before the date (its Lead Reviewer's seat, which others could fill):
  // the re-plan must leave it, however many seats filling it would gain.
  const vacated = solved.assignments.find((a) => a.role === "lead" && startOf(problem, a.reviewId) < freeze)!;
  const published: Allocation = { assignments: solved.assignments.filter((a) => a !== vacated) };
  // Answers for the reviews still to come (a decline before the freeze is refused: tested below).
  const answers = drawResponses({ assignments: published.assignments.filter((a) => startOf(problem, a.reviewId) >= freeze) }, "as-of", 0.5, 0.15);
  const answered = await respond(problem, published, answers, { seed: 1, freezeBefore: freeze, exactBound: false });
  if (!answered.ok) throw new Error(JSON.stringify(answered.issues));
  const round = answered.result.allocation;

  it("respond --freeze-before changes no row of a review that starts before the date", async () => {
    expect(answered.frozen.length).toBeGreaterThan(0);
    // Without the date, the vacancy would be filled: the freeze is what keeps it.
    const open = await respond(problem, published, answers, { seed: 1, exactBound: false });
    if (!open.ok) throw new Error(JSON.stringify(open.issues));
    expect(open.result.allocation.assignments.some((a) => a.reviewId === vacated.reviewId && a.role === "lead")).toBe(true);
    expect(rowsBefore(problem, round, freeze)).toEqual(rowsBefore(problem, published, freeze));
    expect(checkAllocation(problem, round).violations).toEqual([]);
    expect(answered.notices.every((n) => n.start >= freeze)).toBe(true);
  });

  // Someone with a seat on each side of the date withdraws from the rest of the year, and a
  // person with several seats after it from one review only.
  const both = [...new Set(round.assignments.map((a) => a.personId))].find(
    (p) => round.assignments.some((a) => a.personId === p && startOf(problem, a.reviewId) < freeze) && round.assignments.some((a) => a.personId === p && startOf(problem, a.reviewId) >= freeze),
  )!;
  const later = round.assignments.filter((a) => a.personId !== both && a.status !== "confirmed" && startOf(problem, a.reviewId) >= freeze);
  const one = later.find((a) => later.filter((b) => b.personId === a.personId).length >= 2) ?? later[0]!;
  const changes = [
    { change: "withdraw" as const, id: both },
    { change: "withdraw" as const, id: one.personId, reviewId: one.reviewId },
  ];

  it("repair --freeze-before: the past stays, the withdrawals stick, and each withdrawer is told they withdrew", async () => {
    expect(both).toBeDefined();
    const outcome = await repair(problem, round, changes, { seed: 1, freezeBefore: freeze, exactBound: false, releaseStranded: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const after = outcome.result.allocation;
    expect(checkAllocation(problem, after).violations).toEqual([]);
    expect(rowsBefore(problem, after, freeze)).toEqual(rowsBefore(problem, round, freeze));
    // The rest of the year: earlier seats stay (history credits who attended), later ones are withdrawn rows.
    const mine = (a: { personId: string }) => a.personId === both;
    expect(after.assignments.filter(mine).every((a) => startOf(problem, a.reviewId) < freeze)).toBe(true);
    expect(after.assignments.filter(mine).map(key).sort()).toEqual(round.assignments.filter((a) => mine(a) && startOf(problem, a.reviewId) < freeze).map(key).sort());
    expect((after.declined ?? []).filter((d) => mine(d) && d.status === "withdrawn").map(key).sort()).toEqual(
      round.assignments.filter((a) => mine(a) && startOf(problem, a.reviewId) >= freeze).map(key).sort(),
    );
    expect(after.withdrawals).toEqual(expect.arrayContaining([expect.objectContaining({ personId: both, from: freeze })]));
    // One review only: that row goes, every other row of that person stays as it was.
    const theirs = (allocation: Allocation) => allocation.assignments.filter((a) => a.personId === one.personId).map(key).sort();
    expect(theirs(after)).toEqual(theirs(round).filter((k) => k !== key(one)));
    expect(after.declined).toContainEqual(expect.objectContaining({ reviewId: one.reviewId, personId: one.personId, status: "withdrawn" }));
    for (const person of [both, one.personId]) {
      const told = outcome.notices.filter((n) => n.recipientId === person);
      expect(told.length).toBeGreaterThan(0);
      for (const n of told) {
        expect(n.change).toBe("withdrew");
        expect(n.message).toContain("you have withdrawn from the review of");
        expect(n.message).not.toMatch(/released|although you had confirmed/);
      }
    }

    // A later step without any change puts neither back.
    const again = await respond(problem, after, [], { seed: 1, freezeBefore: freeze, exactBound: false });
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.result.allocation.assignments.some((a) => a.personId === both && startOf(problem, a.reviewId) >= freeze)).toBe(false);
    expect(again.result.allocation.assignments.some((a) => key(a) === key(one))).toBe(false);

    // Every output gives one reason per empty seat, and proposes nothing before the date nor to anyone who gave a seat up.
    const why = explain(problem, after, { freezeBefore: freeze });
    const gaveUp = new Set([...(after.declined ?? []).map((d) => `${d.personId}@${d.reviewId}`)]);
    for (const seat of why.seats) {
      const start = startOf(problem, seat.reviewId);
      if (start < freeze) {
        expect(seat.cause).toBe("frozen");
        expect(seat.remedies).toEqual([]);
      }
      for (const remedy of seat.remedies) {
        const pin = /pin (\S+) to (\S+)/.exec(remedy);
        if (pin) expect(gaveUp.has(`${pin[1]}@${pin[2]}`)).toBe(false);
        const move = /could move from (\S+)/.exec(remedy);
        if (move) expect(startOf(problem, move[1]!) >= freeze).toBe(true);
        expect(remedy).not.toContain(both);
      }
    }
    const standby = standbyList(indexYear(problem), after, { freezeBefore: freeze });
    expect(standby.every((row) => startOf(problem, row.reviewId) >= freeze && !gaveUp.has(`${row.personId}@${row.reviewId}`) && row.personId !== both)).toBe(true);
  });

  it("a decline of a review before the date is refused, naming the review and the way out", async () => {
    const past = published.assignments.find((a) => startOf(problem, a.reviewId) < freeze)!;
    const refused = await respond(problem, published, [{ reviewId: past.reviewId, personId: past.personId, response: "declined" }], { freezeBefore: freeze });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues).toEqual([expect.objectContaining({ source: "responses", index: 0, field: "response", message: expect.stringContaining(`before the freeze date ${freeze}`) })]);
    const withdrawn = await repair(problem, published, [{ change: "withdraw", id: past.personId, reviewId: past.reviewId }], { freezeBefore: freeze });
    expect(withdrawn.ok).toBe(false);
  });
});

describe("season properties", () => {
  it("for any freeze date and any answers, respond never changes a row of a review before the date (or refuses and changes nothing)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 6, max: 12 }), fc.nat(), fc.double({ min: 0, max: 0.4, noNaN: true }), async (seed, reviews, at, decline) => {
        const { problem } = generateYear(smallScarceSpec(seed, reviews));
        const solved = (await solve(problem, { seed: 1, engine: "greedy", exactBound: false })).allocation;
        const starts = [...new Set(problem.reviews.map((r) => r.start))].sort();
        const freeze = starts[at % starts.length]!;
        // Every Lead Reviewer seat before the date left open: there is always something to keep closed.
        const published: Allocation = { assignments: solved.assignments.filter((a) => !(a.role === "lead" && startOf(problem, a.reviewId) < freeze)) };
        const answers: Response[] = drawResponses(published, `p${seed}`, 0.4, decline);
        const outcome = await respond(problem, published, answers, { seed: 1, freezeBefore: freeze, exactBound: false, releaseStranded: true });
        if (!outcome.ok) {
          // Refused only for a decline before the date, each named.
          for (const issue of outcome.issues) expect(issue.message).toContain("before the freeze date");
          return;
        }
        expect(rowsBefore(problem, outcome.result.allocation, freeze)).toEqual(rowsBefore(problem, published, freeze));
        expect(checkAllocation(problem, outcome.result.allocation).valid).toBe(true);
      }),
      { numRuns: 6, seed: 24 },
    );
  });

  it("for any freeze date, a withdrawal from the rest of the year leaves the person's earlier seats and takes every later one", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 6, max: 12 }), fc.nat(), fc.nat(), async (seed, reviews, at, who) => {
        const { problem } = generateYear(smallRandomSpec(seed, reviews));
        const published = (await solve(problem, { seed: 1, engine: "greedy", exactBound: false })).allocation;
        const people = [...new Set(published.assignments.map((a) => a.personId))].sort();
        if (people.length === 0) return;
        const person = people[who % people.length]!;
        const day = parseDay([...problem.reviews.map((r) => r.start)].sort()[at % problem.reviews.length]!)!;
        const freeze = formatDay(day);
        const outcome = await repair(problem, published, [{ change: "withdraw", id: person }], { seed: 1, freezeBefore: freeze, exactBound: false, releaseStranded: true });
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
        const after = outcome.result.allocation;
        expect(rowsBefore(problem, after, freeze)).toEqual(rowsBefore(problem, published, freeze));
        expect(after.assignments.filter((a) => a.personId === person).every((a) => startOf(problem, a.reviewId) < freeze)).toBe(true);
        expect(checkAllocation(problem, after).valid).toBe(true);
      }),
      { numRuns: 6, seed: 25 },
    );
  });
});
