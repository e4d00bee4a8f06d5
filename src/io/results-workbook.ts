import type { CellValue, Style as CellStyle } from "exceljs";
import { Writable } from "node:stream";
import type { CheckResult } from "../check.js";
import type { Explanation } from "../explain.js";
import { parseDay } from "../model/dates.js";
import type { Allocation } from "../model/schema.js";
import { dropControl } from "../model/text.js";
import type { Year } from "../model/year.js";
import { reciprocityReach, type SchoolReach } from "../years/reach.js";
import { lettersOf, type Letter } from "../season/letters.js";
import type { Notice } from "../season/notices.js";
import type { Table, TableCell } from "./csv-text.js";
import { allocationTable, ledgerTable, trustLedgerTable, unfilledTable } from "./write-outputs.js";
import { lettersTable, noticesTable } from "./write-season.js";
import { DIRECTORY_ENTRY, END_OF_DIRECTORY, LOCAL_HEADER } from "./zip-size.js";

/**
 * `results.xlsx`: the outputs a coordinator opens in a spreadsheet, as one workbook with a sheet
 * per file (the same tables as the CSV files). Written with exceljs, in Node only (the browser
 * entry keeps to the CSV files).
 */

/** The name of the workbook in an output folder. */
export const RESULTS_WORKBOOK = "results.xlsx";

/** One sheet: its name (a file's name without `.csv`) and its table. */
export interface SheetTable {
  readonly name: string;
  readonly table: Table;
}

/** Columns that hold dates (ISO text in the tables): written as date cells. */
const DATE_COLUMNS = new Set(["start", "end", "from_start", "to_start", "week"]);
/** How a date cell shows: the UK way, with the day of the week (`Tue 7 Oct 2025`). */
export const DATE_FORMAT = "ddd d mmm yyyy";
/**
 * The workbook's creation date, fixed: the same allocation gives the same bytes (the outputs are
 * reproducible under a seed, as the CSV files are).
 */
const CREATED = new Date(Date.UTC(2000, 0, 1));
const MAX_WIDTH = 60;
/** zlib's level for the parts, its default: level 1 was no faster on a year's letters (the XML is made more slowly than it is deflated) and a quarter larger. */
const ZIP_LEVEL = 6;
const MS_PER_DAY = 86_400_000;

/** A table cell as a sheet cell: a date column's ISO text as a date (UTC midnight, so the day never shifts). */
function sheetCell(value: TableCell, isDate: boolean): CellValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (isDate) {
    const day = parseDay(value);
    if (day !== undefined) return new Date(day * MS_PER_DAY);
  }
  // A text cell is never a formula in a workbook, so it needs no apostrophe; control characters go.
  return dropControl(value);
}

/** What a column needs: the width of its longest line (header included, within reason), and whether a cell holds more than one line. */
interface ColumnFit {
  readonly width: number;
  readonly multiLine: boolean;
}

/**
 * One pass down a column, measuring its lines where they stand (no split into new strings: a
 * year's letters are 50,000 cells of several lines each). A date cell shows `DATE_FORMAT`'s width.
 */
function fitOf(table: Table, column: number, isDate: boolean): ColumnFit {
  let longest = table.columns[column]!.length;
  let multiLine = false;
  for (const row of table.rows) {
    const cell = row[column];
    if (cell === undefined || cell === null) continue;
    const text = typeof cell === "string" ? cell : String(cell);
    let start = 0;
    let end = text.indexOf("\n");
    if (end >= 0 && typeof cell === "string") multiLine = true;
    if (isDate) {
      longest = Math.max(longest, DATE_FORMAT.length);
      continue;
    }
    for (; end >= 0; end = text.indexOf("\n", start)) {
      longest = Math.max(longest, end - start);
      start = end + 1;
    }
    longest = Math.max(longest, text.length - start);
  }
  return { width: Math.min(MAX_WIDTH, longest + 2), multiLine };
}

type WorkbookWriter = InstanceType<typeof import("exceljs").stream.xlsx.WorkbookWriter>;

/** Rows written between two turns of the event loop, so the zip takes in a sheet as it is written. */
const ROWS_PER_TURN = 2_000;

/**
 * One sheet, written row by row: each row is turned into XML and passed on to the zip as it is
 * added, so a year's 50,000 letters are never held as cells. A column's cells share one style
 * object, which exceljs recognises (a map keyed by the object) instead of working out each
 * cell's style again.
 */
