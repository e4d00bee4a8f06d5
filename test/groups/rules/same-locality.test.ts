import { describe, expect, it } from "vitest";
import { sameLocality } from "../../../src/groups/rules/same-locality.js";
import { CLEAN, cohortWith, expectClean, expectExactly, school } from "./fixture.js";

describe("same-locality", () => {
  it("passes groups of schools from different localities", () => {
    expectClean("same-locality", cohortWith(), CLEAN);
  });

  it("reports two schools sharing a locality even when their hubs differ (three hubs can sit in one borough)", () => {
    const cohort = cohortWith({ schools: [school("E", { locality: "Bromley" }), school("H", { locality: "Bromley" })] });
    expectExactly(cohort, CLEAN, "same-locality", [{ rule: "same-locality", groupId: "G2", schoolId: "H", mentions: ["E", "H", "Bromley"] }]);
  });

  it("treats a blank locality as none", () => {
    expect(sameLocality.allows(school("A", { locality: "" }), school("B", { locality: "" }))).toBe(true);
    expectClean("same-locality", cohortWith({ schools: [school("A", { locality: undefined }), school("B", { locality: undefined })] }), CLEAN);
  });
});
