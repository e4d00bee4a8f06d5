import { describe, expect, it } from "vitest";
import { generateYear, smallMixedSpec } from "../../fixtures/generator.js";
import { checkAllocation, totalDeviation } from "../../src/check.js";
import { readYearFolder } from "../../src/io/files.js";
import { formatDay, parseDay } from "../../src/model/dates.js";
import type { Problem } from "../../src/model/problem.js";
import { repair } from "../../src/repair.js";
import { solve } from "../../src/solver/index.js";
import { kindBreaches, onlyKinds, seatsByKind } from "../helpers/kinds-check.js";

// Mixed years (QAR + TPR + MLQAR) as the generator makes them: the people of each kind are
// pools of their own, so each kind's best fill does not depend on the others'.

const mixedYear = (seed: number, reviews = 16): Problem => generateYear(smallMixedSpec(seed, reviews)).problem;
const kindsIn = (problem: Problem) => new Set(problem.reviews.map((r) => r.kind ?? "qar"));

describe("mixed years (QAR, TPR, MLQAR)", () => {
  it("the small mixed years hold all three kinds", () => {
    for (const seed of [1, 2, 3]) expect([...kindsIn(mixedYear(seed))].sort()).toEqual(["mlqar", "qar", "tpr"]);
  });

  it.each(["greedy", "mip", "self-selection"] as const)("engine %s: the allocation passes the checker and the independent check of each kind's rules", async (engine) => {
    for (const seed of engine === "mip" ? [1, 2] : [1, 2, 3]) {
      const problem = mixedYear(seed);
      const result = await solve(problem, { engine, seed, exactBound: false });
      expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
      expect(kindBreaches(problem, result.allocation)).toEqual([]);
    }
  });

  it("engine lns (flows that relax the caps, then the search): valid, and within its bounds", async () => {
    const problem = mixedYear(4, 18);
    const result = await solve(problem, { engine: "lns", seed: 4 });
    const check = checkAllocation(problem, result.allocation);
    expect(check.violations).toEqual([]);
    expect(kindBreaches(problem, result.allocation)).toEqual([]);
    expect(check.metrics.filled.total).toBeLessThanOrEqual(result.bound.filledSeats);
    // The reciprocity bound is over every account: the schools and the trusts.
    expect(totalDeviation(check.metrics)).toBeGreaterThanOrEqual(result.bound.reciprocityDeviation);
  });

  it("every TPR seat is filled where the data allows it: as many as the exact optimum of the TPRs alone", async () => {
    for (const seed of [1, 2, 3, 5]) {
      const problem = mixedYear(seed);
      const mixed = await solve(problem, { seed });
      const alone = await solve(onlyKinds(problem, ["tpr"]), { seed, engine: "mip" });
      expect(alone.proven).toBe(true);
      expect(checkAllocation(onlyKinds(problem, ["tpr"]), alone.allocation).valid).toBe(true);
      expect(seatsByKind(problem, mixed.allocation).get("tpr") ?? 0).toBe(seatsByKind(problem, alone.allocation).get("tpr") ?? 0);
    }
  });

  it("QAR results are no worse than solving the QAR reviews alone", async () => {
    for (const seed of [1, 2, 3, 5]) {
      const problem = mixedYear(seed);
      const mixed = await solve(problem, { seed });
      const qarOnly = onlyKinds(problem, ["qar"]);
      const alone = await solve(qarOnly, { seed });
      expect(checkAllocation(qarOnly, alone.allocation).valid).toBe(true);
      expect(seatsByKind(problem, mixed.allocation).get("qar") ?? 0).toBeGreaterThanOrEqual(seatsByKind(qarOnly, alone.allocation).get("qar") ?? 0);
    }
  });

  it("the bench's mixed year reads cleanly: 8 TPRs, 10 MLQARs in 8 hubs, and QARs", () => {
    const year = readYearFolder(new URL("../../fixtures/years/mixed", import.meta.url).pathname);
    if (!year.ok) throw new Error(JSON.stringify(year.errors.slice(0, 3)));
    const count = (kind: string) => year.value.reviews.filter((r) => (r.kind ?? "qar") === kind).length;
    expect([count("tpr"), count("mlqar")]).toEqual([8, 10]);
    expect(count("qar")).toBeGreaterThan(100);
    const schools = new Map(year.value.schools.map((s) => [s.id, s]));
    expect(new Set(year.value.reviews.filter((r) => r.kind === "mlqar").map((r) => schools.get(r.schoolId!)!.hub)).size).toBe(8);
  });
});

describe("repair in a mixed year", () => {
  it("after a TPR reviewer withdraws and a TPR moves, the repaired allocation passes the checker and each kind's check", async () => {
    const problem = mixedYear(2, 10);
    const published = (await solve(problem, { seed: 1, exactBound: false })).allocation;
    const tprs = new Set(problem.reviews.filter((r) => r.kind === "tpr").map((r) => r.id));
    const leaver = published.assignments.find((a) => a.role === "peer" && tprs.has(a.reviewId))!;
    const moved = problem.reviews.find((r) => r.kind === "tpr" && r.id !== leaver.reviewId) ?? problem.reviews.find((r) => r.kind === "mlqar")!;
    const outcome = await repair(problem, published, [{ change: "withdraw", id: leaver.personId }, { change: "move", id: moved.id, start: formatDay(parseDay(moved.start)! + 7) }], { seed: 1, exactBound: false });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    expect(checkAllocation(outcome.problem, outcome.result.allocation).violations).toEqual([]);
    expect(kindBreaches(outcome.problem, outcome.result.allocation)).toEqual([]);
    expect(outcome.result.allocation.assignments.some((a) => a.personId === leaver.personId)).toBe(false);
    // Only the seats the change touched move: every other seat of the published allocation stays.
    const kept = outcome.result.allocation.assignments.filter((a) => published.assignments.some((b) => b.reviewId === a.reviewId && b.personId === a.personId)).length;
    expect(kept).toBeGreaterThanOrEqual(published.assignments.length - 3);
  });
});
