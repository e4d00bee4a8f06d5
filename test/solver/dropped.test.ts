import { afterEach, describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { summaryTable } from "../../src/io/terminal.js";
import { solveOutputs } from "../../src/io/write-outputs.js";
import { ALLOCATION_RULES } from "../../src/rules/index.js";
import { findCandidates } from "../../src/solver/candidates.js";
import type { Engine } from "../../src/solver/engine.js";
import { ENGINES, solve, type EngineName } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

// A faulty engine, to see what `solve` does with rows that break rules: it seats every candidate
// on every review it may sit on (no capacity, overlap or team size) and claims a proof.
const allPairs: Engine = {
  name: "all-pairs",
  summary: "test only: every candidate pair, claimed optimal",
  run: async ({ candidates }) => ({
    allocation: { assignments: [...candidates.byPerson.values()].flat().map((c) => ({ reviewId: c.review.id, role: c.role, personId: c.person.id })) },
    stoppedBy: "proven-optimal",
    provenOptimal: true,
    iterations: 1,
  }),
};

const engines = ENGINES as Record<string, Engine>;
afterEach(() => {
  delete engines["all-pairs"];
});

describe("solve with an engine at fault", () => {
  it("returns a valid allocation, lists every dropped row with its rule and reason, and claims no proof", async () => {
    engines["all-pairs"] = allPairs;
    const problem = randomYear(4, { reviews: 10 });
    const result = await solve(problem, { engine: "all-pairs" as EngineName, seed: 1, exactBound: false });
    expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
    expect(result.dropped.length).toBeGreaterThan(0);
    const kept = new Set(result.allocation.assignments.map((a) => `${a.reviewId}/${a.role}/${a.personId}`));
    for (const d of result.dropped) {
      expect(kept.has(`${d.assignment.reviewId}/${d.assignment.role}/${d.assignment.personId}`)).toBe(false);
      expect(d.reason.length).toBeGreaterThan(0);
    }
    // The candidate pairs pass every pair rule: what breaks is a person's programme or a team.
    const allocationRules = new Set(ALLOCATION_RULES.map((rule) => rule.id));
    for (const d of result.dropped) expect(allocationRules).toContain(d.rule);
    expect(result.dropped.some((d) => d.rule === "capacity" || d.rule === "overlap")).toBe(true);
    // Every row either stayed or was dropped: nothing vanishes unreported.
    const pairs = [...findCandidates(result.year).byPerson.values()].flat().length;
    expect(result.allocation.assignments.length + result.dropped.length).toBe(pairs);
    expect(result.status).toBe("feasible");
    expect(result.stoppedBy).toBe("complete");
  });

  it("says so in summary.json and on the terminal", async () => {
    engines["all-pairs"] = allPairs;
    const result = await solve(randomYear(5, { reviews: 6 }), { engine: "all-pairs" as EngineName, seed: 1, exactBound: false });
    const summary = JSON.parse(solveOutputs(result, explain(result.year, result.allocation))["summary.json"]!);
    expect(summary.dropped).toHaveLength(result.dropped.length);
    expect(summary.dropped[0]).toEqual({ assignment: expect.objectContaining({ reviewId: expect.any(String) }), rule: expect.any(String), reason: expect.any(String) });
    expect(summary.solver.status).toBe("feasible");
    const terminal = summaryTable(result.check, result);
    expect(terminal).toContain(`dropped: ${result.dropped.length} rows of the all-pairs engine's allocation broke a rule`);
    const first = result.dropped[0]!;
    expect(terminal).toContain(`  dropped: ${first.assignment.reviewId} ${first.assignment.role} ${first.assignment.personId}: ${first.rule}: `);
  });

  it("reports nothing dropped for a sound engine, in the result, summary.json and on the terminal", async () => {
    const result = await solve(randomYear(5, { reviews: 6 }), { engine: "greedy", seed: 1, exactBound: false });
    expect(result.dropped).toEqual([]);
    expect(JSON.parse(solveOutputs(result, explain(result.year, result.allocation))["summary.json"]!).dropped).toEqual([]);
    expect(summaryTable(result.check, result)).not.toContain("dropped");
  });
});
