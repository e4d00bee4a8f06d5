/**
 * `qar init <dir>` (issue 28): a template year with the sheets and columns qar reads and one
 * example row each, as a workbook (opened in LibreOffice Calc where installed) or CSV files,
 * that `qar solve` reads as it is; an existing year is never overwritten.
 */
import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { YEAR_FILES } from "../../src/io/year-files.js";
import { HAS_SOFFICE, sheetsAsShown } from "../helpers/libreoffice.js";
import { csvRows, qar, scratch, readOutput as read } from "./qar.js";

const tmp = scratch("init");
afterAll(tmp.remove);
const SHEETS = ["schools", "reviewers", "leads", "reviews"] as const;
const columnsOf = (sheet: (typeof SHEETS)[number]) => [...YEAR_FILES[sheet].required, ...YEAR_FILES[sheet].optional];

describe("qar init", () => {
  const year = join(tmp.dir, "my-year");

  it("qar init <dir> --year 2025-26: year.xlsx (a sheet per file, every column, one example row) and policy.json", async () => {
    const { code, out, err } = await qar("init", year, "--year", "2025-26");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(`qar solve ${year} --out results`);
    expect(readdirSync(year).sort()).toEqual(["policy.json", "year.xlsx"]);
    expect(JSON.parse(read(year, "policy.json"))).toEqual({});
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(year, "year.xlsx"));
    expect(book.worksheets.map((s) => s.name)).toEqual([...SHEETS, "read me"]);
    for (const name of SHEETS) {
      const sheet = book.getWorksheet(name)!;
      expect((sheet.getRow(1).values as unknown[]).slice(1), name).toEqual(columnsOf(name));
      expect(sheet.getRow(1).font?.bold, name).toBe(true);
      expect(sheet.rowCount, name).toBe(2);
    }
    const start = book.getWorksheet("reviews")!.getRow(2).getCell(columnsOf("reviews").indexOf("start") + 1).value;
    expect(start).toEqual(new Date(Date.UTC(2025, 9, 7)));
  });

  it("qar solve <dir> reads the template as it is (the one workbook in the folder) and writes a valid allocation", async () => {
    const out = join(tmp.dir, "results");
    const solved = await qar("solve", year, "--out", out, "--seed", "1", "--json");
    expect(solved.err).toBe("");
    expect(solved.code).toBe(0);
    expect(JSON.parse(solved.out)).toMatchObject({ ok: true, reviews: 1, filled: { lead: 1 } });
    expect(csvRows(read(out, "allocation.csv"))).toEqual([expect.objectContaining({ review_id: "R001", role: "lead", person_id: "L001" })]);
    expect((await qar("check", year, join(out, "allocation.csv"))).code).toBe(0);
  });

  it.skipIf(!HAS_SOFFICE)("the template opened in LibreOffice Calc: each sheet's header and example row", { timeout: 60_000 }, () => {
    const sheets = sheetsAsShown(join(year, "year.xlsx"), join(tmp.dir, "lo"));
    for (const name of SHEETS) {
      expect(sheets[name]![0], name).toEqual(columnsOf(name));
      expect(sheets[name]!.slice(1).filter((row) => row.some((cell) => cell !== "")), name).toHaveLength(1);
    }
    expect(sheets.reviews![1]![columnsOf("reviews").indexOf("start")]).toBe("Tue 7 Oct 2025");
    expect(sheets.schools![1]![0]).toBe("S001");
  });

  it("qar init <dir> again: exit 1, the files named, nothing overwritten", async () => {
    const before = readFileSync(join(year, "year.xlsx"));
    const again = await qar("init", year);
    expect(again.code).toBe(1);
    expect(again.err).toContain("year.xlsx");
    expect(again.err).toContain("already exists");
    expect(readFileSync(join(year, "year.xlsx")).equals(before)).toBe(true);
  });

  it("qar init <dir> --csv: the four CSV files (BOM, every column, one row) that qar solve reads; a bad --year is refused", async () => {
    const csv = join(tmp.dir, "csv-year");
    expect((await qar("init", csv, "--csv", "--year", "2026-27", "--quiet")).code).toBe(0);
    expect(readdirSync(csv).sort()).toEqual(["leads.csv", "policy.json", "reviewers.csv", "reviews.csv", "schools.csv"]);
    for (const name of SHEETS) {
      const text = read(csv, `${name}.csv`);
      expect(text.startsWith(`\uFEFF${columnsOf(name).join(",")}\n`), name).toBe(true);
      expect(csvRows(text), name).toHaveLength(1);
    }
    expect(csvRows(read(csv, "reviews.csv"))[0]!.start).toBe("2026-10-06");
    expect((await qar("solve", csv, "--out", join(tmp.dir, "csv-results"), "--quiet")).code).toBe(0);
    const bad = await qar("init", join(tmp.dir, "bad"), "--year", "2025-27");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("write it as 2025-26");
  });
});
