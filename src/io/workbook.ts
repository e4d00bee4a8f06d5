import type { CellValue, Workbook, Worksheet } from "exceljs";
import { basename, extname } from "node:path";
import type { InputError } from "./errors.js";
import { matchFiles } from "./match-files.js";
import { readBytes } from "./files.js";
import { INPUT_LIMITS, megabytes } from "./limits.js";
import type { SheetRows } from "./read-csv.js";
import type { YearFileContents } from "./rows/read-rows.js";
import { POLICY_FILE, YEAR_FILES } from "./year-files.js";
import { measureZip } from "./zip-size.js";

/**
 * Reading .xlsx workbooks with exceljs (see docs/formats.md for why this library): a whole year
 * as one workbook with a sheet per file, or a folder of single-sheet workbooks. Cells become the
 * text a CSV export would hold, except that a date cell becomes an ISO date (never a serial
 * number or a locale's writing of it). Loaded only when a workbook is read.
 */

const EXPECTED = [...Object.values(YEAR_FILES).map((f) => f.file), POLICY_FILE];

/** The year's files read from workbooks, and, for each file name the reader reports, where it came from. */
export interface WorkbookFiles {
  readonly files: YearFileContents;
  /** Year file name (`schools.csv`) → the place to name in messages (`year.xlsx, sheet "Schools"`). */
  readonly renames: ReadonlyMap<string, string>;
}

/** A cell's value as text: dates as `YYYY-MM-DD`, formulas by their result, rich text joined. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return String(value.text ?? value.hyperlink);
  if ("result" in value) return cellText(value.result as CellValue);
  if ("error" in value) return String(value.error);
  return "";
}

/** One sheet as rows of text; row i is the spreadsheet's row i + 1, blank rows kept. */
function sheetRows(sheet: Worksheet, file: string): SheetRows | InputError {
  if (sheet.rowCount > INPUT_LIMITS.rows + 1) return { code: "too-large", file, message: `has ${sheet.rowCount} rows; a table has at most ${INPUT_LIMITS.rows}` };
  if (sheet.columnCount > INPUT_LIMITS.columns) return { code: "too-large", file, message: `has ${sheet.columnCount} columns; a table has at most ${INPUT_LIMITS.columns}` };
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    rows.push(cells);
  }
  return { sheet: sheet.name, rows };
}

/** The workbook in these bytes, or an error naming the file. */
async function load(bytes: Uint8Array, file: string): Promise<Workbook | InputError> {
  // Measured by inflating, not by what the zip's directory claims: a lying directory is a zip bomb.
  const measure = await measureZip(bytes, { bytes: INPUT_LIMITS.unpackedBytes, rows: INPUT_LIMITS.rows + 1 });
  if (!measure.ok && "tooLarge" in measure) {
    const message =
      measure.tooLarge === "bytes"
        ? `unpacks to more than ${megabytes(INPUT_LIMITS.unpackedBytes)} (refused while unpacking); a workbook may unpack to at most ${megabytes(INPUT_LIMITS.unpackedBytes)} (save the sheets as CSV files instead)`
        : `has a sheet (${measure.entry}) with more than ${INPUT_LIMITS.rows.toLocaleString("en-GB")} rows; a table has at most ${INPUT_LIMITS.rows.toLocaleString("en-GB")}`;
    return { code: "too-large", file, message };
  }
  const unreadable = (why: string): InputError => ({ code: "unreadable-file", file, message: `is not a readable .xlsx workbook (${why}); save it again from the spreadsheet as "Excel Workbook (.xlsx)"` });
  if (!measure.ok) return unreadable(measure.unreadable);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  } catch (cause) {
    return unreadable(String((cause as Error).message ?? cause).slice(0, 80));
  }
}

const isError = (value: unknown): value is InputError => typeof value === "object" && value !== null && "code" in value && "message" in value;

/**
 * A whole year from one workbook: each sheet named like a file (`schools`, `Schools`,
 * `reviews.csv`) is that file. A sheet the year does not use is ignored.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookFiles | { error: InputError }> {
  const read = readBytes(path);
  if ("error" in read) return read;
  const workbook = await load(read.bytes, path);
  if (isError(workbook)) return { error: workbook };
  const sheetOf = new Map<string, string>();
  const sheetNamed = new Map<string, Worksheet>();
  for (const sheet of workbook.worksheets) {
    // A sheet named like a file keeps its name (`Reviews.csv`); `reviews` is read as `reviews.csv`.
    const key = extname(sheet.name) === "" ? `${sheet.name}.csv` : sheet.name;
    // `reviews` beside `reviews.csv` would share a key: the sheet's own name keeps them apart.
    let unique = key;
    for (let n = 2; sheetOf.has(unique); n += 1) unique = `${basename(key, extname(key))} (${n})${extname(key)}`;
    sheetOf.set(unique, sheet.name);
    sheetNamed.set(unique, sheet);
  }
  const matched = matchFiles([...sheetOf.keys()], EXPECTED);
  const sheetsIn = (names: readonly string[]) => names.map((name) => `"${sheetOf.get(name)}"`).join(" and ");
  const conflict = matched.conflicts[0];
  if (conflict !== undefined) {
    return { error: { code: "duplicate-id", file: path, message: `has sheets ${sheetsIn(conflict.names)}, which could each be ${conflict.wanted}; keep one (rename or delete the others)` } };
  }
  // The other sheets by name only, for the hint when a required one is missing.
  const files: Record<string, SheetRows | undefined> = Object.fromEntries([...sheetOf.keys()].map((key) => [key, undefined]));
  const renames = new Map<string, string>();
  for (const [wanted, key] of matched.files) {
    const rows = sheetRows(sheetNamed.get(key)!, `${basename(path)}, sheet "${sheetOf.get(key)}"`);
    if (isError(rows)) return { error: rows };
    files[key] = rows;
    renames.set(wanted, `${basename(path)}, sheet "${sheetOf.get(key)}"`);
  }
  if (renames.size === 0) {
    return { error: { code: "missing-file", file: path, message: `has no sheet named like a year file (schools, reviewers, leads, reviews); its sheets: ${workbook.worksheets.map((s) => s.name).join(", ")}` } };
  }
  return { files, renames };
}

/**
 * A folder's files with each single-sheet workbook (`schools.xlsx`) turned into its sheet's
 * rows; the CSV files are passed through. Errors go to `errors`.
 */
export async function workbookSheets(given: Readonly<Record<string, Uint8Array | undefined>>, errors: InputError[]): Promise<WorkbookFiles> {
  const files: Record<string, YearFileContents[string]> = { ...given };
  const renames = new Map<string, string>();
  const matched = matchFiles(Object.keys(given).filter((name) => given[name] !== undefined), EXPECTED).files;
  for (const [wanted, name] of matched) {
    const bytes = given[name];
    if (bytes === undefined || extname(name).toLowerCase() !== ".xlsx") continue;
    const workbook = await load(bytes, name);
    if (isError(workbook)) {
      errors.push(workbook);
      continue;
    }
    const stem = basename(wanted, ".csv");
    const sheet = workbook.worksheets.find((s) => s.name.toLowerCase() === stem) ?? workbook.worksheets[0];
    if (sheet === undefined) {
      errors.push({ code: "empty-file", file: name, message: "has no sheets" });
      continue;
    }
    const rows = sheetRows(sheet, name);
    if (isError(rows)) errors.push(rows);
    else files[name] = rows;
    renames.set(wanted, `${name}, sheet "${sheet.name}"`);
  }
  return { files, renames };
}
