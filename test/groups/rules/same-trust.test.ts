import { describe, expect, it } from "vitest";
import { sameTrust } from "../../../src/groups/rules/same-trust.js";
import { CLEAN, cohortWith, expectClean, expectExactly, school } from "./fixture.js";

describe("same-trust", () => {
  it("passes groups whose schools belong to different trusts or none", () => {
    expectClean("same-trust", cohortWith({ schools: [school("A", { trust: "T1" }), school("B", { trust: "T2" })] }), CLEAN);
  });

  it("reports two schools of one trust in a group", () => {
    const cohort = cohortWith({ schools: [school("A", { trust: "Ark" }), school("C", { trust: "ARK" })] });
    expectExactly(cohort, CLEAN, "same-trust", [{ rule: "same-trust", groupId: "G1", schoolId: "C", mentions: ["A", "C", "Ark"] }]);
  });

  it("treats a blank trust as none: schools outside any trust may meet", () => {
    expect(sameTrust.allows(school("A"), school("B"))).toBe(true);
    expect(sameTrust.allows(school("A", { trust: " " }), school("B", { trust: " " }))).toBe(true);
  });
});
