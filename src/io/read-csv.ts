import { parse } from "csv-parse/sync";
import { excerpt } from "../model/text.js";
import type { InputError } from "./errors.js";
import { headerProblems, normaliseHeader, type ColumnSpec } from "./headers.js";
import { INPUT_LIMITS, megabytes } from "./limits.js";

export { normaliseHeader } from "./headers.js";

/** One data row of a table: cells by (normalised) column name, and its spreadsheet row. */
export interface CsvRow {
  readonly row: number;
  readonly cells: ReadonlyMap<string, string>;
}

export interface CsvTable {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
  /** A semicolon-separated export, whose numbers may have a decimal comma (`51,5`). */
  readonly decimalComma?: boolean;
}

/** A sheet of a workbook, already split into cells (dates written as ISO text). */
export interface SheetRows {
  readonly sheet: string;
  readonly rows: readonly (readonly string[])[];
}

/** What a table is read from: CSV text or bytes, or a workbook's sheet. */
export type TableContents = string | Uint8Array | SheetRows;

/** A table read: its rows, the errors that stop the reading, and warnings (columns not used). */
export interface TableReading {
  readonly table: CsvTable;
  readonly errors: InputError[];
  readonly warnings: InputError[];
}

/** A cell written by our own writer with a leading apostrophe (formula guard) reads back as written. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Decodes bytes as strict UTF-8 (a Latin-1 export is an error, not mojibake) and drops a BOM. */
export function decodeUtf8(bytes: Uint8Array | string, file: string): { text: string } | { error: InputError } {
  if (typeof bytes === "string") return { text: bytes.replace(/^\uFEFF/, "") };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return {
      error: {
        code: "not-utf8",
        file,
        message: "is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"",
      },
    };
  }
}

/** Plain words for the CSV syntax errors a spreadsheet user can meet; the parser's own otherwise. */
const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a cell opens a quote (") that is never closed, so the rest of the file reads as one cell; close the quote or remove it',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted cell has text after its closing quote; write a quote inside a quoted cell as two quotes ("")',
  INVALID_OPENING_QUOTE: 'a quote (") appears inside a cell; write it as two quotes ("") inside a quoted cell',
  CSV_MAX_RECORD_SIZE: `a row is longer than ${INPUT_LIMITS.rowChars.toLocaleString("en-GB")} characters (an unclosed quote, or not a table)`,
};

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * A CSV syntax error with the spreadsheet row of the broken record (the header is row 1; the
 * parser's `records` counts those read before it) and, where the parser knows it, the column.
 */
function csvSyntaxError(cause: unknown, text: string, file: string, delimiter: string): InputError {
  const info = cause as { code?: string; records?: number; column?: number | string; message?: string };
  const row = info.records !== undefined ? info.records + 1 : undefined;
  let column: string | undefined;
  if (row !== undefined && row > 1 && typeof info.column === "number") {
    try {
      const header = (parse(text, { bom: true, delimiter, relax_quotes: true, to: 1, max_record_size: INPUT_LIMITS.headerChars }) as string[][])[0] ?? [];
      const name = header[info.column];
      if (name !== undefined && normaliseHeader(name) !== "") column = normaliseHeader(name);
    } catch {
      // The header itself is broken: the row is enough.
    }
  }
  const plain = info.code !== undefined ? CSV_PROBLEMS[info.code] : undefined;
  return {
    code: "bad-csv",
    file,
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
    message: `is not valid CSV: ${plain ?? (info.message ?? String(cause)).replace(/^Invalid [^:]*: /, "").slice(0, 200)}`,
  };
}

/** The separator of an export: whichever of comma, semicolon or tab its header uses most. */
function delimiterOf(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  const [comma, semicolon, tab] = [count(","), count(";"), count("\t")];
  if (tab > comma && tab >= semicolon) return "\t";
  return semicolon > comma ? ";" : ",";
}

/** Whether an error means the table could not be read at all (its rows are not read). */
export function stopsTable(error: InputError): boolean {
  return ["missing-column", "bad-csv", "empty-file", "not-utf8"].includes(error.code) || (error.code === "too-large" && error.row === undefined);
}

const tooLarge = (file: string, message: string): InputError => ({ code: "too-large", file, message });

/**
 * Parses CSV text with a header row. Accepts CRLF, a BOM, blank lines and semicolon- or
 * tab-separated exports (detected from the header). Checks the size limits before parsing, then
 * the header and cell counts; rows keep the spreadsheet row number across quoted multi-line
 * cells and blank lines.
 */
export function readCsvTable(text: string, file: string, spec: ColumnSpec): TableReading {
  const empty: TableReading = { table: { file, columns: [], rows: [] }, errors: [], warnings: [] };
  const body = text.replace(/^\uFEFF/, "");
  if (body.length > INPUT_LIMITS.bytes) {
    return { ...empty, errors: [tooLarge(file, `is larger than ${megabytes(INPUT_LIMITS.bytes)}; an input file holds at most that (see docs/formats.md, limits)`)] };
  }
  if (body.trim() === "") {
    return { ...empty, errors: [{ code: "empty-file", file, message: `is empty; it needs a header row (${spec.required.join(",")}) and one row per item` }] };
  }
  const lineEnd = body.slice(0, INPUT_LIMITS.headerChars + 1).search(/\r?\n/);
  if (lineEnd < 0 && body.length > INPUT_LIMITS.headerChars) {
    return { ...empty, errors: [tooLarge(file, `has a header row longer than ${INPUT_LIMITS.headerChars.toLocaleString("en-GB")} characters, starting ${excerpt(body)}; is it a table?`)] };
  }
  const delimiter = delimiterOf(lineEnd < 0 ? body : body.slice(0, lineEnd));
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (St Mary"s) is read as written, as spreadsheets do.
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
      max_record_size: INPUT_LIMITS.rowChars,
      // One record past the limit is enough to know the file is over it.
      to: INPUT_LIMITS.rows + 2,
    }) as string[][];
  } catch (cause) {
    return { ...empty, errors: [csvSyntaxError(cause, body, file, delimiter)] };
  }
  return tableOf(records, file, spec, { delimiter });
}

