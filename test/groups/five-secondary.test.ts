/**
 * Extending Leading Practice 2023-24 had five secondary schools: five cannot be split into
 * groups of three or four. The grouping must say so rather than break a rule, name the policy
 * changes that would place the fifth school, and use them when the policy allows.
 */
import { describe, expect, it } from "vitest";
import { group } from "../../src/groups/group.js";
import type { Cohort } from "../../src/groups/model.js";
import { readCohortFolder } from "../../src/io/groups/read-cohort-folder.js";
import { independentCheck } from "./helpers/independent-check.js";

const ELP = new URL("../../fixtures/cohorts/extending-leading-practice", import.meta.url).pathname;
/** The command tests' cohort: also five secondary schools (two of one trust) and six primary, small enough to solve at once. */
const SMALL = new URL("../cli/groups-data/cohort", import.meta.url).pathname;

function read(folder: string, policy: Partial<Cohort["policy"]> = {}): Cohort {
  const cohort = readCohortFolder(folder);
  if (!cohort.ok) throw new Error(`${folder} does not read`);
  return { ...cohort.value, policy: { ...cohort.value.policy, ...policy } };
}
const elp = (policy: Partial<Cohort["policy"]> = {}) => read(ELP, policy);

const phaseOf = (cohort: Cohort, id: string) => cohort.schools.find((s) => s.id === id)!.phase;

describe("the five secondary schools of Extending Leading Practice", () => {
  it("under the default policy (groups of 3–4, one phase) one secondary school is left out, with the reason and both remedies", async () => {
    const cohort = elp();
    expect(cohort.members.filter((m) => phaseOf(cohort, m.schoolId) === "secondary")).toHaveLength(5);
    const result = await group(cohort);
    expect(independentCheck(cohort, result.grouping).problems).toEqual([]);
    expect(result.grouping.unplaced).toHaveLength(1);
    const [left] = result.grouping.unplaced;
    expect(phaseOf(cohort, left!.schoolId)).toBe("secondary");
    expect(left!.reason).toBe("5 secondary schools cannot form groups of 3–4: allow one group of 5 (policy oversizeGroups: 1), or one mixed-phase group (policy mixedPhaseGroups: 1)");
    // Proven: no valid grouping places more (a quad and one school left is the best of 5).
    expect(result.bound.placed).toBe(16);
    expect(result.proven).toBe(true);
  });

  it("with oversizeGroups 1 the least-bad option is used: one group of 5 secondary schools, every school placed", async () => {
    const cohort = elp({ oversizeGroups: 1 });
    const result = await group(cohort);
    expect(independentCheck(cohort, result.grouping).problems).toEqual([]);
    expect(result.grouping.unplaced).toEqual([]);
    const five = result.grouping.groups.filter((g) => g.schoolIds.length === 5);
    expect(five).toHaveLength(1);
    expect(new Set(five[0]!.schoolIds.map((id) => phaseOf(cohort, id)))).toEqual(new Set(["secondary"]));
    expect(result.check.metrics.goals.exceptions).toBe(1);
  });

  it("with mixedPhaseGroups 1 the least-bad option is one mixed-phase group, every school placed", async () => {
    // Of the small cohort's five secondary schools two share a trust, so a group of 5 cannot help: only mixing does.
    const cohort = read(SMALL, { mixedPhaseGroups: 1 });
    const result = await group(cohort);
    expect(independentCheck(cohort, result.grouping).problems).toEqual([]);
    expect(result.grouping.unplaced).toEqual([]);
    const mixed = result.grouping.groups.filter((g) => new Set(g.schoolIds.map((id) => phaseOf(cohort, id))).size > 1);
    expect(mixed).toHaveLength(1);
    expect(result.grouping.groups.every((g) => g.schoolIds.length <= 4)).toBe(true);
  });

  it("allowing more exceptions never costs a placed school, and only as many are used as place schools", async () => {
    const cohort = read(SMALL, { oversizeGroups: 3, mixedPhaseGroups: 3 });
    const result = await group(cohort, { remedies: false });
    expect(independentCheck(cohort, result.grouping).problems).toEqual([]);
    expect(result.check.metrics.placed).toBe(11);
    expect(result.check.metrics.goals.exceptions).toBe(1);
  });

  it("the small cohort's reason says a group of 5 would not help (two of its secondary schools share a trust)", async () => {
    const result = await group(read(SMALL));
    expect(result.grouping.unplaced.map((u) => u.reason)).toEqual(["5 secondary schools cannot form groups of 3–4: allow one mixed-phase group (policy mixedPhaseGroups: 1); a group of 5 would not place more"]);
  });
});
