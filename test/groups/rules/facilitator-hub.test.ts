import { describe, it } from "vitest";
import { CLEAN, cohortWith, expectClean, expectExactly, facilitator, group, school } from "./fixture.js";

describe("facilitator-hub", () => {
  it("passes facilitators from other hubs", () => {
    expectClean("facilitator-hub", cohortWith(), CLEAN);
  });

  it("reports a facilitator whose row names a group school's hub", () => {
    const cohort = cohortWith({ facilitators: [facilitator("F1", { hub: "hc" })] });
    expectExactly(cohort, [group("G1", ["A", "B", "C"], ["F1"])], "facilitator-hub", [{ rule: "facilitator-hub", groupId: "G1", schoolId: "C", facilitatorId: "F1", mentions: ["HC"] }]);
  });

  it("reports a facilitator whose own school is in a group school's hub, though their row leaves the hub blank", () => {
    const cohort = cohortWith({ schools: [school("Z", { hub: "HA" })], facilitators: [facilitator("F1", { schoolId: "Z" })] });
    expectExactly(cohort, [group("G1", ["A", "B", "C"], ["F1"])], "facilitator-hub", [{ rule: "facilitator-hub", groupId: "G1", schoolId: "A", facilitatorId: "F1" }]);
  });

  it("treats blank hubs as none", () => {
    const cohort = cohortWith({ schools: [school("A", { hub: "" })], facilitators: [facilitator("F1", { hub: "" })] });
    expectClean("facilitator-hub", cohort, [group("G1", ["A", "B", "C"], ["F1"])]);
  });
});
