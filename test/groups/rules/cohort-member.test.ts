import { describe, it } from "vitest";
import { CLEAN, cohortWith, expectClean, expectExactly, group } from "./fixture.js";

describe("cohort-member", () => {
  it("passes groups of the programme's own schools and known facilitators", () => {
    expectClean("cohort-member", cohortWith(), CLEAN);
  });

  it("reports a school outside the programme's cohort, an unknown school and an unknown facilitator", () => {
    expectExactly(cohortWith(), [group("G1", ["A", "B", "Z", "Q"], ["F9"])], "cohort-member", [
      { rule: "cohort-member", groupId: "G1", schoolId: "Z", mentions: ["not in the cohort of P"] },
      { rule: "cohort-member", groupId: "G1", schoolId: "Q", mentions: ["not a school of schools.csv"] },
      { rule: "cohort-member", groupId: "G1", facilitatorId: "F9", mentions: ["facilitators.csv"] },
    ]);
  });

  it("reports a school of another programme placed in this one", () => {
    const cohort = { ...cohortWith(), members: cohortWith().members.map((m) => (m.schoolId === "D" ? { ...m, programme: "Q" } : m)) };
    expectExactly(cohort, CLEAN, "cohort-member", [{ rule: "cohort-member", groupId: "G1", schoolId: "D" }]);
  });
});
