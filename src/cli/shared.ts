import { InvalidArgumentError } from "commander";
import { basename, dirname, resolve } from "node:path";
import { formatInputError, type InputError } from "../io/errors.js";
import { readBytes, readYear, STDIO } from "../io/files.js";
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
  /** Standard input's bytes, for a file named `-` (injectable for tests; the process's stdin otherwise). */
  readonly stdin?: () => Uint8Array;
  /** The environment (`TERM`, `NO_COLOR`); the process's when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
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

/**
 * `--time-limit` as the solver's option, when given: what is left of it after the command's own
 * set-up (reading the files) since `started` (`performance.now()` when the action began), so the
 * limit covers the whole run.
 */
export const timeLimit = (opts: { timeLimit?: number }, started: number) =>
  opts.timeLimit !== undefined ? { timeLimitMs: Math.max(1, opts.timeLimit * 1000 - (performance.now() - started)) } : {};

/**
 * Reads the year (a folder of CSV or .xlsx files, or one .xlsx workbook) and `--policy`, or
 * stops with its input problems. Its warnings (columns not used, files read under another name,
 * people with no dates) are printed unless `--quiet` or `--json`; they also go into summary.json.
 */
export async function loadYear(context: CommandContext, folder: string, opts: { readonly policy?: string; readonly quiet?: boolean; readonly json?: boolean }) {
  if (folder === STDIO) throw new InputFailure([{ code: "bad-usage", file: STDIO, message: "a year cannot be read from standard input; give its folder or its .xlsx workbook" }]);
  const policy = opts.policy === STDIO ? { policy: { name: "policy.json (standard input)", contents: loadBytes(STDIO, context.io) } } : opts.policy !== undefined ? { policyFile: opts.policy } : {};
  const result = await readYear(folder, policy);
  if (!result.ok) throw new InputFailure(result.errors);
  if (!opts.quiet && !opts.json) for (const warning of result.warnings) context.io.err(`warning: ${formatInputError(warning)}\n`);
  return result;
}

/** What `-` reads: standard input, once. */
let stdinUsed = false;

/** Reads a file's bytes (`-`: standard input, once per command), or stops naming it. */
export function loadBytes(file: string, io?: Io): Uint8Array {
  if (file === STDIO) {
    if (stdinUsed) throw new InputFailure([{ code: "bad-usage", file: "standard input", message: "is named (-) twice; only one input can come from it" }]);
    stdinUsed = true;
    if (io?.stdin) return io.stdin();
  }
  const bytes = readBytes(file);
  if ("error" in bytes) throw new InputFailure([bytes.error]);
  return bytes.bytes;
}

/** Lets the next command read standard input again (`run` calls it once per command). */
export function resetStdin(): void {
  stdinUsed = false;
}

/** Reads an allocation.csv (only `review_id`, `role` and `person_id` are needed; `-` for standard input), or stops. */
export function loadAllocation(file: string, io?: Io): Allocation {
  const name = file === STDIO ? "standard input" : file;
  const allocation = parseAllocation(loadBytes(file, io), name);
  if (!allocation.ok) throw new InputFailure(allocation.errors);
  return allocation.value;
}

/** The files every solve-like command writes (the folder check looks for folders in their way). */
export const SOLVE_FILES = ["allocation.csv", "unfilled.csv", "ledger.csv", "trust-ledger.csv", "standby.csv", "summary.json", "report.html", "letters.csv"] as const;

/**
 * The output guard, before any work: refuses an output place inside the year folder by any
 * route (real paths compared, so symbolic links cannot get round it), a file where a folder is
 * wanted, a place that cannot be written. `kind: "file"` checks the folder one output file goes into.
 */
export function refuseBadOutput(out: string, folder: string, options: { kind?: "folder" | "file"; option?: string; names?: readonly string[] } = {}): void {
  const option = options.option ?? "--out";
  const protect = [folder];
  if (out === STDIO) {
    if (options.kind === "file") return;
    throw new InputFailure([{ code: "bad-usage", file: option, message: "writes a folder of files, which cannot go to standard output (-); give a folder, and --json for the summary on standard output" }]);
  }
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
export function writeOutputs(out: string, files: Readonly<Record<string, string>> | string, io?: Io): void {
  if (out === STDIO && typeof files === "string" && io) {
    io.out(files);
    return;
  }
  try {
    if (typeof files === "string") writeOutputFile(out, files);
    else writeOutputFolder(out, files);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === undefined) throw cause;
    throw new InputFailure([{ code: "bad-output", file: out, message: `could not be written (${code}); its earlier outputs and every other file in it are unchanged` }]);
  }
}

/**
 * Live progress on a terminal's stderr, unless `--quiet` or `--json`; none in tests and pipes,
 * and none where control codes are unwelcome (`TERM=dumb`, `NO_COLOR`).
 */
export function progressFor(io: Io, opts: { quiet?: boolean; json?: boolean }): ProgressDisplay | undefined {
  const env = io.env ?? process.env;
  const plain = env.TERM === "dumb" || (env.NO_COLOR !== undefined && env.NO_COLOR !== "");
  return io.progress ? progressDisplay(io.progress, !opts.quiet && !opts.json && !plain) : undefined;
}

/** The files written, as the summary lists them: a subfolder's files as `calendars/`. */
export function writtenList(files: Readonly<Record<string, string>>): string {
  return [...new Set(Object.keys(files).map((name) => (name.includes("/") ? `${name.split("/")[0]}/` : name)))].join(", ");
}
