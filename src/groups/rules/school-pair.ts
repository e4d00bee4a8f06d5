import { sameValue } from "../../rules/blank.js";
import type { School } from "../../model/schema.js";
import { at, memberPairs, type SchoolPairRule } from "./types.js";

/**
 * Builds a rule that no two schools of a group share a value (hub, locality, trust). A blank
 * value is none and equals nothing (`sameValue`), so two schools without a trust may meet.
 */
export function sharedValueRule(spec: { id: string; summary: string; field: "hub" | "locality" | "trust" }): SchoolPairRule {
  const allows = (a: School, b: School) => !sameValue(a[spec.field], b[spec.field]);
  return {
    id: spec.id,
    summary: spec.summary,
    kind: "school-pair",
    allows,
    check: ({ groups }) =>
      groups.flatMap((group) =>
        memberPairs(group)
          .filter(([a, b]) => !allows(a.school, b.school))
          .map(([a, b]) => ({
            rule: spec.id,
            ...at(group),
            schoolId: b.school.id,
            message: `${group.label}: schools ${a.school.id} and ${b.school.id} share the ${spec.field} ${a.school[spec.field] ?? ""}`,
          })),
      ),
  };
}
