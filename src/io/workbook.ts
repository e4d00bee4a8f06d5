import type { CellValue, Worksheet } from "exceljs";
import { basename, extname } from "node:path";
import type { InputError } from "./errors.js";
import { isWorkbookName, matchFiles } from "./match-files.js";
import { readBytes } from "./files.js";
import { INPUT_LIMITS, megabytes } from "./limits.js";
import { ODS_MEDIA_TYPE, readOds } from "./ods.js";
import type { SheetRows, TableContents } from "./read-csv.js";
import type { YearFileContents } from "./rows/read-rows.js";
import { POLICY_FILE, YEAR_FILES } from "./year-files.js";
import { measureZip } from "./zip-size.js";

/**
 * Reading workbooks: .xlsx with exceljs (see docs/formats.md for why this library), .ods with
 * `readOds`; a whole year as one workbook with a sheet per file, a folder of single-sheet
 * workbooks, or one table (an allocation) from a workbook's sheet. Cells become the text a CSV
 * export would hold, except that a date cell becomes an ISO date (never a serial number or a
 * locale's writing of it). Loaded only when a workbook is read.
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

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An Excel 97-2003 `.xls` (an OLE compound file), which is not read. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((byte, i) => bytes[at + i] === byte);

/**
 * What these bytes are: an .ods (its first zip entry is `mimetype`, stored, naming the type; or a
 * zip named .ods), an .xlsx (another zip), an .xls, or none of them (CSV text).
 */
function formatOf(bytes: Uint8Array, file: string): "ods" | "xlsx" | "xls" | undefined {
  if (startsWith(bytes, OLE)) return "xls";
  if (!startsWith(bytes, ZIP)) return undefined;
  const head = new TextDecoder("latin1").decode(bytes.subarray(30, 30 + 8 + ODS_MEDIA_TYPE.length));
  return head === `mimetype${ODS_MEDIA_TYPE}` || extname(file).toLowerCase() === ".ods" ? "ods" : "xlsx";
}

/** How to save a workbook of each format again, for a message. */
const SAVE_AS = { xlsx: '"Excel Workbook (.xlsx)"', ods: '"ODF Spreadsheet (.ods)"' } as const;

/**
 * The sheets of the workbook in these bytes (.xlsx through exceljs, .ods through `readOds`), or
 * an error naming the file. The zip is measured first by inflating it (its bytes, and an .xlsx
 * worksheet's rows), so neither library ever sees a zip bomb.
 */
async function loadSheets(bytes: Uint8Array, file: string): Promise<SheetRows[] | InputError> {
  const format = formatOf(bytes, file);
  if (format === "xls") return { code: "unreadable-file", file, message: 'is an Excel 97-2003 workbook (.xls), which is not read; save it from Excel as "Excel Workbook (.xlsx)"' };
  const kind = format ?? "xlsx";
  // Measured by inflating, not by what the zip's directory claims: a lying directory is a zip bomb.
  const measure = await measureZip(bytes, { bytes: INPUT_LIMITS.unpackedBytes, rows: INPUT_LIMITS.rows + 1 });
  if (!measure.ok && "tooLarge" in measure) {
    const message =
      measure.tooLarge === "bytes"
        ? `unpacks to more than ${megabytes(INPUT_LIMITS.unpackedBytes)} (refused while unpacking); a workbook may unpack to at most ${megabytes(INPUT_LIMITS.unpackedBytes)} (save the sheets as CSV files instead)`
        : `has a sheet (${measure.entry}) with more than ${INPUT_LIMITS.rows.toLocaleString("en-GB")} rows; a table has at most ${INPUT_LIMITS.rows.toLocaleString("en-GB")}`;
    return { code: "too-large", file, message };
  }
  const unreadable = (why: string): InputError => ({ code: "unreadable-file", file, message: `is not a readable .${kind} workbook (${why}); save it again from the spreadsheet as ${SAVE_AS[kind]}` });
  if (!measure.ok) return unreadable(measure.unreadable);
  if (format === "ods") return readOds(bytes, file);
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    return unreadable(String((cause as Error).message ?? cause).slice(0, 80));
  }
  const sheets: SheetRows[] = [];
  for (const sheet of workbook.worksheets) {
    const rows = sheetRows(sheet, `${basename(file)}, sheet "${sheet.name}"`);
    if (isError(rows)) return rows;
    sheets.push(rows);
  }
  return sheets;
}

