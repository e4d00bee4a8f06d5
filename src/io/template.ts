import { formatDay, parseDay } from "../model/dates.js";
import { tableCsv, type Table, type TableCell } from "./csv-text.js";
import { workbookOf, type SheetTable } from "./results-workbook.js";
import { REQUIRED_FILES, YEAR_FILES, type YearFile } from "./year-files.js";

/**
 * A new year to fill in (`qar init`): the four required tables with every column the reader
 * knows and one example row each that together make a valid year, as one workbook (a sheet per
 * file, plus a `read me` sheet the reader ignores) or as CSV files.
 */

/** The workbook `qar init` writes. */
export const TEMPLATE_WORKBOOK = "year.xlsx";

/** The academic year a label names (`2025-26`: September 2025 to August 2026), or `undefined`. */
export function academicYear(label: string): { readonly first: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return undefined;
  const first = Number(match[1]);
  return (first + 1) % 100 === Number(match[2]) ? { first } : undefined;
}

/** The first Tuesday of October of a year: a plausible first review. */
function firstReviewDay(year: number): string {
  const first = parseDay(`${year}-10-01`)!;
  const tuesday = first + ((((1 - ((first + 3) % 7)) % 7) + 7) % 7);
  return formatDay(tuesday);
}

/** One example row per required file, by column; the columns the example leaves out are blank. */
function examples(first: number): Record<YearFile, Record<string, TableCell>> {
  const available = `${first}-09-01..${first + 1}-07-20`;
  return {
    schools: { id: "S001", name: "Example Primary School", hub: "North", locality: "Northby", phase: "primary", pupils: 420, lat: 51.5074, lon: -0.1278, address: "1 High Street, Northby", postcode: "NB1 2AB", email: "office@example-primary.sch.uk" },
    reviewers: { id: "P001", name: "Alex Example", school_id: "S001", level: "advanced", phases: "primary", available, max_reviews: 2, email: "alex.example@example-primary.sch.uk" },
    leads: { id: "L001", name: "Sam Example", available, max_reviews: 10, email: "sam.example@example.org" },
    reviews: { id: "R001", school_id: "S001", start: firstReviewDay(first), days: 3 },
    history: {},
    pins: {},
    ledgerYears: {},
  };
}

/**
 * The required files as tables: every column (required first), one example row. The example
 * reviewer belongs to the example school, so the one review's peer seats stay empty: replace
 * the rows with the partnership's own.
 *
 * @example templateTables(2025).map((t) => t.name) // ["schools", "reviewers", "leads", "reviews"]
 */
export function templateTables(first: number): SheetTable[] {
  const rows = examples(first);
  return REQUIRED_FILES.map((which) => {
    const spec = YEAR_FILES[which];
    const columns = [...spec.required, ...spec.optional];
    const table: Table = { columns, rows: [columns.map((column) => rows[which][column])] };
    return { name: spec.file.replace(/\.csv$/, ""), table };
  });
}

const READ_ME = [
  "This workbook is a year for qar: a sheet per file (schools, reviewers, leads, reviews), one row per school, reviewer, Lead Reviewer and review.",
  "Each sheet holds one example row: replace it with your own rows. Keep the header row; columns may be left blank where docs/formats.md says so.",
  "Dates may be date cells or text (2025-10-07, 07/10/2025 day first, 7 Oct 2025); lists are separated by ; and ranges written 2025-09-01..2026-07-20.",
  "A policy.json beside this workbook changes the rules' settings (docs/policy.md); {} keeps the defaults.",
  "Then run: qar solve <this folder> --out results   (qar reads the one workbook in the folder; other sheets such as this one are ignored).",
];

/** `year.xlsx`: the template tables as sheets, and a `read me` sheet. */
export function templateWorkbook(first: number): Promise<Uint8Array> {
  return workbookOf([...templateTables(first), { name: "read me", table: { columns: ["qar year template"], rows: READ_ME.map((line) => [line]) } }]);
}

/** The template as CSV files (`schools.csv`, ...), each with a BOM. */
export function templateCsvFiles(first: number): Record<string, string> {
  return Object.fromEntries(templateTables(first).map(({ name, table }) => [`${name}.csv`, tableCsv(table)]));
}
