import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toCsv, safeCell } from "../../src/io/csv-text.js";
import { formatInputError, type InputError } from "../../src/io/errors.js";
import { readYearFolder } from "../../src/io/files.js";
import { parseAllocation } from "../../src/io/read-allocation.js";
import { decodeUtf8, normaliseHeader, readCsvTable } from "../../src/io/read-csv.js";
import { parseYear, type YearFileContents } from "../../src/io/read-year.js";

/** The valid base year of the bad-input catalogue, as file contents. */
const baseDir = new URL("../bad-inputs/base/", import.meta.url).pathname;
const base: Record<string, string> = Object.fromEntries(
  ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"].map((file) => [file, readFileSync(join(baseDir, file), "utf8")]),
);
const SPEC = { required: ["id", "name"], optional: ["pupils"] } as const;

function errorsOf(files: YearFileContents): readonly InputError[] {
  const result = parseYear(files);
  return result.ok ? [] : result.errors;
}
const where = (errors: readonly InputError[]) => errors.map((e) => [e.file, e.row, e.column]);

describe("row numbers are spreadsheet rows (the header is row 1)", () => {
  it("a quoted cell over several lines is one row, and a blank line is a row", () => {
    const text = 'id,name\nA,"first line\nsecond line\nthird line"\n\nB,plain\r\n"C","quoted, with comma"\n';
    const { table, errors } = readCsvTable(text, "t.csv", SPEC);
    expect(errors).toEqual([]);
    expect(table.rows.map((r) => [r.row, r.cells.get("id"), r.cells.get("name")])).toEqual([
      [2, "A", "first line\nsecond line\nthird line"],
      [4, "B", "plain"],
      [5, "C", "quoted, with comma"],
    ]);
  });

  it("an error after a multi-line name and blank lines names the spreadsheet row, not the file line", () => {
    const reviews = 'id,school_id,start,days,seats\nR1,S1,2024-01-15,3,\n\n\nR2,S3,2024-02-05,3,\nR3,S4,2024-02-30,3,\n';
    const reviewers = base["reviewers.csv"]!.replace("Ada Brown", '"Ada\nBrown"').replace("P3,Cara Dunn,S3,advanced", "P3,Cara Dunn,S3,expert");
    const errors = errorsOf({ ...base, "reviews.csv": reviews, "reviewers.csv": reviewers });
    // reviews.csv: R3 is on file line 6 and spreadsheet row 6 (blank lines are rows);
    // reviewers.csv: P3 is on file line 5 but spreadsheet row 4 (Ada's name spans two lines).
    expect(where(errors)).toEqual([
      ["reviewers.csv", 4, "level"],
      ["reviews.csv", 6, "start"],
    ]);
  });

  it("an unclosed quote is reported at the row where it opens, with its column", () => {
    const text = 'id,name,pupils\nA,"two\nlines",10\nB,"never closed,20\nC,fine,30\n';
    const { errors } = readCsvTable(text, "t.csv", SPEC);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "bad-csv", file: "t.csv", row: 3, column: "name" });
    expect(errors[0]!.message).toContain("never closed");
  });

  it("a row longer than its header is reported with its row", () => {
    const { table, errors } = readCsvTable("id,name\nA,Smith, Ann\nB,Jones\n", "t.csv", SPEC);
    expect(errors).toMatchObject([{ code: "bad-row", row: 2 }]);
    expect(table.rows.map((r) => r.row)).toEqual([3]);
  });
});

