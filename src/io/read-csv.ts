import { parse } from "csv-parse/sync";
import type { InputError } from "./errors.js";

/** One data row of a CSV table: cells by (normalised) column name, and its spreadsheet row. */
export interface CsvRow {
  readonly row: number;
  readonly cells: ReadonlyMap<string, string>;
}

export interface CsvTable {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

/**
 * Header names are matched forgivingly: case, surrounding spaces, and spaces or hyphens for
 * underscores ("School ID" reads as `school_id`), as CRM exports vary in exactly these ways.
 */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
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
};

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
      const header = (parse(text, { bom: true, delimiter, relax_quotes: true, to: 1 }) as string[][])[0] ?? [];
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
    message: `is not valid CSV: ${plain ?? (info.message ?? String(cause)).replace(/^Invalid [^:]*: /, "")}`,
  };
}

/**
 * Parses CSV text with a header row. Accepts CRLF, a BOM, blank lines and semicolon-separated
 * exports (detected from the header). Checks required columns and cell counts; rows keep the
 * spreadsheet row number across quoted multi-line cells and blank lines.
 */
export function readCsvTable(
  text: string,
  file: string,
  spec: { readonly required: readonly string[]; readonly optional: readonly string[] },
): { table: CsvTable; errors: InputError[] } {
  const errors: InputError[] = [];
  const empty = { table: { file, columns: [], rows: [] }, errors };
  if (text.replace(/^\uFEFF/, "").trim() === "") {
    errors.push({ code: "empty-file", file, message: `is empty; it needs a header row (${spec.required.join(",")}) and one row per item` });
    return empty;
  }
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = !firstLine.includes(",") && firstLine.includes(";") ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (St Mary"s) is read as written, as spreadsheets do.
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (cause) {
    errors.push(csvSyntaxError(cause, text, file, delimiter));
    return empty;
  }
  const header = (records[0] ?? []).map(normaliseHeader);
  const seen = new Set<string>();
  header.forEach((name) => {
    if (name !== "" && seen.has(name)) {
      errors.push({ code: "duplicate-column", file, row: 1, column: name, message: `column "${name}" appears twice in the header` });
    }
    seen.add(name);
  });
  const known = new Set<string>([...spec.required, ...spec.optional]);
  for (const name of spec.required) {
    if (!seen.has(name)) {
      // Suggest a column the file has but we do not know ("school" for "school_id"), never one of ours.
      const close = header.find((h) => h !== "" && !known.has(h) && (h.includes(name) || (name.includes(h) && h.length > 2)));
      errors.push({
        code: "missing-column",
        file,
        row: 1,
        column: name,
        message: `the header has no column "${name}"${close ? ` (is "${close}" meant to be "${name}"?)` : ""}; expected columns: ${spec.required.join(", ")}`,
      });
    }
  }
  const rows: CsvRow[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    if (record.every((cell) => cell.trim() === "")) return;
    // Longer than the header, even with blank cells at the end: the cells have shifted.
    if (record.length > header.length) {
      errors.push({ code: "bad-row", file, row, message: `has ${record.length} cells but the header has ${header.length} columns; a comma inside a cell (a name like "Smith, Ann") needs the cell in quotes` });
      return;
    }
    const cells = new Map<string, string>();
    header.forEach((name, c) => {
      if (name !== "") cells.set(name, unguard((record[c] ?? "").trim()));
    });
    rows.push({ row, cells });
  });
  return { table: { file, columns: header, rows }, errors };
}
