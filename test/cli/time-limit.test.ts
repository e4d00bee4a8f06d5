/**
 * `--time-limit` covers the whole run (issue 29 item 9): the solver gets what is left of the
 * limit after reading, less the share kept for explaining and writing the outputs.
 */
import { describe, expect, it } from "vitest";
import { outputReserveMs, timeLimit } from "../../src/cli/shared.js";
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
