import { describe, expect, it } from "vitest";
import { group } from "../../src/groups/group.js";
import { independentCheck } from "./helpers/independent-check.js";
import { cohortWith, facilitator, school } from "./rules/fixture.js";

describe("why a school is unplaced, and why a group has no facilitator", () => {
  it("too few schools of a phase: the count is named, and a mixed-phase group offered when it helps", async () => {
    const cohort = cohortWith({ schools: [school("E", { phase: "special" }), school("F", { phase: "special" }), school("G"), school("H")] });
    const result = await group(cohort);
    expect(independentCheck(cohort, result.grouping).problems).toEqual([]);
    const reasons = new Map(result.grouping.unplaced.map((u) => [u.schoolId, u.reason]));
    expect(reasons.get("E")).toMatch(/^only 2 special schools in P; groups need 3–4: allow one mixed-phase group \(policy mixedPhaseGroups: 1\)/);
    expect(reasons.get("F")).toBe(reasons.get("E"));
  });

  it("a school sharing a hub, locality or trust with the other schools of its phase is named with them", async () => {
    const cohort = cohortWith({ schools: [school("A", { hub: "X" }), school("B", { hub: "X" }), school("C", { locality: "LA", hub: "x " })] });
    const result = await group(cohort, { remedies: false });
    expect(independentCheck(cohort, result.grouping).problems).toEqual([]);
    const reasons = new Map(result.grouping.unplaced.map((u) => [u.schoolId, u.reason]));
    expect(reasons.get("A")).toBe("shares a hub, locality or trust with 2 of the other 3 primary schools (B, C); too few are left for a group of 3");
    expect(reasons.get("D")).toBe("no group of 3–4 primary schools that includes it avoids a shared hub, locality or trust");
  });

  it("a group nobody may lead says which rules stopped each facilitator", async () => {
    const cohort = cohortWith({ facilitators: [facilitator("F1", { phases: ["special"] }), facilitator("F2", { hub: "HE" })] });
    const result = await group(cohort);
    expect(independentCheck(cohort, result.grouping).problems).toEqual([]);
    const uncovered = new Map(result.uncovered.map((u) => [u.groupId, u.reason]));
    expect(result.uncovered.length).toBeGreaterThan(0);
    for (const reason of uncovered.values()) expect(reason).toMatch(/no facilitator may lead it \(.*facilitator-phase: 1/);
  });

  it("a group whose facilitators are all busy says they lead their max_groups", async () => {
    const cohort = cohortWith({ facilitators: [facilitator("F1", { maxGroups: 1 })] });
    const result = await group(cohort);
    expect(result.uncovered).toEqual([{ programme: "P", groupId: expect.any(String), reason: "the 1 facilitator who may lead it (F1) already leads their max_groups" }]);
  });
});
