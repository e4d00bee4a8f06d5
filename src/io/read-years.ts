/**
 * Reading the files of the years: `ledger-years.csv` (also part of a year folder),
 * `attendance.csv` (`qar close-year --attendance`) and a closed year's `pathway.csv`.
 */
import type { Attendance } from "../years/close-year.js";
import type { PathwayRow } from "../years/pathway.js";
import type { LedgerYear } from "../model/schema.js";
import { cellReader } from "./cells.js";
import type { InputError, Result } from "./errors.js";
import { capErrors } from "./cap-errors.js";
import { readTable as readAnyTable, stopsTable, type CsvRow } from "./read-csv.js";
import { ATTENDANCE_FILE, PATHWAY_FILE, YEAR_FILES } from "./year-files.js";

type Cells = ReturnType<typeof cellReader>;

/** Spreadsheet rows of the items read, beside the items: error messages point at them. */
export interface Rows<T> {
  readonly items: readonly T[];
  readonly rows: readonly number[];
}

/** One row of `ledger-years.csv`; `balance` must be `sent − received` (a hand edit that breaks it is caught). */
export function ledgerYearRow(c: Cells): LedgerYear | undefined {
  const year = c.required("year", "the label of the closed year, e.g. 2023-24");
  const schoolId = c.required("school_id", "a school id");
  // A blank cell is its own error; a bad number already has one from `number`.
  const whole = (column: string, blank: string, min?: number) =>
    c.raw(column) === "" ? c.fail(column, `is blank; ${blank}`) : c.number(column, { integer: true, ...(min !== undefined ? { min } : {}) });
  const received = whole("received", "a count of places", 0);
  const sent = whole("sent", "a count of places", 0);
  const balance = whole("balance", "sent − received");
  const carryOverAfter = whole("carry_over_after", "the carry-over taken into the next year");
  if (year === undefined || schoolId === undefined || received === undefined || sent === undefined || balance === undefined || carryOverAfter === undefined) return undefined;
  if (balance !== sent - received) return c.fail("balance", `is ${balance} but sent − received is ${sent - received}`);
  return { year, schoolId, received, sent, balance, carryOverAfter };
}

/** A school listed twice for one year: the second row is the error. */
export function duplicateLedgerYears(items: readonly LedgerYear[], rows: readonly number[], file: string): InputError[] {
  const seen = new Map<string, number>();
  const errors: InputError[] = [];
  items.forEach((item, i) => {
    const key = `${item.year}\u0000${item.schoolId}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ code: "duplicate-id", file, row: rows[i]!, column: "school_id", message: `school ${item.schoolId} is listed twice for ${item.year} (first in row ${first})` });
    else seen.set(key, rows[i]!);
  });
  return errors;
}

function readTable<T>(contents: string | Uint8Array, file: string, spec: { readonly required: readonly string[]; readonly optional: readonly string[] }, build: (c: Cells, row: CsvRow) => T | undefined): Result<Rows<T>> {
  const { table, errors } = readAnyTable(contents, file, spec);
  if (errors.some(stopsTable)) return { ok: false, errors };
  const items: T[] = [];
  const rows: number[] = [];
  for (const row of table.rows) {
    const before = errors.length;
    const item = build(cellReader(file, row, errors), row);
    if (item !== undefined && errors.length === before) {
      items.push(item);
      rows.push(row.row);
    }
  }
  return errors.length > 0 ? { ok: false, errors: capErrors(errors) } : { ok: true, value: { items, rows }, warnings: [] };
}

/**
 * Reads `ledger-years.csv` on its own (`qar ledger`): one row per school per closed year.
 *
 * @example const ledger = parseLedgerYears(readFileSync("2025-26/ledger-years.csv"));
 */
export function parseLedgerYears(contents: string | Uint8Array, file: string = YEAR_FILES.ledgerYears.file): Result<Rows<LedgerYear>> {
  const read = readTable(contents, file, YEAR_FILES.ledgerYears, ledgerYearRow);
  if (!read.ok) return read;
  const duplicates = duplicateLedgerYears(read.value.items, read.value.rows, file);
  return duplicates.length > 0 ? { ok: false, errors: duplicates } : read;
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);

/**
 * Reads `attendance.csv` (`review_id,person_id,attended`, attended `yes` or `no`).
 *
 * @example parseAttendance("review_id,person_id,attended\nR0001,P0193,no\n")
 */
export function parseAttendance(contents: string | Uint8Array, file: string = ATTENDANCE_FILE.file): Result<Rows<Attendance>> {
  return readTable(contents, file, ATTENDANCE_FILE, (c) => {
    const reviewId = c.required("review_id", "a review id");
    const personId = c.required("person_id", "a person id");
    const text = c.raw("attended").toLowerCase();
    const attended = YES.has(text) ? true : NO.has(text) ? false : c.fail("attended", `"${c.raw("attended")}" is not yes or no`);
    if (reviewId === undefined || personId === undefined || attended === undefined) return undefined;
    return { reviewId, personId, attended };
  });
}

/**
 * Reads a closed year's `pathway.csv`; only `reviewer_id` and `waiting_since` are used again
 * (the rest is recomputed from the history).
 *
 * @example const previous = parsePathway(readFileSync("2025-26/pathway.csv"));
 */
export function parsePathway(contents: string | Uint8Array, file: string = PATHWAY_FILE.file): Result<Rows<Pick<PathwayRow, "reviewerId" | "waitingSince">>> {
  return readTable(contents, file, { required: ["reviewer_id", "waiting_since"], optional: PATHWAY_FILE.required }, (c) => {
    const reviewerId = c.required("reviewer_id", "a reviewer id");
    if (reviewerId === undefined) return undefined;
    const since = c.optional("waiting_since");
    return { reviewerId, ...(since !== undefined ? { waitingSince: since } : {}) };
  });
}

/** School names by id from `schools.csv`, for tables that show names beside ids. */
export function schoolNames(contents: string | Uint8Array, file: string = YEAR_FILES.schools.file): Result<ReadonlyMap<string, string>> {
  const columns = [...YEAR_FILES.schools.required, ...YEAR_FILES.schools.optional].filter((c) => c !== "id");
  const read = readTable(contents, file, { required: ["id"], optional: columns }, (c) => {
    const id = c.required("id", "a school id");
    return id === undefined ? undefined : { id, name: c.raw("name") };
  });
  return read.ok ? { ok: true, value: new Map(read.value.items.map((s) => [s.id, s.name])), warnings: [] } : read;
}
