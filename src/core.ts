/**
 * qar-allocator's core: everything that runs in memory, in Node, a worker, a browser or a
 * service. No Node built-in is imported here (or below): reading and writing files lives in
 * `qar-allocator/node` (`src/node.ts`). Browsers get this entry from `qar-allocator` itself
 * (the package's `browser` condition) or as `qar-allocator/core`.
 *
 * The entry is what a scheduling service or a script calls: the functions, their options and
 * results, the model's types and schemas, the errors. Everything else is the project's own and
 * is imported from its module (docs/api.md lists the surface; test/api/surface.test.ts holds
 * each name to an example).
 *
 * @example
 * import { parseYear, solve } from "qar-allocator/core";
 * const year = parseYear({ "schools.csv": schools, "reviewers.csv": reviewers, "leads.csv": leads, "reviews.csv": reviews });
 * if (year.ok) console.log((await solve(year.value, { seed: 1 })).check.metrics.fullTeamShare);
 */

// The model: a year's data, its policy and kinds, the allocation.
export {
  AllocationSchema,
  AssignmentSchema,
  DeclineSchema,
  HistoryEntrySchema,
  LeadReviewerSchema,
  LedgerYearSchema,
  PinSchema,
  ReviewerSchema,
  ReviewSchema,
  SchoolSchema,
  WithdrawalSchema,
  type Allocation,
  type Assignment,
  type AssignmentStatus,
  type DateRange,
  type Decline,
  type HistoryEntry,
  type LeadReviewer,
  type LedgerYear,
  type Level,
  type Phase,
  type Pin,
  type Review,
  type Reviewer,
  type Role,
  type School,
  type SeatBand,
  type Withdrawal,
} from "./model/schema.js";
export { ProblemSchema, type Problem, type ProblemInput } from "./model/problem.js";
export { DEFAULT_POLICY, makePolicy, PolicySchema, PolicyOverridesSchema, type Policy, type PolicyOverrides, type Weights } from "./model/policy.js";
export { DEFAULT_KINDS, KindSchema, mergeKinds, type Kind, type KindOverride } from "./model/kinds.js";
export { indexYear, type PersonInfo, type ReviewInfo, type Year } from "./model/year.js";
export { RULES, type Rule, type Violation } from "./rules/index.js";

// Checking what a caller gives, and the errors as data.
export { validateProblem, validateAllocation, ProblemInputSchema, SCHEMA_VERSION, type ProblemInputObject } from "./model/validate.js";
export { formatInputError, InvalidInputError, type InputError, type InputErrorCode, type Result } from "./model/errors.js";
export { jsonSchemas, type SchemaName } from "./model/json-schemas.js";

// Reading a year and the files that go with it, from their contents.
// (The examples of names declared under src/io/, src/solver/index.ts and src/solver/lp.ts are
// written here, at their export, while those files are reworked in other branches.)
export {
  parseYear,
  /**
   * How `parseYear` reads a year: a policy file given apart from the folder wins over its policy.json.
   *
   * @example
   * const year = parseYear(files, { policy: { name: "strict.json", contents: policyText } } satisfies ParseYearOptions);
   */
  type ParseYearOptions,
  /**
   * A year's files by name (`schools.csv`, `reviewers.csv`, `leads.csv`, `reviews.csv`, and the
   * optional ones), each as text, bytes or a workbook sheet's rows.
   *
   * @example
   * const files: YearFileContents = { "schools.csv": schools, "reviewers.csv": reviewers, "leads.csv": leads, "reviews.csv": reviews };
   * const year = parseYear(files);
   */
  type YearFileContents,
} from "./io/read-year.js";
export {
  parseAllocation,
  /**
   * Reads an allocation with the spreadsheet row of each seat (for messages that name the row).
   *
   * @example
   * const read = parseAllocationRows(allocationCsvText);
   * if (read.ok) console.log(read.value.allocation.assignments.length, read.value.assignmentRows[0]); // the first seat's row: 2
   */
  parseAllocationRows,
} from "./io/read-allocation.js";
export { parseChanges } from "./io/read-changes.js";
export { parseResponses } from "./io/read-responses.js";
export { parseAttendance } from "./io/read-years.js";

