/**
 * Writes the bad-input catalogue: each case is the tiny fixture year with one thing broken (or
 * one forgivable oddity), and `expected.json` says what must happen. Run with
 * `npx tsx test/bad-inputs/make-cases.ts`; the folders it writes are committed.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Files = Record<string, string | Buffer | undefined>;
interface Expected {
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
  readonly errors?: readonly Expected[];
}

const here = new URL(".", import.meta.url).pathname;
const base = new URL("../../fixtures/years/tiny/", import.meta.url).pathname;
const FILES = ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"];

const table = (text: string) => parse(text) as string[][];
const csv = (rows: string[][]) => stringify(rows, { record_delimiter: "\n" });
/** Sets one cell: `row` is the spreadsheet row (header = 1). */
function setCell(files: Files, file: string, row: number, column: string, value: string): Files {
  const rows = table(String(files[file]));
  rows[row - 1]![rows[0]!.indexOf(column)] = value;
  return { ...files, [file]: csv(rows) };
}
function renameColumn(files: Files, file: string, from: string, to: string): Files {
  const rows = table(String(files[file]));
  rows[0]![rows[0]!.indexOf(from)] = to;
  return { ...files, [file]: csv(rows) };
}
function dropColumn(files: Files, file: string, column: string): Files {
  const rows = table(String(files[file]));
  const at = rows[0]!.indexOf(column);
  return { ...files, [file]: csv(rows.map((r) => r.filter((_, i) => i !== at))) };
}

