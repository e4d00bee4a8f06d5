/**
 * Workbooks as they reach `qar` (issue 28): OpenDocument spreadsheets read cell by cell as the
 * .xlsx reader reads them (typed values, repeats, paragraphs, comments left out), within the
 * limits whatever the file claims; a folder holding one workbook read as that workbook, with the
 * policy.json beside it; an old .xls refused with the fix.
 */
import JSZip from "jszip";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { readYear, readYearFolder } from "../../src/io/files.js";
import { INPUT_LIMITS } from "../../src/io/limits.js";
import { odsSheets, ODS_MEDIA_TYPE } from "../../src/io/ods.js";
import { parseAllocationRows } from "../../src/io/read-allocation.js";
import { tableContents } from "../../src/io/workbook.js";

const TINY = new URL("../../fixtures/years/tiny", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "qar-ods-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
const content = (tables: string) => `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A sheet as LibreOffice writes one: typed cells, and the empty rest of the sheet as repeats. */
function odsTable(name: string, rows: readonly (readonly string[])[], dateColumns: readonly string[] = []): string {
  const header = rows[0]!;
  const cell = (text: string, c: number) => {
    if (text === "") return "<table:table-cell/>";
    if (dateColumns.includes(header[c]!) && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
      return `<table:table-cell office:value-type="date" office:date-value="${text}T00:00:00"><text:p>${text.split("-").reverse().join("/")}</text:p></table:table-cell>`;
    }
    if (/^-?\d+(\.\d+)?$/.test(text)) return `<table:table-cell office:value-type="float" office:value="${text}"><text:p>${Number(text).toLocaleString("en-GB")}</text:p></table:table-cell>`;
    return `<table:table-cell office:value-type="string"><text:p>${escape(text)}</text:p></table:table-cell>`;
  };
  const body = rows.map((row) => `<table:table-row>${row.map(cell).join("")}<table:table-cell table:number-columns-repeated="1000"/></table:table-row>`).join("");
  return `<table:table table:name="${name}">${body}<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`;
}

/** An .ods file: the `mimetype` entry first and stored, then content.xml. */
async function odsFile(xml: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("mimetype", ODS_MEDIA_TYPE, { compression: "STORE" });
  zip.file("content.xml", xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const tinyTables = Object.fromEntries(
  readdirSync(TINY)
    .filter((name) => name.endsWith(".csv"))
    .map((name) => [name.slice(0, -4), parse(readFileSync(join(TINY, name), "utf8")) as string[][]]),
);
const tinyOds = () => odsFile(content(Object.entries(tinyTables).map(([name, rows]) => odsTable(name, rows, ["start"])).join("")));

describe("reading .ods", () => {
  it("cells: numbers by their value (not the shown 1,200), dates as ISO, paragraphs joined by line breaks, spaces and tabs kept, comments left out", async () => {
    const xml = content(
      `<table:table table:name="people"><table:table-row>` +
        `<table:table-cell office:value-type="float" office:value="1200"><text:p>1,200</text:p></table:table-cell>` +
        `<table:table-cell office:value-type="date" office:date-value="2025-10-08"><text:p>Wed 8 Oct 2025</text:p></table:table-cell>` +
        `<table:table-cell office:value-type="string"><office:annotation><text:p>a note</text:p></office:annotation><text:p>Dr. Ödön <text:span>Varga</text:span></text:p><text:p>second<text:s text:c="3"/>line<text:tab/>end</text:p></table:table-cell>` +
        `<table:covered-table-cell/><table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>x &amp; y</text:p></table:table-cell>` +
        `</table:table-row></table:table>`,
    );
    expect(await odsSheets(xml, "a.ods")).toEqual([{ sheet: "people", rows: [["1200", "2025-10-08", "Dr. Ödön Varga\nsecond   line\tend", "", "x & y", "x & y"]] }]);
  });

  it("empty rows and cells repeated to the end of the sheet cost nothing; blank rows between rows are kept", async () => {
    const xml = content(
      `<table:table table:name="s"><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row>` +
        `<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
        `<table:table-row><table:table-cell table:number-columns-repeated="3"/><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row>` +
        `<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`,
    );
    expect(await odsSheets(xml, "a.ods")).toEqual([{ sheet: "s", rows: [["a"], [], [], ["", "", "", "b"]] }]);
  });

  it("a row repeated past the row limit, a cell past the column limit, or a cell's spaces past the cell limit stop at the limit", async () => {
    const rows = content(`<table:table table:name="s"><table:table-row table:number-rows-repeated="${INPUT_LIMITS.rows + 5}"><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row></table:table>`);
    expect(await odsSheets(rows, "a.ods")).toMatchObject({ code: "too-large", file: "a.ods", message: expect.stringContaining("rows") });
    const columns = content(`<table:table table:name="s"><table:table-row><table:table-cell table:number-columns-repeated="${INPUT_LIMITS.columns + 1}"><text:p>a</text:p></table:table-cell></table:table-row></table:table>`);
    expect(await odsSheets(columns, "a.ods")).toMatchObject({ code: "too-large", message: expect.stringContaining("columns") });
    const spaces = content(`<table:table table:name="s"><table:table-row><table:table-cell><text:p>${'<text:s text:c="100000"/>'.repeat(50)}</text:p></table:table-cell></table:table-row></table:table>`);
    const read = await odsSheets(spaces, "a.ods");
    expect(Array.isArray(read) && read[0]!.rows[0]![0]!.length).toBe(INPUT_LIMITS.cellChars + 1);
  });

  it("an entity defined in a DOCTYPE (a 'billion laughs') is refused, not expanded", async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><office:document-content ${NS}><office:body><office:spreadsheet><table:table table:name="s"><table:table-row><table:table-cell><text:p>&b;</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    expect(await odsSheets(xml, "a.ods")).toMatchObject({ code: "unreadable-file", file: "a.ods" });
  });

  it("a year as one .ods workbook (starts as date cells, numbers typed) reads as the CSV folder", async () => {
    const path = join(scratch, "year.ods");
    writeFileSync(path, await tinyOds());
    const fromOds = await readYear(path);
    const fromCsv = readYearFolder(TINY);
    expect(fromOds.ok && fromCsv.ok && fromOds.value).toEqual(fromCsv.ok && fromCsv.value);
  });

  it("an allocation sheet in an .ods reads as allocation.csv; a workbook of several sheets and none named allocation names them", async () => {
    const rows = [["review_id", "role", "person_id"], ["R0001", "lead", "L001"]];
    const one = await tableContents(await odsFile(content(odsTable("Allocation", rows) + odsTable("notes", [["x"]]))), "a.ods", "allocation.csv");
    if ("error" in one) throw new Error(one.error.message);
    expect(one.file).toBe('a.ods, sheet "Allocation"');
    const read = parseAllocationRows(one.contents, one.file);
    expect(read.ok && read.value.allocation.assignments).toEqual([{ reviewId: "R0001", role: "lead", personId: "L001" }]);
    const none = await tableContents(await odsFile(content(odsTable("first", rows) + odsTable("second", rows))), "b.ods", "allocation.csv");
    expect(none).toMatchObject({ error: { code: "missing-file", file: "b.ods", message: expect.stringContaining("first, second") } });
  });

  it("an Excel 97-2003 .xls is refused with the fix; an .ods that is not a zip of content.xml is unreadable, named", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await tableContents(xls, "allocation.xls", "allocation.csv")).toMatchObject({ error: { code: "unreadable-file", message: expect.stringContaining("Excel Workbook (.xlsx)") } });
    const zip = new JSZip();
    zip.file("mimetype", ODS_MEDIA_TYPE, { compression: "STORE" });
    const empty = await zip.generateAsync({ type: "uint8array" });
    expect(await tableContents(empty, "a.ods", "allocation.csv")).toMatchObject({ error: { code: "unreadable-file", file: "a.ods", message: expect.stringContaining("no content.xml") } });
  });
});

