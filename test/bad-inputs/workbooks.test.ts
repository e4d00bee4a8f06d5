/**
 * Hostile workbooks and file names (issue 29 items 4 and 6): a zip whose directory lies about
 * sizes, a sheet of a million rows, two sheets or two files that could each be one year file.
 * Each is refused early with a clear error; the bounds are on what is actually inflated.
 */
import ExcelJS from "exceljs";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readYear, readYearFolder } from "../../src/io/files.js";
import { measureZip } from "../../src/io/zip-size.js";
import { qar, STACK_LINE } from "../cli/qar.js";
import { deflatedZeros, sheetXml, zipOf } from "./zip.js";

const BASE = new URL("./base/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "qar-hostile-workbooks-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The base year as a workbook, a sheet per file under the names given. */
async function baseWorkbook(file: string, sheets: Readonly<Record<string, string>>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheet, csv] of Object.entries(sheets)) {
    const added = workbook.addWorksheet(sheet);
    for (const line of readFileSync(join(BASE, csv), "utf8").trim().split("\n")) added.addRow(line.split(","));
  }
  const path = join(scratch, file);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Refused by `readYear` and (unless `readerOnly`: the same reader, twice the time) by `qar solve`, with nothing written. */
async function refusedEverywhere(path: string, message: RegExp, readerOnly = false) {
  const started = performance.now();
  const heap = process.memoryUsage().rss;
  const read = await readYear(path);
  const ms = performance.now() - started;
  expect(read.ok).toBe(false);
  expect(read.ok ? [] : read.errors.map((e) => e.message).join("\n")).toMatch(message);
  if (readerOnly) return { read, ms, grewMb: (process.memoryUsage().rss - heap) / 2 ** 20 };
  const out = join(scratch, "out-never");
  const { code, err } = await qar("solve", path, "--out", out);
  expect(code).toBe(1);
  expect(err).toMatch(message);
  expect(err).not.toContain(STACK_LINE);
  return { read, ms, grewMb: (process.memoryUsage().rss - heap) / 2 ** 20 };
}

