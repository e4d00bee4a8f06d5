import { describe, it } from "vitest";
import { CLEAN, cohortWith, expectClean, expectExactly, facilitator, group, school } from "./fixture.js";

describe("facilitator-trust", () => {
  it("passes facilitators from other trusts or none", () => {
    expectClean("facilitator-trust", cohortWith({ schools: [school("A", { trust: "T1" })] }), CLEAN);
  });

  it("reports a facilitator of a group school's trust, from their row or their school", () => {
    const cohort = cohortWith({ schools: [school("A", { trust: "T1" }), school("E", { trust: "TZ" })], facilitators: [facilitator("F1", { trust: "T1" }), facilitator("F2", { schoolId: "Z" })] });
    expectExactly(cohort, CLEAN, "facilitator-trust", [
      { rule: "facilitator-trust", groupId: "G1", schoolId: "A", facilitatorId: "F1", mentions: ["T1"] },
      { rule: "facilitator-trust", groupId: "G2", schoolId: "E", facilitatorId: "F2", mentions: ["TZ"] },
    ]);
  });
});
