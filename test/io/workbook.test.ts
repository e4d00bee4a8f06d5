/**
 * Spreadsheets as they are: a year given as one .xlsx workbook (review starts as date cells,
 * numbers as numbers), a folder of single-sheet workbooks, and a CSV folder with UK dates each
 * read to the same year as the ISO CSV folder, and solved to the same seats.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { readYear, readYearFolder } from "../../src/io/files.js";
import type { Problem } from "../../src/model/problem.js";
import { solve } from "../../src/solver/index.js";
import { measureZip } from "../../src/io/zip-size.js";

const TINY = new URL("../../fixtures/years/tiny", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "qar-workbook-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tables = Object.fromEntries(
  readdirSync(TINY)
    .filter((name) => name.endsWith(".csv"))
    .map((name) => [name, parse(readFileSync(join(TINY, name), "utf8")) as string[][]]),
);
const clean = readYearFolder(TINY);
if (!clean.ok) throw new Error("the tiny fixture must read");

/** A cell as a spreadsheet holds it: numbers as numbers, review starts as date cells. */
function typed(file: string, column: string, text: string): ExcelJS.CellValue {
  if (text === "") return null;
  if (file === "reviews.csv" && column === "start") {
    const [y, m, d] = text.split("-").map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, file: string): void {
  const sheet = workbook.addWorksheet(name);
  const [header, ...rows] = tables[file]!;
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row.map((text, c) => typed(file, header![c]!, text)));
  if (file === "reviews.csv") sheet.getColumn(header!.indexOf("start") + 1).numFmt = "dd/mm/yyyy";
}

async function seatsOf(problem: Problem): Promise<number> {
  const result = await solve(problem, { seed: 1, engine: "greedy", exactBound: false });
  const check = checkAllocation(problem, result.allocation);
  expect(check.valid).toBe(true);
  return check.metrics.filled.total;
}

describe("a year from spreadsheets", () => {
  it("one .xlsx workbook with a sheet per file (review starts as date cells) reads as the ISO CSV folder and fills the same seats", async () => {
    const workbook = new ExcelJS.Workbook();
    // Sheet names as people write them: capitals, and the file name itself.
    for (const [name, file] of [["Schools", "schools.csv"], ["reviewers", "reviewers.csv"], ["Leads", "leads.csv"], ["reviews.csv", "reviews.csv"]] as const) addSheet(workbook, name, file);
    workbook.addWorksheet("notes").addRow(["anything"]);
    const file = join(scratch, "QAR tiny.xlsx");
    await workbook.xlsx.writeFile(file);
    const start = (await new ExcelJS.Workbook().xlsx.readFile(file)).getWorksheet("reviews.csv")!.getCell("C2").value;
    expect(start).toBeInstanceOf(Date);

    const read = await readYear(file);
    expect(read.ok ? [] : read.errors).toEqual([]);
    if (!read.ok) return;
    expect(read.value).toEqual(clean.value);
    expect(read.warnings.map((w) => w.message)).toContain("read as schools.csv");
    expect(await seatsOf(read.value)).toBe(await seatsOf(clean.value));
  });

  it("a workbook is measured by what it inflates, not by what its zip directory claims", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const file of ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"]) addSheet(workbook, file.replace(".csv", ""), file);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const measure = await measureZip(bytes, { bytes: 2 ** 30, rows: 1_000 });
    expect(measure.ok && measure.bytes).toBeGreaterThan(bytes.length);
    expect(measure.ok && measure.bytes).toBeLessThan(10 * bytes.length + 1_000_000);
    // The same workbook whose directory says its first entry unpacks to 3 GB: the claim changes nothing.
    const claims = bytes.slice();
    const view = new DataView(claims.buffer);
    let at = claims.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at -= 1;
    view.setUint32(view.getUint32(at + 16, true) + 24, 3 * 2 ** 30, true);
    expect(await measureZip(claims, { bytes: 2 ** 30, rows: 1_000 })).toEqual(measure);
    expect(await measureZip(new TextEncoder().encode("not a zip at all"), { bytes: 2 ** 30, rows: 1_000 })).toMatchObject({ ok: false, unreadable: "it is not a zip archive" });
  });

  it("a bad cell in a workbook is reported with its sheet, row and column", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const file of ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"]) addSheet(workbook, file.replace(".csv", ""), file);
    workbook.getWorksheet("schools")!.getCell("G3").value = "lots";
    const file = join(scratch, "bad.xlsx");
    await workbook.xlsx.writeFile(file);
    const read = await readYear(file);
    expect(read.ok ? [] : read.errors).toMatchObject([{ file: 'bad.xlsx, sheet "schools"', row: 3, column: "pupils" }]);
  });

  it("a folder with schools.xlsx beside the CSV files reads as the CSV folder", async () => {
    const dir = mkdtempSync(join(scratch, "folder-"));
    for (const name of ["reviewers.csv", "leads.csv", "reviews.csv"]) writeFileSync(join(dir, name), readFileSync(join(TINY, name)));
    const workbook = new ExcelJS.Workbook();
    addSheet(workbook, "Sheet1", "schools.csv");
    await workbook.xlsx.writeFile(join(dir, "schools.xlsx"));
    const read = await readYear(dir);
    expect(read.ok && read.value).toEqual(clean.value);
  });

  it("a file that is not a workbook is an input error naming it", async () => {
    const file = join(scratch, "fake.xlsx");
    writeFileSync(file, "id,name\n");
    const read = await readYear(file);
    expect(read.ok ? [] : read.errors).toMatchObject([{ code: "unreadable-file", file, message: expect.stringContaining("is not a readable .xlsx workbook") }]);
  });

  it("a CSV folder with UK dates (dd/mm/yyyy starts, d/m/yy availability) reads as the ISO folder and fills the same seats", async () => {
    const dir = mkdtempSync(join(scratch, "uk-"));
    const uk = (iso: string, short: boolean) => {
      const [y, m, d] = iso.split("-");
      return short ? `${Number(d)}/${Number(m)}/${y!.slice(2)}` : `${d}/${m}/${y}`;
    };
    for (const name of Object.keys(tables)) {
      const text = readFileSync(join(TINY, name), "utf8");
      const short = name !== "reviews.csv";
      writeFileSync(join(dir, name), text.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => uk(iso, short)));
    }
    expect(readFileSync(join(dir, "reviews.csv"), "utf8")).toContain("/01/2024");
    const read = readYearFolder(dir);
    expect(read.ok ? [] : read.errors).toEqual([]);
    expect(read.ok && read.value).toEqual(clean.value);
    if (read.ok) expect(await seatsOf(read.value)).toBe(await seatsOf(clean.value));
  });
});
