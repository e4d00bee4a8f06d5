/**
 * `solveInWorker` (issue 19 item 4, issue 26 item 4): the same result as `solve` for a seed, the
 * problem checked as `solve` checks it, and an abort answered within 200 ms with the best
 * allocation the worker had reported (valid by the checker), with the default options. Measured
 * over more instants and engines in `npm run bench:cancel`.
 */
import { describe, expect, it } from "vitest";
import { checkAllocation, InvalidInputError, solve, solveInWorker } from "qar-allocator/node";
import { generateYear, smallScarceSpec } from "../../fixtures/generator.js";
import { loadFactor } from "../helpers/load.js";
import { fixtureYear } from "../helpers/years.js";

const read = fixtureYear;
const TINY = "tiny";

describe("solveInWorker", () => {
  it("gives the allocation solve gives for the same seed, checked valid, with the year indexed", async () => {
    const problem = read(TINY);
    const progress: string[] = [];
    const inWorker = await solveInWorker(problem, { seed: 3, onProgress: (p) => progress.push(p.phase) });
    const here = await solve(problem, { seed: 3 });
    expect(checkAllocation(problem, inWorker.allocation).valid).toBe(true);
    expect(inWorker.allocation).toEqual(here.allocation);
    expect(inWorker.check.metrics).toEqual(here.check.metrics);
    expect(inWorker.year.reviews.map((r) => r.id)).toEqual(here.year.reviews.map((r) => r.id));
    expect(progress).toContain("candidates");
  });

  it("refuses an invalid problem with the errors solve gives", async () => {
    const problem = read(TINY);
    const broken = { ...problem, reviews: problem.reviews.map((r, i) => (i === 0 ? { ...r, schoolId: "S-NOWHERE" } : r)) };
    const error = await solveInWorker(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const direct = await solve(broken).catch((e: unknown) => e);
    expect((error as InvalidInputError).errors).toEqual((direct as InvalidInputError).errors);
  });

  it("answers an abort within 200 ms with the best allocation so far, valid by the checker, whenever one exists (the default graceMs)", { timeout: 120_000 }, async () => {
    // 70 reviews: every phase of the default engine runs, in a few seconds.
    const { problem } = generateYear(smallScarceSpec(1, 70));
    // Abort points: as the first allocation is reported, as the search starts (the whole-year goals MIP follows), inside the goal bounds.
    const when: readonly ((p: { phase: string }, sinceFirst: number) => boolean)[] = [
      (_p, since) => since >= 0,
      (p) => p.phase === "search",
      (p) => p.phase === "goal bounds",
    ];
    for (const [i, due] of when.entries()) {
      const controller = new AbortController();
      let first: number | undefined;
      let abortedAt: number | undefined;
      const result = await solveInWorker(problem, {
        seed: 1,
        signal: controller.signal,
        onIncumbent: () => {
          first ??= performance.now();
          if (i === 0 && abortedAt === undefined) {
            abortedAt = performance.now();
            controller.abort();
          }
        },
        onProgress: (p) => {
          if (i === 0 || abortedAt !== undefined || first === undefined || !due(p, performance.now() - first)) return;
          abortedAt = performance.now();
          controller.abort();
        },
      });
      const latency = performance.now() - abortedAt!;
      expect(abortedAt, `abort point ${i} was reached`).toBeDefined();
      expect(result.stoppedBy, `abort point ${i}`).toBe("aborted");
      expect(checkAllocation(problem, result.allocation).valid).toBe(true);
      expect(result.check.metrics.filled.total).toBeGreaterThan(0);
      // 200 ms, and a margin of 100 ms for the test machine (timers fire late on a busy one: more there).
      expect(latency, `abort point ${i}: answered after ${latency.toFixed(0)} ms`).toBeLessThan(200 + 100 * loadFactor());
    }
  });

  it("a signal aborted before the call rejects at once with its reason, starting no worker", async () => {
    const controller = new AbortController();
    controller.abort(new Error("client went away"));
    await expect(solveInWorker(read(TINY), { signal: controller.signal })).rejects.toThrow("client went away");
  });
});
