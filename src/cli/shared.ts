import { InvalidArgumentError } from "commander";
import { formatInputError, type InputError } from "../io/errors.js";
import { readBytes, readYear, STDIO } from "../io/files.js";
import { checkOutputFolder, OutputInTheWay, writeOutputFile, writeOutputFolder } from "../io/out-folder.js";
import { HUBS_FOLDER } from "../io/hub-files.js";
import { CALENDARS_FOLDER } from "../io/write-season.js";
import { parseAllocationRows, type AllocationRows } from "../io/read-allocation.js";
import { tableContents } from "../io/workbook.js";
import { firstOnOrAfter, parseDay } from "../model/dates.js";
import type { Problem } from "../model/problem.js";
import { indexYear, type Year } from "../model/year.js";
import { unknownSeatErrors, unknownSeats } from "../rules/known-people.js";
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
 * set-up (reading the files) since `started` (`performance.now()` when the action began), less
 * `reserveMs` kept for what follows the solve (writing the outputs), so the limit covers the
 * whole run. The solver never gets less than `baselineMs` of what is left (enough to list the
 * candidates and build the greedy allocation: a run cut shorter would leave seats empty that a
 * second more fills), nor less than a tenth of it; the run then says it overran.
 */
export function timeLimit(opts: { timeLimit?: number }, started: number, reserveMs = 0, baselineMs = 0): { timeLimitMs?: number } {
  if (opts.timeLimit === undefined) return {};
  const left = opts.timeLimit * 1000 - (performance.now() - started);
  return { timeLimitMs: Math.max(1, left - reserveMs, Math.min(left, baselineMs), left / 10) };
}

