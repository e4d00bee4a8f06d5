/**
 * Across the years: closing a year (carry-over, history, the ledger across years), starting
 * the next from it, the reviewer pathway and each school's record over the closed years. Pure: no files, no clock.
 */
export { closeYear, type Attendance, type ClosedYear, type CloseYearIssue, type CloseYearOptions, type CloseYearOutcome } from "./close-year.js";
export { pathwayOf, type PathwayOptions, type PathwayRow } from "./pathway.js";
export { compareYearLabels, standings, type SchoolStanding } from "./ledger.js";
export { newYear, nextLabel, shiftFor, type AvailabilityRow, type NewYear, type RolledReview } from "./new-year.js";
export { reachWarnings, reciprocityReach, type SchoolReach } from "./reach.js";