/**
 * Reads a workbook's sheet as a table: the same checks as a CSV file, row numbers as the
 * spreadsheet shows them.
 */
export function readSheetTable(sheet: SheetRows, file: string, spec: ColumnSpec): TableReading {
  if (sheet.rows.every((row) => row.every((cell) => cell.trim() === ""))) {
    return { table: { file, columns: [], rows: [] }, errors: [{ code: "empty-file", file, message: `is empty; it needs a header row (${spec.required.join(",")}) and one row per item` }], warnings: [] };
  }
  return tableOf(sheet.rows.slice(0, INPUT_LIMITS.rows + 2), file, spec, {});
}

/** Reads a table from whatever it was given: CSV bytes (UTF-8), CSV text or a workbook's sheet. */
export function readTable(contents: TableContents, file: string, spec: ColumnSpec): TableReading {
  if (typeof contents !== "string" && !(contents instanceof Uint8Array)) return readSheetTable(contents, file, spec);
  if (contents instanceof Uint8Array && contents.length > INPUT_LIMITS.bytes) {
    return { table: { file, columns: [], rows: [] }, errors: [tooLarge(file, `is larger than ${megabytes(INPUT_LIMITS.bytes)}; an input file holds at most that (see docs/formats.md, limits)`)], warnings: [] };
  }
  const decoded = decodeUtf8(contents, file);
  if ("error" in decoded) return { table: { file, columns: [], rows: [] }, errors: [decoded.error], warnings: [] };
  return readCsvTable(decoded.text, file, spec);
}

/** The rows of a parsed table, checked against the limits and the header. */
function tableOf(records: readonly (readonly string[])[], file: string, spec: ColumnSpec, options: { delimiter?: string }): TableReading {
  const errors: InputError[] = [];
  const rawHeader = records[0] ?? [];
  const empty: TableReading = { table: { file, columns: [], rows: [] }, errors, warnings: [] };
  if (records.length > INPUT_LIMITS.rows + 1) {
    errors.push(tooLarge(file, `has more than ${INPUT_LIMITS.rows.toLocaleString("en-GB")} rows, the most a table may hold (see docs/formats.md, limits)`));
    return empty;
  }
  if (rawHeader.length > INPUT_LIMITS.columns) {
    errors.push(tooLarge(file, `has ${rawHeader.length} columns; a table has at most ${INPUT_LIMITS.columns} (is it the right file?)`));
    return empty;
  }
  const header = rawHeader.map(normaliseHeader);
  const seen = new Set<string>();
  header.forEach((name) => {
    if (name !== "" && seen.has(name)) {
      errors.push({ code: "duplicate-column", file, row: 1, column: name.slice(0, 40), message: `column ${excerpt(name)} appears twice in the header` });
    }
    seen.add(name);
  });
  const found = headerProblems(file, rawHeader, spec);
  errors.push(...found.filter((e) => e.code !== "warning"));
  const warnings = found.filter((e) => e.code === "warning");
  const separator = DELIMITER_NAMES[options.delimiter ?? ","] ?? "separator";
  const rows: CsvRow[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    if (record.every((cell) => cell.trim() === "")) return;
    // Longer than the header, even with blank cells at the end: the cells have shifted.
    if (record.length > header.length) {
      errors.push({ code: "bad-row", file, row, message: `has ${record.length} cells but the header has ${header.length} columns; a ${separator} inside a cell (a name like "Smith, Ann") needs the cell in quotes` });
      return;
    }
    const long = record.findIndex((cell) => cell.length > INPUT_LIMITS.cellChars);
    if (long >= 0) {
      const column = header[long] || undefined;
      errors.push({ code: "too-large", file, row, ...(column ? { column } : {}), message: `holds ${record[long]!.length.toLocaleString("en-GB")} characters, starting ${excerpt(record[long]!)}; a cell holds at most ${INPUT_LIMITS.cellChars.toLocaleString("en-GB")}` });
      return;
    }
    const cells = new Map<string, string>();
    header.forEach((name, c) => {
      if (name !== "") cells.set(name, unguard((record[c] ?? "").trim()));
    });
    rows.push({ row, cells });
  });
  return { table: { file, columns: header, rows, ...(options.delimiter === ";" ? { decimalComma: true } : {}) }, errors, warnings };
}
