import { describe, expect, it } from "vitest";
import { sameHub } from "../../../src/groups/rules/same-hub.js";
import { CLEAN, cohortWith, expectClean, expectExactly, group, school } from "./fixture.js";

describe("same-hub", () => {
  it("passes groups of schools from different hubs", () => {
    expectClean("same-hub", cohortWith(), CLEAN);
  });

  it("reports two schools of a group sharing a hub, naming both and the hub", () => {
    const cohort = cohortWith({ schools: [school("B", { hub: "Camden" }), school("D", { hub: " camden " })] });
    expectExactly(cohort, CLEAN, "same-hub", [{ rule: "same-hub", groupId: "G1", schoolId: "D", mentions: ["B", "D", "Camden"] }]);
  });

  it("treats blank hubs as none: two schools without a hub may meet", () => {
    const cohort = cohortWith({ schools: [school("A", { hub: "" }), school("B", { hub: undefined }), school("C", { hub: "  " })] });
    expectClean("same-hub", cohort, CLEAN);
  });

  it("lets schools of one hub be in different groups, and lets the engine join only schools of different hubs", () => {
    const cohort = cohortWith({ schools: [school("A", { hub: "X" }), school("E", { hub: "X" })] });
    expectClean("same-hub", cohort, [group("G1", ["A", "B", "C"]), group("G2", ["E", "F", "G"])]);
    expect(sameHub.allows(school("A", { hub: "X" }), school("E", { hub: "x" }))).toBe(false);
  });
});
