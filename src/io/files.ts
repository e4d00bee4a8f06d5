import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { InputError, Result } from "./errors.js";
import { parseYear } from "./read-year.js";
import { POLICY_FILE, YEAR_FILES } from "./year-files.js";
import { writeOutputFile, writeOutputFolder } from "./out-folder.js";
import type { Problem } from "../model/problem.js";

/** Reads a file's bytes, or an input error naming it. */
export function readBytes(path: string): { bytes: Uint8Array } | { error: InputError } {
  try {
    return { bytes: readFileSync(path) };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? String(cause)})`;
    return { error: { code: code === "ENOENT" ? "missing-file" : "unreadable-file", file: path, message } };
  }
}

/** Reads a year folder from disk (see `parseYear` for the format). */
export function readYearFolder(folder: string, options: { policyFile?: string } = {}): Result<Problem> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return { ok: false, errors: [{ code: "missing-file", file: folder, message: "is not a year folder (a folder holding schools.csv, reviewers.csv, leads.csv and reviews.csv)" }] };
  }
  const files: Record<string, Uint8Array | undefined> = {};
  const errors: InputError[] = [];
  for (const name of [...Object.values(YEAR_FILES).map((f) => f.file), POLICY_FILE]) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    const read = readBytes(path);
    if ("error" in read) errors.push({ ...read.error, file: name });
    else files[name] = read.bytes;
  }
  let policy: { name: string; contents: Uint8Array } | undefined;
  if (options.policyFile !== undefined) {
    const read = readBytes(options.policyFile);
    if ("error" in read) errors.push(read.error);
    else policy = { name: options.policyFile, contents: read.bytes };
  }
  if (errors.length > 0) return { ok: false, errors };
  return parseYear(files, policy ? { policy } : {});
}

/**
 * Writes an output folder: adds or replaces the files it owns and touches nothing else.
 * Kept under its first name for callers of 0.1; see `writeOutputFolder`.
 */
export const writeFolderAtomically = writeOutputFolder;

/** Writes one file all or nothing (see `writeOutputFile`). */
export const writeFileAtomically = writeOutputFile;
