/**
 * Writes the bad-input catalogue: each case is the small valid year in `base/` with one thing
 * broken (or one forgivable oddity), and `expected.json` says what must happen. Run with
 * `npx tsx test/bad-inputs/make-cases.ts`; the folders it writes are committed, so the
 * catalogue does not move when the fixtures do.
 *
 * Rows are spreadsheet rows (the header is row 1). In `base/`: schools S1-S4 are rows 2-5,
 * reviewers P1-P6 rows 2-7, leads L1-L2 rows 2-3, reviews R1-R3 rows 2-4.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Files = Record<string, string | Buffer | undefined>;
interface ExpectedError {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly contains: string;
}
interface Case {
  readonly name: string;
  readonly why: string;
  readonly change: (files: Files) => Files;
  readonly accepted?: true;
  readonly errors?: readonly ExpectedError[];
  readonly unfilled?: readonly string[];
  readonly warnings?: readonly ExpectedError[];
  /** Accepted and must fill as many seats as the base year. */
  readonly sameSeats?: true;
}

const here = new URL(".", import.meta.url).pathname;
const FILES = ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"] as const;
type CsvFile = (typeof FILES)[number];

const table = (text: string | Buffer | undefined) => parse(String(text)) as string[][];
const csv = (rows: string[][], delimiter = ",") => stringify(rows, { delimiter, record_delimiter: "\n" });
const text = (files: Files, file: CsvFile) => String(files[file]);

/** Sets one cell: `row` is the spreadsheet row (header = 1). */
function setCell(files: Files, file: CsvFile, row: number, column: string, value: string): Files {
  const rows = table(files[file]);
  const at = rows[0]!.indexOf(column);
  if (at < 0 || rows[row - 1] === undefined) throw new Error(`${file} has no row ${row} / column ${column}`);
  rows[row - 1]![at] = value;
  return { ...files, [file]: csv(rows) };
}
const set = (file: CsvFile, row: number, column: string, value: string) => (files: Files) => setCell(files, file, row, column, value);
function renameColumn(file: CsvFile, from: string, to: string) {
  return (files: Files): Files => {
    const rows = table(files[file]);
    rows[0]![rows[0]!.indexOf(from)] = to;
    return { ...files, [file]: csv(rows) };
  };
}
function dropColumn(file: CsvFile, column: string) {
  return (files: Files): Files => {
    const rows = table(files[file]);
    const at = rows[0]!.indexOf(column);
    return { ...files, [file]: csv(rows.map((r) => r.filter((_, i) => i !== at))) };
  };
}
/** Appends a row given as column → value (other cells blank). */
function addRow(file: CsvFile, cells: Record<string, string>) {
  return (files: Files): Files => {
    const rows = table(files[file]);
    rows.push(rows[0]!.map((column) => cells[column] ?? ""));
    return { ...files, [file]: csv(rows) };
  };
}
/** Adds a column: `cells` by spreadsheet row (header = 1), every other cell blank. */
function addColumn(file: CsvFile, column: string, cells: Record<number, string>) {
  return (files: Files): Files => {
    const rows = table(files[file]);
    return { ...files, [file]: csv(rows.map((r, i) => [...r, i === 0 ? column : (cells[i + 1] ?? "")])) };
  };
}
const withFile = (file: string, contents: string | Buffer | undefined) => (files: Files): Files => ({ ...files, [file]: contents });
const policy = (json: string) => withFile("policy.json", json);
const onAll = (edit: (contents: string) => string) => (files: Files): Files =>
  Object.fromEntries(Object.entries(files).map(([name, contents]) => [name, contents === undefined ? undefined : edit(String(contents))]));
const both = (...edits: ((files: Files) => Files)[]) => (files: Files): Files => edits.reduce((acc, edit) => edit(acc), files);