const isError = (value: unknown): value is InputError => typeof value === "object" && value !== null && "code" in value && "message" in value;

/**
 * The sheet of `sheets` that is the file `wanted` (`allocation.csv`: a sheet `allocation`,
 * `Allocation`...), or the only sheet; two sheets that could each be it are named, never picked.
 */
function sheetFor(sheets: readonly SheetRows[], wanted: string): SheetRows | { readonly candidates: readonly string[] } | undefined {
  const candidates = sheets.filter((sheet) => matchFiles([extname(sheet.sheet) === "" ? `${sheet.sheet}.csv` : sheet.sheet], [wanted]).files.has(wanted));
  if (candidates.length > 1) return { candidates: candidates.map((sheet) => sheet.sheet) };
  return candidates[0] ?? (sheets.length === 1 ? sheets[0] : undefined);
}

/**
 * One table given as a file that may be CSV or a workbook (an allocation saved from Excel or
 * LibreOffice, or `results.xlsx`): CSV bytes pass through; of a workbook (.xlsx or .ods, known by
 * its bytes whatever its name) the sheet named like `wanted` (`allocation`), or its only sheet,
 * is read, and messages name it (`results.xlsx, sheet "allocation"`).
 *
 * @example const table = await tableContents(readFileSync("results.xlsx"), "results.xlsx", "allocation.csv");
 */
export async function tableContents(bytes: Uint8Array, file: string, wanted: string): Promise<{ contents: TableContents; file: string } | { error: InputError }> {
  if (formatOf(bytes, file) === undefined) return { contents: bytes, file };
  const sheets = await loadSheets(bytes, file);
  if (isError(sheets)) return { error: sheets };
  const sheet = sheetFor(sheets, wanted);
  if (sheet !== undefined && "candidates" in sheet) {
    return { error: { code: "duplicate-id", file, message: `has sheets ${sheet.candidates.map((name) => `"${name}"`).join(" and ")}, which could each be ${wanted}; keep one (rename or delete the others)` } };
  }
  if (sheet === undefined) {
    const stem = basename(wanted, extname(wanted));
    return { error: { code: "missing-file", file, message: `has no sheet named "${stem}" and more than one sheet (${sheets.map((s) => s.sheet).join(", ")}); name the sheet "${stem}" or save it alone` } };
  }
  return { contents: sheet, file: `${file}, sheet "${sheet.sheet}"` };
}

/**
 * A whole year from one workbook: each sheet named like a file (`schools`, `Schools`,
 * `reviews.csv`) is that file. A sheet the year does not use is ignored.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookFiles | { error: InputError }> {
  const read = readBytes(path);
  if ("error" in read) return read;
  const sheets = await loadSheets(read.bytes, path);
  if (isError(sheets)) return { error: sheets };
  const sheetOf = new Map<string, string>();
  const sheetNamed = new Map<string, SheetRows>();
  for (const sheet of sheets) {
    // A sheet named like a file keeps its name (`Reviews.csv`); `reviews` is read as `reviews.csv`.
    const key = extname(sheet.sheet) === "" ? `${sheet.sheet}.csv` : sheet.sheet;
    // `reviews` beside `reviews.csv` would share a key: the sheet's own name keeps them apart.
    let unique = key;
    for (let n = 2; sheetOf.has(unique); n += 1) unique = `${basename(key, extname(key))} (${n})${extname(key)}`;
    sheetOf.set(unique, sheet.sheet);
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
    files[key] = sheetNamed.get(key)!;
    renames.set(wanted, `${basename(path)}, sheet "${sheetOf.get(key)}"`);
  }
  if (renames.size === 0) {
    return { error: { code: "missing-file", file: path, message: `has no sheet named like a year file (schools, reviewers, leads, reviews); its sheets: ${sheets.map((s) => s.sheet).join(", ")}` } };
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
    if (bytes === undefined || !isWorkbookName(name)) continue;
    const sheets = await loadSheets(bytes, name);
    if (isError(sheets)) {
      errors.push(sheets);
      continue;
    }
    const stem = basename(wanted, ".csv");
    const sheet = sheets.find((s) => s.sheet.toLowerCase() === stem) ?? sheets[0];
    if (sheet === undefined) {
      errors.push({ code: "empty-file", file: name, message: "has no sheets" });
      continue;
    }
    files[name] = sheet;
    renames.set(wanted, `${name}, sheet "${sheet.sheet}"`);
  }
  return { files, renames };
}
