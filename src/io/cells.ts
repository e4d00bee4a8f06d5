import { LEVELS, PHASES, type DateRange, type Level, type Phase } from "../model/schema.js";
import { excerpt, hasControl, stripControl } from "../model/text.js";
import type { InputError } from "./errors.js";
import type { CsvRow } from "./read-csv.js";
import { readDate, splitRange } from "./read-date.js";
import { LIST_SEPARATOR } from "./year-files.js";

/** Spellings of phases seen in exports, beyond the canonical names. */
const PHASE_ALIASES: Record<string, Phase> = {
  "all through": "all-through",
  allthrough: "all-through",
  "alternative provision": "ap",
  pru: "ap",
  infant: "primary",
  junior: "primary",
  first: "primary",
  sen: "special",
  send: "special",
};

export function readPhase(text: string): Phase | undefined {
  const key = text.trim().toLowerCase();
  return (PHASES as readonly string[]).includes(key) ? (key as Phase) : PHASE_ALIASES[key];
}

/** The typed cell readers of one row (see `cellReader`). */
export type CellReader = ReturnType<typeof cellReader>;

/** How a table writes its cells: a semicolon-separated export may write decimals with a comma. */
export interface CellOptions {
  readonly decimalComma?: boolean;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A whole number written with thousands separators, without them (`1,200` → `1200`): commas or
 * spaces between groups of three, or points in a semicolon export (where the comma is the
 * decimal mark); `undefined` when the text is not so grouped.
 */
function thousands(text: string, decimalComma: boolean): string | undefined {
  const separator = decimalComma ? "[. \u00a0\u202f]" : "[, \u00a0\u202f]";
  const match = new RegExp(`^([+-]?)(\\d{1,3}(?:${separator}\\d{3})+)$`).exec(text);
  if (!match) return undefined;
  const groups = match[2]!.split(/[^\d]/);
  // One separator throughout: 1,200.000 or 1,200 300 is not a number written by a spreadsheet.
  const separators = new Set(match[2]!.replace(/\d/g, ""));
  return separators.size === 1 ? `${match[1]}${groups.join("")}` : undefined;
}

/**
 * Reads the cells of one row into typed values, collecting an error for each bad cell (with the
 * row and column) instead of stopping at the first. Names (`raw`) lose any control character;
 * an id, hub or other value that is compared (`required`, `optional`, `list`) is refused when it
 * holds one, since it would be printed as it is.
 */
export function cellReader(file: string, row: CsvRow, errors: InputError[], cellOptions: CellOptions = {}) {
  const text = (column: string): string => row.cells.get(column) ?? "";
  const raw = (column: string): string => stripControl(text(column));
  const fail = (column: string, message: string): undefined => {
    errors.push({ code: "bad-value", file, row: row.row, column, message });
    return undefined;
  };
  const quote = excerpt;
  /** The cell as plain text, or an error when it holds a control character. */
  const plain = (column: string): string | undefined =>
    hasControl(text(column)) ? fail(column, `${quote(text(column))} holds a control character; ids and codes must be plain text`) : text(column);

  const number = (column: string, options: { integer?: boolean; min?: number; max?: number; what?: string } = {}): number | undefined => {
    const text = raw(column);
    if (text === "") return undefined;
    // A whole number as a spreadsheet formats it (1,200; 1 200; 1.200 in a semicolon export) has
    // thousands separators: a count cannot have a decimal part, so the reading is not a guess.
    const grouped = options.integer ? thousands(text, cellOptions.decimalComma === true) : undefined;
    const written = grouped ?? (cellOptions.decimalComma ? text.replace(/^([+-]?\d*),(\d+)$/, "$1.$2") : text);
    const value = Number(written.replace(/^\+/, ""));
    if (!NUMBER.test(written) || !Number.isFinite(value)) {
      const decimal = /^[+-]?\d+,\d+$/.test(text) ? "; write decimals with a point (51.5), or save the file as \"CSV (semicolon)\" where a decimal comma is read" : "";
      return fail(column, `${quote(text)} is not a number${decimal}`);
    }
    if (options.integer && !Number.isInteger(value)) {
      const mark = cellOptions.decimalComma && /^\d{1,3}(,\d{3})+$/.test(text) ? ` (in a semicolon-separated file the comma is the decimal mark; for ${text.replace(/,/g, "")} write ${text.replace(/,/g, "")} or ${text.replace(/,/g, ".")})` : "";
      return fail(column, `${quote(text)} must be a whole number${mark}`);
    }
    if (options.min !== undefined && value < options.min) {
      return fail(column, `${text} is below the smallest allowed value, ${options.min}${options.what ? ` (${options.what})` : ""}`);
    }
    if (options.max !== undefined && value > options.max) {
      return fail(column, `${text} is above the largest allowed value, ${options.max}${options.what ? ` (${options.what})` : ""}`);
    }
    return value;
  };

  const list = (column: string): string[] =>
    (plain(column) ?? "")
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item !== "");

