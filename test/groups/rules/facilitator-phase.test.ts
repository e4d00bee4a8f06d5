import { describe, it } from "vitest";
import { CLEAN, cohortWith, expectClean, expectExactly, facilitator, group } from "./fixture.js";

describe("facilitator-phase", () => {
  it("passes facilitators who list the group's phase, or list none (any phase)", () => {
    expectClean("facilitator-phase", cohortWith({ facilitators: [facilitator("F1", { phases: ["primary"] }), facilitator("F2")] }), CLEAN);
  });

  it("reports a facilitator who does not list the group's phase", () => {
    const cohort = cohortWith({ facilitators: [facilitator("F1", { phases: ["secondary"] }), facilitator("F2")] });
    expectExactly(cohort, CLEAN, "facilitator-phase", [{ rule: "facilitator-phase", groupId: "G1", facilitatorId: "F1", mentions: ["primary"] }]);
  });

  it("needs every phase of a mixed group listed", () => {
    const cohort = cohortWith({ policy: { mixedPhaseGroups: 1 }, facilitators: [facilitator("F1", { phases: ["primary"] }), facilitator("F2", { phases: ["primary", "secondary"] })] });
    const mixed = [group("G1", ["A", "B", "E"], ["F1"]), group("G2", ["C", "D", "F"], ["F2"])];
    expectExactly(cohort, mixed, "facilitator-phase", [{ rule: "facilitator-phase", groupId: "G1", facilitatorId: "F1", mentions: ["secondary"] }]);
  });
});
