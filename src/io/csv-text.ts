import { stringify } from "csv-stringify/sync";
import { dropControl } from "../model/text.js";

/**
 * Text cells a spreadsheet would run as a formula start with one of these; they are written
 * with a leading apostrophe so that opening an export never executes anything.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell; numbers are written plain and never touched. */
export function safeCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = dropControl(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Writes a header and rows as RFC 4180 CSV (LF line ends), every text cell neutralised. */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return stringify([columns.map(safeCell), ...rows.map((row) => row.map(safeCell))], { record_delimiter: "\n" });
}