describe("a folder holding a workbook", () => {
  const folder = join(scratch, "one-workbook");
  mkdirSync(folder);

  it("a folder holding one workbook and no year files reads as that workbook, not 'schools.csv is missing'", async () => {
    writeFileSync(join(folder, "QAR 2024-25.ods"), await tinyOds());
    const year = await readYear(folder);
    const csv = readYearFolder(TINY);
    expect(year.ok ? year.value : year.errors).toEqual(csv.ok && csv.value);
  });

  it("the policy.json beside the workbook is read (it was ignored); --policy wins over it; a bad one is named with its path", async () => {
    writeFileSync(join(folder, "policy.json"), '{"minDistanceKm": 7, "defaultMaxReviews": 1}');
    const beside = await readYear(join(folder, "QAR 2024-25.ods"));
    expect(beside.ok && beside.value.policy.minDistanceKm).toBe(7);
    const inFolder = await readYear(folder);
    expect(inFolder.ok && inFolder.value.policy.defaultMaxReviews).toBe(1);
    const other = join(scratch, "other-policy.json");
    writeFileSync(other, '{"minDistanceKm": 3}');
    const given = await readYear(folder, { policyFile: other });
    expect(given.ok && given.value.policy.minDistanceKm).toBe(3);
    writeFileSync(join(folder, "policy.json"), '{"minDistanceKM": 7}');
    const bad = await readYear(folder);
    expect(bad.ok ? [] : bad.errors).toEqual([expect.objectContaining({ code: "bad-policy", file: join(folder, "policy.json"), message: expect.stringContaining('did you mean "minDistanceKm"') })]);
    rmSync(join(folder, "policy.json"));
  });

  it("two workbooks and no year files: an error that names both and how to choose", async () => {
    writeFileSync(join(folder, "copy.xlsx"), "not read");
    const year = await readYear(folder);
    expect(year.ok ? [] : year.errors).toEqual([expect.objectContaining({ code: "missing-file", message: expect.stringMatching(/holds 2 workbooks \(QAR 2024-25\.ods, copy\.xlsx\).*give the workbook to read/) })]);
    rmSync(join(folder, "copy.xlsx"));
  });
});
