import type { Change } from "../repair.js";
import { cellReader } from "./cells.js";
import { capErrors } from "./cap-errors.js";
import type { InputError, Result } from "./errors.js";
import { readTable, stopsTable } from "./read-csv.js";

/** Rows of changes.csv, with the spreadsheet row of each change (for error messages). */
export interface ChangeList {
  readonly changes: readonly Change[];
  readonly rows: readonly number[];
}

/**
 * Reads `changes.csv` (`change,id,value`): `withdraw,<person id>,` (the rest of the year, from
 * the freeze date on) · `withdraw,<person id>,<review id>` (that one review) ·
 * `cancel,<review id>,` · `move,<review id>,<new start date>`.
 *
 * @example parseChanges("change,id,value\nwithdraw,P0042,R0012\n") // { ok: true, value: { changes: [{ change: "withdraw", id: "P0042", reviewId: "R0012" }], rows: [2] } }
 */
export function parseChanges(contents: string | Uint8Array, file = "changes.csv"): Result<ChangeList> {
  const { table, errors } = readTable(contents, file, { required: ["change", "id"], optional: ["value"] });
  if (errors.some(stopsTable)) return { ok: false, errors };
  const changes: Change[] = [];
  const rows: number[] = [];
  for (const row of table.rows) {
    const c = cellReader(file, row, errors);
    const kind = c.raw("change").toLowerCase();
    const id = c.required("id", "the id of the person or review that changes");
    if (kind !== "withdraw" && kind !== "cancel" && kind !== "move") {
      c.fail("change", `"${c.raw("change")}" is not a change; use withdraw, cancel or move`);
      continue;
    }
    if (id === undefined) continue;
    if (kind === "move") {
      const start = c.date("value");
      if (start === undefined) continue;
      changes.push({ change: "move", id, start });
    } else if (kind === "withdraw" && c.raw("value") !== "") {
      const reviewId = c.required("value", "the review withdrawn from");
      if (reviewId === undefined) continue;
      changes.push({ change: "withdraw", id, reviewId });
    } else {
      changes.push({ change: kind, id });
    }
    rows.push(row.row);
  }
  return errors.length > 0 ? { ok: false, errors: capErrors(errors as InputError[]) } : { ok: true, value: { changes, rows }, warnings: [] };
}
