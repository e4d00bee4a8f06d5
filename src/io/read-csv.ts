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
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (cause) {
    const info = cause as { code?: string; lines?: number; message?: string };
    errors.push({
      code: "bad-csv",
      file,
      ...(info.lines !== undefined ? { row: info.lines } : {}),
      message: `is not valid CSV: ${(info.message ?? String(cause)).replace(/^Invalid [^:]*: /, "")}`,
    });
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
  for (const name of spec.required) {
    if (!seen.has(name)) {
      const close = header.find((h) => h.includes(name) || (name.includes(h) && h.length > 2));
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
      errors.push({ code: "bad-row", file, row, message: `has ${record.length} cells but the header has ${header.length} columns (an unquoted comma in a name?)` });
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
