import type { Allocation, Assignment, Decline, Withdrawal } from "../model/schema.js";
import { ALLOCATION_READ } from "./allocation-file.js";
import { cellReader } from "./cells.js";
import { capErrors } from "./cap-errors.js";
import type { InputError, Result } from "./errors.js";
import { readTable, stopsTable, type TableContents } from "./read-csv.js";

/** An allocation with the spreadsheet row of each assignment and each declined offer (for error messages). */
export interface AllocationRows {
  readonly allocation: Allocation;
  readonly assignmentRows: readonly number[];
  readonly declinedRows: readonly number[];
}

const STATUSES = ["proposed", "confirmed", "declined", "withdrawn"] as const;
/** Statuses of a seat given up: it fills no seat and goes to the allocation's `declined` list. */
const GIVEN_UP = new Set(["declined", "withdrawn"]);

/**
 * Reads an allocation back, with the row of each entry. Only `review_id`, `role` and
 * `person_id` are needed; `status` (`proposed`, `confirmed`, `declined` or `withdrawn`; blank or
 * missing = `proposed`) and `sequence` are optional; the other columns are for people and may be
 * blank or edited by hand. A `declined` or `withdrawn` row fills no seat: it goes to the
 * allocation's `declined` list. A `withdrawn` row with a blank `review_id` is a withdrawal from
 * every review that starts on or after its `start` (blank: the whole year); a `declined` one, a
 * decliner to be offered nothing new from then on (see `Withdrawal`).
 * `contents` is CSV text or bytes, or a workbook's sheet (`SheetRows`).
 */
export function parseAllocationRows(contents: TableContents, file = "allocation.csv"): Result<AllocationRows> {
  const { table, errors, warnings } = readTable(contents, file, ALLOCATION_READ);
  // Without its columns the rows cannot be read: the header errors say what to fix, once, not a
  // "blank" per row.
  if (errors.some(stopsTable)) return { ok: false, errors: errors.filter((e) => e.code !== "unknown-column") };
  const assignments: Assignment[] = [];
  const declined: Decline[] = [];
  const withdrawals: Withdrawal[] = [];
  const assignmentRows: number[] = [];
  const declinedRows: number[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const c = cellReader(file, row, errors);
    const status = (c.raw("status") || "proposed").toLowerCase();
    const role = c.raw("role").toLowerCase();
    // A withdrawal from the rest of the year (or a decliner asked nothing more) names no review:
    // its `start` is the day it takes effect.
    if (GIVEN_UP.has(status) && c.raw("review_id") === "") {
      const personId = c.required("person_id", "a person id");
      const from = c.raw("start") === "" ? undefined : c.date("start");
      if (role !== "lead" && role !== "peer") c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
      else if (personId !== undefined && (c.raw("start") === "" || from !== undefined)) {
        withdrawals.push({ personId, role, ...(from !== undefined ? { from } : {}), ...(status === "declined" ? { status: "declined" as const } : {}) });
      }
      continue;
    }
    const reviewId = c.required("review_id", "a review id");
    const personId = c.required("person_id", "a person id");
    const sequence = c.number("sequence", { integer: true, min: 0 });
    if (role !== "lead" && role !== "peer") c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
    if (!(STATUSES as readonly string[]).includes(status)) c.fail("status", `"${c.raw("status")}" is not a status; use ${STATUSES.join(", ")}`);
    if (reviewId === undefined || personId === undefined || (role !== "lead" && role !== "peer") || !(STATUSES as readonly string[]).includes(status)) continue;
    // A person both on a team and giving it up contradicts itself; which one holds is the user's call.
    const givenUp = GIVEN_UP.has(status);
    const key = `${givenUp ? "given-up" : "seated"}\u0000${reviewId}\u0000${personId}`;
    const other = seen.get(`${givenUp ? "seated" : "given-up"}\u0000${reviewId}\u0000${personId}`);
    if (other !== undefined) {
      c.fail("status", `${personId} ${givenUp ? "sits on" : "gave up"} review ${reviewId} in row ${other}; keep one of the two rows`);
      continue;
    }
    if (!seen.has(key)) seen.set(key, row.row);
    const entry = { reviewId, role, personId, ...(sequence !== undefined ? { sequence } : {}) } as const;
    if (givenUp) {
      declined.push(status === "withdrawn" ? { ...entry, status: "withdrawn" } : entry);
      declinedRows.push(row.row);
    } else {
      assignments.push({ ...entry, ...(status === "confirmed" ? { status: "confirmed" as const } : {}) });
      assignmentRows.push(row.row);
    }
  }
  if (errors.length > 0) return { ok: false, errors: capErrors(errors as InputError[]) };
  const allocation: Allocation = { assignments, ...(declined.length > 0 ? { declined } : {}), ...(withdrawals.length > 0 ? { withdrawals } : {}) };
  return { ok: true, value: { allocation, assignmentRows, declinedRows }, warnings };
}

/**
 * Reads an allocation back (see `parseAllocationRows` for the columns).
 *
 * @example
 * const read = parseAllocation(readFileSync("out/allocation.csv"));
 * if (read.ok) console.log(read.value.assignments.length, read.value.declined?.length ?? 0);
 */
export function parseAllocation(contents: TableContents, file = "allocation.csv"): Result<Allocation> {
  const read = parseAllocationRows(contents, file);
  return read.ok ? { ok: true, value: read.value.allocation, warnings: read.warnings } : read;
}