describe("hostile workbooks", () => {
  it("a zip whose directory claims 1 KB for a sheet that inflates past 256 MB: refused while inflating, in bounded memory", async () => {
    const bomb = join(scratch, "bomb.xlsx");
    writeFileSync(bomb, zipOf([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/worksheets/sheet1.xml", deflated: deflatedZeros(300), claimedSize: 1024 }]));
    const { read, ms, grewMb } = await refusedEverywhere(bomb, /unpacks to more than 256 MB \(refused while unpacking\)/, true);
    expect(read.ok ? [] : read.errors).toMatchObject([{ code: "too-large", file: bomb }]);
    expect(ms).toBeLessThan(15_000);
    expect(grewMb).toBeLessThan(200);
  });

  it("a sheet of 1,000,000 rows: refused at the row limit, long before the sheet is parsed", async () => {
    const big = join(scratch, "million.xlsx");
    writeFileSync(big, zipOf([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/worksheets/sheet1.xml", data: sheetXml(1_000_000) }]));
    const { ms } = await refusedEverywhere(big, /has a sheet \(xl\/worksheets\/sheet1\.xml\) with more than 200,000 rows/);
    expect(ms).toBeLessThan(5_000);
  });

  it("row tags cut across inflate chunks, with a namespace prefix or not, are each counted once", async () => {
    const rows = 20_000; // about 3 chunks of inflated XML: several cuts, each shifted by the padding
    const plain = sheetXml(rows);
    const prefixed = plain.replaceAll("<row ", '<x:row xmlns:x="s" ').replaceAll("</row>", "</x:row>");
    for (const xml of [plain, prefixed]) {
      for (let pad = 0; pad < 48; pad += 7) {
        const zip = zipOf([{ name: "xl/worksheets/sheet1.xml", data: xml.replace("<sheetData>", `<!--${"p".repeat(pad)}--><sheetData>`) }]);
        expect(await measureZip(zip, { bytes: 2 ** 30, rows: rows - 1 }), `pad ${pad}`).toMatchObject({ ok: false, tooLarge: "rows", rows });
        expect((await measureZip(zip, { bytes: 2 ** 30, rows })).ok, `pad ${pad}`).toBe(true);
      }
    }
  });

  it("sheets 'reviews' and 'Reviews.csv' (or 'reviews.csv') in one workbook: an error naming both, never a silent pick", async () => {
    const files = { schools: "schools.csv", reviewers: "reviewers.csv", leads: "leads.csv" };
    for (const [name, other] of [["reviews-twice.xlsx", "Reviews.csv"], ["reviews-csv-twice.xlsx", "reviews.csv"]] as const) {
      const path = await baseWorkbook(name, { ...files, reviews: "reviews.csv", [other]: "reviews.csv" });
      const { read } = await refusedEverywhere(path, new RegExp(`has sheets "reviews" and "${other.replace(".", "\\.")}"|has sheets "${other.replace(".", "\\.")}" and "reviews"`));
      expect(read.ok ? [] : read.errors).toMatchObject([{ code: "duplicate-id", file: path }]);
    }
  });

  it("an allocation workbook with sheets 'allocation' and 'Allocation.csv': an error naming both, never a silent pick", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ["allocation", "Allocation.csv"]) {
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(["review_id", "role", "person_id"]);
    }
    const path = join(scratch, "two-allocations.xlsx");
    await workbook.xlsx.writeFile(path);
    const { code, err } = await qar("check", BASE, path);
    expect(err).not.toContain(STACK_LINE);
    expect(code).toBe(1);
    expect(err).toMatch(/has sheets "allocation" and "Allocation\.csv", which could each be allocation\.csv/);
  });

  it("a folder holding reviews.csv and 'QAR 2025-26 - reviews.csv': an error naming both files, neither read", async () => {
    const dir = join(scratch, "two-reviews");
    cpSync(BASE, dir, { recursive: true });
    writeFileSync(join(dir, "QAR 2025-26 - reviews.csv"), readFileSync(join(BASE, "reviews.csv")));
    const read = readYearFolder(dir);
    expect(read.ok ? [] : read.errors).toMatchObject([{ code: "duplicate-id", file: "reviews.csv", message: expect.stringContaining('"QAR 2025-26 - reviews.csv" and "reviews.csv" could each be reviews.csv') }]);
    const viaWorkbookReader = await readYear(dir);
    expect(viaWorkbookReader.ok ? [] : viaWorkbookReader.errors).toEqual(read.ok ? [] : read.errors);
    const { code, err } = await qar("solve", dir, "--out", join(scratch, "two-reviews-out"));
    expect(code).toBe(1);
    expect(err).toMatch(/could each be reviews\.csv/);
  });

  it("a folder holding reviews.csv, 'QAR 2025-26 - reviews.csv' and a year workbook: the two files are an error, the workbook is not read in their place", async () => {
    const dir = join(scratch, "two-reviews-and-a-workbook");
    mkdirSync(dir);
    for (const file of ["reviews.csv", "QAR 2025-26 - reviews.csv"]) cpSync(join(BASE, "reviews.csv"), join(dir, file));
    const book = await baseWorkbook("a-year.xlsx", { schools: "schools.csv", reviewers: "reviewers.csv", leads: "leads.csv", reviews: "reviews.csv" });
    cpSync(book, join(dir, "year.xlsx"));
    expect((await readYear(book)).ok).toBe(true);
    const read = await readYear(dir);
    expect(read.ok ? [] : read.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: "duplicate-id", file: "reviews.csv" })]));
  });

  it("a folder missing reviews.csv but holding reviewers.csv: the hint never says to rename one required file into another", () => {
    const dir = join(scratch, "no-reviews");
    mkdirSync(dir);
    for (const file of ["schools.csv", "reviewers.csv", "leads.csv"]) cpSync(join(BASE, file), join(dir, file));
    const read = readYearFolder(dir);
    const messages = read.ok ? [] : read.errors.map((e) => `${e.file}: ${e.message}`);
    expect(messages.join("\n")).not.toMatch(/reviewers\.csv" meant to be reviews\.csv/);
    expect(messages.some((m) => m.startsWith("reviews.csv:"))).toBe(true);
  });
});
