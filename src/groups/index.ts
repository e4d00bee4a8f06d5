/**
 * Group programmes (SEND Developmental Peer Review, Growing the Top, Extending Leading
 * Practice): schools in trios and quads beyond their locality, each group with a facilitator.
 * Pure: data in, data out; files are read and written by src/io/groups.
 */
export { CohortSchema, CohortMemberSchema, FacilitatorSchema, PastGroupSchema, GroupSchema, GroupingSchema, UnplacedSchema } from "./model.js";
export type { Cohort, CohortInput, CohortMember, Facilitator, PastGroup, Group, Grouping, Unplaced } from "./model.js";
export { DEFAULT_GROUP_POLICY, GroupPolicySchema, GroupPolicyOverridesSchema, makeGroupPolicy, type GroupPolicy, type GroupPolicyOverrides } from "./policy.js";
export { indexCohort, type CohortIndex, type MemberInfo, type FacilitatorInfo, type ProgrammeInfo } from "./cohort.js";
export { GROUP_RULES, type GroupRule, type GroupViolation } from "./rules/index.js";
export { GROUP_GOALS, type GroupGoal } from "./goals.js";
export { checkGroups, type GroupCheck, type GroupMetrics } from "./check.js";
export { group, type GroupOptions, type GroupResult, type GroupBound, type BlockReport } from "./group.js";
export type { UncoveredGroup } from "./explain.js";
export { visitsOf, hostOrder, type Visit } from "./visits.js";
export { TooManyGroupsError } from "./enumerate.js";
