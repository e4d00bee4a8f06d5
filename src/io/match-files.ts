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

const TABLE_EXTENSIONS = new Set(["csv", "tsv", "txt", "xlsx"]);

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
}

/**
 * Matches the names a user has against the expected names: an exact name wins; otherwise one
 * spelling (case, prefix, copy number, .tsv/.txt/.xlsx) is taken and reported, and two spellings
 * of one file are an error.
 *
 * @example matchFiles(["Schools.csv"], ["schools.csv"]).files.get("schools.csv") // "Schools.csv"
 */
export function matchFiles(names: readonly string[], expected: readonly string[]): FileMatches {
  const files = new Map<string, string>();
  const notices: InputError[] = [];
  const errors: InputError[] = [];
  for (const wanted of expected) {
    if (names.includes(wanted)) {
      files.set(wanted, wanted);
      continue;
    }
    const spellings = names.filter((name) => isSpellingOf(name, wanted)).sort();
    if (spellings.length > 1) {
      errors.push({ code: "duplicate-id", file: wanted, message: `${spellings.map((n) => excerpt(n, 80)).join(" and ")} could each be ${wanted}; keep one` });
    } else if (spellings.length === 1) {
      files.set(wanted, spellings[0]!);
      notices.push({ code: "warning", file: spellings[0]!, message: `read as ${wanted}` });
    }
  }
  return { files, notices, errors };
}

/**
 * A file the user has whose name is a slip away from `expected` ("school.csv"), for a
 * missing-file message; never a file that is itself one of the `others` the year reads
 * (reviewers.csv is not a slip for reviews.csv: renaming it would lose the reviewers).
 */
export function nearMiss(names: readonly string[], expected: string, others: readonly string[] = []): string | undefined {
  const wanted = stem(expected).stem;
  const taken = (name: string) => others.some((other) => other !== expected && isSpellingOf(name, other));
  return names.find((name) => TABLE_EXTENSIONS.has(stem(name).extension) && !taken(name) && closeColumn(stem(name).stem, [wanted]) === wanted);
}
