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
export { indexYear, accountOf, trustAccount, type Year, type ReviewInfo, type PersonInfo, type Host, type ReviewKind, type Account } from "./model/year.js";
export { DEFAULT_KINDS, KindSchema, mergeKinds, type Kind, type KindOverride } from "./model/kinds.js";
export { RULES, PAIR_RULES, COMPOSITION_RULES, type Rule, type PairRule, type AllocationRule, type Violation } from "./rules/index.js";
export { checkAllocation, type CheckResult, type Metrics, type UnfilledSeats } from "./check.js";
export type { LedgerRow, TrustLedgerRow } from "./goals/reciprocity.js";
export { solve, ENGINES, type SolveOptions, type SolveResult, type RejectedPin } from "./solver/index.js";
export type { Progress, StopReason } from "./solver/engine.js";
export type { Bound } from "./solver/bound.js";
export { explain, explainSeats, deficiencies, type Explanation, type SeatExplanation, type FunnelStep, type Deficiency } from "./explain.js";
export { parseYear, type YearFileContents, type ParseYearOptions } from "./io/read-year.js";
export { parseAllocation, parseAllocationRows, type AllocationRows } from "./io/read-allocation.js";
export { parseResponses, type ResponseList } from "./io/read-responses.js";
export { readYearFolder, writeFolderAtomically } from "./io/files.js";
export { checkOutputFolder, recoverOutputFolder, writeOutputFile, writeOutputFolder, type OutputFolderCheck } from "./io/out-folder.js";
export { serializeYear } from "./io/write-year.js";
export { allocationCsv, ledgerCsv, trustLedgerCsv, unfilledCsv, solveOutputs, summaryOf } from "./io/write-outputs.js";
export { formatInputError, type InputError, type InputErrorCode, type Result } from "./io/errors.js";
export { repair, applyChanges, type Change, type ChangeIssue, type RepairOptions, type RepairOutcome } from "./repair.js";
export { allocationDiff, type SeatChange } from "./solver/diff.js";
export { renderReport, escapeHtml, type ReportInput } from "./io/report/index.js";
export { closeYear, pathwayOf, standings, compareYearLabels, type Attendance, type ClosedYear, type CloseYearIssue, type CloseYearOptions, type CloseYearOutcome, type PathwayRow, type PathwayOptions, type SchoolStanding } from "./years/index.js";
export { yearNumber, academicYearLabel } from "./model/history.js";
export { parseLedgerYears, parseAttendance, parsePathway } from "./io/read-years.js";
export { closedYearFiles, pathwayCsv } from "./io/write-years.js";
export { respond, type RespondOptions, type RespondOutcome, type RespondIssue } from "./season/respond.js";
export { applyResponses, type Answer, type Response, type ResponseIssue } from "./season/responses.js";
export { statePins, type Snapshot } from "./season/status.js";
export { tellStep, type Step } from "./season/step.js";
export { noticesOf, type Notice, type NoticeChange, type RecipientType } from "./season/notices.js";
export { personCalendars, stampSequences, type CalendarEvent, type PersonCalendar } from "./season/calendar.js";
export { lettersOf, type Letter } from "./season/letters.js";
export { calendarIcs, lettersCsv, noticesCsv, seasonFiles } from "./io/write-season.js";
