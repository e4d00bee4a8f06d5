/**
 * `workbookOf` (results.xlsx, the template, any tables) writes with exceljs's streaming writer,
 * a style object per column and the zip's dates set in place. What a user opens must be what
 * exceljs's document writer makes of the same tables the plain way (a model of every cell, a
 * style worked out per cell), kept here as the reference: both are read back with exceljs and
 * compared sheet by sheet, cell by cell (value, type, number format, alignment, bold), with the
 * column widths and styles, the frozen header and the filter; and a workbook of awkward cells is
 * opened in LibreOffice Calc.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { readYearFolder } from "../../src/io/files.js";
import { DATE_FORMAT, resultsSheets, workbookOf, type SheetTable } from "../../src/io/results-workbook.js";
import type { TableCell } from "../../src/io/csv-text.js";
import { outputParts } from "../../src/io/write-outputs.js";
import { parseDay } from "../../src/model/dates.js";
import { dropControl } from "../../src/model/text.js";
import { solve } from "../../src/solver/index.js";
import { HAS_SOFFICE, sheetsAsShown } from "../helpers/libreoffice.js";

const MIXED = new URL("../../fixtures/years/mixed", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "qar-results-workbook-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The columns written as date cells (results-workbook.ts's list, written out again). */
const DATE_COLUMNS = ["start", "end", "from_start", "to_start", "week"];

/** A table cell as the reference writes it: blank, a number, a date cell (UTC midnight) or text without control characters. */
function referenceValue(cell: TableCell, isDate: boolean): ExcelJS.CellValue {
  if (cell === undefined || cell === null || cell === "") return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  const day = isDate ? parseDay(cell) : undefined;
  return day !== undefined ? new Date(day * 86_400_000) : dropControl(cell);
}

/**
 * The reference: exceljs's document writer, every cell in the model. Widths by splitting each
 * cell into its lines; a column that holds a line break wraps (top-aligned), a date column keeps
 * its format; the header row bold, centred, frozen and filtered.
 */
async function referenceWorkbook(sheets: readonly SheetTable[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const { name, table } of sheets) {
    const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    const dates = table.columns.map((column) => DATE_COLUMNS.includes(column));
    sheet.columns = table.columns.map((column, c) => {
      const cells = table.rows.map((row) => row[c]).filter((cell) => cell !== undefined && cell !== null);
      const longest = Math.max(column.length, ...cells.map((cell) => (dates[c] ? DATE_FORMAT.length : Math.max(...String(cell).split("\n").map((line) => line.length)))));
      const wraps = cells.some((cell) => typeof cell === "string" && cell.includes("\n"));
      const style = { ...(dates[c] ? { numFmt: DATE_FORMAT } : {}), ...(wraps ? { alignment: { wrapText: true, vertical: "top" as const } } : {}) };
      return { header: column, key: column, width: Math.min(60, longest + 2), style };
    });
    for (const row of table.rows) sheet.addRow(row.map((cell, c) => referenceValue(cell, dates[c]!)));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { vertical: "middle" };
    if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * What a user sees of a workbook, read back with exceljs: every sheet, column and cell, down to
 * the last row with a value. (The streaming writer leaves out a row without a value; one in the
 * middle reads back the same, its cells taking the column's style, but blank rows at the end are
 * not counted, which no user can tell.)
 */
async function seen(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const rows = Array.from({ length: sheet.rowCount }, (_, r) =>
      Array.from({ length: sheet.columnCount }, (_, c) => {
        const cell = sheet.getRow(r + 1).getCell(c + 1);
        return { value: cell.value, type: cell.type, numFmt: cell.numFmt, alignment: cell.alignment, bold: cell.font?.bold };
      }),
    );
    while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.value === null)) rows.pop();
    return {
      name: sheet.name,
      views: sheet.views,
      autoFilter: sheet.autoFilter,
      columns: Array.from({ length: sheet.columnCount }, (_, c) => {
        const column = sheet.getColumn(c + 1);
        return { width: column.width, numFmt: column.style?.numFmt, alignment: column.style?.alignment };
      }),
      rows,
    };
  });
}

/** A solved year's results.xlsx sheets: allocation, unfilled, ledger, trust-ledger, letters (multi-line). */
async function mixedSheets(): Promise<SheetTable[]> {
  const read = readYearFolder(MIXED);
  if (!read.ok) throw new Error("the mixed fixture must read");
  const result = await solve(read.value, { seed: 1, engine: "greedy", exactBound: false });
  expect(checkAllocation(result.year, result.allocation).valid).toBe(true);
  return resultsSheets({ ...result, explanation: explain(result.year, result.allocation), letters: outputParts(result).letters });
}

