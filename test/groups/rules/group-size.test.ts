import { describe, expect, it } from "vitest";
import { groupSize } from "../../../src/groups/rules/group-size.js";
import { DEFAULT_GROUP_POLICY } from "../../../src/groups/policy.js";
import { CLEAN, cohortWith, expectClean, expectExactly, group, school } from "./fixture.js";

const I = school("I", { phase: "secondary" });

describe("group-size", () => {
  it("passes trios and quads under the default policy", () => {
    expectClean("group-size", cohortWith(), CLEAN);
    expectClean("group-size", cohortWith(), [group("G1", ["A", "B", "C"]), group("G2", ["E", "F", "G", "H"])]);
  });

  it("reports a pair and a group of 5 when the policy allows neither", () => {
    const cohort = cohortWith({ schools: [I] });
    expectExactly(cohort, [group("G1", ["A", "B"]), group("G2", ["E", "F", "G", "H", "I"])], "group-size", [
      { rule: "group-size", groupId: "G1", mentions: ["2 schools", "3–4"] },
      { rule: "group-size", groupId: "G2", mentions: ["5 schools", "oversizeGroups"] },
    ]);
  });

  it("allows as many groups of 5 as oversizeGroups, per programme, and reports the next one", () => {
    const schools = [I, ...["J", "K", "L", "M", "N"].map((id) => school(id))];
    const groups = [group("G1", ["A", "B", "C", "D", "J"]), group("G2", ["E", "F", "G", "H", "I"]), group("G3", ["K", "L", "M"])];
    expectClean("group-size", cohortWith({ schools, policy: { oversizeGroups: 2 } }), groups);
    expectExactly(cohortWith({ schools, policy: { oversizeGroups: 1 } }), groups, "group-size", [{ rule: "group-size", groupId: "G2", mentions: ["oversizeGroups"] }]);
  });

  it("reports a group of 5 that mixes phases: the oversize option is for one phase", () => {
    const cohort = cohortWith({ policy: { oversizeGroups: 1, mixedPhaseGroups: 1 } });
    expectExactly(cohort, [group("G1", ["A", "B", "C", "D", "E"])], "group-size", [{ rule: "group-size", groupId: "G1", mentions: ["one phase"] }]);
  });

  it("tells the engine which sizes and shapes to enumerate", () => {
    expect(groupSize.sizes!({ ...DEFAULT_GROUP_POLICY })).toEqual({ min: 3, max: 4 });
    expect(groupSize.sizes!({ ...DEFAULT_GROUP_POLICY, oversizeGroups: 1 })).toEqual({ min: 3, max: 5 });
    const five = ["A", "B", "C", "D", "J"].map((id) => school(id));
    expect(groupSize.shape({ ...DEFAULT_GROUP_POLICY, oversizeGroups: 1 }, five)).toEqual({ allowed: true, exception: "oversize" });
    expect(groupSize.shape(DEFAULT_GROUP_POLICY, five).allowed).toBe(false);
  });
});
