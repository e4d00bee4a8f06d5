import { describe, expect, it } from "vitest";
import { generateYear, smallScarceSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import type { Problem } from "../../src/model/problem.js";
import type { Progress } from "../../src/solver/engine.js";
import { solve } from "../../src/solver/index.js";

/** A small year swamped by `extra` reviewers available all year: set-up is most of the work. */
function swamped(extra: number): Problem {
  const { problem } = generateYear(smallScarceSpec(5, 12));
  const reviewers = [...problem.reviewers];
  for (let i = 0; i < extra; i += 1) {
    const school = problem.schools[i % problem.schools.length]!;
    reviewers.push({ id: `X${i}`, name: `Extra ${i}`, schoolId: school.id, level: i % 3 === 0 ? "advanced" : "reviewer", phases: [], available: [{ from: "2020-01-01", to: "2030-12-31" }], conflicts: [], prefers: [], maxReviews: 2 });
  }
  return { ...problem, reviewers };
}

describe("limits", () => {
  it("a time limit that runs out during set-up stops the run there: a valid allocation, stopped by the time limit, progress reported from the first phase", async () => {
    const problem = swamped(3_000);
    const phases: Progress[] = [];
    const result = await solve(problem, { seed: 1, timeLimitMs: 1, onProgress: (p) => phases.push(p) });
    expect(result.stoppedBy).toBe("time-limit");
    const check = checkAllocation(problem, result.allocation);
    expect(check.valid).toBe(true);
    expect(check.metrics.filled.total).toBeLessThanOrEqual(result.bound.filledSeats);
    expect(phases.map((p) => p.phase).slice(0, 3)).toEqual(["index", "candidates", "bound"]);
  });

  it("a signal aborted before the run returns at once, valid and marked aborted", async () => {
    const problem = swamped(500);
    const controller = new AbortController();
    controller.abort();
    const result = await solve(problem, { seed: 1, signal: controller.signal });
    expect(result.stoppedBy).toBe("aborted");
    expect(checkAllocation(problem, result.allocation).valid).toBe(true);
  });
});
