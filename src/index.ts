/**
 * qar-allocator: allocates Quality Assurance Review teams (a Lead Reviewer and peer reviewers
 * for every review of a partnership year), checks allocations against the hard rules, and
 * explains the seats it cannot fill.
 *
 * @example
 * import { readYearFolder, solve, checkAllocation } from "qar-allocator";
 * const year = readYearFolder("fixtures/years/2018-19");
 * if (year.ok) {
 *   const result = await solve(year.value, { seed: 1 });
 *   console.log(result.check.metrics.fullTeamShare);
 * }
 */
export * from "./model/schema.js";
export { ProblemSchema, validateReferences, type Problem, type ProblemInput, type ProblemIssue } from "./model/problem.js";
export { DEFAULT_POLICY, DEFAULT_SEAT_BANDS, DEFAULT_WEIGHTS, makePolicy, PolicySchema, PolicyOverridesSchema, seatsFromBands, type Policy, type PolicyOverrides, type SeatBand, type Weights } from "./model/policy.js";
export { indexYear, type Year, type ReviewInfo, type PersonInfo } from "./model/year.js";
export { RULES, PAIR_RULES, type Rule, type PairRule, type AllocationRule, type Violation } from "./rules/index.js";
export { checkAllocation, type CheckResult, type Metrics, type UnfilledSeats } from "./check.js";
export type { LedgerRow } from "./goals/reciprocity.js";
export { solve, ENGINES, type SolveOptions, type SolveResult, type RejectedPin } from "./solver/index.js";
export type { Progress, StopReason } from "./solver/engine.js";
export type { Bound } from "./solver/bound.js";
export { explain, explainSeats, deficiencies, type Explanation, type SeatExplanation, type FunnelStep, type Deficiency } from "./explain.js";
export { parseYear, type YearFileContents, type ParseYearOptions } from "./io/read-year.js";
export { parseAllocation } from "./io/read-allocation.js";
export { readYearFolder, writeFolderAtomically } from "./io/files.js";
export { serializeYear } from "./io/write-year.js";
export { allocationCsv, ledgerCsv, unfilledCsv, solveOutputs, summaryOf } from "./io/write-outputs.js";
export { formatInputError, type InputError, type InputErrorCode, type Result } from "./io/errors.js";
export { repair, applyChanges, type Change, type ChangeIssue, type RepairOutcome } from "./repair.js";
export { allocationDiff, type SeatChange } from "./solver/repair-engine.js";
export { renderReport, escapeHtml, type ReportInput } from "./io/report-html.js";
export {
  group,
  checkGroups,
  indexCohort,
  visitsOf,
  GROUP_RULES,
  GROUP_GOALS,
  DEFAULT_GROUP_POLICY,
  makeGroupPolicy,
  GroupPolicySchema,
  GroupPolicyOverridesSchema,
  CohortSchema,
  CohortMemberSchema,
  FacilitatorSchema,
  PastGroupSchema,
  GroupSchema,
  GroupingSchema,
  UnplacedSchema,
  TooManyGroupsError,
  type Cohort,
  type CohortInput,
  type CohortMember,
  type Facilitator,
  type PastGroup,
  type Group,
  type Grouping,
  type Unplaced,
  type GroupPolicy,
  type GroupPolicyOverrides,
  type CohortIndex,
  type GroupRule,
  type GroupViolation,
  type GroupGoal,
  type GroupCheck,
  type GroupMetrics,
  type GroupOptions,
  type GroupResult,
  type GroupBound,
  type BlockReport,
  type UncoveredGroup,
  type Visit,
} from "./groups/index.js";
export { parseCohort, readCohortFolder, type CohortFileContents } from "./io/groups/read-cohort.js";
export { parseGroupsCsv } from "./io/groups/read-groups.js";
export { groupOutputs, groupsCsv, unplacedCsv, visitsCsv, groupSummary } from "./io/groups/write-groups.js";
export { renderGroupReport, type GroupReportInput } from "./io/groups/report-groups.js";
