import { describe, it } from "vitest";
import { cohortWith, expectClean, expectExactly, facilitator, group } from "./fixture.js";

const groups = [group("G1", ["A", "B", "C"], ["F1"]), group("G2", ["E", "F", "G"], ["F1"])];

describe("facilitator-capacity", () => {
  it("passes a facilitator within max_groups, and the policy's default when it is blank", () => {
    expectClean("facilitator-capacity", cohortWith({ facilitators: [facilitator("F1", { maxGroups: 2 })] }), groups);
    expectClean("facilitator-capacity", cohortWith({ facilitators: [facilitator("F1")], policy: { defaultMaxGroups: 2 } }), groups);
  });

  it("reports a facilitator over max_groups, naming their groups", () => {
    expectExactly(cohortWith({ facilitators: [facilitator("F1", { maxGroups: 1 })] }), groups, "facilitator-capacity", [{ rule: "facilitator-capacity", groupId: "G2", facilitatorId: "F1", mentions: ["P/G1", "P/G2", "at most 1"] }]);
  });

  it("counts groups over every programme", () => {
    const cohort = cohortWith({ programmes: ["P", "Q"], facilitators: [facilitator("F1", { maxGroups: 1 })] });
    expectExactly(cohort, [group("G1", ["A", "B", "C"], ["F1"]), group("G1", ["A", "B", "C"], ["F1"], "Q")], "facilitator-capacity", [{ rule: "facilitator-capacity", groupId: "G1", facilitatorId: "F1" }]);
  });
});
