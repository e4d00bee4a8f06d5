import type { School } from "../../model/schema.js";
import type { FacilitatorInfo } from "../cohort.js";
import { at, type FacilitatorGroupRule, type FacilitatorSchoolRule, type GroupViolation } from "./types.js";
import type { Phase } from "../../model/schema.js";

/** Builds a rule about a facilitator and each school of their group; `reason` words a refusal. */
export function facilitatorSchoolRule(spec: {
  id: string;
  summary: string;
  allows: (facilitator: FacilitatorInfo, school: School) => boolean;
  reason: (facilitator: FacilitatorInfo, school: School) => string;
}): FacilitatorSchoolRule {
  return {
    id: spec.id,
    summary: spec.summary,
    kind: "facilitator-school",
    allows: spec.allows,
    check: ({ groups }) =>
      groups.flatMap((group) =>
        group.facilitators.flatMap((f) =>
          group.members
            .filter((m) => !spec.allows(f, m.school))
            .map((m): GroupViolation => ({
              rule: spec.id,
              ...at(group),
              schoolId: m.school.id,
              facilitatorId: f.id,
              message: `${group.label}: facilitator ${f.id} ${spec.reason(f, m.school)}`,
            })),
        ),
      ),
  };
}

/** Builds a rule about a facilitator and a whole group (its programme, its phases). */
export function facilitatorGroupRule(spec: {
  id: string;
  summary: string;
  allows: (facilitator: FacilitatorInfo, programme: string, phases: ReadonlySet<Phase>) => boolean;
  reason: (facilitator: FacilitatorInfo, programme: string, phases: ReadonlySet<Phase>) => string;
}): FacilitatorGroupRule {
  return {
    id: spec.id,
    summary: spec.summary,
    kind: "facilitator-group",
    allows: spec.allows,
    check: ({ groups }) =>
      groups.flatMap((group) =>
        group.facilitators
          .filter((f) => !spec.allows(f, group.group.programme, group.phases))
          .map((f): GroupViolation => ({ rule: spec.id, ...at(group), facilitatorId: f.id, message: `${group.label}: facilitator ${f.id} ${spec.reason(f, group.group.programme, group.phases)}` })),
      ),
  };
}
