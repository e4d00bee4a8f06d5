import type { GroupViolation, StructureRule } from "./types.js";

/** A school belongs to one group of a programme (it may be in another programme's group too). */
export const placedOnce: StructureRule = {
  id: "placed-once",
  summary: "A school is in at most one group of a programme.",
  kind: "structure",
  check: ({ groups }) => {
    const seen = new Map<string, string>();
    const found: GroupViolation[] = [];
    for (const group of groups) {
      for (const schoolId of group.group.schoolIds) {
        const key = `${group.group.programme}|${schoolId}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          found.push({ rule: "placed-once", programme: group.group.programme, groupId: group.group.groupId, schoolId, message: `${group.label}: ${schoolId} is already in ${earlier}` });
        } else {
          seen.set(key, group.label);
        }
      }
    }
    return found;
  },
};
