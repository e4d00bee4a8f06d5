/**
 * Runs `qar` in-process for the command tests: `run(argv, io)` with output captured, NO_COLOR
 * set and no progress display, as a script calling `qar` in a pipe would see it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/program.js";

export interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function qar(...args: string[]): Promise<Outcome> {
  return qarWith({}, ...args);
}

/**
 * The run's clock in the command tests: 1 September 2023, before every test year, so that
 * `--freeze-before` defaults to a date that freezes nothing and calendars are byte-stable
 * (`SOURCE_DATE_EPOCH`, as reproducible builds set it). A test of the clock passes its own.
 */
export const TEST_EPOCH = "1693526400";

/** `qar` with standard input (for a file named `-`) or an environment of its own. */
export async function qarWith(options: { stdin?: string; env?: Record<string, string | undefined> }, ...args: string[]): Promise<Outcome> {
  process.env.NO_COLOR = "1";
  let out = "";
  let err = "";
  const code = await run(["node", "qar", ...args], {
    out: (text) => (out += text),
    err: (text) => (err += text),
    ...(options.stdin !== undefined ? { stdin: () => new TextEncoder().encode(options.stdin) } : {}),
    env: options.env ?? { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
  return { code, out, err };
}

/** A stack trace line, as Node prints one: never part of what `qar` shows a user. */
export const STACK_LINE = "    at ";

/** The small year of the command tests and the hand-written allocations beside it. */
export const YEAR = new URL("./data/year", import.meta.url).pathname;
export const PLANTED = new URL("./data/planted", import.meta.url).pathname;
/** The smallest generated fixture year, as shipped in fixtures/years/. */
export const TINY = new URL("../../fixtures/years/tiny", import.meta.url).pathname;

/** A scratch folder, removed by the returned function. */
export function scratch(name: string): { readonly dir: string; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `qar-cli-${name}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A file of an output folder, as text. */
export const readOutput = (dir: string, file: string): string => readFileSync(join(dir, file), "utf8");

/** A CSV's data rows as objects by column, read as a spreadsheet tool would (csv-parse). */
export const csvRows = (text: string): Record<string, string>[] => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
