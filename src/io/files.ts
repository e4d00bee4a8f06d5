import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { InputError, Result } from "./errors.js";
import { parseYear } from "./read-year.js";
import { POLICY_FILE, YEAR_FILES } from "./year-files.js";
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
 * The path segments of an output name (`calendars/P1.ics`): names are ours, built from safe
 * stems, so anything that could climb out of the folder is a bug, not user input.
 */
function segmentsOf(name: string): string[] {
  const segments = name.split("/");
  if (segments.some((s) => s === "" || s === "." || s === ".." || s.includes("\\") || s.includes("\0"))) throw new Error(`unsafe output file name "${name}"`);
  return segments;
}

/**
 * Writes a set of files into `outDir` all or nothing: everything goes to a temporary folder
 * beside it first, which then replaces `outDir` by rename. An error (or a crash) before the
 * rename leaves `outDir` as it was. A name may hold a subfolder (`calendars/P1.ics`); such a
 * subfolder is ours as a whole and replaced with the rest, while the user's own files and
 * folders beside ours are kept.
 */
export function writeFolderAtomically(outDir: string, files: Readonly<Record<string, string>>): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.old-${stamp}`);
  mkdirSync(temp);
  try {
    const ours = new Set<string>();
    for (const [name, text] of Object.entries(files)) {
      const segments = segmentsOf(name);
      ours.add(segments[0]!);
      if (segments.length > 1) mkdirSync(join(temp, ...segments.slice(0, -1)), { recursive: true });
      writeFileSync(join(temp, ...segments), text);
    }
    if (existsSync(target)) {
      if (!statSync(target).isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
      // Files the user put there beside ours are kept; ours are replaced together.
      for (const name of readdirSync(target)) {
        if (!ours.has(name)) renameSync(join(target, name), join(temp, name));
      }
      renameSync(target, old);
      renameSync(temp, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, target);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Writes one file all or nothing: to a temporary name beside it, then renamed over it. */
export function writeFileAtomically(path: string, text: string): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}
