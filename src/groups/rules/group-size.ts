import type { School } from "../../model/schema.js";
import { sizeRange } from "../policy.js";
import { beyondLimit, policyCount, violation } from "./exceptions.js";
import type { GroupShapeRule, GroupViolation, ResolvedGroup } from "./types.js";

const onePhase = (schools: readonly School[]) => new Set(schools.map((s) => s.phase)).size <= 1;

/**
 * Groups have `minGroupSize` to `maxGroupSize` schools; the policy may allow `oversizeGroups`
 * groups per programme of one school more, of one phase (the least-bad option for 5 schools
 * of a phase when groups are 3–4).
 */
export const groupSize: GroupShapeRule = {
  id: "group-size",
  summary: "A group has the policy's number of schools (default 3–4); a few groups of one more only when the policy allows them.",
  kind: "group-shape",
  shape: (policy, schools) => {
    const n = schools.length;
    if (n >= policy.minGroupSize && n <= policy.maxGroupSize) return { allowed: true };
    if (n === policy.maxGroupSize + 1 && policy.oversizeGroups > 0 && onePhase(schools)) return { allowed: true, exception: "oversize" };
    return { allowed: false };
  },
  sizes: (policy) => ({ min: policy.minGroupSize, max: policy.maxGroupSize + (policy.oversizeGroups > 0 ? 1 : 0) }),
  check: ({ index, groups }) => {
    const policy = index.policy;
    const found: GroupViolation[] = [];
    const oversize = (g: ResolvedGroup) => g.group.schoolIds.length === policy.maxGroupSize + 1;
    for (const group of groups) {
      const n = group.group.schoolIds.length;
      if (n < policy.minGroupSize || n > policy.maxGroupSize + 1 || (oversize(group) && policy.oversizeGroups === 0)) {
        found.push(violation("group-size", group, `has ${n} school${n === 1 ? "" : "s"}; groups have ${sizeRange(policy)}${oversize(group) ? " (policy oversizeGroups is 0)" : ""}`));
      } else if (oversize(group) && group.phases.size > 1) {
        found.push(violation("group-size", group, `has ${n} schools and mixes phases; a group of ${n} must be of one phase`));
      }
    }
    if (policy.oversizeGroups > 0) {
      for (const group of beyondLimit(groups, oversize, policy.oversizeGroups)) {
        found.push(violation("group-size", group, `is one more group of ${policy.maxGroupSize + 1}; ${policyCount(policy.oversizeGroups, "such group")} (oversizeGroups)`));
      }
    }
    return found;
  },
};