// Solving, checking, explaining.
export { solve, checkAllocation, explain, repair, respond, closeYear, type ProblemLike } from "./api.js";
export {
  ENGINE_NAMES,
  ENGINES,
  type Dropped,
  type EngineName,
  type RejectedPin,
  /**
   * How `solve` runs: the seed, the engine, a time limit, cancelling, progress, and an earlier
   * allocation to change as little as possible (docs/api.md).
   *
   * @example
   * const controller = new AbortController();
   * const options: SolveOptions = { seed: 1, engine: "auto", timeLimitMs: 30_000, signal: controller.signal, onProgress: (p) => console.log(p.phase, p.incumbent) };
   * const result = await solve(problem, options);
   */
  type SolveOptions,
  /**
   * What `solve` gives: a valid allocation with the checker's figures, the bound and gap, how
   * the run stopped, the pins it refused and the rows it had to drop (docs/api.md).
   *
   * @example
   * const result: SolveResult = await solve(problem, { seed: 1 });
   * console.log(result.check.metrics.filled.total, result.bound.filledSeats, result.gap, result.stoppedBy);
   */
  type SolveResult,
} from "./solver/index.js";
export type { Progress, StopReason } from "./solver/engine.js";
export type { Bound } from "./solver/bound.js";
export {
  useHighsWasm,
  /**
   * Thrown by a solve when HiGHS's WebAssembly cannot be loaded (a browser that was not served
   * `highs.wasm`): the message says where it looked and how to serve the file.
   *
   * @example
   * try {
   *   await solve(problem, { seed: 1 });
   * } catch (error) {
   *   if (error instanceof SolverUnavailableError) showSetupHelp(error.message);
   * }
   */
  SolverUnavailableError,
  /**
   * Where HiGHS runs in this process: a host (Node installs worker threads, so that a limit or
   * an abort stops a solve at once), or `undefined` for the calling thread.
   *
   * @example
   * useHighsHost(undefined); // HiGHS in the calling thread, as in a browser
   */
  useHighsHost,
} from "./solver/lp.js";
export {
  /**
   * `solve` in a browser's Web Worker (the package's `qar-allocator/worker` script, served beside
   * `highs.wasm`): the page stays free, progress comes, and an abort is answered at once with the
   * best allocation so far.
   *
   * @example
   * const result = await solveInWebWorker("/assets/qar-worker.js", problem, { seed: 1, signal: controller.signal, onProgress: (p) => show(p) });
   */
  solveInWebWorker,
} from "./worker/web.js";
export { emptySeatCounts, type CheckResult, type EmptySeatCounts, type Metrics, type UnfilledSeats } from "./check.js";
export type { LedgerRow, TrustLedgerRow } from "./goals/reciprocity.js";
export type { Explanation, ExplainOptions, SeatCause, SeatExplanation } from "./explain.js";
export { allocationDiff, changedRows, type SeatChange } from "./solver/diff.js";

// Before and around allocating: the plan, the shortage, who loses out, standbys.
export { plan, standbyFor, standbyList, type Move, type PlanOptions, type PlanResult, type StandbyOptions, type StandbyRow, type WeekRow } from "./plan/index.js";
export { shortageSheet, type Shortage, type ShortageAction, type ShortageOptions, type ShortageRow } from "./plan/shortage.js";
export { whoLosesOut, type WhoLosesOut } from "./plan/who-loses-out.js";
export { reciprocityReach, type SchoolReach } from "./years/reach.js";

// Repair and the season: changes, answers, notices, calendars, letters.
export type { Change, RepairIssue, RepairOption, RepairOptions, RepairOutcome } from "./repair.js";
export type { RespondIssue, RespondOptions, RespondOutcome } from "./season/respond.js";
export { applyResponses, type Response } from "./season/responses.js";
export { givenUpSeats, statePins } from "./season/status.js";
export { chaseList, seasonCounts } from "./season/summary.js";
export { tellStep } from "./season/step.js";
export { noticesOf, type Notice } from "./season/notices.js";
export { hostCalendars, personCalendars, stampSequences, type CalendarEvent } from "./season/calendar.js";
export { lettersOf } from "./season/letters.js";

// Closing a year and starting the next.
export { newYear, standings, type Attendance, type ClosedYear, type CloseYearIssue, type CloseYearOptions, type CloseYearOutcome, type NewYear, type SchoolStanding } from "./years/index.js";

