import type { Allocation, Assignment } from "../model/schema.js";
import { cellReader } from "./cells.js";
import { capErrors } from "./cap-errors.js";
import type { InputError, Result } from "./errors.js";
import { readTable, stopsTable } from "./read-csv.js";

/** The columns an allocation is read by; the others are for people. */
export const ALLOCATION_READ = { required: ["review_id", "role", "person_id"], optional: ["host_school_id", "start", "end", "person_name", "person_school_id", "level", "status"] } as const;

/**
 * Reads an allocation back. Only `review_id`, `role` and `person_id` matter; the other columns
 * are for people and may be blank or edited by hand. A header missing one of the three is one
 * error, not one per row.
 */
export function parseAllocation(contents: string | Uint8Array, file = "allocation.csv"): Result<Allocation> {
  const { table, errors, warnings } = readTable(contents, file, ALLOCATION_READ);
  if (errors.some(stopsTable)) return { ok: false, errors: errors.filter((e) => e.code !== "unknown-column") };
  const assignments: Assignment[] = [];
  for (const row of table.rows) {
    const c = cellReader(file, row, errors);
    const reviewId = c.required("review_id", "a review id");
    const personId = c.required("person_id", "a person id");
    const role = c.raw("role").toLowerCase();
    if (role !== "lead" && role !== "peer") {
      c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
      continue;
    }
    if (reviewId !== undefined && personId !== undefined) assignments.push({ reviewId, role, personId });
  }
  return errors.length > 0 ? { ok: false, errors: capErrors(errors as InputError[]) } : { ok: true, value: { assignments }, warnings };
}
