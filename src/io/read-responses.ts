import type { Answer, Response } from "../season/responses.js";
import { cellReader } from "./cells.js";
import type { InputError, Result } from "./errors.js";
import { decodeUtf8, readCsvTable } from "./read-csv.js";

/** Rows of responses.csv, with the spreadsheet row of each response (for error messages). */
export interface ResponseList {
  readonly responses: readonly Response[];
  readonly rows: readonly number[];
}

/** The words a reply form or a spreadsheet may use, in any case. */
const ANSWERS: Readonly<Record<string, Answer>> = { confirmed: "confirmed", yes: "confirmed", declined: "declined", no: "declined" };

/**
 * Reads `responses.csv` (`review_id,person_id,response`): `response` is `confirmed` or
 * `declined`, in any case; `yes` and `no` mean the same.
 *
 * @example
 * const read = parseResponses("review_id,person_id,response\nR2,P3,Yes\nR1,P7,declined\n");
 * if (read.ok) console.log(read.value.responses); // [{ reviewId: "R2", personId: "P3", response: "confirmed" }, ...]
 */
export function parseResponses(contents: string | Uint8Array, file = "responses.csv"): Result<ResponseList> {
  const { list, errors } = readResponses(contents, file);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: list, warnings: [] };
}

/**
 * Reads `responses.csv` as far as it can: the rows that read well, and the errors of the others,
 * so that a command can check the good rows against the year too and report every problem of
 * the file in one run.
 *
 * @example
 * const { list, errors } = readResponses(bytes, "responses.csv");
 */
export function readResponses(contents: string | Uint8Array, file = "responses.csv"): { list: ResponseList; errors: InputError[] } {
  const decoded = decodeUtf8(contents, file);
  if ("error" in decoded) return { list: { responses: [], rows: [] }, errors: [decoded.error] };
  const { table, errors } = readCsvTable(decoded.text, file, { required: ["review_id", "person_id", "response"], optional: [] });
  // Without its columns the rows cannot be read: the header errors say what to fix.
  if (errors.some((e) => e.code === "missing-column" || e.code === "bad-csv" || e.code === "empty-file")) return { list: { responses: [], rows: [] }, errors: errors as InputError[] };
  const responses: Response[] = [];
  const rows: number[] = [];
  for (const row of table.rows) {
    const c = cellReader(file, row, errors);
    const reviewId = c.required("review_id", "the id of the review answered");
    const personId = c.required("person_id", "the id of the person answering");
    const text = c.raw("response");
    const response = ANSWERS[text.toLowerCase()];
    if (response === undefined) c.fail("response", text === "" ? "is blank; write confirmed or declined (yes or no)" : `"${text}" is not an answer; write confirmed or declined (yes or no)`);
    if (reviewId === undefined || personId === undefined || response === undefined) continue;
    responses.push({ reviewId, personId, response });
    rows.push(row.row);
  }
  return { list: { responses, rows }, errors: errors as InputError[] };
}
