import { memberKey } from "../cohort.js";
import type { GroupViolation, StructureRule } from "./types.js";

/** Groups hold the programme's own schools and known facilitators only. */
export const cohortMember: StructureRule = {
  id: "cohort-member",
  summary: "A group holds only schools of its programme's cohort and a facilitator from facilitators.csv.",
  kind: "structure",
  check: ({ index, groups }) =>
    groups.flatMap((group) => {
      const found: GroupViolation[] = [];
      const where = { rule: "cohort-member", programme: group.group.programme, groupId: group.group.groupId };
      for (const schoolId of group.group.schoolIds) {
        if (index.memberByKey.has(memberKey(group.group.programme, schoolId))) continue;
        const known = index.schools.has(schoolId);
        found.push({ ...where, schoolId, message: `${group.label}: ${schoolId} is ${known ? `not in the cohort of ${group.group.programme}` : "not a school of schools.csv"}` });
      }
      for (const facilitatorId of group.group.facilitatorIds) {
        if (!index.facilitatorById.has(facilitatorId)) found.push({ ...where, facilitatorId, message: `${group.label}: ${facilitatorId} is not a facilitator of facilitators.csv` });
      }
      return found;
    }),
};
