import { describe, it } from "vitest";
import { CLEAN, cohortWith, expectClean, expectExactly, group } from "./fixture.js";

describe("one-facilitator", () => {
  it("passes groups with one facilitator or none", () => {
    expectClean("one-facilitator", cohortWith(), CLEAN);
    expectClean("one-facilitator", cohortWith(), [group("G1", ["A", "B", "C"])]);
  });

  it("reports a group with two facilitators", () => {
    expectExactly(cohortWith(), [group("G1", ["A", "B", "C"], ["F1", "F2"])], "one-facilitator", [{ rule: "one-facilitator", groupId: "G1", mentions: ["F1", "F2"] }]);
  });
});
