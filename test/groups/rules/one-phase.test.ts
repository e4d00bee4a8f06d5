import { describe, expect, it } from "vitest";
import { onePhase } from "../../../src/groups/rules/one-phase.js";
import { DEFAULT_GROUP_POLICY } from "../../../src/groups/policy.js";
import { CLEAN, cohortWith, expectClean, expectExactly, group, school } from "./fixture.js";

describe("one-phase", () => {
  it("passes groups of one phase", () => {
    expectClean("one-phase", cohortWith(), CLEAN);
  });

  it("reports a mixed-phase group when the policy allows none, naming the phases", () => {
    expectExactly(cohortWith(), [group("G1", ["A", "B", "E"]), group("G2", ["F", "G", "H"])], "one-phase", [{ rule: "one-phase", groupId: "G1", mentions: ["primary", "secondary", "mixedPhaseGroups"] }]);
  });

  it("allows mixedPhaseGroups mixed groups per programme and reports the next", () => {
    const groups = [group("G1", ["A", "B", "E"]), group("G2", ["C", "F", "G"])];
    expectClean("one-phase", cohortWith({ policy: { mixedPhaseGroups: 2 } }), groups);
    expectExactly(cohortWith({ policy: { mixedPhaseGroups: 1 } }), groups, "one-phase", [{ rule: "one-phase", groupId: "G2" }]);
  });

  it("lets the engine pair schools of two phases only when mixing is allowed", () => {
    expect(onePhase.mayJoin!(DEFAULT_GROUP_POLICY, school("A"), school("E", { phase: "secondary" }))).toBe(false);
    expect(onePhase.mayJoin!({ ...DEFAULT_GROUP_POLICY, mixedPhaseGroups: 1 }, school("A"), school("E", { phase: "secondary" }))).toBe(true);
  });
});
