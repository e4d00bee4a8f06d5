/**
 * `--time-limit` covers the whole run (issue 29 item 9): the solver gets what is left of the
 * limit after reading, less the share kept for writing the outputs, and never less than what its
 * first allocation needs (the baseline).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { baselineMs, outputReserveMs, timeLimit } from "../../src/cli/shared.js";
import { formatDay, parseDay } from "../../src/model/dates.js";
import { problem, reviewer, review, school, lead } from "../helpers/build.js";

describe("the time limit covers writing the outputs", () => {
  it("the solver gets the limit less what reading took and the outputs' reserve; a tenth of what is left at least", () => {
    const started = performance.now();
    const plain = timeLimit({ timeLimit: 10 }, started).timeLimitMs!;
    expect(plain).toBeGreaterThan(9_900);
    expect(plain).toBeLessThanOrEqual(10_000);
    const reserved = timeLimit({ timeLimit: 10 }, started, 4_000).timeLimitMs!;
    expect(reserved).toBeGreaterThan(5_900);
    expect(reserved).toBeLessThanOrEqual(6_000);
    const overrun = timeLimit({ timeLimit: 10 }, started, 60_000).timeLimitMs!;
    expect(overrun).toBeGreaterThan(990);
    expect(overrun).toBeLessThanOrEqual(1_000);
    expect(timeLimit({}, started, 60_000)).toEqual({});
    // The solver keeps what its first allocation needs, within what is left.
    const baseline = timeLimit({ timeLimit: 10 }, started, 60_000, 3_000).timeLimitMs!;
    expect(baseline).toBeGreaterThan(2_990);
    expect(baseline).toBeLessThanOrEqual(3_000);
    expect(timeLimit({ timeLimit: 10 }, started, 60_000, 30_000).timeLimitMs!).toBeLessThanOrEqual(10_000);
  });

  it("the baseline counts the (person, review) pairs whose review starts inside one of the person's available ranges, as a direct count does", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((d) => formatDay(parseDay("2024-02-05")! + d));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 12 }), fc.array(fc.array(fc.tuple(day, day), { maxLength: 3 }), { maxLength: 6 }), (starts, ranges) => {
        const people = ranges.map((available, i) => reviewer(`P${i}`, "S1", { available: available.map(([from, to]) => ({ from, to })) }));
        const year = problem({ schools: [school("S1")], reviewers: people, leads: [], reviews: starts.map((start, i) => review(`R${i}`, "S1", start)) });
        let pairs = 0;
        for (const person of people) for (const range of person.available) pairs += starts.filter((start) => range.from <= range.to && start >= range.from && start <= range.to).length;
        expect(baselineMs(year, { wallMs: 0, cpuMs: 0 })).toBeCloseTo(300 + pairs / 1000);
      }),
      { seed: 29, numRuns: 200 },
    );
  });

  it("the reserve grows with the people, the reviews and how busy the machine was while reading", () => {
    const year = (people: number, reviews: number) =>
      problem({
        schools: [school("S1")],
        reviewers: Array.from({ length: people }, (_, i) => reviewer(`P${i}`, "S1")),
        leads: [lead("L1")],
        reviews: Array.from({ length: reviews }, (_, i) => review(`R${i}`, "S1", "2024-02-05")),
      });
    const idle = { wallMs: 100, cpuMs: 100 };
    expect(outputReserveMs(year(1000, 400), idle)).toBeGreaterThan(outputReserveMs(year(100, 400), idle));
    expect(outputReserveMs(year(1000, 400), idle)).toBeGreaterThan(outputReserveMs(year(1000, 40), idle));
    expect(outputReserveMs(year(1000, 400), { wallMs: 300, cpuMs: 100 })).toBeCloseTo(3 * outputReserveMs(year(1000, 400), idle));
    // Too short a set-up to tell: taken as idle; never more than eight times slower.
    expect(outputReserveMs(year(1000, 400), { wallMs: 50, cpuMs: 5 })).toBe(outputReserveMs(year(1000, 400), idle));
    expect(outputReserveMs(year(1000, 400), { wallMs: 10_000, cpuMs: 100 })).toBeCloseTo(8 * outputReserveMs(year(1000, 400), idle));
  });
});
