import type { Allocation, Assignment } from "../model/schema.js";
import { cellReader } from "./cells.js";
import type { InputError, Result } from "./errors.js";
import { decodeUtf8, readCsvTable } from "./read-csv.js";

/**
 * Reads an allocation back. Only `review_id`, `role` and `person_id` matter; the other columns
 * are for people and may be blank or edited by hand.
 */
export function parseAllocation(contents: string | Uint8Array, file = "allocation.csv"): Result<Allocation> {
  const decoded = decodeUtf8(contents, file);
  if ("error" in decoded) return { ok: false, errors: [decoded.error] };
  const { table, errors } = readCsvTable(decoded.text, file, { required: ["review_id", "role", "person_id"], optional: [] });
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
  return errors.length > 0 ? { ok: false, errors: errors as InputError[] } : { ok: true, value: { assignments }, warnings: [] };
}
