/**
 * The analyses of the empty seats give way to a run's time limit (`shouldStop`): on a year of
 * 20,000 reviews and 50,000 reviewers explaining every seat, measuring the shortage sheet and
 * listing standbys each took minutes. What is not done is said, never passed off as done.
 */
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { indexYear } from "../../src/model/year.js";
import { shortageSheet } from "../../src/plan/shortage.js";
import { standbyList } from "../../src/plan/standby.js";
import { solve } from "../../src/solver/index.js";
import { fixtureYear } from "../helpers/years.js";

describe("a time limit reached before the analyses of the empty seats", () => {
  it("explain: the seats of reviews after the stop are `unexplained` (the ones before as without it), with no certificate", async () => {
    const problem = fixtureYear("small-tight");
    const { allocation, year } = await solve(problem, { seed: 1, engine: "greedy", exactBound: false });
    const full = explain(year, allocation);
    let asked = 0;
    const half = Math.floor(year.reviews.length / 2);
    const cut = explain(year, allocation, { shouldStop: () => ++asked > half });
    expect(cut.seats.map((s) => [s.reviewId, s.role, s.missing])).toEqual(full.seats.map((s) => [s.reviewId, s.role, s.missing]));
    const before = new Set(year.reviews.slice(0, half).map((r) => r.id));
    cut.seats.forEach((seat, i) => {
      if (before.has(seat.reviewId)) expect(seat).toEqual(full.seats[i]);
      else expect(seat).toMatchObject({ cause: "unexplained", remedies: [], funnel: [] });
    });
    expect(cut.seats.some((s) => s.cause === "unexplained")).toBe(true);
    expect(cut.certificates).toEqual([]);
    // Stopped while the certificates are sought: those found before are kept, in order.
    let questions = 0;
    explain(year, allocation, { shouldStop: () => (questions++, false) });
    let late = 0;
    const lastOnly = explain(year, allocation, { shouldStop: () => ++late > questions - 1 });
    expect(full.certificates.slice(0, lastOnly.certificates.length)).toEqual(lastOnly.certificates);
    expect(lastOnly.certificates.length).toBeLessThan(full.certificates.length);
    expect(lastOnly.seats).toEqual(full.seats);
    expect(full.seats.some((s) => s.cause === "unexplained")).toBe(false);
    // The count of empty seats is the checker's either way.
    expect(cut.seats.reduce((n, s) => n + s.missing, 0)).toBe(checkAllocation(year, allocation).unfilled.reduce((n, u) => n + u.missing, 0));
  });

  it("the shortage sheet is `skipped`, with the empty seats still counted; the standby lists stop at the review where the limit came", async () => {
    const problem = fixtureYear("small-tight");
    const { allocation, year, bound } = await solve(problem, { seed: 1, engine: "greedy", exactBound: false });
    const full = await shortageSheet(year, allocation, { bound });
    const skipped = await shortageSheet(year, allocation, { bound, shouldStop: () => true });
    expect(full.skipped).toBeUndefined();
    expect(full.rows.length).toBeGreaterThan(0);
    expect(skipped).toMatchObject({ skipped: true, rows: [], empty: full.empty });
    // A limit that comes while the lines are measured: every line or none, never half a sheet.
    let calls = 0;
    await shortageSheet(year, allocation, { bound, shouldStop: () => (calls++, false) });
    expect(calls).toBeGreaterThan(3);
    for (const after of [1, 2, Math.floor(calls / 2), calls - 1]) {
      let asked = 0;
      const cut = await shortageSheet(year, allocation, { bound, shouldStop: () => ++asked > after });
      expect(cut, `stopped after ${after} of ${calls} questions`).toMatchObject({ skipped: true, rows: [], empty: full.empty });
    }
    let never = 0;
    expect(await shortageSheet(year, allocation, { bound, shouldStop: () => ++never > calls })).toEqual(full);
    const all = standbyList(indexYear(problem), allocation);
    let asked = 0;
    const some = standbyList(indexYear(problem), allocation, { shouldStop: () => ++asked > 10 });
    const first = new Set(year.reviews.slice(0, 10).map((r) => r.id));
    expect(some).toEqual(all.filter((row) => first.has(row.reviewId)));
    expect(some.length).toBeLessThan(all.length);
  });
});
