/**
 * qar-allocator's core: everything that runs in memory, in Node, a worker, a browser or a
 * service. No Node built-in is imported here (or below): reading and writing files lives in
 * `qar-allocator/node` (`src/node.ts`). Browsers get this entry from `qar-allocator` itself
 * (the package's `browser` condition) or as `qar-allocator/core`.
 *
 * @example
 * import { parseYear, solve } from "qar-allocator/core";
 * const year = parseYear({ "schools.csv": schools, "reviewers.csv": reviewers, "leads.csv": leads, "reviews.csv": reviews });
 * if (year.ok) console.log((await solve(year.value, { seed: 1 })).check.metrics.fullTeamShare);
 */
export * from "./model/schema.js";
export { ProblemSchema, validateReferences, type Problem, type ProblemInput, type ProblemIssue } from "./model/problem.js";
export { validateProblem, validateAllocation, ProblemInputSchema, SCHEMA_VERSION, type ProblemInputObject } from "./model/validate.js";
export { InvalidInputError } from "./model/errors.js";
export { DEFAULT_POLICY, DEFAULT_SEAT_BANDS, DEFAULT_WEIGHTS, makePolicy, PolicySchema, PolicyOverridesSchema, seatsFromBands, type Policy, type PolicyOverrides, type SeatBand, type Weights } from "./model/policy.js";
export { indexYear, type Year, type ReviewInfo, type PersonInfo, type Host, type ReviewKind } from "./model/year.js";
export { accountOf, trustAccount, type Account } from "./model/accounts.js";
export { DEFAULT_KINDS, KindSchema, mergeKinds, type Kind, type KindOverride } from "./model/kinds.js";
export { RULES, PAIR_RULES, COMPOSITION_RULES, type Rule, type PairRule, type AllocationRule, type Violation } from "./rules/index.js";
export { solve, checkAllocation, explain, repair, respond, closeYear, type ProblemLike } from "./api.js";
export { emptySeatCounts, type CheckResult, type EmptySeatCounts, type Metrics, type PhaseShare, type UnfilledSeats } from "./check.js";
export type { LedgerRow, TrustLedgerRow } from "./goals/reciprocity.js";
export { ENGINES, type Dropped, type SolveOptions, type SolveResult, type RejectedPin } from "./solver/index.js";
export type { Progress, StopReason } from "./solver/engine.js";
export type { Bound } from "./solver/bound.js";
export { explainSeats, deficiencies, type Explanation, type ExplainOptions, type SeatCause, type SeatExplanation, type FunnelStep, type Deficiency } from "./explain.js";
export { parseYear, type YearFileContents, type ParseYearOptions } from "./io/read-year.js";
export type { SheetRows, TableContents } from "./io/read-csv.js";
export { readDate } from "./io/read-date.js";
export { INPUT_LIMITS } from "./io/limits.js";
export { parseAllocation, parseAllocationRows, type AllocationRows } from "./io/read-allocation.js";
export { parseResponses, type ResponseList } from "./io/read-responses.js";
export { parseChanges } from "./io/read-changes.js";
export { serializeYear } from "./io/write-year.js";
export { allocationCsv, ledgerCsv, trustLedgerCsv, unfilledCsv, solveOutputs, summaryOf, allocationTable, ledgerTable, trustLedgerTable, unfilledTable } from "./io/write-outputs.js";
export { toCsv, tableCsv, BOM, type Table, type TableCell } from "./io/csv-text.js";
export { hubFiles, hubTables, HUB_COLUMNS, HUBS_FOLDER } from "./io/hub-files.js";
export { formatUkDay } from "./model/dates.js";
export { formatInputError, type InputError, type InputErrorCode, type Result } from "./io/errors.js";
export { applyChanges, type Applied, type Change, type ChangeIssue, type FrozenIssue, type MaxChangesIssue, type RepairIssue, type RepairOption, type RepairOptions, type RepairOutcome } from "./repair.js";
export { allocationDiff, changeCounts, changedRows, type SeatChange } from "./solver/diff.js";
export { chaseCsv, optionsCsv, tradeOffLine } from "./io/repair-outputs.js";
export { renderReport, escapeHtml, type ReportInput } from "./io/report/index.js";
export { pathwayOf, standings, compareYearLabels, newYear, shiftFor, type AvailabilityRow, type NewYear, type RolledReview, type Attendance, type ClosedYear, type CloseYearIssue, type CloseYearOptions, type CloseYearOutcome, type PathwayRow, type PathwayOptions, type SchoolStanding } from "./years/index.js";
export { yearNumber, academicYearLabel } from "./model/history.js";
export { parseLedgerYears, parseAttendance, parsePathway } from "./io/read-years.js";
export { closedYearFiles, newYearFiles, pathwayCsv, PREVIOUS_YEAR_FOLDER } from "./io/write-years.js";
export type { RespondOptions, RespondOutcome, RespondIssue } from "./season/respond.js";
export { applyResponses, type Answer, type Response, type ResponseIssue } from "./season/responses.js";
export { givenUpSeats, statePins, type Snapshot } from "./season/status.js";
export { frozenReviews } from "./season/freeze.js";
export { chaseList, seasonCounts, type ChaseRow, type SeasonCounts } from "./season/summary.js";
export { tellStep, type Step } from "./season/step.js";
export { noticesOf, type Notice, type NoticeChange, type RecipientType, type Wording } from "./season/notices.js";
export { hostCalendars, personCalendars, stampSequences, type CalendarEntry, type CalendarEvent, type HostCalendar, type PersonCalendar } from "./season/calendar.js";
export { lettersOf, type Letter, type LetterWording } from "./season/letters.js";
export { calendarIcs, hostCalendarIcs, lettersCsv, noticesCsv, seasonFiles, writingTime, lettersTable, noticesTable } from "./io/write-season.js";
export { plan, planWeeks, proposeMoves, windowStarts, moveReview, standbyFor, standbyList, seatStateOf, STANDBY_LIMIT, MOVE_LIMITS, type PlanResult, type PlanOptions, type WeekRow, type Move, type MoveLimits, type MoveOptions, type MovePlan, type StandbyRow, type StandbyOptions } from "./plan/index.js";
export { weeksCsv, movesCsv, standbyCsv, planOutputs, movedReviewsCsv } from "./io/write-plan.js";
export { shortageSheet, shortageWithoutMoves, SHORTAGE_LIMITS, type Shortage, type ShortageAction, type ShortageOptions, type ShortageRow } from "./plan/shortage.js";
export { whoLosesOut, type FairnessOutcome, type GroupRow, type SchoolWithoutTeam, type WhoLosesOut } from "./plan/who-loses-out.js";
export { shortageCsv, teamsByGroupCsv, schoolsWithoutTeamCsv } from "./io/write-shortage.js";
export { reciprocityReach, reachWarnings, type SchoolReach } from "./years/reach.js";
export { fairnessOn, fairTeamNeed } from "./goals/fairness.js";
export { renderPlan, weekChart } from "./io/report-plan.js";
export { useHighsWasm, SolverUnavailableError } from "./solver/lp.js";
export { jsonSchemas, ResultSchema, CheckOutputSchema, ExplainOutputSchema, PlanOutputSchema, type SchemaName } from "./model/json-schemas.js";
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
export { parseCohort, type CohortFileContents } from "./io/groups/read-cohort.js";
export { parseGroupsCsv } from "./io/groups/read-groups.js";
export { groupOutputs, groupsCsv, unplacedCsv, visitsCsv, groupSummary } from "./io/groups/write-groups.js";
export { renderGroupReport, type GroupReportInput } from "./io/groups/report-groups.js";