async function addSheet(workbook: WorkbookWriter, { name, table }: SheetTable): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const dates = table.columns.map((column) => DATE_COLUMNS.has(column));
  const fits = table.columns.map((_, c) => fitOf(table, c, dates[c]!));
  // A date column's format stays when it also wraps, so that a column's one style is right for
  // each of its cells, dates and text alike (exceljs gives a cell of a style without a format one
  // by its type).
  const styles = table.columns.map(
    (_, c): Partial<CellStyle> => ({
      ...(dates[c] ? { numFmt: DATE_FORMAT } : {}),
      ...(fits[c]!.multiLine ? { alignment: { wrapText: true, vertical: "top" } } : {}),
    }),
  );
  sheet.columns = table.columns.map((column, c) => ({ header: column, key: column, width: fits[c]!.width, style: styles[c]! }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  for (const [r, row] of table.rows.entries()) {
    const added = sheet.addRow(row.map((cell, c) => sheetCell(cell, dates[c]!)));
    // A cell past the header's columns (none in the output tables) keeps the style exceljs gave it.
    for (let c = 0; c < Math.min(row.length, styles.length); c += 1) added.getCell(c + 1).style = styles[c]!;
    added.commit();
    if (r % ROWS_PER_TURN === ROWS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
}

/**
 * A workbook of these sheets, as the bytes of an .xlsx file: a bold, frozen header row with
 * filters, columns as wide as their contents, dates as date cells, numbers as numbers.
 *
 * Written with exceljs's streaming writer (rows go to the zip as they are made, not kept as a
 * model of every cell), with shared strings as a spreadsheet saves them, and deflated by
 * node:zlib as the zip is written: the same tables give the same bytes on one Node.js, whose zlib
 * decides the deflated bytes (another build of zlib may deflate them differently, never to other
 * contents).
 *
 * @example writeFileSync("out.xlsx", await workbookOf([{ name: "allocation", table: allocationTable(year, allocation) }]));
 */
export async function workbookOf(sheets: readonly SheetTable[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: ZIP_LEVEL } },
  });
  workbook.creator = "qar-allocator";
  workbook.lastModifiedBy = "qar-allocator";
  workbook.created = CREATED;
  workbook.modified = CREATED;
  for (const sheet of sheets) await addSheet(workbook, sheet);
  await workbook.commit();
  return fixedDates(new Uint8Array(Buffer.concat(chunks)));
}

/**
 * The zip with every entry dated `CREATED`: the zip writer stamps each part with the time of
 * writing, which would make two runs of one seed differ in bytes. The date is set in place, in
 * each entry's directory record and local header (MS-DOS time and date, as the writer keeps
 * them: UTC), so nothing is compressed twice.
 */
function fixedDates(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The writer adds no archive comment: the end-of-directory record is the last 22 bytes.
  const end = bytes.length - 22;
  if (end < 0 || view.getUint32(end, true) !== END_OF_DIRECTORY) throw new Error("the workbook's zip has no end-of-directory record where it was written");
  const time = (CREATED.getUTCHours() << 11) | (CREATED.getUTCMinutes() << 5) | (CREATED.getUTCSeconds() >> 1);
  const date = ((CREATED.getUTCFullYear() - 1980) << 9) | ((CREATED.getUTCMonth() + 1) << 5) | CREATED.getUTCDate();
  let at = view.getUint32(end + 16, true);
  for (let i = view.getUint16(end + 10, true); i > 0; i -= 1) {
    if (view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new Error("the workbook's zip directory is not where its end record says");
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error("a zip entry's local header is not where the directory says");
    for (const [timeAt, dateAt] of [[at + 12, at + 14], [local + 10, local + 12]] as const) {
      view.setUint16(timeAt, time, true);
      view.setUint16(dateAt, date, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}

/** What `results.xlsx` is made of: an allocation with its check and explanation, and a step's notices. */
export interface ResultsInput {
  readonly year: Year;
  readonly allocation: Allocation;
  readonly check: CheckResult;
  readonly explanation: Explanation;
  /** The letters written to letters.csv (see `outputParts`); `lettersOf` with the default wording when not given. */
  readonly letters?: readonly Letter[];
  /** The notices of a `respond` or `repair` step (a `notices` sheet); none after a plain solve. */
  readonly notices?: readonly Notice[];
  /** Each school's target against what its reviewers can give (the ledger's `reachable`); `reciprocityReach(year)` when not given. */
  readonly reach?: readonly SchoolReach[];
}

/**
 * The sheets of `results.xlsx`: `allocation`, `unfilled`, `ledger` (and `trust-ledger` in a year
 * with TPRs), `letters` and, after a `respond` or `repair` step, `notices`, each the table of the
 * CSV file of that name.
 *
 * @example const names = resultsSheets({ ...result, explanation }).map((sheet) => sheet.name);
 */
export function resultsSheets(input: ResultsInput): SheetTable[] {
  const { year, allocation, check, explanation, letters, notices } = input;
  const reach = input.reach ?? reciprocityReach(year);
  return [
    { name: "allocation", table: allocationTable(year, allocation) },
    { name: "unfilled", table: unfilledTable(explanation, year) },
    { name: "ledger", table: ledgerTable(check, reach) },
    ...(check.trustLedger.length > 0 ? [{ name: "trust-ledger", table: trustLedgerTable(check) }] : []),
    { name: "letters", table: lettersTable(letters ?? lettersOf({ year, allocation })) },
    ...(notices !== undefined ? [{ name: "notices", table: noticesTable(notices) }] : []),
  ];
}

/**
 * `results.xlsx`: the workbook of `resultsSheets`. `qar check` and the other commands read its
 * `allocation` sheet back.
 *
 * @example files["results.xlsx"] = await resultsWorkbook({ ...result, explanation: explain(result.year, result.allocation) });
 */
export function resultsWorkbook(input: ResultsInput): Promise<Uint8Array> {
  return workbookOf(resultsSheets(input));
}
