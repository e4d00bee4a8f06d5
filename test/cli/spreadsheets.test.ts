/**
 * The outputs as a coordinator opens them (issue 28): CSV files that start with a UTF-8 BOM (so
 * Excel on Windows reads "Dr. Ödön Varga"), `results.xlsx` read back with exceljs and opened in
 * LibreOffice Calc, and an allocation saved from a spreadsheet as .xlsx or .ods taken by
 * `qar check`. The LibreOffice cases run where Debian's LibreOffice is installed (CI installs it).
 */
import ExcelJS from "exceljs";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { workbookOf } from "../../src/io/results-workbook.js";
import { HAS_SOFFICE, convert, sheetsAsShown, UTF8_CSV_IMPORT } from "../helpers/libreoffice.js";
import { csvRows, PLANTED, qar, scratch, YEAR, readOutput as read } from "./qar.js";

const tmp = scratch("spreadsheets");
afterAll(tmp.remove);
const year = join(tmp.dir, "year");
const out = join(tmp.dir, "out");
const NAME = "Dr. Ödön Varga";
cpSync(YEAR, year, { recursive: true });
writeFileSync(join(year, "reviewers.csv"), readFileSync(join(YEAR, "reviewers.csv"), "utf8").replace("Ada Brown", NAME));

/** Every file under a folder, relative. */
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
const BOM = [0xef, 0xbb, 0xbf];

/** A day as LibreOffice shows the sheets' date format, `ddd d mmm yyyy` (Wed 10 Jan 2024). */
function shown(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return `${date.toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" })} ${date.getUTCDate()} ${date.toLocaleDateString("en-GB", { month: "short", timeZone: "UTC" })} ${date.getUTCFullYear()}`;
}