const CASES: Case[] = [
  // ---- Forgiving readings: each is accepted and solves. ----
  { name: "bom", why: "Excel's 'CSV UTF-8' starts every file with a byte-order mark", accepted: true, change: onAll((c) => `\uFEFF${c}`) },
  { name: "crlf", why: "Windows line ends in every file", accepted: true, change: onAll((c) => c.replace(/\n/g, "\r\n")) },
  {
    name: "phase-case",
    why: "phase names in any case, in schools and in reviewers' phase lists",
    accepted: true,
    change: both(set("schools.csv", 2, "phase", "PRIMARY"), set("schools.csv", 5, "phase", "Secondary"), set("reviewers.csv", 2, "phases", "Primary;SECONDARY")),
  },
  { name: "phase-alias", why: "'Infant' is a documented spelling of primary", accepted: true, change: set("schools.csv", 3, "phase", "Infant") },
  { name: "level-case", why: "levels in any case", accepted: true, change: both(set("reviewers.csv", 2, "level", "Advanced"), set("reviewers.csv", 7, "level", "TRAINEE")) },
  {
    name: "header-case-and-spaces",
    why: "header names in any case, with spaces for underscores ('School ID' reads as school_id)",
    accepted: true,
    change: (f) => ({ ...f, "reviewers.csv": text(f, "reviewers.csv").replace(/^.*\n/, "ID,Name,School ID,Level,Phases,Available,Max Reviews,Conflicts\n") }),
  },
  {
    name: "header-order",
    why: "columns in any order",
    accepted: true,
    change: (f) => ({
      ...f,
      "reviews.csv": csv(table(f["reviews.csv"]).map((r) => [...r].reverse())),
      "schools.csv": csv(table(f["schools.csv"]).map((r) => [...r.slice(4), ...r.slice(0, 4)])),
    }),
  },
  {
    name: "extra-columns",
    why: "columns we do not know are ignored, each named once in a warning (updated, issue 19: never silently)",
    accepted: true,
    warnings: [
      { file: "schools.csv", row: 1, column: "website", contains: 'column "website" is not one schools.csv uses and is ignored' },
      { file: "reviewers.csv", row: 1, column: "notes", contains: 'column "notes" is not one reviewers.csv uses' },
    ],
    change: (f) => ({
      ...f,
      "schools.csv": csv(table(f["schools.csv"]).map((r, i) => [...r, i === 0 ? "website" : `https://school${i}.example.org`])),
      "reviewers.csv": csv(table(f["reviewers.csv"]).map((r, i) => [i === 0 ? "notes" : "prefers mornings", ...r])),
    }),
  },
  { name: "blank-lines", why: "blank lines between rows and at the end", accepted: true, change: (f) => ({ ...f, "reviewers.csv": `${text(f, "reviewers.csv").replace(/\n/g, "\n\n")}\n\n` }) },
  {
    name: "empty-rows-of-commas",
    why: "empty spreadsheet rows exported as a line of commas",
    accepted: true,
    change: (f) => ({ ...f, "schools.csv": text(f, "schools.csv").replace("S3,", ",,,,,,,,\nS3,").concat(",,,,,,,,\n") }),
  },
  {
    name: "semicolon-export",
    why: "a semicolon-separated export (European Excel), recognised from its header; list cells are then quoted",
    accepted: true,
    change: (f) => ({ ...f, "schools.csv": csv(table(f["schools.csv"]), ";"), "reviewers.csv": csv(table(f["reviewers.csv"]), ";") }),
  },
  { name: "quoted-newline", why: "a quoted name running over two lines is one row", accepted: true, change: set("schools.csv", 2, "name", "Northby Primary\nSchool") },
  { name: "stray-quote", why: "a quote inside an unquoted cell is read as written, as a spreadsheet does", accepted: true, change: (f) => ({ ...f, "reviewers.csv": text(f, "reviewers.csv").replace("Ada Brown", 'Ada "Dee" Brown') }) },
  {
    name: "spaces-around-cells",
    why: "spaces around ids, levels and dates are trimmed",
    accepted: true,
    change: both(set("reviewers.csv", 3, "school_id", " S2 "), set("reviewers.csv", 3, "level", " reviewer "), set("reviews.csv", 2, "start", " 2024-01-15 ")),
  },
  {
    name: "every-cell-quoted",
    why: "exports that quote every cell",
    accepted: true,
    change: (f) => ({ ...f, "reviews.csv": stringify(table(f["reviews.csv"]), { quoted: true, quoted_empty: true, record_delimiter: "\n" }) }),
  },
  {
    name: "short-rows",
    why: "rows that leave out blank cells at the end (days, seats) read them as blank",
    accepted: true,
    change: (f) => ({ ...f, "reviews.csv": "id,school_id,start,days,seats\nR1,S1,2024-01-15\nR2,S3,2024-02-05,3\nR3,S4,2024-03-04\n" }),
  },
  { name: "leap-day", why: "29 February 2024 exists", accepted: true, change: set("reviews.csv", 3, "start", "2024-02-29") },
  {
    name: "single-dates-in-available",
    why: "availability as single dates that together cover the review",
    accepted: true,
    change: set("reviewers.csv", 3, "available", "2024-02-05;2024-02-06;2024-02-07;2024-03-04..2024-03-06"),
  },
  {
    name: "text-after-closing-quote",
    why: "a quoted word followed by more text in one cell (\"Hari\" Iqbal) is read as written, quotes kept, as spreadsheets do; an id mangled so fails its reference check instead",
    accepted: true,
    change: (f) => ({ ...f, "leads.csv": text(f, "leads.csv").replace("Hari Iqbal", '"Hari" Iqbal') }),
  },
  {
    name: "header-only-reviews",
    why: "decided: a file with only its header is valid and has zero rows; a year with no reviews solves to an empty allocation",
    accepted: true,
    change: withFile("reviews.csv", "id,school_id,start,days,seats\n"),
  },
  {
    name: "header-only-leads",
    why: "decided: no Lead Reviewers is valid input; every lead seat stays unfilled and unfilled.csv says why",
    accepted: true,
    change: withFile("leads.csv", "id,name,available,max_reviews,phases,conflicts,lat,lon\n"),
    unfilled: ["R1", "R2", "R3"],
  },
  { name: "header-only-pins", why: "an optional file with only its header", accepted: true, change: withFile("pins.csv", "review_id,role,person_id,pin\n") },
  {
    name: "review-outside-availability",
    why: "decided: a review nobody is available for is valid input; the run goes through, its seats stay unfilled and unfilled.csv explains them",
    accepted: true,
    change: set("reviews.csv", 4, "start", "2024-07-22"),
    unfilled: ["R3"],
  },
  {
    name: "blank-availability",
    why: "a reviewer who gave no dates: a warning, never assigned",
    accepted: true,
    change: set("reviewers.csv", 7, "available", ""),
    warnings: [{ file: "reviewers.csv", row: 7, column: "available", contains: "gave no available dates" }],
  },
  { name: "policy-overrides", why: "a policy.json with known keys, 0 being a value", accepted: true, change: policy('{ "minDistanceKm": 0, "minAdvancedPerTeam": 1, "weights": { "travelPerKm": 0.1 } }\n') },
  { name: "policy-bom", why: "a policy.json saved with a byte-order mark", accepted: true, change: policy('\uFEFF{ "minDistanceKm": 5 }\n') },
  {
    name: "formula-like-name",
    why: "a name that looks like a formula is just text on the way in (it is neutralised on the way out)",
    accepted: true,
    change: set("reviewers.csv", 2, "name", '=HYPERLINK("x")'),
  },

  // ---- Structure of the files. ----
  { name: "missing-column", why: "reviews.csv without its start column", change: dropColumn("reviews.csv", "start"), errors: [{ file: "reviews.csv", row: 1, column: "start", contains: 'no column "start"' }] },
  {
    name: "renamed-column",
    why: "school_id exported as 'school'",
    change: renameColumn("reviewers.csv", "school_id", "school"),
    errors: [{ file: "reviewers.csv", row: 1, column: "school_id", contains: 'is "school" meant to be "school_id"' }],
  },
  {
    name: "renamed-id-column",
    why: "id exported as 'reviewer'; the message must not suggest school_id, which is a column of its own",
    change: renameColumn("reviewers.csv", "id", "reviewer"),
    errors: [{ file: "reviewers.csv", row: 1, column: "id", contains: 'the header has no column "id"; expected' }],
  },
  { name: "duplicate-column", why: "a header naming one column twice", change: renameColumn("schools.csv", "trust", "name"), errors: [{ file: "schools.csv", row: 1, column: "name", contains: "appears twice" }] },
  { name: "missing-file", why: "no leads.csv", change: withFile("leads.csv", undefined), errors: [{ file: "leads.csv", contains: "is missing from the year folder" }] },
  { name: "empty-file", why: "reviews.csv with nothing in it", change: withFile("reviews.csv", ""), errors: [{ file: "reviews.csv", contains: "is empty" }] },
  { name: "blank-file", why: "schools.csv holding only blank lines", change: withFile("schools.csv", "\n  \n\n"), errors: [{ file: "schools.csv", contains: "is empty" }] },
  {
    name: "too-many-cells",
    why: "an unquoted comma in a name shifts the row",
    change: (f) => ({ ...f, "reviewers.csv": text(f, "reviewers.csv").replace("Ben Clarke", "Clarke, Ben") }),
    errors: [{ file: "reviewers.csv", row: 3, contains: "has 9 cells but the header has 8 columns" }],
  },
  {
    name: "unbalanced-quote",
    why: "a quote opened and never closed: the row where it opens and its column",
    change: (f) => ({ ...f, "schools.csv": text(f, "schools.csv").replace("Northby Infant School", '"Northby Infant School') }),
    errors: [{ file: "schools.csv", row: 3, column: "name", contains: "never closed" }],
  },
  {
    name: "not-utf8",
    why: "a Latin-1 export",
    change: (f) => ({ ...f, "schools.csv": Buffer.from(text(f, "schools.csv").replace("Southam Primary", "Sch\u00f6nau Primary"), "latin1") }),
    errors: [{ file: "schools.csv", contains: "is not UTF-8" }],
  },
  {
    name: "utf16",
    why: "Excel's 'Unicode Text' (UTF-16 with a byte-order mark)",
    change: (f) => ({ ...f, "leads.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(f, "leads.csv"), "utf16le")]) }),
    errors: [{ file: "leads.csv", contains: "is not UTF-8" }],
  },

  // ---- Ids and references. ----
  {
    name: "duplicate-school-id",
    why: "two schools with one id",
    change: addRow("schools.csv", { id: "S1", name: "Northby Junior School", hub: "North", phase: "primary", pupils: "120" }),
    errors: [{ file: "schools.csv", row: 6, column: "id", contains: 'duplicate id "S1" (first used in row 2)' }],
  },
  {
    name: "duplicate-reviewer-id",
    why: "two reviewers with one id",
    change: addRow("reviewers.csv", { id: "P3", name: "Cy Dunn", school_id: "S4", level: "reviewer", available: "2024-01-08..2024-03-29" }),
    errors: [{ file: "reviewers.csv", row: 8, column: "id", contains: 'duplicate id "P3" (first used in row 4)' }],
  },
  {
    name: "duplicate-review-id",
    why: "two reviews with one id",
    change: addRow("reviews.csv", { id: "R2", school_id: "S2", start: "2024-03-18", days: "3" }),
    errors: [{ file: "reviews.csv", row: 5, column: "id", contains: 'duplicate id "R2" (first used in row 3)' }],
  },
  { name: "duplicate-lead-id", why: "two Lead Reviewers with one id", change: set("leads.csv", 3, "id", "L1"), errors: [{ file: "leads.csv", row: 3, column: "id", contains: 'duplicate id "L1" (first used in row 2)' }] },
  { name: "lead-with-reviewer-id", why: "a Lead Reviewer sharing a reviewer's id", change: set("leads.csv", 3, "id", "P3"), errors: [{ file: "leads.csv", row: 3, column: "id", contains: "is also a reviewer's id" }] },
  { name: "unknown-school-reviewer", why: "a reviewer of a school not in schools.csv", change: set("reviewers.csv", 3, "school_id", "S9"), errors: [{ file: "reviewers.csv", row: 3, column: "school_id", contains: 'unknown school "S9"' }] },
  { name: "unknown-school-review", why: "a review of a school not in schools.csv", change: set("reviews.csv", 3, "school_id", "S9"), errors: [{ file: "reviews.csv", row: 3, column: "school_id", contains: 'unknown school "S9"' }] },
  { name: "unknown-conflict-reviewer", why: "a reviewer's conflict with an unknown school", change: set("reviewers.csv", 5, "conflicts", "S4;S9"), errors: [{ file: "reviewers.csv", row: 5, column: "conflicts", contains: 'unknown school "S9"' }] },
  { name: "unknown-conflict-lead", why: "a Lead Reviewer's conflict with an unknown school", change: set("leads.csv", 2, "conflicts", "S2;S7"), errors: [{ file: "leads.csv", row: 2, column: "conflicts", contains: 'unknown school "S7"' }] },
  { name: "reviewer-blank-school", why: "a reviewer with a blank school_id (reviewers belong to a member school)", change: set("reviewers.csv", 3, "school_id", ""), errors: [{ file: "reviewers.csv", row: 3, column: "school_id", contains: "is blank" }] },
  { name: "review-blank-id", why: "a review without an id", change: set("reviews.csv", 3, "id", ""), errors: [{ file: "reviews.csv", row: 3, column: "id", contains: "is blank; every row needs a review id" }] },

  // ---- Dates. ----
  { name: "date-does-not-exist", why: "30 February is refused, not read as 1 March", change: set("reviews.csv", 3, "start", "2024-02-30"), errors: [{ file: "reviews.csv", row: 3, column: "start", contains: '"2024-02-30" is not a real date' }] },
  { name: "no-leap-day", why: "29 February in a year without one", change: set("reviews.csv", 4, "start", "2023-02-29"), errors: [{ file: "reviews.csv", row: 4, column: "start", contains: '"2023-02-29" is not a real date' }] },
  {
    name: "non-iso-date",
    why: "updated (issue 19): a UK-style date is read day first, 15/01/2024 = 15 January 2024, the date of the base year",
    accepted: true,
    sameSeats: true,
    change: set("reviews.csv", 2, "start", "15/01/2024"),
  },
  {
    name: "unpadded-date",
    why: "updated (issue 19): a year-first date without leading zeros is unambiguous and read as 2024-01-15",
    accepted: true,
    sameSeats: true,
    change: set("reviews.csv", 2, "start", "2024-1-15"),
  },
  { name: "blank-start", why: "a review without a start date", change: set("reviews.csv", 4, "start", ""), errors: [{ file: "reviews.csv", row: 4, column: "start", contains: "is blank" }] },
  {
    name: "reversed-range",
    why: "an availability range that ends before it starts",
    change: set("reviewers.csv", 4, "available", "2024-03-29..2024-01-08"),
    errors: [{ file: "reviewers.csv", row: 4, column: "available", contains: "ends before it starts" }],
  },
  {
    name: "garbage-availability",
    why: "words instead of dates",
    change: set("reviewers.csv", 4, "available", "after half term"),
    errors: [{ file: "reviewers.csv", row: 4, column: "available", contains: '"after half term"' }],
  },
  {
    name: "three-part-range",
    why: "a range with two '..'",
    change: set("reviewers.csv", 4, "available", "2024-01-08..2024-02-01..2024-03-01"),
    errors: [{ file: "reviewers.csv", row: 4, column: "available", contains: "is not a date or a range FROM..TO" }],
  },
  {
    name: "bad-lead-date",
    why: "a Lead Reviewer's month 13",
    change: set("leads.csv", 3, "available", "2024-13-01..2024-13-05"),
    errors: [{ file: "leads.csv", row: 3, column: "available", contains: '"2024-13-01"' }],
  },

  // ---- Numbers. ----
  { name: "non-numeric-pupils", why: "pupils written in words", change: set("schools.csv", 4, "pupils", "two hundred"), errors: [{ file: "schools.csv", row: 4, column: "pupils", contains: '"two hundred" is not a number' }] },
  { name: "thousands-separator-pupils", why: "1,200 as a spreadsheet formats it: in a comma-separated file the comma in a whole number is a thousands separator (issue 28)", accepted: true, change: set("schools.csv", 5, "pupils", "1,200") },
  { name: "negative-pupils", why: "a negative roll", change: set("schools.csv", 4, "pupils", "-5"), errors: [{ file: "schools.csv", row: 4, column: "pupils", contains: "below the smallest allowed value, 0" }] },
  { name: "decimal-pupils", why: "a fractional roll", change: set("schools.csv", 4, "pupils", "200.5"), errors: [{ file: "schools.csv", row: 4, column: "pupils", contains: "must be a whole number" }] },
  { name: "enormous-pupils", why: "1e9 pupils: a unit mix-up", change: set("schools.csv", 4, "pupils", "1e9"), errors: [{ file: "schools.csv", row: 4, column: "pupils", contains: "above the largest allowed value" }] },
  { name: "blank-pupils", why: "the roll sets the team size, so it is required", change: set("schools.csv", 3, "pupils", ""), errors: [{ file: "schools.csv", row: 3, column: "pupils", contains: "is blank" }] },
  { name: "enormous-max-reviews", why: "a typo in max_reviews", change: set("reviewers.csv", 2, "max_reviews", "1000"), errors: [{ file: "reviewers.csv", row: 2, column: "max_reviews", contains: "above the largest allowed value, 100" }] },
  { name: "negative-max-reviews", why: "a negative maximum", change: set("leads.csv", 2, "max_reviews", "-1"), errors: [{ file: "leads.csv", row: 2, column: "max_reviews", contains: "below the smallest allowed value, 0" }] },
  { name: "zero-days", why: "a review of no days", change: set("reviews.csv", 2, "days", "0"), errors: [{ file: "reviews.csv", row: 2, column: "days", contains: "below the smallest allowed value, 1" }] },
  { name: "forty-days", why: "a review of forty days", change: set("reviews.csv", 2, "days", "40"), errors: [{ file: "reviews.csv", row: 2, column: "days", contains: "above the largest allowed value, 31" }] },
  { name: "negative-seats", why: "seats -1", change: set("reviews.csv", 3, "seats", "-1"), errors: [{ file: "reviews.csv", row: 3, column: "seats", contains: "below the smallest allowed value, 0" }] },
  { name: "latitude-out-of-range", why: "a latitude of 200", change: set("schools.csv", 2, "lat", "200"), errors: [{ file: "schools.csv", row: 2, column: "lat", contains: "above the largest allowed value, 90" }] },
  { name: "latitude-without-longitude", why: "half a coordinate on a school", change: set("schools.csv", 2, "lon", ""), errors: [{ file: "schools.csv", row: 2, column: "lon", contains: "give both lat and lon" }] },
  { name: "longitude-without-latitude", why: "half a coordinate on a Lead Reviewer", change: set("leads.csv", 2, "lat", ""), errors: [{ file: "leads.csv", row: 2, column: "lat", contains: "give both lat and lon" }] },

  // ---- Names of things. ----
  { name: "unknown-phase", why: "a phase the partnership does not use", change: set("schools.csv", 5, "phase", "grammar"), errors: [{ file: "schools.csv", row: 5, column: "phase", contains: '"grammar" is not a phase' }] },
  { name: "unknown-level", why: "a level that does not exist", change: set("reviewers.csv", 6, "level", "expert"), errors: [{ file: "reviewers.csv", row: 6, column: "level", contains: '"expert" is not a level' }] },
  { name: "unknown-phase-in-list", why: "a misspelt phase in a reviewer's list", change: set("reviewers.csv", 2, "phases", "primary;secondry"), errors: [{ file: "reviewers.csv", row: 2, column: "phases", contains: '"secondry" is not a phase' }] },
  { name: "pins-bad-role", why: "a pin with an unknown role", change: withFile("pins.csv", "review_id,role,person_id,pin\nR1,boss,L1,fix\n"), errors: [{ file: "pins.csv", row: 2, column: "role", contains: '"boss" is not a role' }] },
  { name: "pins-unknown-review", why: "a pin on a review that does not exist", change: withFile("pins.csv", "review_id,role,person_id,pin\nR1,lead,L1,fix\nR9,peer,P1,fix\n"), errors: [{ file: "pins.csv", row: 3, column: "review_id", contains: 'unknown review "R9"' }] },
  {
    name: "history-bad-role",
    why: "history with an unknown role",
    change: withFile("history.csv", "year,review_school_id,person_id,role\n2022-23,S1,P3,peer\n2022-23,S3,L1,helper\n"),
    errors: [{ file: "history.csv", row: 3, column: "role", contains: '"helper" is not a role' }],
  },

  // ---- Policy. ----
  { name: "policy-invalid-json", why: "policy.json that is not JSON", change: policy('{\n  "minDistanceKm": 5,\n}\n'), errors: [{ file: "policy.json", contains: "is not valid JSON (line 3" }] },
  { name: "policy-empty", why: "an empty policy.json", change: policy(""), errors: [{ file: "policy.json", contains: "is empty; write {} for the defaults" }] },
  { name: "policy-not-an-object", why: "policy.json holding a list", change: policy("[]"), errors: [{ file: "policy.json", contains: "must be one JSON object" }] },
  { name: "policy-unknown-key", why: "a typo in a policy key is named, with the key it was meant to be", change: policy('{ "minDistanceKM": 5 }'), errors: [{ file: "policy.json", column: "minDistanceKM", contains: 'unknown policy key "minDistanceKM" (did you mean "minDistanceKm"?)' }] },
  {
    name: "policy-unknown-nested-keys",
    why: "unknown keys inside weights and a seat band: one error each, named by its path",
    change: policy(JSON.stringify({ weights: { seats: 5, travel: 1 }, seatBands: [{ phase: "primary", seats: 2, maxPupil: 200 }, { phase: "primary", seats: 3 }] })),
    errors: [
      { file: "policy.json", column: "seatBands.0.maxPupil", contains: 'unknown policy key "maxPupil" (did you mean "maxPupils"?)' },
      { file: "policy.json", column: "weights.seats", contains: 'unknown policy key "seats"' },
      { file: "policy.json", column: "weights.travel", contains: 'unknown policy key "travel"' },
    ],
  },
  { name: "policy-wrong-type", why: "a number written as text", change: policy('{ "minDistanceKm": "ten" }'), errors: [{ file: "policy.json", column: "minDistanceKm", contains: "must be a number" }] },
  {
    name: "policy-contradictory-bands",
    why: "seat bands whose maxPupils decrease",
    change: policy(JSON.stringify({ seatBands: [{ phase: "primary", maxPupils: 400, seats: 3 }, { phase: "primary", maxPupils: 200, seats: 2 }, { phase: "primary", seats: 4 }, { phase: "secondary", seats: 4 }] })),
    errors: [{ file: "policy.json", column: "seatBands", contains: "maxPupils must increase from band to band (200 after 400)" }],
  },
  {
    name: "policy-open-band-first",
    why: "an open band (no maxPupils) before a closed one",
    change: policy(JSON.stringify({ seatBands: [{ phase: "primary", seats: 3 }, { phase: "primary", maxPupils: 200, seats: 2 }, { phase: "secondary", seats: 4 }] })),
    errors: [{ file: "policy.json", column: "seatBands", contains: "must be the last band of its phase" }],
  },
  {
    name: "policy-band-unknown-phase",
    why: "a seat band for a phase that does not exist",
    change: policy(JSON.stringify({ seatBands: [{ phase: "grammar", seats: 3 }] })),
    errors: [{ file: "policy.json", column: "seatBands.0.phase", contains: "must be one of primary" }],
  },
  { name: "policy-negative-minimum", why: "a negative minAdvancedPerTeam", change: policy('{ "minAdvancedPerTeam": -1 }'), errors: [{ file: "policy.json", column: "minAdvancedPerTeam", contains: "must be 0 or more" }] },

  // ---- Several problems at once: every one is reported in one pass. ----
  {
    name: "several-errors-at-once",
    why: "a bad cell in three files and an unknown reference: all four are reported together",
    change: both(set("schools.csv", 4, "pupils", "lots"), set("reviews.csv", 3, "start", "2024-02-30"), set("reviewers.csv", 3, "school_id", "S9"), set("leads.csv", 3, "max_reviews", "two")),
    errors: [
      { file: "schools.csv", row: 4, column: "pupils", contains: '"lots" is not a number' },
      { file: "reviewers.csv", row: 3, column: "school_id", contains: 'unknown school "S9"' },
      { file: "leads.csv", row: 3, column: "max_reviews", contains: '"two" is not a number' },
      { file: "reviews.csv", row: 3, column: "start", contains: '"2024-02-30" is not a real date' },
    ],
  },

  // ---- Kinds of review (docs/kinds.md): S3 is in Oak Trust. ----
  {
    name: "kind-tpr-accepted",
    why: "a Trust Peer Review of Oak Trust (school_id blank) is valid; nobody serves TPRs, so its seats stay empty and are explained",
    change: both(addRow("reviews.csv", { id: "T1", start: "2024-02-12", days: "3" }), addColumn("reviews.csv", "kind", { 5: "tpr" }), addColumn("reviews.csv", "trust_id", { 5: "Oak Trust" })),
    accepted: true,
    unfilled: ["T1"],
  },
  {
    name: "kind-unknown",
    why: "a review of a kind the policy does not know",
    change: addColumn("reviews.csv", "kind", { 3: "trp" }),
    errors: [{ file: "reviews.csv", row: 3, column: "kind", contains: '"trp" is not a kind of review; the policy\'s kinds are qar, tpr, mlqar' }],
  },
  {
    name: "kind-tpr-without-trust",
    why: "a TPR must name its host trust (and leave school_id blank)",
    change: both(set("reviews.csv", 3, "school_id", ""), addColumn("reviews.csv", "kind", { 3: "tpr" })),
    errors: [{ file: "reviews.csv", row: 3, column: "trust_id", contains: "is blank; every row needs the id of the host trust" }],
  },
  {
    name: "kind-tpr-unknown-trust",
    why: "a TPR's trust must be the trust of some school",
    change: both(set("reviews.csv", 3, "school_id", ""), addColumn("reviews.csv", "kind", { 3: "tpr" }), addColumn("reviews.csv", "trust_id", { 3: "Elm Trust" })),
    errors: [{ file: "reviews.csv", row: 3, column: "trust_id", contains: 'unknown trust "Elm Trust"' }],
  },
  {
    name: "kind-unknown-for-a-person",
    why: "a reviewer and a Lead Reviewer serving a kind the policy does not know",
    change: both(addColumn("reviewers.csv", "kinds", { 4: "qar;trp" }), addColumn("leads.csv", "kinds", { 2: "lead" })),
    errors: [
      { file: "reviewers.csv", row: 4, column: "kinds", contains: '"trp" is not a kind of review' },
      { file: "leads.csv", row: 2, column: "kinds", contains: '"lead" is not a kind of review' },
    ],
  },
  {
    name: "kind-policy-unknown-key",
    why: "a typo inside a kind of the policy is named by its path",
    change: policy(JSON.stringify({ kinds: { tpr: { maxPerTrust: 1 } } })),
    errors: [{ file: "policy.json", column: "kinds.tpr.maxPerTrust", contains: 'unknown policy key "maxPerTrust" (did you mean "maxPerTrustPerTeam"?)' }],
  },
  // ---- Spreadsheet exports as they are (issue 19): each reads as the base year and fills the same seats. ----
  {
    name: "uk-dates-everywhere",
    why: "every date as Excel writes it in England: review starts dd/mm/yyyy, availability d/m/yy",
    accepted: true,
    sameSeats: true,
    change: (f) => ({
      ...f,
      "reviews.csv": text(f, "reviews.csv").replace(/(\d{4})-(\d{2})-(\d{2})/g, "$3/$2/$1"),
      "reviewers.csv": text(f, "reviewers.csv").replace(/20(\d{2})-(\d{2})-(\d{2})/g, (_m, y: string, m: string, d: string) => `${Number(d)}/${Number(m)}/${y}`),
      "leads.csv": text(f, "leads.csv").replace(/(\d{4})-(\d{2})-(\d{2})/g, "$3/$2/$1"),
    }),
  },
  {
    name: "excel-serial-dates",
    why: "review starts as Excel day numbers (a date cell exported without its format)",
    accepted: true,
    sameSeats: true,
    change: both(set("reviews.csv", 2, "start", "45306"), set("reviews.csv", 3, "start", "45327"), set("reviews.csv", 4, "start", "45355")),
  },
  {
    name: "month-name-dates",
    why: "review starts written with the day of the week and the month's name",
    accepted: true,
    sameSeats: true,
    change: both(set("reviews.csv", 2, "start", "Mon 15 Jan 2024"), set("reviews.csv", 3, "start", "Monday 5 February 2024"), set("reviews.csv", 4, "start", "4 Mar 2024")),
  },
  {
    name: "semicolon-decimal-commas",
    why: "a European 'CSV (semicolon)' export whose coordinates have decimal commas",
    accepted: true,
    sameSeats: true,
    change: (f) => ({
      ...f,
      "schools.csv": csv(table(f["schools.csv"]).map((r) => r.map((c) => c.replace(/^(-?\d+)\.(\d+)$/, "$1,$2"))), ";"),
      "leads.csv": csv(table(f["leads.csv"]).map((r) => r.map((c) => c.replace(/^(-?\d+)\.(\d+)$/, "$1,$2"))), ";"),
    }),
  },
  {
    name: "tab-separated",
    why: "a tab-separated export (Excel's 'Text (Tab delimited)'), recognised from its header",
    accepted: true,
    sameSeats: true,
    change: (f) => ({ ...f, "reviewers.csv": csv(table(f["reviewers.csv"]), "\t") }),
  },
  {
    name: "file-name-case",
    why: "Schools.csv with a capital: read as schools.csv, and the match reported",
    accepted: true,
    sameSeats: true,
    change: (f) => ({ ...f, "schools.csv": undefined, "Schools.csv": f["schools.csv"] }),
    warnings: [{ file: "Schools.csv", contains: "read as schools.csv" }],
  },
  {
    name: "workbook-prefix",
    why: "Google Sheets names a downloaded sheet 'Workbook - sheet.csv': read as reviews.csv, and the match reported",
    accepted: true,
    sameSeats: true,
    change: (f) => ({ ...f, "reviews.csv": undefined, "QAR 2024-25 - reviews.csv": f["reviews.csv"] }),
    warnings: [{ file: "QAR 2024-25 - reviews.csv", contains: "read as reviews.csv" }],
  },
  {
    name: "control-characters-in-a-name",
    why: "an ESC and a BEL in a reviewer's name (a terminal-title injection): taken out of the name",
    accepted: true,
    sameSeats: true,
    change: set("reviewers.csv", 2, "name", "Ada \u001b]0;pwned\u0007Brown"),
  },
  {
    name: "misspelt-optional-headers",
    why: "headers close to a known optional column (punctuation, synonyms): each an error with a did-you-mean, since the column would otherwise be ignored",
    change: both(
      renameColumn("reviewers.csv", "max_reviews", "Max. reviews"),
      renameColumn("reviewers.csv", "available", "Availability"),
      renameColumn("schools.csv", "lat", "Latitude"),
      renameColumn("schools.csv", "lon", "Longitude"),
      renameColumn("reviews.csv", "seats", "Peer seats"),
    ),
    errors: [
      { file: "schools.csv", row: 1, column: "Latitude", contains: 'did you mean "lat"?' },
      { file: "schools.csv", row: 1, column: "Longitude", contains: 'did you mean "lon"?' },
      { file: "reviewers.csv", row: 1, column: "Availability", contains: 'did you mean "available"?' },
      { file: "reviewers.csv", row: 1, column: "Max. reviews", contains: 'did you mean "max_reviews"?' },
      { file: "reviews.csv", row: 1, column: "Peer seats", contains: 'did you mean "seats"?' },
    ],
  },
  {
    name: "month-first-availability",
    why: "a whole column of month-first dates (mm/dd/yyyy): one message for the column, with the count and the fix",
    change: (f) => ({ ...f, "reviewers.csv": text(f, "reviewers.csv").replace(/(\d{4})-(\d{2})-(\d{2})/g, "$2/$3/$1") }),
    errors: [{ file: "reviewers.csv", row: 2, column: "available", contains: "7 cells in 6 rows of this column have this problem (rows 2 to 7)" }],
  },
  { name: "year-typo", why: "a review in 2204 (a typo for 2024): outside the years 2000-2100", change: set("reviews.csv", 3, "start", "2204-02-05"), errors: [{ file: "reviews.csv", row: 3, column: "start", contains: "outside the years 2000–2100" }] },
  {
    name: "control-character-in-an-id",
    why: "an ESC in a hub, compared as an id: refused, quoted with the control character written out",
    change: set("schools.csv", 2, "hub", "North\u001b[31m"),
    errors: [{ file: "schools.csv", row: 2, column: "hub", contains: '"North\\u001b[31m" holds a control character' }],
  },
  {
    name: "decimal-comma-in-a-comma-file",
    why: "a decimal comma in a comma-separated file: refused with the fix",
    change: set("schools.csv", 2, "lat", "51,5"),
    errors: [{ file: "schools.csv", row: 2, column: "lat", contains: "write decimals with a point" }],
  },
  {
    name: "near-miss-file-name",
    why: "review.csv for reviews.csv: the missing file names the near miss",
    change: (f) => ({ ...f, "reviews.csv": undefined, "review.csv": f["reviews.csv"] }),
    errors: [{ file: "reviews.csv", contains: 'is "review.csv" meant to be reviews.csv?' }],
  },

  // ---- Limits (issue 20): refused before parsing, quoting a short excerpt. ----
  {
    name: "header-line-too-long",
    why: "a header row of 30,000 characters (not a table): refused before parsing",
    change: (f) => ({ ...f, "reviews.csv": `${"x".repeat(30_000)}\nR1\n` }),
    errors: [{ file: "reviews.csv", contains: "has a header row longer than 20,000 characters" }],
  },
  {
    name: "cell-too-long",
    why: "a 20,000-character name: refused with a short excerpt",
    change: set("reviewers.csv", 3, "name", "B".repeat(20_000)),
    errors: [{ file: "reviewers.csv", row: 3, column: "name", contains: "holds 20,000 characters" }],
  },

  // ---- Issue 29: nothing read twice or silently picked, weights that keep seats first. ----
  // Links, pipes, locks, workbooks and API objects are beside this file: out-folder, workbooks, years and api.test.ts.
  {
    name: "two-candidate-files",
    why: "reviews.csv beside a newer download 'QAR 2025-26 - reviews.csv': which one is current is the user's call, so an error naming both, never a silent pick",
    change: (f) => ({ ...f, "QAR 2025-26 - reviews.csv": f["reviews.csv"] }),
    errors: [{ file: "reviews.csv", contains: '"QAR 2025-26 - reviews.csv" and "reviews.csv" could each be reviews.csv; keep one' }],
  },
  {
    name: "two-candidate-copies",
    why: "reviews.csv beside a copy 'reviews (1).csv': an error naming both",
    change: (f) => ({ ...f, "reviews (1).csv": f["reviews.csv"] }),
    errors: [{ file: "reviews.csv", contains: '"reviews (1).csv" and "reviews.csv" could each be reviews.csv' }],
  },
  {
    name: "missing-file-beside-a-similar-one",
    why: "no reviews.csv but reviewers.csv: missing, with no hint to rename one required file into another (the message goes straight on to the columns)",
    change: (f) => ({ ...f, "reviews.csv": undefined }),
    errors: [{ file: "reviews.csv", contains: "is missing from the year folder (columns: id, school_id, start)" }],
  },
  {
    name: "policy-seat-weight-zero",
    why: "weights.seat 0: refused with the honest bound (1 or more) and why",
    change: policy('{"weights": {"seat": 0}}'),
    errors: [{ file: "policy.json", column: "weights.seat", contains: "must be 1 or more: filling seats is the first goal" }],
  },
  {
    name: "policy-seat-weight-tiny",
    why: "weights.seat 1e-9 beside leadSeat 1,000,000: a seat worth less than rounding would be lost, so refused",
    change: policy('{"weights": {"seat": 1e-9}}'),
    errors: [{ file: "policy.json", column: "weights.seat", contains: "must be 1 or more" }],
  },
  {
    name: "duplicate-pin-row",
    why: "the same pin row twice: honoured once (and not reported refused)",
    accepted: true,
    change: withFile("pins.csv", "review_id,role,person_id,pin\nR1,lead,L1,fix\nR1,lead,L1,fix\n"),
  },
];

const casesDir = join(here, "cases");
rmSync(casesDir, { recursive: true, force: true });
const base: Files = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(here, "base", f), "utf8")]));
CASES.forEach((c, i) => {
  const dir = join(casesDir, `${String(i + 1).padStart(2, "0")}-${c.name}`);
  mkdirSync(dir, { recursive: true });
  for (const [file, contents] of Object.entries(c.change(base))) if (contents !== undefined) writeFileSync(join(dir, file), contents);
  writeFileSync(join(dir, "expected.json"), `${JSON.stringify({ why: c.why, ...(c.accepted ? { accepted: true, ...(c.sameSeats ? { sameSeats: true } : {}), ...(c.unfilled ? { unfilled: c.unfilled } : {}), ...(c.warnings ? { warnings: c.warnings } : {}) } : { exit: 1, errors: c.errors }) }, null, 2)}\n`);
});
console.log(`${readdirSync(casesDir).length} cases written to ${casesDir}`);
