import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { Problem } from "../model/problem.js";
import type { InputError, Result } from "./errors.js";
import { INPUT_LIMITS, megabytes } from "./limits.js";
import { writeOutputFile, writeOutputFolder } from "./out-folder.js";
import { parseYear, type YearFileContents } from "./read-year.js";
import { matchFiles } from "./match-files.js";
import { POLICY_FILE, YEAR_FILES } from "./year-files.js";

/** The name that stands for standard input (or output) wherever a file is read (or written). */
export const STDIO = "-";

const CHUNK = 1024 * 1024;

/** Reads from an open file until its end or one byte past `limit`, so a link to /dev/zero stops at once. */
function readBounded(fd: number, limit: number): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = new Uint8Array(Math.min(CHUNK, limit + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (cause) {
      // A non-blocking standard input with nothing yet: wait a moment and try again.
      if ((cause as NodeJS.ErrnoException).code !== "EAGAIN") throw cause;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit) return undefined;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Reads a file's bytes (`-`: standard input), or an input error naming it. Refuses a file over
 * the size limit before reading it, and stops reading anything endless (a device, a pipe) one
 * byte past the limit.
 */
export function readBytes(path: string, limit: number = INPUT_LIMITS.bytes): { bytes: Uint8Array } | { error: InputError } {
  const file = path === STDIO ? "standard input" : path;
  const tooLarge = (): { error: InputError } => ({ error: { code: "too-large", file, message: `is larger than ${megabytes(limit)}; an input file holds at most that (see docs/formats.md, limits)` } });
  let fd: number | undefined;
  try {
    fd = path === STDIO ? 0 : openSync(path, "r");
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: { code: "unreadable-file", file, message: "is a folder, not a file" } };
    if (stat.isFile() && stat.size > limit) return tooLarge();
    const bytes = readBounded(fd, limit);
    return bytes ? { bytes } : tooLarge();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? String(cause)})`;
    return { error: { code: code === "ENOENT" ? "missing-file" : "unreadable-file", file, message } };
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

const NOT_A_YEAR = "is not a year folder (a folder holding schools.csv, reviewers.csv, leads.csv and reviews.csv) nor a workbook (.xlsx) with those sheets";
const EXPECTED = [...Object.values(YEAR_FILES).map((f) => f.file), POLICY_FILE];

/** The folder's entries, or an error when it is not a readable folder. */
function folderEntries(folder: string): { names: string[] } | { error: InputError } {
  try {
    if (!statSync(folder).isDirectory()) return { error: { code: "missing-file", file: folder, message: NOT_A_YEAR } };
    return { names: readdirSync(folder).sort() };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return { error: { code: code === "ENOENT" ? "missing-file" : "unreadable-file", file: folder, message: code === "ENOENT" ? NOT_A_YEAR : `cannot be read (${code ?? String(cause)})` } };
  }
}

/** The folder's year files by name: only the files that match a year file are read; the other names come without contents. */
function folderFiles(folder: string, names: readonly string[], errors: InputError[]): Record<string, Uint8Array | undefined> {
  const wanted = new Set(matchFiles(names, EXPECTED).files.values());
  const files: Record<string, Uint8Array | undefined> = {};
  for (const name of names) {
    if (!wanted.has(name)) {
      files[name] = undefined;
      continue;
    }
    const read = readBytes(join(folder, name));
    if ("error" in read) errors.push({ ...read.error, file: name });
    else files[name] = read.bytes;
  }
  return files;
}

/** `--policy`, read, or its error pushed. */
function policyOption(policyFile: string | undefined, errors: InputError[]): { name: string; contents: Uint8Array } | undefined {
  if (policyFile === undefined) return undefined;
  const read = readBytes(policyFile);
  if ("error" in read) {
    errors.push(read.error);
    return undefined;
  }
  return { name: policyFile, contents: read.bytes };
}

/**
 * Reads a year folder of CSV files from disk (see `parseYear` for the format). File names are
 * matched forgivingly (`Schools.csv`, `QAR 2024-25 - schools.csv`, `schools.tsv`), each match
 * reported as a warning. Synchronous and CSV only: `readYear` also reads workbooks.
 *
 * @example const year = readYearFolder("fixtures/years/tiny");
 */
export function readYearFolder(folder: string, options: { policyFile?: string } = {}): Result<Problem> {
  const entries = folderEntries(folder);
  if ("error" in entries) return { ok: false, errors: [entries.error] };
  const errors: InputError[] = [];
  const files = folderFiles(folder, entries.names.filter((name) => extname(name).toLowerCase() !== ".xlsx"), errors);
  const policy = policyOption(options.policyFile, errors);
  if (errors.length > 0) return { ok: false, errors };
  return parseYear(files, policy ? { policy } : {});
}

/**
 * Reads a year from a folder of CSV (or single-sheet .xlsx) files, or from one .xlsx workbook
 * with a sheet per file (`schools`, `reviewers`, `leads`, `reviews`, ...; date cells are dates).
 * `borrow` reads one file the folder lacks from another place (its errors name that place).
 *
 * @example
 * const year = await readYear("QAR 2024-25.xlsx", { policyFile: "policy.json" });
 */
export async function readYear(
  path: string,
  options: { policyFile?: string; policy?: { name: string; contents: Uint8Array }; borrow?: { readonly name: string; readonly from: string } } = {},
): Promise<Result<Problem>> {
  const { readWorkbookFile, workbookSheets } = await import("./workbook.js");
  const errors: InputError[] = [];
  let files: YearFileContents;
  let renames: ReadonlyMap<string, string> = new Map();
  if (extname(path).toLowerCase() === ".xlsx" && !isFolder(path)) {
    const sheets = await readWorkbookFile(path);
    if ("error" in sheets) return { ok: false, errors: [sheets.error] };
    ({ files, renames } = sheets);
  } else {
    const entries = folderEntries(path);
    if ("error" in entries) return { ok: false, errors: [entries.error] };
    const bytes = folderFiles(path, entries.names, errors);
    // A file the folder lacks, read from elsewhere (next year's start borrows last year's reviews).
    const borrowed = options.borrow;
    if (borrowed) {
      const read = readBytes(borrowed.from);
      if ("error" in read) errors.push(read.error);
      else bytes[borrowed.name] = read.bytes;
    }
    const read = await workbookSheets(bytes, errors);
    files = read.files;
    renames = borrowed ? new Map([...read.renames, [borrowed.name, borrowed.from]]) : read.renames;
  }
  const policy = options.policy ?? policyOption(options.policyFile, errors);
  if (errors.length > 0) return { ok: false, errors };
  const result = parseYear(files, policy ? { policy } : {});
  const place = (error: InputError): InputError => ({ ...error, file: renames.get(error.file) ?? error.file });
  return result.ok ? { ...result, warnings: result.warnings.map(place) } : { ok: false, errors: result.errors.map(place) };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes an output folder: adds or replaces the files it owns and touches nothing else.
 * Kept under its first name for callers of 0.1; see `writeOutputFolder`.
 */
export const writeFolderAtomically = writeOutputFolder;

/** Writes one file all or nothing (see `writeOutputFile`). */
export const writeFileAtomically = writeOutputFile;