describe("errors are collected across files in one pass", () => {
  it("reports a bad cell in every file, an unknown reference and a policy error together", () => {
    const errors = errorsOf({
      ...base,
      "schools.csv": base["schools.csv"]!.replace("Eastwick,,secondary,550", "Eastwick,,secondary,-550"),
      "reviewers.csv": base["reviewers.csv"]!.replace("P2,Ben Clarke,S2", "P2,Ben Clarke,S9").replace("P6,Finn Green,S2,trainee", "P6,Finn Green,S2,novice"),
      "leads.csv": base["leads.csv"]!.replace("2024-01-15..2024-02-16", "2024-02-16..2024-01-15"),
      "reviews.csv": base["reviews.csv"]!.replace("R1,S1,2024-01-15,3", "R1,S1,15/13/2024,3"),
      "policy.json": '{ "minDistanceKM": 5 }',
    });
    expect(where(errors).sort()).toEqual(
      [
        ["policy.json", undefined, "minDistanceKM"],
        ["schools.csv", 5, "pupils"],
        ["reviewers.csv", 3, "school_id"],
        ["reviewers.csv", 7, "level"],
        ["leads.csv", 3, "available"],
        ["reviews.csv", 2, "start"],
      ].sort(),
    );
  });

  it("several bad cells in one row are all reported", () => {
    const errors = errorsOf({ ...base, "schools.csv": base["schools.csv"]!.replace("S3,Southam Primary School,South,Southam,Oak Trust,primary,200,50.9000", "S3,Southam Primary School,South,Southam,Oak Trust,grammar,lots,95") });
    expect(where(errors)).toEqual([
      ["schools.csv", 4, "phase"],
      ["schools.csv", 4, "pupils"],
      ["schools.csv", 4, "lat"],
    ]);
  });

  it("a reference to a row that had its own error is not reported again as unknown", () => {
    // S3's row is dropped for its bad pupils; P3, P4 and R2 point at S3 and must not cascade.
    const errors = errorsOf({ ...base, "schools.csv": base["schools.csv"]!.replace("Oak Trust,primary,200", "Oak Trust,primary,two hundred"), "reviews.csv": base["reviews.csv"]!.replace("R3,S4", "R3,S8") });
    expect(where(errors)).toEqual([
      ["schools.csv", 4, "pupils"],
      ["reviews.csv", 4, "school_id"],
    ]);
  });

  it("a missing file and a broken header in another file are reported together", () => {
    const errors = errorsOf({ ...base, "leads.csv": undefined, "reviews.csv": base["reviews.csv"]!.replace("start", "date") });
    expect(errors.map((e) => [e.code, e.file])).toEqual([
      ["missing-file", "leads.csv"],
      ["missing-column", "reviews.csv"],
    ]);
  });

  it("a folder that does not exist is an error, not an exception", () => {
    const result = readYearFolder(join(baseDir, "no-such-year"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toContain("is not a year folder");
  });
});

describe("the formula guard round trip", () => {
  it('a name =HYPERLINK("x") is written as \'=HYPERLINK("x") by toCsv', () => {
    const text = toCsv(["id", "name"], [["P1", '=HYPERLINK("x")']]);
    expect(text).toBe(`\uFEFFid,name\nP1,"'=HYPERLINK(""x"")"\n`);
  });

  it("every formula start is neutralised in text and numbers are written plain", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(safeCell(`${start}1`)).toBe(`'${start}1`);
    expect(safeCell(-5)).toBe("-5");
    expect(safeCell(2.5)).toBe("2.5");
    expect(safeCell("Ann")).toBe("Ann");
    expect(safeCell("'=x")).toBe("'=x");
  });

  it("a cell '=x reads back as =x, and what toCsv writes reads back as it was", () => {
    const names = ['=HYPERLINK("x")', "+44 20 7946 0000", "-minus", "@home", "\tTabbed", "plain", "'quoted already"];
    const { table, errors } = readCsvTable(toCsv(["id", "name"], names.map((name, i) => [`P${i}`, name])), "t.csv", SPEC);
    expect(errors).toEqual([]);
    expect(table.rows.map((r) => r.cells.get("name"))).toEqual(names);
    expect(readCsvTable("id,name\nP1,'=x\n", "t.csv", SPEC).table.rows[0]!.cells.get("name")).toBe("=x");
  });

  it("an allocation whose ids look like formulas reads back through parseAllocation", () => {
    const text = toCsv(["review_id", "role", "person_id"], [["=R1", "lead", "-L1"], ["R2", "peer", "@P1"]]);
    const result = parseAllocation(text);
    expect(result.ok && result.value.assignments).toEqual([
      { reviewId: "=R1", role: "lead", personId: "-L1" },
      { reviewId: "R2", role: "peer", personId: "@P1" },
    ]);
  });

  it("a name with a formula reads into the year unguarded", () => {
    const result = parseYear({ ...base, "reviewers.csv": base["reviewers.csv"]!.replace("P1,Ada Brown,", `P1,"'=HYPERLINK(""x"")",`) });
    expect(result.ok && result.value.reviewers[0]!.name).toBe('=HYPERLINK("x")');
  });
});

describe("dates are strict, in the forms spreadsheets write", () => {
  const withStart = (start: string) => errorsOf({ ...base, "reviews.csv": base["reviews.csv"]!.replace("2024-02-05", start) });
  const startOf = (start: string) => {
    const read = parseYear({ ...base, "reviews.csv": base["reviews.csv"]!.replace("2024-02-05", start) });
    return read.ok ? read.value.reviews[1]!.start : read.errors.map((e) => e.message).join("; ");
  };
  const withAvailable = (available: string) => errorsOf({ ...base, "reviewers.csv": base["reviewers.csv"]!.replace("P3,Cara Dunn,S3,advanced,,2024-01-08..2024-03-29", `P3,Cara Dunn,S3,advanced,,${available}`) });

  it.each(["2024-02-29", " 2024-02-05 ", "2024-12-31", "2025-01-01"])("%j is a real date", (start) => {
    expect(withStart(start)).toEqual([]);
  });

  it.each(["2024-02-05", "05/02/2024", "5/2/2024", "5/2/24", "05.02.2024", "05-02-2024", "2024-2-5", "5 Feb 2024", "Mon 5 February 2024", "45327", "45327.0", "2024-02-05 00:00:00", "2024-02-05T00:00:00.000Z"])(
    "%j reads as 5 February 2024 (day first, ISO, month names, an Excel day number)",
    (start) => {
      expect(startOf(start)).toBe("2024-02-05");
    },
  );

  it.each([
    ["2024-02-30", '"2024-02-30" is not a real date'],
    ["2023-02-29", "is not a real date"],
    ["2024-04-31", "is not a real date"],
    ["2024-13-01", "has no month 13"],
    ["2024-00-10", "has no month 0"],
    ["2024-01-00", "is not a real date"],
    ["30/02/2024", "is not a real date"],
    ["02/19/2024", "month-first dates are not accepted; write 19/02/2024"],
    ["20240304", "is not a date"],
    ["2024-03-04T09:00", "is not a date"],
    ["Tue 5 Feb 2024", "that date is a Mon"],
    ["1999-12-31", "outside the years 2000–2100"],
    ["2204-02-05", "outside the years 2000–2100"],
    ["5", "is not a date"],
    ["12345", "as an Excel day number it falls outside"],
  ])("%j is refused with row 3, column start: %s", (start, contains) => {
    const errors = withStart(start);
    expect(where(errors)).toEqual([["reviews.csv", 3, "start"]]);
    expect(errors[0]!.message).toContain(contains);
  });

  it.each([
    ["2024-02-30..2024-03-10", '"2024-02-30"'],
    ["2024-01-08..2024-02-31", '"2024-02-31"'],
    ["2024-03-10..2024-03-01", "ends before it starts"],
    ["2024-01-08...2024-02-01", "is not a date"],
    ["next term", '"next term" is not a date'],
  ])("availability %j is refused: %s", (available, contains) => {
    const errors = withAvailable(available);
    expect(where(errors)).toEqual([["reviewers.csv", 4, "available"]]);
    expect(errors[0]!.message).toContain(contains);
  });

  it("ranges and single dates may be mixed, in any form, spaces around them are fine", () => {
    expect(withAvailable('"2024-01-08 .. 2024-01-31 ; 29/02/2024;1 Mar 2024..29/03/2024"')).toEqual([]);
  });
});

describe("forgiving reading", () => {
  it("header names in any case, spacing or hyphenation", () => {
    expect(["School ID", " school_id ", "SCHOOL-ID", "school  id"].map(normaliseHeader)).toEqual(["school_id", "school_id", "school_id", "school_id"]);
  });

  it("a BOM is dropped and Latin-1 is refused", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64]), "t.csv")).toEqual({ text: "id" });
    expect(decodeUtf8("\uFEFFid", "t.csv")).toEqual({ text: "id" });
    expect(decodeUtf8(Buffer.from("Sch\u00f6ol", "latin1"), "t.csv")).toMatchObject({ error: { code: "not-utf8", file: "t.csv" } });
  });

  it("a semicolon export is recognised from its header; a comma export with semicolon lists is not", () => {
    expect(readCsvTable("id;name\nA;Ann\n", "t.csv", SPEC).table.rows[0]!.cells.get("name")).toBe("Ann");
    expect(readCsvTable("id,name\nA,Ann;Bob\n", "t.csv", SPEC).table.rows[0]!.cells.get("name")).toBe("Ann;Bob");
  });

  it("a header-only file is valid and has no rows", () => {
    expect(readCsvTable("id,name\n", "t.csv", SPEC)).toEqual({ table: { file: "t.csv", columns: ["id", "name"], rows: [] }, errors: [], warnings: [] });
  });

  it("a renamed column is suggested, one of our own columns never is", () => {
    const renamed = readCsvTable("school,name\n", "t.csv", { required: ["school_id", "name"], optional: [] }).errors;
    expect(renamed[0]!.message).toContain('is "school" meant to be "school_id"');
    const ours = readCsvTable("reviewer,school_id,name\n", "t.csv", { required: ["id", "school_id", "name"], optional: [] }).errors;
    expect(ours).toHaveLength(1);
    expect(ours[0]!.message).not.toContain("meant to be");
  });
});

