import { beyondLimit, policyCount, violation } from "./exceptions.js";
import type { GroupShapeRule } from "./types.js";

/** Schools are grouped by phase; the policy may allow `mixedPhaseGroups` mixed groups per programme. */
export const onePhase: GroupShapeRule = {
  id: "one-phase",
  summary: "A group's schools share one phase; mixed-phase groups only as many as the policy allows.",
  kind: "group-shape",
  shape: (policy, schools) => {
    if (new Set(schools.map((s) => s.phase)).size <= 1) return { allowed: true };
    return policy.mixedPhaseGroups > 0 ? { allowed: true, exception: "mixed-phase" } : { allowed: false };
  },
  mayJoin: (policy, a, b) => a.phase === b.phase || policy.mixedPhaseGroups > 0,
  check: ({ index, groups }) => {
    const limit = index.policy.mixedPhaseGroups;
    return beyondLimit(groups, (g) => g.phases.size > 1, limit).map((group) =>
      violation("one-phase", group, `mixes phases (${[...group.phases].sort().join(", ")}); ${policyCount(limit, "mixed-phase group")} (mixedPhaseGroups)`),
    );
  },
};
