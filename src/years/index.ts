/**
 * Across the years: closing a year (carry-over, history, the ledger across years), the
 * reviewer pathway and each school's record over the closed years. Pure: no files, no clock.
 */
export { closeYear, type Attendance, type ClosedYear, type CloseYearIssue, type CloseYearOptions, type CloseYearOutcome } from "./close-year.js";
export { pathwayOf, type PathwayOptions, type PathwayRow } from "./pathway.js";
export { compareYearLabels, standings, type SchoolStanding } from "./ledger.js";
export { reachWarnings, reciprocityReach, type SchoolReach } from "./reach.js";
