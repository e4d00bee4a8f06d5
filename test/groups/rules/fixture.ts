/**
 * A small cohort for the group rule tests: primaries A–D and secondaries E–H of programme P,
 * each with its own hub and locality and no trust; facilitators F1 (retired, any phase) and
 * F2 (of school Z outside the cohort, hub HZ, trust TZ). `CLEAN` groups them validly.
 */
import { expect } from "vitest";
import { indexCohort } from "../../../src/groups/cohort.js";
import { resolveGrouping } from "../../../src/groups/check.js";
import type { Cohort, Facilitator, Group } from "../../../src/groups/model.js";
import { DEFAULT_GROUP_POLICY, type GroupPolicy } from "../../../src/groups/policy.js";
import { GROUP_RULES, type GroupViolation } from "../../../src/groups/rules/index.js";
import type { School } from "../../../src/model/schema.js";
import { independentCheck } from "../helpers/independent-check.js";

export function school(id: string, over: Partial<School> = {}): School {
  return { id, name: `School ${id}`, hub: `H${id}`, locality: `L${id}`, phase: "primary", pupils: 300, carryOver: 0, ...over };
}

export function facilitator(id: string, over: Partial<Facilitator> = {}): Facilitator {
  return { id, name: `Facilitator ${id}`, phases: [], programmes: [], ...over };
}

const BASE_SCHOOLS = [
  ...["A", "B", "C", "D"].map((id) => school(id)),
  ...["E", "F", "G", "H"].map((id) => school(id, { phase: "secondary" })),
  school("Z", { hub: "HZ", trust: "TZ" }),
];

/** The base cohort with some schools, facilitators or policy keys replaced. */
export function cohortWith(over: { schools?: School[]; facilitators?: Facilitator[]; policy?: Partial<GroupPolicy>; programmes?: string[] } = {}): Cohort {
  const replaced = new Map((over.schools ?? []).map((s) => [s.id, s]));
  const schools = [...BASE_SCHOOLS.map((s) => replaced.get(s.id) ?? s), ...(over.schools ?? []).filter((s) => !BASE_SCHOOLS.some((b) => b.id === s.id))];
  return {
    schools,
    members: (over.programmes ?? ["P"]).flatMap((programme) => schools.filter((s) => s.id !== "Z").map((s) => ({ schoolId: s.id, programme }))),
    facilitators: over.facilitators ?? [facilitator("F1"), facilitator("F2", { schoolId: "Z", hub: "HZ", trust: "TZ" })],
    history: [],
    policy: { ...DEFAULT_GROUP_POLICY, ...(over.policy ?? {}) },
  };
}

export const group = (groupId: string, schoolIds: string[], facilitatorIds: string[] = [], programme = "P"): Group => ({ programme, groupId, schoolIds, facilitatorIds });

/** A valid grouping of the base cohort: every rule passes it. */
export const CLEAN: Group[] = [group("G1", ["A", "B", "C", "D"], ["F1"]), group("G2", ["E", "F", "G", "H"], ["F2"])];

/** The violations one rule finds in a grouping of a cohort. */
export function violationsOf(ruleId: string, cohort: Cohort, groups: Group[]): GroupViolation[] {
  const rule = GROUP_RULES.find((r) => r.id === ruleId)!;
  return rule.check(resolveGrouping(indexCohort(cohort), { groups, unplaced: [] }));
}

/** Asserts exactly these violations (rule, group, and the ids or words each must mention), and that the independent checker also objects. */
export function expectExactly(cohort: Cohort, groups: Group[], ruleId: string, expected: { rule: string; groupId?: string; schoolId?: string; facilitatorId?: string; mentions?: string[] }[]): void {
  const found = violationsOf(ruleId, cohort, groups);
  expect(found.map((v) => ({ rule: v.rule, groupId: v.groupId, schoolId: v.schoolId, facilitatorId: v.facilitatorId }))).toEqual(
    expected.map((e) => ({ rule: e.rule, groupId: e.groupId, schoolId: e.schoolId, facilitatorId: e.facilitatorId })),
  );
  expected.forEach((e, i) => {
    for (const word of e.mentions ?? []) expect(found[i]!.message).toContain(word);
  });
  expect(independentCheck(cohort, { groups, unplaced: [] }, false).problems.length).toBeGreaterThan(0);
}

/** Asserts the rule passes the grouping, and the independent checker agrees. */
export function expectClean(ruleId: string, cohort: Cohort, groups: Group[]): void {
  expect(violationsOf(ruleId, cohort, groups)).toEqual([]);
}
