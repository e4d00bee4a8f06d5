import type { ClosedYear } from "../years/close-year.js";
import type { NewYear } from "../years/new-year.js";
import { compareYearLabels, type SchoolStanding } from "../years/ledger.js";
import type { PathwayRow } from "../years/pathway.js";
import { toCsv } from "./csv-text.js";
import { ranges, serializeYear } from "./write-year.js";
import { PATHWAY_FILE, YEAR_FILES } from "./year-files.js";

const yesNo = (value: boolean) => (value ? "yes" : "no");

/**
 * `pathway.csv`: one row per reviewer, in reviewers' order.
 *
 * @example writeFileSync("pathway.csv", pathwayCsv(pathwayOf(problem.reviewers, problem.history, problem.policy)));
 */
export function pathwayCsv(rows: readonly PathwayRow[]): string {
  return toCsv(
    PATHWAY_FILE.required,
    rows.map((r) => [r.reviewerId, r.name, r.schoolId, r.level, r.reviewsCompleted, r.lastReviewYear, yesNo(r.eligibleForAdvanced), yesNo(r.waitingForFirstReview), r.waitingSince]),
  );
}

/** The subfolder of a closed year's output that keeps the closed year as it was, for `qar new-year`. */
export const PREVIOUS_YEAR_FOLDER = "previous-year";

/**
 * The files of a closed year's output folder, the next year's starting folder: `schools.csv`
 * (new `carry_over`), `reviewers.csv` and `leads.csv` (availability cleared), `history.csv`,
 * `ledger-years.csv`, `pathway.csv`, and `policy.json` when it differs from the defaults. No
 * `reviews.csv`: next year's dates are new. `previous-year/` keeps the closed year's own files
 * (its reviews, everyone's availability), which `qar new-year` rolls forward.
 *
 * @example
 * const closed = closeYear(problem, allocation, { yearLabel: "2024-25" });
 * if (closed.ok) writeFolderAtomically("2025-26", closedYearFiles(closed.value));
 */
export function closedYearFiles(closed: ClosedYear): Record<string, string> {
  const files = serializeYear(closed.next);
  delete files[YEAR_FILES.reviews.file];
  files[PATHWAY_FILE.file] = pathwayCsv(closed.pathway);
  for (const [name, text] of Object.entries(serializeYear(closed.previous))) files[`${PREVIOUS_YEAR_FOLDER}/${name}`] = text;
  return files;
}

/**
 * The schools furthest behind on their commitment, as a plain-text table (`qar ledger`): one
 * line per school with its balance each closed year, the totals and what it owes now.
 */
export function standingsTable(rows: readonly SchoolStanding[], names: ReadonlyMap<string, string> = new Map()): string {
  const years = [...new Set(rows.flatMap((row) => row.years.map((y) => y.year)))].sort(compareYearLabels);
  const clip = (text: string) => (Array.from(text).length > 32 ? `${Array.from(text).slice(0, 31).join("")}…` : text);
  const header = ["school", "name", ...years, "received", "sent", "balance", "owes now", "years met"];
  const lines = rows.map((row) => {
    const byYear = new Map(row.years.map((y) => [y.year, y.balance]));
    return [
      row.schoolId,
      clip(names.get(row.schoolId) ?? ""),
      ...years.map((year) => (byYear.has(year) ? String(byYear.get(year)) : "–")),
      String(row.received),
      String(row.sent),
      String(row.balance),
      String(row.carryOver),
      `${row.yearsMeetingCommitment}/${row.years.length}`,
    ];
  });
  const table = [header, ...lines];
  const width = (text: string) => Array.from(text).length;
  const widths = header.map((_, c) => Math.max(...table.map((line) => width(line[c]!))));
  const pad = (cell: string, c: number) => " ".repeat(widths[c]! - width(cell));
  // Names left-aligned, figures right-aligned, as a spreadsheet shows them.
  return table
    .map((line) => line.map((cell, c) => (c < 2 ? cell + pad(cell, c) : pad(cell, c) + cell)).join("  ").trimEnd())
    .join("\n");
}

/** The columns of `availability.csv`, the template of dates to confirm with each person. */
export const AVAILABILITY_COLUMNS = ["role", "person_id", "name", "school_id", "email", "available", "last_year"] as const;

/**
 * The files of a year started by `qar new-year`: the year folder (reviews.csv with a
 * `to_confirm` note per review, reviewers.csv and leads.csv with last year's availability moved
 * on), `availability.csv` (one row per person: the dates proposed, last year's, for a mail merge)
 * and the closed folder's `pathway.csv` as it was.
 *
 * @example writeFolderAtomically("2025-26-draft", newYearFiles(newYear(start, previous)));
 */
export function newYearFiles(started: NewYear, pathway?: string): Record<string, string> {
  const notes = new Map(started.reviews.map((r) => [r.review.id, `yes: last year's ${r.lastStart} moved on ${started.shiftDays / 7} weeks; confirm with the school`]));
  const files = serializeYear(started.next, { toConfirm: notes });
  files["availability.csv"] = toCsv(
    AVAILABILITY_COLUMNS,
    started.availability.map((a) => [a.role === "lead" ? "Lead Reviewer" : "reviewer", a.personId, a.name, a.schoolId, a.email, ranges(a.available), ranges(a.lastYear)]),
  );
  if (pathway !== undefined) files[PATHWAY_FILE.file] = pathway;
  return files;
}