const awkwardText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  // Lines of any length (past the widest column too), the longest first, last or between.
  fc.array(fc.string({ unit: "grapheme", maxLength: 70 }), { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")),
  fc.constantFrom("line one\nline two", "a\r\nb\n\nc", " leading and trailing ", "tab\there", "bell\u0007gone", "<&>\"'", "=1+1", "2024-02-30", "", "\n"),
);
const cell: fc.Arbitrary<TableCell> = fc.oneof(
  fc.constantFrom(undefined, null, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2060-12-31"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  awkwardText,
);
const table = fc
  .uniqueArray(fc.constantFrom("start", "end", "week", "review_id", "message", "count", "note", "to_start"), { minLength: 0, maxLength: 5 })
  .chain((columns) => fc.record({ columns: fc.constant(columns), rows: fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 8 }) }));

describe("workbookOf: the streaming writer's workbook is the document writer's", () => {
  it("a solved year's results.xlsx sheets (mixed, greedy): every sheet, cell, format, wrap, width and view read back the same", async () => {
    const sheets = await mixedSheets();
    expect(sheets.map((sheet) => sheet.name)).toEqual(["allocation", "unfilled", "ledger", "trust-ledger", "letters"]);
    const written = await seen(await workbookOf(sheets));
    expect(written).toEqual(await seen(await referenceWorkbook(sheets)));
    // The comparison sees what matters: dates as dates in the format, wrapped letters, a bold header.
    const allocation = written.find((sheet) => sheet.name === "allocation")!;
    expect(allocation.rows[1]![2]).toMatchObject({ type: ExcelJS.ValueType.Date, numFmt: DATE_FORMAT });
    expect(allocation.rows[0]!.every((header) => header.bold)).toBe(true);
    const letters = written.find((sheet) => sheet.name === "letters")!;
    expect(letters.columns.some((column) => column.alignment?.wrapText)).toBe(true);
    expect(letters.rows.slice(1).some((row) => row.some((c) => c.alignment?.wrapText && typeof c.value === "string" && c.value.includes("\n")))).toBe(true);
  });

  it("any tables (blanks, numbers, ISO days and not-days in date columns, line breaks, control characters): read back as the reference's", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(table, { minLength: 1, maxLength: 2 }), async (tables) => {
        const sheets = tables.map((t, i) => ({ name: `sheet ${i + 1}`, table: t }));
        expect(await seen(await workbookOf(sheets))).toEqual(await seen(await referenceWorkbook(sheets)));
      }),
      { numRuns: 40 },
    );
  });

  it("the same tables give the same bytes whatever the clock says when they are written", async () => {
    const sheets = [{ name: "allocation", table: { columns: ["review_id", "start"], rows: [["R1", "2024-03-04"]] } }];
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2024-05-06T07:08:09Z"));
      const first = await workbookOf(sheets);
      vi.setSystemTime(new Date("2031-10-11T12:13:14Z"));
      const second = await workbookOf(sheets);
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it.skipIf(!HAS_SOFFICE)("opened in LibreOffice Calc: each cell shown as written, days in the date format, lines kept, control characters gone", { timeout: 60_000 }, async () => {
    const rows = [
      ["R1", "2025-10-07", "Dear Ada,\nyou are on R1.\n\nThanks", 3, " spaced "],
      ["R2", "not a day", "<&>\"'\u0007", -1.5, ""],
      ["R3", undefined, "=1+1", null, "Dr. Ödön Varga"],
    ];
    const file = join(scratch, "awkward.xlsx");
    writeFileSync(file, await workbookOf([{ name: "awkward", table: { columns: ["review_id", "start", "message", "count", "name"], rows } }]));
    const shown = sheetsAsShown(file, join(scratch, "lo"));
    // One sheet converts to `<name>.csv` rather than `<name>-<sheet>.csv`.
    const [header, ...cells] = Object.values(shown)[0] ?? [];
    expect(header).toEqual(["review_id", "start", "message", "count", "name"]);
    expect(cells.map((row) => [...row, "", "", "", "", ""].slice(0, 5))).toEqual([
      ["R1", "Tue 7 Oct 2025", "Dear Ada,\nyou are on R1.\n\nThanks", "3", " spaced "],
      ["R2", "not a day", "<&>\"'", "-1.5", ""],
      ["R3", "", "=1+1", "", "Dr. Ödön Varga"],
    ]);
  });
});
