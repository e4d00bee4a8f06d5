import { excerpt } from "../model/text.js";
import type { InputError } from "./errors.js";
import { closeColumn } from "./headers.js";

/**
 * Matching the files a user has to the names a year folder uses: spreadsheets save `Schools.csv`,
 * `QAR 2024-25 - schools.csv` (Google Sheets: workbook, dash, sheet), `schools (1).csv` or a
 * tab-separated `schools.tsv`; each is read as `schools.csv`, and the match is reported.
 */

/** The part of a file name that says which file it is: lower case, no workbook prefix, no copy number. */
function stem(name: string): { stem: string; extension: string } {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  const bare = (dot > 0 ? base.slice(0, dot) : base).toLowerCase();
  return { stem: bare.replace(/^.* - /, "").replace(/\s*\(\d+\)$/, "").trim(), extension };
}

const TABLE_EXTENSIONS = new Set(["csv", "tsv", "txt", "xlsx", "ods"]);
/** The extensions a workbook is read under: Excel's .xlsx and OpenDocument's .ods. */
const WORKBOOK_EXTENSIONS = new Set(["xlsx", "ods"]);

/** Whether a file name is a workbook's (`year.xlsx`, `Year.ODS`), not a lock file Excel leaves beside one (`~$year.xlsx`). */
export function isWorkbookName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return WORKBOOK_EXTENSIONS.has(stem(name).extension) && !base.startsWith("~$");
}

/** Whether `name` (a file the user has) is a spelling of `expected` (a file name the year uses). */
function isSpellingOf(name: string, expected: string): boolean {
  const given = stem(name);
  const wanted = stem(expected);
  const extensions = wanted.extension === "csv" ? TABLE_EXTENSIONS : new Set([wanted.extension]);
  return given.stem === wanted.stem && extensions.has(given.extension);
}

/** What matching found: the file each expected name is read from, notices of forgiving matches, and conflicts. */
export interface FileMatches {
  /** Expected name → the name of the file that holds it. */
  readonly files: ReadonlyMap<string, string>;
  /** One warning per file read under another name. */
  readonly notices: readonly InputError[];
  /** Two files that could both be the same expected file. */
  readonly errors: readonly InputError[];
  /** The same conflicts as data: the expected name and every name that could be it. */
  readonly conflicts: readonly { readonly wanted: string; readonly names: readonly string[] }[];
}

/**
 * Matches the names a user has against the expected names: the exact name, or one spelling
 * (case, prefix, copy number, .tsv/.txt/.xlsx/.ods) taken and reported. Two names that could each
 * be one file (`reviews.csv` beside `QAR 2025-26 - reviews.csv`, the exact name included) are an
 * error naming both: which one is current is the user's call, never a silent pick.
 *
 * @example matchFiles(["Schools.csv"], ["schools.csv"]).files.get("schools.csv") // "Schools.csv"
 */
export function matchFiles(names: readonly string[], expected: readonly string[]): FileMatches {
  const files = new Map<string, string>();
  const notices: InputError[] = [];
  const errors: InputError[] = [];
  const conflicts: { wanted: string; names: string[] }[] = [];
  for (const wanted of expected) {
    const spellings = names.filter((name) => name === wanted || isSpellingOf(name, wanted)).sort();
    if (spellings.length > 1) {
      conflicts.push({ wanted, names: spellings });
      errors.push({ code: "duplicate-id", file: wanted, message: `${spellings.map((n) => excerpt(n, 80)).join(" and ")} could each be ${wanted}; keep one (move or rename the others)` });
    } else if (spellings[0] === wanted) {
      files.set(wanted, wanted);
    } else if (spellings.length === 1) {
      files.set(wanted, spellings[0]!);
      notices.push({ code: "warning", file: spellings[0]!, message: `read as ${wanted}` });
    }
  }
  return { files, notices, errors, conflicts };
}

/**
 * A file the user has whose name is a slip away from `expected` ("school.csv"), for a
 * missing-file message; never a file that is, or is closer to, another of `others` (the
 * reviewers.csv of a folder missing reviews.csv is not a misspelt reviews.csv).
 */
export function nearMiss(names: readonly string[], expected: string, others: readonly string[] = []): string | undefined {
  const wanted = stem(expected).stem;
  // A spelling of another file (`QAR - reviewers.csv`) is that file, never a slip for this one;
  // and the others come first: a name a slip away from both is taken for the other file.
  const taken = (name: string) => others.some((other) => other !== expected && isSpellingOf(name, other));
  const stems = [...others.map((other) => stem(other).stem).filter((s) => s !== wanted), wanted];
  return names.find((name) => TABLE_EXTENSIONS.has(stem(name).extension) && !taken(name) && closeColumn(stem(name).stem, stems) === wanted);
}
