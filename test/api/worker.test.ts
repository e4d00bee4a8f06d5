/**
 * `solveInWorker` (issue 19 item 4): the same result as `solve` for a seed, the problem checked
 * as `solve` checks it, and an abort always answered, either with the worker's best allocation
 * (valid) or by rejecting with the signal's reason. How soon is measured in `npm run bench:cancel`.
 */
import { describe, expect, it } from "vitest";
import { checkAllocation, InvalidInputError, readYearFolder, solve, solveInWorker } from "qar-allocator/node";
import type { Problem } from "../../src/model/problem.js";

const TINY = new URL("../../fixtures/years/tiny", import.meta.url).pathname;
const SMALL_TIGHT = new URL("../../fixtures/years/small-tight", import.meta.url).pathname;
const read = (folder: string): Problem => {
  const year = readYearFolder(folder);
  if (!year.ok) throw new Error(`${folder} must read`);
  return year.value;
};

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

  it("answers an abort: the best allocation so far (valid, stopped by the abort) or the signal's reason", async () => {
    const problem = read(SMALL_TIGHT);
    for (const afterMs of [0, 800]) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), afterMs);
      const outcome = await solveInWorker(problem, { seed: 1, signal: controller.signal, graceMs: 5_000 }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if ("result" in outcome) {
        expect(outcome.result.stoppedBy).toBe("aborted");
        expect(checkAllocation(problem, outcome.result.allocation).valid).toBe(true);
      } else {
        expect(outcome.error).toBe(controller.signal.reason);
      }
    }
  });

  it("a signal aborted before the call rejects at once with its reason, starting no worker", async () => {
    const controller = new AbortController();
    controller.abort(new Error("client went away"));
    await expect(solveInWorker(read(TINY), { signal: controller.signal })).rejects.toThrow("client went away");
  });
});
