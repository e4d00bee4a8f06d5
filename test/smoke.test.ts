import { describe, expect, it } from "vitest";
import { checkAllocation } from "../src/check.js";
import { solve } from "../src/solver/index.js";
import { lead, problem, review, reviewer, school } from "./helpers/build.js";

describe("solve on a hand-made year", () => {
  it("fills both teams of a two-school swap and the checker agrees", async () => {
    const year = problem({
      schools: [school("A"), school("B")],
      reviewers: [reviewer("PA1", "A"), reviewer("PA2", "A", { level: "reviewer" }), reviewer("PB1", "B"), reviewer("PB2", "B", { level: "trainee" })],
      leads: [lead("L1")],
      reviews: [review("RA", "A", "2024-03-04"), review("RB", "B", "2024-03-11")],
    });
    const result = await solve(year, { seed: 1, engine: "greedy" });
    const check = checkAllocation(year, result.allocation);
    expect(check.violations).toEqual([]);
    expect(check.metrics.filled.total).toBe(6);
    expect(check.metrics.fullTeams).toBe(2);
    expect(check.metrics.reciprocity.inBalance).toBe(2);
  });
});
