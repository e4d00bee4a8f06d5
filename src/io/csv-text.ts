import { stringify } from "csv-stringify/sync";
import { dropControl } from "../model/text.js";

/**
 * Text cells a spreadsheet would run as a formula start with one of these; they are written
 * with a leading apostrophe so that opening an export never executes anything.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell of an output table: text, a number (written plain), or blank. */
export type TableCell = string | number | undefined | null;

/**
 * An output file's contents before it is written: its columns and rows, numbers as numbers.
 * The same table becomes a CSV file (`tableCsv`) and a sheet of `results.xlsx`.
 */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** Neutralises a text cell; numbers are written plain and never touched. */
export function safeCell(value: TableCell): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = dropControl(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The UTF-8 byte order mark every CSV output starts with: without it Excel on Windows reads the
 * file in the machine's code page and shows "Dr. Ã–dÃ¶n Varga". Every reader of the project drops it.
 */
export const BOM = "\uFEFF";

/**
 * Writes a header and rows as RFC 4180 CSV (LF line ends), every text cell neutralised, behind a
 * BOM (`bom: false` leaves it out, for files compared with plain text, such as the fixtures).
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly TableCell[])[], options: { readonly bom?: boolean } = {}): string {
  const text = stringify([columns.map(safeCell), ...rows.map((row) => row.map(safeCell))], { record_delimiter: "\n" });
  return options.bom === false ? text : `${BOM}${text}`;
}

/** A table as CSV text (see `toCsv`). */
export const tableCsv = (table: Table): string => toCsv(table.columns, table.rows);
