import { InvalidArgumentError } from "commander";
import { basename, dirname, resolve } from "node:path";
import type { InputError } from "../io/errors.js";
import { readBytes, readYearFolder } from "../io/files.js";
import { checkOutputFolder, writeOutputFile, writeOutputFolder } from "../io/out-folder.js";
import { parseAllocation } from "../io/read-allocation.js";
import type { Allocation } from "../model/schema.js";
import { progressDisplay, type ProgressDisplay } from "./progress.js";

// What every command module in commands/ shares: the exit codes, where output goes, how input
// problems stop a command, the option parsers, and loading the year and an allocation.

/** Exit codes: the contract with scripts that call `qar`. */
export const EXIT = { ok: 0, invalidInput: 1, violations: 2, bug: 3 } as const;

/** Where the CLI writes: injectable so tests can capture output. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where live progress goes (a terminal's stderr); absent in tests and pipes. */
  readonly progress?: NodeJS.WriteStream;
}

/**
 * What a command's `register...(program, context)` receives: where to write, and the exit code
 * its action sets (`context.state.code`); no command calls `process.exit`.
 */
export interface CommandContext {
  readonly io: Io;
  readonly state: { code: number };
}

/**
 * Input problems found by a command: `run` prints each (file, row, column, message), exits 1
 * and nothing is written. Throw it before writing anything.
 */
export class InputFailure extends Error {
  constructor(readonly errors: readonly InputError[]) {
    super("invalid input");
  }
}

/** Option parser: a whole number (`--seed`). */
export function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number");
  return Number(value);
}

/** Option parser: a positive number of seconds (`--time-limit`). */
export function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("must be a positive number of seconds");
  return n;
}

/** `--time-limit` as the solver's option, when given. */
export const timeLimit = (opts: { timeLimit?: number }) => (opts.timeLimit !== undefined ? { timeLimitMs: opts.timeLimit * 1000 } : {});

/** Reads the year folder (and `--policy`), or stops with its input problems. */
export function loadYear(folder: string, policyFile: string | undefined) {
  const result = readYearFolder(folder, policyFile !== undefined ? { policyFile } : {});
  if (!result.ok) throw new InputFailure(result.errors);
  return result;
}

/** Reads a file's bytes, or stops naming it. */
export function loadBytes(file: string): Uint8Array {
  const bytes = readBytes(file);
  if ("error" in bytes) throw new InputFailure([bytes.error]);
  return bytes.bytes;
}

/** Reads an allocation.csv (only `review_id`, `role` and `person_id` are needed), or stops. */
export function loadAllocation(file: string): Allocation {
  const allocation = parseAllocation(loadBytes(file), file);
  if (!allocation.ok) throw new InputFailure(allocation.errors);
  return allocation.value;
}

/** The files every solve-like command writes (the folder check looks for folders in their way). */
export const SOLVE_FILES = ["allocation.csv", "unfilled.csv", "ledger.csv", "trust-ledger.csv", "summary.json", "report.html"] as const;

/**
 * The output guard, before any work: refuses an output place inside the year folder by any
 * route (real paths compared, so symbolic links cannot get round it), a file where a folder is
 * wanted, a place that cannot be written. `kind: "file"` checks the folder one output file goes into.
 */
export function refuseBadOutput(out: string, folder: string, options: { kind?: "folder" | "file"; option?: string; names?: readonly string[] } = {}): void {
  const option = options.option ?? "--out";
  const protect = [folder];
  if (options.kind === "file") {
    const inYear = checkOutputFolder({ out, protect, option });
    const errors = inYear.length > 0 ? inYear : checkOutputFolder({ out: dirname(resolve(out)), option, names: [basename(out)] });
    if (errors.length > 0) throw new InputFailure(errors.map((e) => ({ ...e, file: out })));
    return;
  }
  const errors = checkOutputFolder({ out, protect, option, ...(options.names ? { names: options.names } : {}) });
  if (errors.length > 0) throw new InputFailure(errors);
}

/**
 * Writes an output folder (or one file); a failure of the disk (full, permissions changed
 * mid-run) is reported as a problem with the output place, never as an internal error.
 */
export function writeOutputs(out: string, files: Readonly<Record<string, string>> | string): void {
  try {
    if (typeof files === "string") writeOutputFile(out, files);
    else writeOutputFolder(out, files);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === undefined) throw cause;
    throw new InputFailure([{ code: "bad-output", file: out, message: `could not be written (${code}); its earlier outputs and every other file in it are unchanged` }]);
  }
}

/** Live progress on a terminal's stderr, unless `--quiet` or `--json`; none in tests and pipes. */
export function progressFor(io: Io, opts: { quiet?: boolean; json?: boolean }): ProgressDisplay | undefined {
  return io.progress ? progressDisplay(io.progress, !opts.quiet && !opts.json) : undefined;
}

/** The files written, as the summary lists them: a subfolder's files as `calendars/`. */
export function writtenList(files: Readonly<Record<string, string>>): string {
  return [...new Set(Object.keys(files).map((name) => (name.includes("/") ? `${name.split("/")[0]}/` : name)))].join(", ");
}
