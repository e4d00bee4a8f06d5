import { parseDay } from "../model/dates.js";
import { LEVELS, PHASES, type DateRange, type Level, type Phase } from "../model/schema.js";
import type { InputError } from "./errors.js";
import type { CsvRow } from "./read-csv.js";
import { LIST_SEPARATOR, RANGE_SEPARATOR } from "./year-files.js";

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

/**
 * Reads the cells of one row into typed values, collecting an error for each bad cell (with the
 * row and column) instead of stopping at the first.
 */
export function cellReader(file: string, row: CsvRow, errors: InputError[]) {
  const raw = (column: string): string => row.cells.get(column) ?? "";
  const fail = (column: string, message: string): undefined => {
    errors.push({ code: "bad-value", file, row: row.row, column, message });
    return undefined;
  };
  const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

  const number = (column: string, options: { integer?: boolean; min?: number; max?: number; what?: string } = {}): number | undefined => {
    const text = raw(column);
    if (text === "") return undefined;
    const value = Number(text.replace(/^\+/, ""));
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) || !Number.isFinite(value)) {
      return fail(column, `${quote(text)} is not a number`);
    }
    if (options.integer && !Number.isInteger(value)) return fail(column, `${quote(text)} must be a whole number`);
    if (options.min !== undefined && value < options.min) {
      return fail(column, `${text} is below the smallest allowed value, ${options.min}${options.what ? ` (${options.what})` : ""}`);
    }
    if (options.max !== undefined && value > options.max) {
      return fail(column, `${text} is above the largest allowed value, ${options.max}${options.what ? ` (${options.what})` : ""}`);
    }
    return value;
  };

  const list = (column: string): string[] =>
    raw(column)
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item !== "");

  return {
    raw,
    fail,
    /** Trimmed text; `undefined` when blank. */
    optional: (column: string): string | undefined => (raw(column) === "" ? undefined : raw(column)),
    /** The non-blank cells of these text columns, as an object to spread (a blank cell is left out). */
    present: <C extends string>(columns: readonly C[]): Partial<Record<C, string>> =>
      Object.fromEntries(columns.filter((column) => raw(column) !== "").map((column) => [column, raw(column)])) as Partial<Record<C, string>>,
    required: (column: string, what: string): string | undefined => (raw(column) === "" ? fail(column, `is blank; every row needs ${what}`) : raw(column)),
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
    date: (column: string): string | undefined => {
      const text = raw(column);
      if (text === "") return fail(column, "is blank; a date written YYYY-MM-DD");
      return parseDay(text) !== undefined ? text : fail(column, `${quote(text)} is not a real date written YYYY-MM-DD`);
    },
    /** `2024-01-08..2024-02-09;2024-03-01`: dates and inclusive ranges. */
    ranges: (column: string): DateRange[] =>
      list(column).flatMap((item) => {
        const [fromText = "", toText = fromText, ...rest] = item.split(RANGE_SEPARATOR).map((part) => part.trim());
        const from = parseDay(fromText);
        const to = parseDay(toText);
        if (rest.length > 0 || from === undefined || to === undefined) {
          const bad = from === undefined ? fromText : toText;
          fail(
            column,
            rest.length > 0
              ? `${quote(item)} is not a date or a range FROM..TO`
              : bad === item
                ? `${quote(item)} is not a real date written YYYY-MM-DD, nor a range FROM..TO`
                : `${quote(bad)} in ${quote(item)} is not a real date written YYYY-MM-DD`,
          );
          return [];
        }
        if (from > to) {
          fail(column, `range ${quote(item)} ends before it starts`);
          return [];
        }
        return [{ from: fromText, to: toText }];
      }),
  };
}