describe("messages", () => {
  it("name the file, row and column, or the key of policy.json", () => {
    expect(formatInputError({ code: "bad-value", file: "schools.csv", row: 7, column: "pupils", message: "must be a whole number" })).toBe('schools.csv, row 7, column "pupils": must be a whole number');
    expect(formatInputError({ code: "bad-policy", file: "policy.json", column: "minAdvancedPerTeam", message: "must be 0 or more" })).toBe('policy.json, key "minAdvancedPerTeam": must be 0 or more');
    expect(formatInputError({ code: "missing-file", file: "leads.csv", message: "is missing" })).toBe("leads.csv: is missing");
  });

  it("policy problems are in plain words, not the schema's", () => {
    const errors = errorsOf({ ...base, "policy.json": JSON.stringify({ minAdvancedPerTeam: 1.5, defaultReviewDays: 40, minDistanceKm: -1, seatBands: [] }) });
    expect(errors.map((e) => `${e.column}: ${e.message}`).sort()).toEqual([
      "defaultReviewDays: must be 31 or less",
      "minAdvancedPerTeam: must be a whole number",
      "minDistanceKm: must be 0 or more",
      "seatBands: needs at least 1 entry",
    ]);
  });

  it("invalid JSON says where", () => {
    const errors = errorsOf({ ...base, "policy.json": '{\n  "minDistanceKm": 5\n  "minAdvancedPerTeam": 1\n}' });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^is not valid JSON \(line 3, character 3\)/);
  });
});
