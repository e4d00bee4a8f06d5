import { DEFAULT_POLICY, makePolicy } from "../model/policy.js";
import type { Collection, Problem } from "../model/problem.js";
import { capErrors } from "./cap-errors.js";
import type { InputError, Result } from "./errors.js";
import { matchFiles, nearMiss } from "./match-files.js";
import { parsePolicy } from "./read-policy.js";
import { duplicateLedgerYears, ledgerYearRow } from "./read-years.js";
import { referenceErrors, type ReadFiles } from "./references.js";
import { historyRow } from "./rows/history.js";
import { leadRow } from "./rows/leads.js";
import { pinRow } from "./rows/pins.js";
import { readRows, type YearFileContents } from "./rows/read-rows.js";
import { reviewerRow } from "./rows/reviewers.js";
import { reviewRow } from "./rows/reviews.js";
import { schoolRow } from "./rows/schools.js";
import { POLICY_FILE, REQUIRED_FILES, YEAR_FILES } from "./year-files.js";

export type { YearFileContents } from "./rows/read-rows.js";

export interface ParseYearOptions {
  /** A policy file given apart from the folder (`--policy`); wins over the folder's policy.json. */
  readonly policy?: { readonly name: string; readonly contents: string | Uint8Array };
}

const EXPECTED = [...Object.values(YEAR_FILES).map((f) => f.file), POLICY_FILE];

/**
 * The files under the names the year uses: `Schools.csv` or `QAR - schools.csv` is read as
 * schools.csv (with a notice); a required file that is missing names a near miss.
 */
function byExpectedName(given: YearFileContents, errors: InputError[], notices: InputError[]): YearFileContents {
  const names = Object.keys(given).filter((name) => given[name] !== undefined);
  const matched = matchFiles(names, EXPECTED);
  // Files passed without contents are other files of the folder: only for the near-miss hint.
  const everyName = Object.keys(given);
  errors.push(...matched.errors);
  notices.push(...matched.notices);
  const files: Record<string, YearFileContents[string]> = {};
  for (const [wanted, name] of matched.files) files[wanted] = given[name];
  for (const which of REQUIRED_FILES) {
    const wanted = YEAR_FILES[which].file;
    const near = files[wanted] === undefined ? nearMiss(everyName, wanted, EXPECTED) : undefined;
    if (near !== undefined) errors.push({ code: "missing-file", file: wanted, message: `is missing from the year folder; is "${near}" meant to be ${wanted}? rename it` });
  }
  return files;
}

/** Each collection's file name, the policy's being whichever file it came from. */
function fileNames(policyFile: string): Record<Collection, string> {
  const { schools, reviewers, leads, reviews, history, pins, ledgerYears } = YEAR_FILES;
  return {
    schools: schools.file,
    reviewers: reviewers.file,
    leads: leads.file,
    reviews: reviews.file,
    history: history.file,
    pins: pins.file,
    ledgerYears: ledgerYears.file,
    policy: policyFile,
  };
}

/** A warning for each person who gave no available dates: valid input, but never assigned. */
function noDatesWarnings(problem: Problem, read: ReadFiles, fileOf: Record<Collection, string>): InputError[] {
  const warning = (collection: "reviewers" | "leads", index: number, message: string): InputError => {
    const row = read[collection].rows[index];
    return { code: "warning", file: fileOf[collection], ...(row !== undefined ? { row } : {}), column: "available", message };
  };
  return [
    ...problem.reviewers.flatMap((reviewer, index) =>
      reviewer.available.length === 0 ? [warning("reviewers", index, `reviewer ${reviewer.id} gave no available dates and will not be assigned`)] : [],
    ),
    ...problem.leads.flatMap((lead, index) =>
      lead.available.length === 0 ? [warning("leads", index, `Lead Reviewer ${lead.id} gave no available dates and will not be assigned`)] : [],
    ),
  ];
}

/**
 * Reads a year from the contents of its files. Pure: no file access, so it runs in a browser
 * or a service as well as behind the CLI. Collects every error in every file before failing:
 * the policy first, then each file row by row (one builder per file in `rows/`), then the ids
 * and references across files.
 *
 * @example
 * const result = parseYear({ "schools.csv": schools, "reviewers.csv": reviewers, "leads.csv": leads, "reviews.csv": reviews });
 * if (!result.ok) console.error(result.errors.map(formatInputError).join("\n"));
 */
export function parseYear(given: YearFileContents, options: ParseYearOptions = {}): Result<Problem> {
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  const files = byExpectedName(given, errors, warnings);
  const policyFile = files[POLICY_FILE];
  // A workbook has no policy sheet: its policy comes from --policy (or options.policy).
  const folderPolicy = typeof policyFile === "string" || policyFile instanceof Uint8Array ? { name: POLICY_FILE, contents: policyFile } : undefined;
  const policySource = options.policy ?? folderPolicy;
  const policy = policySource ? parsePolicy(policySource.name, policySource.contents, errors) : makePolicy().data;
  const defaultDays = policy?.defaultReviewDays ?? 3;
  // The kinds the rows may name: the policy's, or the built-in ones when policy.json is bad.
  const kinds = (policy ?? DEFAULT_POLICY).kinds;
  const read = {
    schools: readRows(files, "schools", errors, schoolRow, warnings),
    reviewers: readRows(files, "reviewers", errors, (c) => reviewerRow(c, kinds), warnings),
    leads: readRows(files, "leads", errors, (c) => leadRow(c, kinds), warnings),
    reviews: readRows(files, "reviews", errors, (c) => reviewRow(c, defaultDays, kinds), warnings),
    history: readRows(files, "history", errors, (c) => historyRow(c, policy), warnings),
    pins: readRows(files, "pins", errors, pinRow, warnings),
    ledgerYears: readRows(files, "ledgerYears", errors, ledgerYearRow, warnings),
  };
  errors.push(...duplicateLedgerYears(read.ledgerYears.items, read.ledgerYears.rows, YEAR_FILES.ledgerYears.file));
  // The references do not depend on the policy: the defaults stand in when policy.json is bad.
  const problem: Problem = {
    schools: read.schools.items,
    reviewers: read.reviewers.items,
    leads: read.leads.items,
    reviews: read.reviews.items,
    policy: policy ?? DEFAULT_POLICY,
    history: read.history.items,
    pins: read.pins.items,
    ...(files[YEAR_FILES.ledgerYears.file] !== undefined ? { ledgerYears: read.ledgerYears.items } : {}),
  };
  const fileOf = fileNames(policySource?.name ?? POLICY_FILE);
  errors.push(...referenceErrors(problem, read, fileOf));
  if (errors.length > 0 || policy === undefined) return { ok: false, errors: capErrors(errors) };
  return { ok: true, value: problem, warnings: [...warnings, ...capErrors(noDatesWarnings(problem, read, fileOf))] };
}
