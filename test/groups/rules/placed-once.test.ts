import { describe, it } from "vitest";
import { CLEAN, cohortWith, expectClean, expectExactly, group } from "./fixture.js";

describe("placed-once", () => {
  it("passes a grouping that places each school once", () => {
    expectClean("placed-once", cohortWith(), CLEAN);
  });

  it("reports a school in two groups of one programme, naming the first group", () => {
    expectExactly(cohortWith(), [group("G1", ["A", "B", "C"]), group("G2", ["D", "A", "E"])], "placed-once", [{ rule: "placed-once", groupId: "G2", schoolId: "A", mentions: ["P/G1"] }]);
  });

  it("lets a school be in one group of each of two programmes", () => {
    const cohort = cohortWith({ programmes: ["P", "Q"] });
    expectClean("placed-once", cohort, [group("G1", ["A", "B", "C"]), group("G1", ["A", "B", "C"], [], "Q")]);
  });
});