const CASES: Case[] = [
  // Forgiving readings.
  { name: "bom", why: "Excel's CSV UTF-8 starts with a byte-order mark", accepted: true, change: (f) => ({ ...f, "schools.csv": `\uFEFF${f["schools.csv"]}` }) },
  { name: "crlf", why: "Windows line ends in every file", accepted: true, change: (f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, String(v).replace(/\n/g, "\r\n")])) },
  { name: "phase-case", why: "phase names in any case", accepted: true, change: (f) => setCell(setCell(f, "schools.csv", 2, "phase", "PRIMARY"), "schools.csv", 3, "phase", "Primary") },
  { name: "level-case", why: "levels in any case", accepted: true, change: (f) => setCell(f, "reviewers.csv", 3, "level", "Advanced") },
  { name: "header-spaces", why: "a header written 'School ID' reads as school_id", accepted: true, change: (f) => renameColumn(f, "reviewers.csv", "school_id", "School ID") },
  { name: "header-order", why: "columns in any order", accepted: true, change: (f) => ({ ...f, "reviews.csv": csv(table(String(f["reviews.csv"])).map((r) => [...r].reverse())) }) },
  { name: "extra-column", why: "extra columns are ignored", accepted: true, change: (f) => ({ ...f, "reviews.csv": csv(table(String(f["reviews.csv"])).map((r, i) => [...r, i === 0 ? "notes" : "call the head first"])) }) },
  { name: "blank-lines", why: "blank lines between rows", accepted: true, change: (f) => ({ ...f, "reviewers.csv": String(f["reviewers.csv"]).replace(/\n/g, "\n\n") }) },
  { name: "semicolon-export", why: "a semicolon-separated export, recognised from its header", accepted: true, change: (f) => ({ ...f, "schools.csv": stringify(table(String(f["schools.csv"])), { delimiter: ";", record_delimiter: "\n" }) }) },
  { name: "quoted-newline", why: "a quoted name running over two lines", accepted: true, change: (f) => setCell(f, "schools.csv", 2, "name", "Shelhurst\nFirst School") },
  { name: "review-outside-availability", why: "a review nobody is available for: valid input, the seats stay unfilled and explained", accepted: true, change: (f) => setCell(f, "reviews.csv", 2, "start", "2024-08-05") },
  { name: "blank-availability", why: "a reviewer who gave no dates: a warning, never assigned", accepted: true, change: (f) => setCell(f, "reviewers.csv", 2, "available", "") },
  { name: "pins-header-only", why: "an optional file with only its header", accepted: true, change: (f) => ({ ...f, "pins.csv": "review_id,role,person_id,pin\n" }) },
  // Structure.
  { name: "missing-column", why: "reviews.csv without its start column", change: (f) => dropColumn(f, "reviews.csv", "start"), errors: [{ file: "reviews.csv", row: 1, column: "start", contains: 'no column "start"' }] },
  { name: "renamed-column", why: "school_id exported as 'school'", change: (f) => renameColumn(f, "reviewers.csv", "school_id", "school"), errors: [{ file: "reviewers.csv", row: 1, column: "school_id", contains: 'is "school" meant to be "school_id"' }] },
  { name: "missing-file", why: "no leads.csv", change: (f) => ({ ...f, "leads.csv": undefined }), errors: [{ file: "leads.csv", contains: "is missing" }] },
  { name: "empty-file", why: "reviews.csv with nothing in it", change: (f) => ({ ...f, "reviews.csv": "" }), errors: [{ file: "reviews.csv", contains: "is empty" }] },
  { name: "too-many-cells", why: "an unquoted comma in a name", change: (f) => ({ ...f, "reviewers.csv": String(f["reviewers.csv"]).replace("Tracey Singh", "Singh, Tracey") }), errors: [{ file: "reviewers.csv", row: 2, contains: "cells but the header has" }] },
  { name: "unbalanced-quote", why: "a quote opened and never closed", change: (f) => ({ ...f, "schools.csv": String(f["schools.csv"]).replace("Shelhurst First School", '"Shelhurst First School') }), errors: [{ file: "schools.csv", contains: "is not valid CSV" }] },
  { name: "not-utf8", why: "a Latin-1 export", change: (f) => ({ ...f, "schools.csv": Buffer.from(String(f["schools.csv"]).replace("Shelhurst", "Sch\u00f6lhurst"), "latin1") }), errors: [{ file: "schools.csv", contains: "not UTF-8" }] },
  // Ids and references.
  { name: "duplicate-school-id", why: "two schools with one id", change: (f) => setCell(f, "schools.csv", 3, "id", "S0001"), errors: [{ file: "schools.csv", row: 3, column: "id", contains: 'duplicate id "S0001"' }] },
  { name: "duplicate-reviewer-id", why: "two reviewers with one id", change: (f) => setCell(f, "reviewers.csv", 4, "id", "P0001"), errors: [{ file: "reviewers.csv", row: 4, column: "id", contains: 'duplicate id "P0001"' }] },
  { name: "duplicate-review-id", why: "two reviews with one id", change: (f) => setCell(f, "reviews.csv", 3, "id", "R0001"), errors: [{ file: "reviews.csv", row: 3, column: "id", contains: 'duplicate id "R0001"' }] },
  { name: "lead-with-reviewer-id", why: "a Lead Reviewer sharing a reviewer's id", change: (f) => setCell(f, "leads.csv", 2, "id", "P0001"), errors: [{ file: "leads.csv", row: 2, column: "id", contains: "also a reviewer's id" }] },
  { name: "unknown-school-reviewer", why: "a reviewer of a school not in schools.csv", change: (f) => setCell(f, "reviewers.csv", 2, "school_id", "S9999"), errors: [{ file: "reviewers.csv", row: 2, column: "school_id", contains: 'unknown school "S9999"' }] },
  { name: "unknown-school-review", why: "a review of a school not in schools.csv", change: (f) => setCell(f, "reviews.csv", 2, "school_id", "S9999"), errors: [{ file: "reviews.csv", row: 2, column: "school_id", contains: 'unknown school "S9999"' }] },
  { name: "unknown-conflict", why: "a conflict with an unknown school", change: (f) => setCell(f, "reviewers.csv", 2, "conflicts", "S9999"), errors: [{ file: "reviewers.csv", row: 2, column: "conflicts", contains: 'unknown school "S9999"' }] },
  { name: "reviewer-without-school", why: "a reviewer with a blank school_id", change: (f) => setCell(f, "reviewers.csv", 2, "school_id", ""), errors: [{ file: "reviewers.csv", row: 2, column: "school_id", contains: "is blank" }] },
  // Dates.
  { name: "date-does-not-exist", why: "30 February", change: (f) => setCell(f, "reviews.csv", 2, "start", "2024-02-30"), errors: [{ file: "reviews.csv", row: 2, column: "start", contains: '"2024-02-30" is not a real date' }] },
  { name: "no-leap-day", why: "29 February in a year without one", change: (f) => setCell(f, "reviews.csv", 3, "start", "2023-02-29"), errors: [{ file: "reviews.csv", row: 3, column: "start", contains: "not a real date" }] },
  { name: "non-iso-date", why: "a UK-style date", change: (f) => setCell(f, "reviews.csv", 2, "start", "04/03/2024"), errors: [{ file: "reviews.csv", row: 2, column: "start", contains: "YYYY-MM-DD" }] },
  { name: "reversed-range", why: "an availability range that ends before it starts", change: (f) => setCell(f, "reviewers.csv", 2, "available", "2024-03-15..2024-01-15"), errors: [{ file: "reviewers.csv", row: 2, column: "available", contains: "ends before it starts" }] },
  { name: "garbage-availability", why: "words instead of dates", change: (f) => setCell(f, "reviewers.csv", 2, "available", "sometime in spring"), errors: [{ file: "reviewers.csv", row: 2, column: "available", contains: "not a real date" }] },
  { name: "bad-lead-date", why: "a Lead Reviewer's impossible date", change: (f) => setCell(f, "leads.csv", 2, "available", "2024-13-01..2024-14-01"), errors: [{ file: "leads.csv", row: 2, column: "available", contains: "not a real date" }] },
  // Numbers.
  { name: "non-numeric-pupils", why: "pupils written as a word", change: (f) => setCell(f, "schools.csv", 2, "pupils", "many"), errors: [{ file: "schools.csv", row: 2, column: "pupils", contains: "is not a number" }] },
  { name: "negative-pupils", why: "a negative roll", change: (f) => setCell(f, "schools.csv", 2, "pupils", "-5"), errors: [{ file: "schools.csv", row: 2, column: "pupils", contains: "below the smallest allowed value" }] },
  { name: "decimal-pupils", why: "a fractional roll", change: (f) => setCell(f, "schools.csv", 2, "pupils", "300.5"), errors: [{ file: "schools.csv", row: 2, column: "pupils", contains: "whole number" }] },
  { name: "enormous-pupils", why: "a unit mix-up", change: (f) => setCell(f, "schools.csv", 2, "pupils", "1e9"), errors: [{ file: "schools.csv", row: 2, column: "pupils", contains: "above the largest allowed value" }] },
  { name: "enormous-max-reviews", why: "a typo in max_reviews", change: (f) => setCell(f, "reviewers.csv", 2, "max_reviews", "1000"), errors: [{ file: "reviewers.csv", row: 2, column: "max_reviews", contains: "above the largest allowed value" }] },
  { name: "negative-max-reviews", why: "a negative maximum", change: (f) => setCell(f, "reviewers.csv", 2, "max_reviews", "-1"), errors: [{ file: "reviewers.csv", row: 2, column: "max_reviews", contains: "below the smallest allowed value" }] },
  { name: "zero-days", why: "a review of no days", change: (f) => setCell(f, "reviews.csv", 2, "days", "0"), errors: [{ file: "reviews.csv", row: 2, column: "days", contains: "below the smallest allowed value" }] },
  { name: "forty-days", why: "a review of forty days", change: (f) => setCell(f, "reviews.csv", 2, "days", "40"), errors: [{ file: "reviews.csv", row: 2, column: "days", contains: "above the largest allowed value" }] },
  { name: "negative-seats", why: "negative peer seats", change: (f) => setCell(f, "reviews.csv", 2, "seats", "-1"), errors: [{ file: "reviews.csv", row: 2, column: "seats", contains: "below the smallest allowed value" }] },
  { name: "latitude-out-of-range", why: "a latitude of 200", change: (f) => setCell(f, "schools.csv", 2, "lat", "200"), errors: [{ file: "schools.csv", row: 2, column: "lat", contains: "above the largest allowed value" }] },
  { name: "latitude-without-longitude", why: "half a coordinate", change: (f) => setCell(f, "schools.csv", 2, "lon", ""), errors: [{ file: "schools.csv", row: 2, column: "lon", contains: "give both lat and lon" }] },
  // Names of things.
  { name: "unknown-phase", why: "a phase the partnership does not use", change: (f) => setCell(f, "schools.csv", 2, "phase", "grammar"), errors: [{ file: "schools.csv", row: 2, column: "phase", contains: '"grammar" is not a phase' }] },
  { name: "unknown-level", why: "a level that does not exist", change: (f) => setCell(f, "reviewers.csv", 2, "level", "expert"), errors: [{ file: "reviewers.csv", row: 2, column: "level", contains: '"expert" is not a level' }] },
  { name: "unknown-reviewer-phase", why: "a misspelt phase in a list", change: (f) => setCell(f, "reviewers.csv", 2, "phases", "primary;secondry"), errors: [{ file: "reviewers.csv", row: 2, column: "phases", contains: '"secondry" is not a phase' }] },
  { name: "pins-bad-role", why: "a pin with an unknown role", change: (f) => ({ ...f, "pins.csv": `review_id,role,person_id,pin\nR0001,boss,L001,fix\n` }), errors: [{ file: "pins.csv", row: 2, column: "role", contains: '"boss" is not a role' }] },
  { name: "history-bad-role", why: "history with an unknown role", change: (f) => ({ ...f, "history.csv": `year,review_school_id,person_id,role\n2022-23,S0001,P0002,helper\n` }), errors: [{ file: "history.csv", row: 2, column: "role", contains: '"helper" is not a role' }] },
  // Policy.
  { name: "policy-invalid-json", why: "policy.json that is not JSON", change: (f) => ({ ...f, "policy.json": "{ minDistanceKm: 5" }), errors: [{ file: "policy.json", contains: "is not valid JSON" }] },
  { name: "policy-unknown-key", why: "a typo in a policy key", change: (f) => ({ ...f, "policy.json": '{ "minDistanceKM": 5 }' }), errors: [{ file: "policy.json", contains: 'unknown policy key "minDistanceKM"' }] },
  { name: "policy-contradictory-bands", why: "seat bands that shrink", change: (f) => ({ ...f, "policy.json": JSON.stringify({ seatBands: [{ phase: "primary", maxPupils: 400, seats: 3 }, { phase: "primary", maxPupils: 200, seats: 2 }, { phase: "primary", seats: 4 }] }) }), errors: [{ file: "policy.json", column: "seatBands", contains: "maxPupils must increase" }] },
  { name: "policy-open-band-first", why: "an open band before a closed one", change: (f) => ({ ...f, "policy.json": JSON.stringify({ seatBands: [{ phase: "primary", seats: 3 }, { phase: "primary", maxPupils: 200, seats: 2 }] }) }), errors: [{ file: "policy.json", column: "seatBands", contains: "must be the last band" }] },
  { name: "policy-negative-minimum", why: "a negative advanced minimum", change: (f) => ({ ...f, "policy.json": '{ "minAdvancedPerTeam": -1 }' }), errors: [{ file: "policy.json", column: "minAdvancedPerTeam", contains: "minAdvancedPerTeam" }] },
];

const casesDir = join(here, "cases");
rmSync(casesDir, { recursive: true, force: true });
const original: Files = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(base, f), "utf8")]));
CASES.forEach((c, i) => {
  const dir = join(casesDir, `${String(i + 1).padStart(2, "0")}-${c.name}`);
  mkdirSync(dir, { recursive: true });
  for (const [file, contents] of Object.entries(c.change(original))) if (contents !== undefined) writeFileSync(join(dir, file), contents);
  writeFileSync(join(dir, "expected.json"), `${JSON.stringify({ why: c.why, ...(c.accepted ? { accepted: true } : { exit: 1, errors: c.errors }) }, null, 2)}\n`);
});
console.log(`${readdirSync(casesDir).length} cases written to ${casesDir}`);
