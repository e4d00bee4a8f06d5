import { describe, it } from "vitest";
import { CLEAN, cohortWith, expectClean, expectExactly, facilitator, group } from "./fixture.js";

describe("facilitator-own-school", () => {
  it("passes facilitators from schools outside their groups, or from no school", () => {
    expectClean("facilitator-own-school", cohortWith(), CLEAN);
  });

  it("reports a facilitator leading the group of their own school", () => {
    const cohort = cohortWith({ facilitators: [facilitator("F1", { schoolId: "B" })] });
    expectExactly(cohort, [group("G1", ["A", "B", "C"], ["F1"])], "facilitator-own-school", [{ rule: "facilitator-own-school", groupId: "G1", schoolId: "B", facilitatorId: "F1", mentions: ["B"] }]);
  });

  it("lets a facilitator from a cohort school lead another group", () => {
    const cohort = cohortWith({ facilitators: [facilitator("F1", { schoolId: "E" })] });
    expectClean("facilitator-own-school", cohort, [group("G1", ["A", "B", "C"], ["F1"])]);
  });
});