  return {
    raw,
    fail,
    /** Trimmed text; `undefined` when blank. */
    optional: (column: string): string | undefined => (text(column) === "" ? undefined : plain(column)),
    /** The non-blank cells of these text columns (names, addresses: control characters taken out), as an object to spread. */
    present: <C extends string>(columns: readonly C[]): Partial<Record<C, string>> =>
      Object.fromEntries(columns.filter((column) => raw(column) !== "").map((column) => [column, raw(column)])) as Partial<Record<C, string>>,
    required: (column: string, what: string): string | undefined => (text(column) === "" ? fail(column, `is blank; every row needs ${what}`) : plain(column)),
    number,
    list,
    phase: (column: string): Phase | undefined => {
      const text = raw(column);
      if (text === "") return fail(column, `is blank; one of ${PHASES.join(", ")}`);
      return readPhase(text) ?? fail(column, `${quote(text)} is not a phase; use one of ${PHASES.join(", ")}`);
    },
    phases: (column: string): Phase[] =>
      list(column).flatMap((text) => {
        const phase = readPhase(text);
        if (phase) return [phase];
        fail(column, `${quote(text)} is not a phase; use one of ${PHASES.join(", ")}, separated by "${LIST_SEPARATOR}"`);
        return [];
      }),
    /** A kind of review (`qar`, `tpr`...), one of `known`; blank is `undefined` (the default kind). */
    kind: (column: string, known: readonly string[]): string | undefined => {
      const text = raw(column).toLowerCase();
      if (text === "") return undefined;
      return known.includes(text) ? text : fail(column, `${quote(raw(column))} is not a kind of review; the policy's kinds are ${known.join(", ")}`);
    },
    /** Kinds of review separated by ";", each one of `known`; blank is `undefined` (the default kind only). */
    kinds: (column: string, known: readonly string[]): string[] | undefined => {
      const kinds = list(column).map((text) => text.toLowerCase());
      for (const text of kinds) if (!known.includes(text)) fail(column, `${quote(text)} is not a kind of review; use the policy's kinds (${known.join(", ")}), separated by "${LIST_SEPARATOR}"`);
      return kinds.length > 0 ? kinds : undefined;
    },
    level: (column: string): Level | undefined => {
      const text = raw(column).toLowerCase();
      if (text === "") return fail(column, `is blank; one of ${LEVELS.join(", ")}`);
      return (LEVELS as readonly string[]).includes(text) ? (text as Level) : fail(column, `${quote(raw(column))} is not a level; use one of ${LEVELS.join(", ")}`);
    },
    /** A date in any form `readDate` reads, as ISO text. */
    date: (column: string): string | undefined => {
      const text = raw(column);
      if (text === "") return fail(column, "is blank; a date such as 2024-03-04 or 04/03/2024");
      const read = readDate(text);
      return "iso" in read ? read.iso : fail(column, read.problem);
    },
    /**
     * `2024-01-08..2024-02-09;2024-03-01`: dates and inclusive ranges, each date as `date` reads
     * it; a range may also be typed `15/09/2025-20/09/2025`, `15/09/2025 - 20/09/2025` or
     * `15/09/2025 to 20/09/2025` (see `splitRange`).
     */
    ranges: (column: string): DateRange[] =>
      list(column).flatMap((item) => {
        const [fromText = "", toText = fromText, ...rest] = splitRange(item);
        if (rest.length > 0) {
          fail(column, `${quote(item)} is not a date or a range FROM..TO`);
          return [];
        }
        const from = readDate(fromText);
        const to = readDate(toText);
        if (!("iso" in from) || !("iso" in to)) {
          const problem = "problem" in from ? from.problem : (to as { problem: string }).problem;
          fail(column, fromText === item ? `${problem}, nor a range FROM..TO` : `${problem} (in ${quote(item)})`);
          return [];
        }
        if (from.day > to.day) {
          fail(column, `range ${quote(item)} ends before it starts`);
          return [];
        }
        return [{ from: from.iso, to: to.iso }];
      }),
  };
}
