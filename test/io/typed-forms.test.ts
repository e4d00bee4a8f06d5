/**
 * Numbers and ranges as people type them (issue 28): a whole number with thousands separators
 * (`1,200` pupils) is read as the number, never given decimal-comma advice; a range typed
 * `15/09/2025-20/09/2025`, `15/09/2025 - 20/09/2025` or `15/09/2025 to 20/09/2025` is a range.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDay } from "../../src/model/dates.js";
import { cellReader } from "../../src/io/cells.js";
import type { InputError } from "../../src/io/errors.js";
import { parseYear } from "../../src/io/read-year.js";
import { readDate, splitRange } from "../../src/io/read-date.js";

/** A year of these files, the others minimal: one school, no one, no review. */
const yearOf = (files: Record<string, string>) =>
  parseYear({
    "schools.csv": "id,name,hub,phase,pupils\nS1,A,H1,primary,200\n",
    "reviewers.csv": "id,name,school_id,level\n",
    "leads.csv": "id,name,available\n",
    "reviews.csv": "id,school_id,start\n",
    ...files,
  });

const pupils = (text: string, decimalComma = false) => {
  const errors: InputError[] = [];
  const value = cellReader("schools.csv", { row: 2, cells: new Map([["pupils", text]]) }, errors, { decimalComma }).number("pupils", { integer: true, min: 0, max: 20_000 });
  return { value, errors: errors.map((e) => e.message) };
};

describe("thousands separators in whole numbers", () => {
  it.each([
    ["1,200", false, 1200],
    ["12,000", false, 12000],
    ["1 200", false, 1200],
    ["1\u00a0200", false, 1200],
    ["1.200", true, 1200],
    ["1 200", true, 1200],
  ])("%j (semicolon file: %s) reads as %d", (text, decimalComma, expected) => {
    expect(pupils(text, decimalComma)).toEqual({ value: expected, errors: [] });
  });

  it.each([
    ["1,20", false, "is not a number"],
    ["1,200.5", false, "is not a number"],
    ["1,200 300", false, "is not a number"],
    ["1.200", false, "must be a whole number"],
    ["1,200", true, "the comma is the decimal mark; for 1200 write 1200 or 1.200"],
  ])("%j (semicolon file: %s) is refused: %s", (text, decimalComma, message) => {
    const read = pupils(text, decimalComma);
    expect(read.value).toBeUndefined();
    expect(read.errors).toEqual([expect.stringContaining(message)]);
  });

  it("any whole number written with comma groups reads back as itself (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (n) => {
        expect(pupils(n.toLocaleString("en-GB")).value).toBe(n);
        expect(pupils(n.toLocaleString("de-DE"), true).value).toBe(n);
      }),
      { seed: 41 },
    );
  });

  it("schools.csv with \"1,200\" pupils reads the school with 1200 pupils, no message", () => {
    const year = yearOf({ "schools.csv": 'id,name,hub,phase,pupils\nS1,A,H1,secondary,"1,200"\nS2,B,H2,primary,200\n' });
    expect(year.ok ? year.value.schools.map((s) => s.pupils) : year.errors).toEqual([1200, 200]);
  });
});

describe("date ranges as typed", () => {
  const day = fc.integer({ min: 10_957, max: 47_482 }); // 2000-01-01 .. 2099-12-31
  const forms: readonly ((iso: string) => string)[] = [
    (iso) => iso,
    (iso) => iso.split("-").reverse().join("/"),
    (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  ];
  const separators = ["..", "-", " - ", " to ", " – ", "–", " To "];

  it("every separator between two dates in every form gives back the two dates (property)", () => {
    fc.assert(
      fc.property(day, day, fc.constantFrom(...forms), fc.constantFrom(...separators), (a, b, form, separator) => {
        const [from, to] = [formatDay(Math.min(a, b)), formatDay(Math.max(a, b))];
        const parts = splitRange(`${form(from)}${separator}${form(to)}`);
        expect(parts.map((part) => ("iso" in readDate(part) ? (readDate(part) as { iso: string }).iso : part))).toEqual([from, to]);
      }),
      { seed: 42 },
    );
  });

  it("a single date in any form, dashes included (04-03-2024), stays one date", () => {
    for (const text of ["04-03-2024", "2024-03-04", "4 Mar 2024", "04/03/2024"]) expect(splitRange(text)).toEqual([text]);
  });

  it("reviewers.csv with available 15/09/2025-20/09/2025, 15/09/2025 - 20/09/2025 and 15/09/2025 to 20/09/2025 reads three ranges", () => {
    const year = yearOf({
      "reviewers.csv": 'id,name,school_id,level,available\nP1,A,S1,advanced,15/09/2025-20/09/2025\nP2,B,S1,advanced,15/09/2025 - 20/09/2025\nP3,C,S1,advanced,"15/09/2025 to 20/09/2025;01/10/2025"\n',
      "leads.csv": "id,name,available\nL1,L,15/09/2025 to 20/09/2025\n",
    });
    if (!year.ok) throw new Error(year.errors.map((e) => e.message).join("; "));
    const range = [{ from: "2025-09-15", to: "2025-09-20" }];
    expect(year.value.reviewers.map((r) => r.available)).toEqual([range, range, [...range, { from: "2025-10-01", to: "2025-10-01" }]]);
    expect(year.value.leads[0]!.available).toEqual(range);
  });

  it("what is not a range is still refused with its reason: three parts, words, an end before the start", () => {
    const year = yearOf({ "reviewers.csv": "id,name,school_id,level,available\nP1,A,S1,advanced,2024-01-08..2024-02-01..2024-03-01\nP2,B,S1,advanced,after half term\nP3,C,S1,advanced,20/09/2025 to 15/09/2025\n" });
    expect(year.ok ? [] : year.errors.map((e) => [e.row, e.message])).toEqual([
      [2, expect.stringContaining("is not a date or a range FROM..TO")],
      [3, expect.stringContaining('"after half term"')],
      [4, expect.stringContaining("ends before it starts")],
    ]);
  });
});