/** The year folder as one .xlsx workbook, a sheet per file, numbers as numbers and review starts as date cells. */
async function yearWorkbook(folder: string): Promise<Uint8Array> {
  const sheets = readdirSync(folder)
    .filter((name) => name.endsWith(".csv"))
    .map((name) => {
      const [columns, ...rows] = parse(readFileSync(join(folder, name), "utf8"), { bom: true }) as string[][];
      return { name: name.slice(0, -4), table: { columns: columns!, rows: rows.map((row) => row.map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell))) } };
    });
  return workbookOf(sheets);
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe("outputs in a spreadsheet", () => {
  it("qar solve <year with Dr. Ödön Varga> --out <tmp>: every CSV output starts with a UTF-8 BOM, and qar check reads allocation.csv back", async () => {
    const solved = await qar("solve", year, "--out", out, "--seed", "1");
    expect(solved.code).toBe(0);
    const csvs = filesUnder(out).filter((name) => name.endsWith(".csv"));
    expect(csvs).toEqual(expect.arrayContaining(["allocation.csv", "unfilled.csv", "ledger.csv", "standby.csv", "letters.csv"]));
    for (const name of csvs) expect([...readFileSync(join(out, name)).subarray(0, 3)], name).toEqual(BOM);
    expect(csvRows(read(out, "allocation.csv")).map((row) => row.person_name)).toContain(NAME);
    const checked = await qar("check", year, join(out, "allocation.csv"));
    expect(checked.out).toContain("valid: no rule is broken");
    expect(checked.code).toBe(0);
  });

  it("results.xlsx read back with exceljs: a sheet per table, a bold frozen header with filters, widths, dates as dates, numbers as numbers", async () => {
    const book = await workbook(join(out, "results.xlsx"));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["allocation", "unfilled", "ledger", "letters"]);
    const sheet = book.getWorksheet("allocation")!;
    const csv = csvRows(read(out, "allocation.csv"));
    const header = Object.keys(csv[0]!);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    header.forEach((column, c) => expect(sheet.getColumn(c + 1).width, column).toBeGreaterThanOrEqual(column.length));
    expect(sheet.rowCount).toBe(csv.length + 1);
    csv.forEach((row, r) => {
      const cells = sheet.getRow(r + 2);
      const start = cells.getCell(header.indexOf("start") + 1).value;
      expect(start).toBeInstanceOf(Date);
      expect((start as Date).toISOString().slice(0, 10)).toBe(row.start);
      expect(cells.getCell(header.indexOf("sequence") + 1).value).toBe(Number(row.sequence));
      expect(cells.getCell(header.indexOf("person_name") + 1).value ?? "").toBe(row.person_name);
    });
    const ledger = book.getWorksheet("ledger")!;
    expect(ledger.rowCount).toBe(csvRows(read(out, "ledger.csv")).length + 1);
    expect(typeof ledger.getRow(2).getCell(4).value).toBe("number");
  });

  it.skipIf(!HAS_SOFFICE)("results.xlsx opened in LibreOffice Calc: each sheet holds its CSV file's rows, dates shown as dates, the names intact", { timeout: 60_000 }, () => {
    const sheets = sheetsAsShown(join(out, "results.xlsx"), join(tmp.dir, "lo-results"));
    expect(Object.keys(sheets).sort()).toEqual(["allocation", "ledger", "letters", "unfilled"]);
    for (const name of ["allocation", "ledger", "letters"]) {
      const csv = csvRows(read(out, `${name}.csv`));
      const [header, ...rows] = sheets[name]!;
      expect(header, name).toEqual(Object.keys(csv[0]!));
      expect(rows.map((row) => Object.fromEntries(header!.map((column, c) => [column, row[c] ?? ""]))), name).toEqual(
        csv.map((row) => ({ ...row, ...("start" in row ? { start: shown(row.start!), end: shown(row.end!) } : {}) })),
      );
    }
    expect(sheets.allocation!.flat()).toContain(NAME);
    expect(sheets.allocation![1]![2]).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} 20\d\d$/);
  });

  it("qar check <year> <out>/results.xlsx reads its allocation sheet; qar explain too", async () => {
    const checked = await qar("check", year, join(out, "results.xlsx"));
    expect(checked.err).toBe("");
    expect(checked.out).toContain("valid: no rule is broken");
    expect(checked.code).toBe(0);
    const json = JSON.parse((await qar("check", year, join(out, "results.xlsx"), "--json")).out) as { metrics: { filled: { total: number } } };
    const fromCsv = JSON.parse((await qar("check", year, join(out, "allocation.csv"), "--json")).out) as { metrics: { filled: { total: number } } };
    expect(json.metrics.filled.total).toBe(fromCsv.metrics.filled.total);
    expect((await qar("explain", year, join(out, "results.xlsx"))).code).toBe(0);
  });

  it.skipIf(!HAS_SOFFICE)("allocation.csv opened in LibreOffice as UTF-8 (the BOM stays out of the header) and saved as .xlsx: qar check takes it", { timeout: 60_000 }, async () => {
    const saved = join(tmp.dir, "lo-xlsx");
    convert([join(out, "allocation.csv")], "xlsx", saved, { infilter: UTF8_CSV_IMPORT });
    const sheet = (await workbook(join(saved, "allocation.xlsx"))).worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("review_id");
    expect((sheet.getColumn(7).values as unknown[]).includes(NAME)).toBe(true);
    const checked = await qar("check", year, join(saved, "allocation.xlsx"), "--json");
    expect(checked.err).toBe("");
    expect(checked.code).toBe(0);
    expect((JSON.parse(checked.out) as { metrics: { filled: { total: number } } }).metrics.filled.total).toBe(csvRows(read(out, "allocation.csv")).length);
  });

  it.skipIf(!HAS_SOFFICE)(
    "saved by LibreOffice as .ods: results.ods is taken by qar check (its allocation sheet), the year as one .ods workbook by qar solve (the same seats as the CSV folder)",
    { timeout: 60_000 },
    async () => {
      const saved = join(tmp.dir, "lo-ods");
      const yearBook = join(tmp.dir, "year.xlsx");
      writeFileSync(yearBook, await yearWorkbook(year));
      convert([join(out, "results.xlsx"), yearBook], "ods", saved);
      const checked = await qar("check", year, join(saved, "results.ods"), "--json");
      expect(checked.err).toBe("");
      expect(checked.code).toBe(0);
      expect((JSON.parse(checked.out) as { metrics: { filled: { total: number } } }).metrics.filled.total).toBe(csvRows(read(out, "allocation.csv")).length);
      const fromOds = await qar("solve", join(saved, "year.ods"), "--out", join(tmp.dir, "out-ods"), "--seed", "1", "--json");
      expect(fromOds.err).toBe("");
      expect(fromOds.code).toBe(0);
      expect(read(join(tmp.dir, "out-ods"), "allocation.csv")).toBe(read(out, "allocation.csv"));
    },
  );

  it("qar repair <year> planted/valid.csv --changes <withdraw P2> --out <tmp>: results.xlsx has the step's notices, letters and allocation (the withdrawal too), each sheet holding its CSV file's rows", async () => {
    const changes = join(tmp.dir, "changes.csv");
    writeFileSync(changes, "change,id,value\nwithdraw,P2,\n");
    const repaired = join(tmp.dir, "repaired");
    expect((await qar("repair", YEAR, join(PLANTED, "valid.csv"), "--changes", changes, "--out", repaired, "--seed", "1", "--freeze-before", "2024-01-01", "--reply-by", "2024-02-02")).code).toBe(0);
    const book = await workbook(join(repaired, "results.xlsx"));
    const text = (value: ExcelJS.CellValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ""));
    const sheetRows = (name: string, header: readonly string[]) => {
      const sheet = book.getWorksheet(name)!;
      expect((sheet.getRow(1).values as unknown[]).slice(1), name).toEqual(header);
      return Array.from({ length: sheet.rowCount - 1 }, (_, r) => Object.fromEntries(header.map((column, c) => [column, text(sheet.getRow(r + 2).getCell(c + 1).value)])));
    };
    const notices = csvRows(read(repaired, "notices.csv"));
    expect(notices.length).toBeGreaterThan(0);
    expect(Object.keys(notices[0]!)).toContain("email");
    expect(sheetRows("notices", Object.keys(notices[0]!))).toEqual(notices);
    // The letters are the step's, word for word: as of its freeze date, answers due by --reply-by.
    const letters = csvRows(read(repaired, "letters.csv"));
    expect(Object.keys(letters[0]!)).toEqual(expect.arrayContaining(["subject", "message"]));
    expect(letters.some((l) => l.message!.includes("2 February 2024"))).toBe(true);
    expect(sheetRows("letters", Object.keys(letters[0]!))).toEqual(letters);
    const allocation = csvRows(read(repaired, "allocation.csv"));
    expect(allocation.some((row) => row.review_id === "" && row.person_id === "P2" && row.status === "withdrawn")).toBe(true);
    expect(sheetRows("allocation", Object.keys(allocation[0]!))).toEqual(allocation);
    // Read back, the workbook is the same allocation as the CSV file, the withdrawal included.
    const fromBook = JSON.parse((await qar("check", YEAR, join(repaired, "results.xlsx"), "--json")).out) as { metrics: unknown };
    const fromCsv = JSON.parse((await qar("check", YEAR, join(repaired, "allocation.csv"), "--json")).out) as { metrics: unknown };
    expect(fromBook.metrics).toEqual(fromCsv.metrics);
    const again = join(tmp.dir, "repaired-again");
    const withdrawAgain = join(tmp.dir, "no-changes.csv");
    writeFileSync(withdrawAgain, "change,id,value\n");
    expect((await qar("repair", YEAR, join(repaired, "results.xlsx"), "--changes", withdrawAgain, "--out", again, "--seed", "1", "--freeze-before", "2024-01-01", "--reply-by", "2024-02-02")).code).toBe(0);
    expect(csvRows(read(again, "allocation.csv")).filter((row) => row.review_id === "")).toEqual(allocation.filter((row) => row.review_id === ""));
  });
});