/** The clock of a command's set-up: wall and CPU time since `start`, to see how busy the machine is. */
export function setUpClock(): () => { wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

/** How much slower the machine ran the set-up than its CPU time (a busy machine), from 1 to 8. */
const busyFactor = (setUp: { wallMs: number; cpuMs: number }) => (setUp.cpuMs > 20 ? Math.min(8, Math.max(1, setUp.wallMs / setUp.cpuMs)) : 1);

/**
 * Milliseconds to keep, out of `--time-limit`, for writing the output folder of a solve of
 * `problem`: what it took on the reference machine (2 cores, measured 2026-12-07 on the fixture
 * years, national-x10 and a year of 50,000 reviewers: about 1.5 s to start, 0.1 ms a person and
 * 3 ms a review for the letters, calendars, report (its weeks above all) and results.xlsx), times
 * how much slower the machine ran the set-up than its CPU time, with a quarter more as margin.
 * The analyses of the empty seats (shortage sheet, explain, standby lists) are not in it: they
 * use what the solver leaves, and give way.
 */
export function outputReserveMs(problem: Problem, setUp: { wallMs: number; cpuMs: number }): number {
  const people = problem.reviewers.length + problem.leads.length;
  return 1.25 * (1500 + 0.1 * people + 3 * problem.reviews.length) * busyFactor(setUp);
}

/**
 * Milliseconds the solver needs at least, on the reference machine, to list the candidates and
 * build its first allocation: about 1 µs for each (person, review) pair inside the person's
 * availability (counted here without visiting them) and 0.3 s to start, times how busy the machine is.
 */
export function baselineMs(problem: Problem, setUp: { wallMs: number; cpuMs: number }): number {
  const starts = problem.reviews.map((r) => parseDay(r.start)).filter((d) => d !== undefined).sort((a, b) => a - b);
  // Reviews starting on or after `day`.
  const from = (day: number) => starts.length - firstOnOrAfter(starts, (start) => start, day);
  let pairs = 0;
  for (const person of [...problem.reviewers, ...problem.leads]) {
    for (const range of person.available) {
      const first = parseDay(range.from);
      const last = parseDay(range.to);
      if (first !== undefined && last !== undefined && first <= last) pairs += from(first) - from(last + 1);
    }
  }
  return (300 + pairs / 1000) * busyFactor(setUp);
}

/** Warnings found after reading (on stderr): the first few, and how many more summary.json lists. */
export function printSome(io: Io, warnings: readonly InputError[], what: string, shown = 5): void {
  for (const warning of warnings.slice(0, shown)) io.err(`warning: ${formatInputError(warning)}\n`);
  if (warnings.length > shown) io.err(`warning: ${warnings.length - shown} more ${what}; summary.json and the report list them all\n`);
}

/** A command's `--quiet` and `--json`: either keeps input warnings off stderr. */
export interface QuietOptions {
  readonly quiet?: boolean;
  readonly json?: boolean;
}

/**
 * Reads the year (a folder of CSV or .xlsx files, or one .xlsx workbook) and `--policy`, or
 * stops with its input problems. Its warnings (columns not used, files read under another name,
 * people with no dates) are printed unless `--quiet` or `--json`; they also go into summary.json.
 */
export async function loadYear(context: CommandContext, folder: string, opts: { readonly policy?: string } & QuietOptions) {
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

/**
 * Reads an allocation with the row of each entry: allocation.csv (only `review_id`, `role` and
 * `person_id` are needed; `-` for standard input), or a workbook (.xlsx or .ods, such as
 * results.xlsx) whose `allocation` sheet, or only sheet, holds it; or stops. `file` is the name
 * its errors use (a workbook's sheet: `results.xlsx, sheet "allocation"`).
 */
export async function loadAllocationRows(file: string, io?: Io, opts: QuietOptions = {}): Promise<AllocationRows & { readonly file: string }> {
  const name = file === STDIO ? "standard input" : file;
  const table = await tableContents(loadBytes(file, io), name, "allocation.csv");
  if ("error" in table) throw new InputFailure([table.error]);
  const allocation = parseAllocationRows(table.contents, table.file);
  if (!allocation.ok) throw new InputFailure(allocation.errors);
  // A misspelt optional column (`stauts`) would otherwise drop every seat's status unsaid.
  if (io && !opts.quiet && !opts.json) for (const warning of allocation.warnings) io.err(`warning: ${formatInputError(warning)}\n`);
  return { ...allocation.value, file: table.file };
}

/** Reads an allocation (see `loadAllocationRows`), or stops. */
export async function loadAllocation(file: string, io?: Io, opts: QuietOptions = {}): Promise<Allocation> {
  return (await loadAllocationRows(file, io, opts)).allocation;
}

/**
 * Reads an allocation of `year` (see `loadAllocationRows`), or stops when it names reviews or
 * people the year does not have, as `qar check`'s known-people rule finds them: an allocation of
 * another year is refused by every command that works on it, each row by file, row and column.
 */
export async function loadAllocationOf(year: Year | Problem, file: string, io?: Io, opts: QuietOptions = {}): Promise<{ allocation: Allocation; rows: readonly number[] }> {
  const read = await loadAllocationRows(file, io, opts);
  refuseUnknownSeats(year, read.allocation, read.file, read.assignmentRows);
  return { allocation: read.allocation, rows: read.assignmentRows };
}

/** Stops when an allocation read from `file` names reviews or people `year` does not have. */
export function refuseUnknownSeats(year: Year | Problem, allocation: Allocation, file: string, rows: readonly number[]): void {
  const unknown = unknownSeats("reviewById" in year ? year : indexYear(year), allocation);
  if (unknown.length > 0) throw new InputFailure(unknownSeatErrors(unknown, { file, total: allocation.assignments.length, rowOf: (index) => rows[index] }));
}

/** The folders every solve-like command writes files into, whose names are not known before the run. */
const OUTPUT_FOLDERS = [CALENDARS_FOLDER, HUBS_FOLDER];

/** The files every solve-like command writes (the folder check looks for folders in their way). */
export const SOLVE_FILES = ["allocation.csv", "unfilled.csv", "shortage.csv", "teams-by-group.csv", "schools-without-team.csv", "ledger.csv", "trust-ledger.csv", "standby.csv", "summary.json", "report.html", "letters.csv", "results.xlsx"] as const;

/**
 * The output guard, before any work: refuses an output place inside the year folder by any
 * route (real paths compared, so symbolic links cannot get round it), the year folder where an
 * output folder goes, a file or a link where a folder is wanted, a place that cannot be written.
 * `kind: "file"` checks one output file (a report): it may replace the report an earlier run
 * wrote, never one of `inputs`.
 */
export function refuseBadOutput(
  out: string,
  folder: string,
  options: { kind?: "folder" | "file"; option?: string; names?: readonly string[]; inputs?: readonly (string | undefined)[] } = {},
): void {
  const option = options.option ?? "--out";
  const protect = [folder];
  if (out === STDIO) {
    if (options.kind === "file") return;
    throw new InputFailure([{ code: "bad-usage", file: option, message: "writes a folder of files, which cannot go to standard output (-); give a folder, and --json for the summary on standard output" }]);
  }
  const inputs = (options.inputs ?? []).filter((file): file is string => file !== undefined && file !== STDIO);
  const where = options.kind === "file" ? { file: true } : { folders: OUTPUT_FOLDERS, ...(options.names ? { names: options.names } : {}) };
  const errors = checkOutputFolder({ out, protect, option, inputs, ...where });
  if (errors.length > 0) throw new InputFailure(errors);
}

/**
 * Writes an output folder (or one file); a failure of the disk (full, permissions changed
 * mid-run) or something standing in the way is reported as a problem with the output place,
 * never as an internal error. A lock left by a dead writer is taken over with a warning.
 */
export function writeOutputs(out: string, files: Readonly<Record<string, string | Uint8Array>> | string | Uint8Array, io?: Io): void {
  const single = typeof files === "string" || files instanceof Uint8Array;
  if (out === STDIO && typeof files === "string" && io) {
    io.out(files);
    return;
  }
  const notice = (message: string) => (io ? io.err(`warning: ${message}\n`) : process.stderr.write(`warning: ${message}\n`));
  try {
    if (single) writeOutputFile(out, files);
    else writeOutputFolder(out, files, undefined, { notice });
  } catch (cause) {
    if (cause instanceof OutputInTheWay) throw new InputFailure([{ code: "bad-output", file: out, message: `${cause.message}; nothing was written` }]);
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
export function writtenList(files: Readonly<Record<string, string | Uint8Array>>): string {
  return [...new Set(Object.keys(files).map((name) => (name.includes("/") ? `${name.split("/")[0]}/` : name)))].join(", ");
}

/**
 * A command's `--json` output when it ran: `ok: true` first, so that a script tells it from the
 * `{ ok: false, errors }` of invalid input by one field (schemas in schema/).
 */
export function jsonOutput(value: object): string {
  return `${JSON.stringify({ ok: true, ...value }, null, 2)}\n`;
}