// The outputs, as text and tables (the files themselves are written by `qar-allocator/node`).
export {
  solveOutputs,
  /**
   * The allocation as a table (`allocation.csv`'s columns, numbers as numbers), for a CSV file or a sheet.
   *
   * @example
   * const csv = tableCsv(allocationTable(result.year, result.allocation));
   */
  allocationTable,
  /**
   * The ledger as a table (`ledger.csv`: each school's places received and sent against its target).
   *
   * @example
   * const xlsx = await workbookOf([{ name: "ledger", table: ledgerTable(result.check) }]);
   */
  ledgerTable,
  /**
   * The empty seats with their reasons as a table (`unfilled.csv`).
   *
   * @example
   * const csv = tableCsv(unfilledTable(explain(result.year, result.allocation), result.year));
   */
  unfilledTable,
} from "./io/write-outputs.js";
export {
  /**
   * A table as CSV text, behind a byte order mark (Excel on Windows then reads names as written).
   *
   * @example
   * const csv = tableCsv(allocationTable(result.year, result.allocation));
   */
  tableCsv,
} from "./io/csv-text.js";
export { hubFiles } from "./io/hub-files.js";
export { formatUkDay } from "./model/dates.js";
export { tradeOffLine } from "./io/repair-outputs.js";
export {
  renderReport,
  /**
   * What the HTML report is made from: the year, the allocation, its check, and (where there is
   * one) the solve, the explanation and the shortage sheet.
   *
   * @example
   * const html = renderReport({ year: result.year, allocation: result.allocation, check: result.check, solve: result, explanation: explain(result.year, result.allocation) } satisfies ReportInput);
   */
  type ReportInput,
} from "./io/report/index.js";
export {
  calendarIcs,
  hostCalendarIcs,
  /**
   * Letters as `letters.csv` text: one whole letter per person and school.
   *
   * @example
   * const csv = lettersCsv(lettersOf({ year: result.year, allocation: result.allocation }));
   */
  lettersCsv,
  /**
   * Letters as a table (`letters.csv`'s columns), for a CSV file or a sheet.
   *
   * @example
   * const xlsx = await workbookOf([{ name: "letters", table: lettersTable(lettersOf({ year: result.year, allocation: result.allocation })) }]);
   */
  lettersTable,
  /**
   * Notices as `notices.csv` text: what to tell whom after a season step.
   *
   * @example
   * if (outcome.ok) writeOutputFile("week-2/notices.csv", noticesCsv(outcome.notices));
   */
  noticesCsv,
  /**
   * Notices as a table (`notices.csv`'s columns), for a CSV file or a sheet.
   *
   * @example
   * if (outcome.ok) console.log(noticesTable(outcome.notices).rows.length);
   */
  noticesTable,
  seasonFiles,
  writingTime,
} from "./io/write-season.js";
export { closedYearFiles, newYearFiles } from "./io/write-years.js";
export {
  /**
   * The files of `qar plan` by name: `weeks.csv`, `moves.csv` and `plan.html`.
   *
   * @example
   * writeOutputFolder("plan", planOutputs(await plan(problem), "Plan 2025-26"));
   */
  planOutputs,
  movedReviewsCsv,
} from "./io/write-plan.js";

// The group programmes.
export {
  group,
  checkGroups,
  indexCohort,
  visitsOf,
  GROUP_RULES,
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
  type CohortIndex,
  type CohortInput,
  type CohortMember,
  type Facilitator,
  type Group,
  type GroupCheck,
  type Grouping,
  type GroupOptions,
  type GroupPolicy,
  type GroupPolicyOverrides,
  type GroupResult,
  type GroupRule,
  type GroupViolation,
  type PastGroup,
  type Unplaced,
  type Visit,
} from "./groups/index.js";
export {
  parseCohort,
  /**
   * A cohort's files by name (`schools.csv`, `cohort.csv`, and the optional `facilitators.csv`,
   * `history.csv`, `policy.json`), each as text or bytes.
   *
   * @example
   * const cohort = parseCohort({ "schools.csv": schools, "cohort.csv": members } satisfies CohortFileContents);
   */
  type CohortFileContents,
} from "./io/groups/read-cohort.js";
export { parseGroupsCsv } from "./io/groups/read-groups.js";
export { groupOutputs } from "./io/groups/write-groups.js";
export {
  renderGroupReport,
  /**
   * What the group programmes' page is made from: the indexed cohort, the result, a title.
   *
   * @example
   * const html = renderGroupReport({ index: indexCohort(cohort), result: await group(cohort), title: "Growing the Top 2025-26" } satisfies GroupReportInput);
   */
  type GroupReportInput,
} from "./io/groups/report-groups.js";
