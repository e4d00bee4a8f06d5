import { cellReader, type CellReader } from "../cells.js";
import type { InputError } from "../errors.js";
import { readTable as readAnyTable, stopsTable, type CsvTable, type TableContents } from "../read-csv.js";
import { REQUIRED_FILES, YEAR_FILES, type YearFile } from "../year-files.js";

/**
 * The files of a year folder by name (`schools.csv`, ...), as text, bytes or a workbook's sheet
 * (`{ sheet, rows }`); absent = missing.
 */
export type YearFileContents = Readonly<Record<string, TableContents | undefined>>;

/** What was read of one file: its items, and what the reference check needs to know. */
export interface ReadFile<T> {
  readonly items: T[];
  /** The spreadsheet row of each item (header = row 1). */
  readonly rows: readonly number[];
  /** The whole file could not be read (missing, not UTF-8, not CSV, too large, or a column missing). */
  readonly unread: boolean;
  /** Ids of rows dropped for a bad cell: a reference to one of them is not called unknown. */
  readonly dropped: ReadonlySet<string>;
}

/** The file's table, or `undefined` (with its errors pushed) when it cannot be read as a whole. */
function readTable(files: YearFileContents, which: YearFile, errors: InputError[], warnings: InputError[]): CsvTable | undefined {
  const spec = YEAR_FILES[which];
  const contents = files[spec.file];
  if (contents === undefined) {
    // A near miss ("school.csv") has been reported already, with the name to rename.
    if (REQUIRED_FILES.includes(which) && !errors.some((e) => e.code === "missing-file" && e.file === spec.file)) {
      // A folder written by close-year is next year's start: it has every file but the reviews.
      const start = which === "reviews" ? "; a folder written by qar close-year has none yet: qar new-year <that folder> --out <dir> rolls last year's reviews forward" : "";
      errors.push({ code: "missing-file", file: spec.file, message: `is missing from the year folder (columns: ${spec.required.join(", ")})${start}` });
    }
    return undefined;
  }
  const { table, errors: found, warnings: notes } = readAnyTable(contents, spec.file, spec);
  errors.push(...found);
  warnings.push(...notes);
  return found.some(stopsTable) ? undefined : table;
}

/**
 * Reads one file of the year row by row with `build` (one of the row builders beside this
 * file). A row with any bad cell is dropped, its errors kept, so one pass lists them all.
 * Warnings (columns the file does not use) go to `warnings`.
 */
export function readRows<T>(
  files: YearFileContents,
  which: YearFile,
  errors: InputError[],
  build: (cells: CellReader) => T | undefined,
  warnings: InputError[] = [],
): ReadFile<T> {
  const parsed = readTable(files, which, errors, warnings);
  const items: T[] = [];
  const rows: number[] = [];
  const dropped = new Set<string>();
  const options = parsed?.decimalComma ? { decimalComma: true } : {};
  for (const row of parsed?.rows ?? []) {
    const before = errors.length;
    const item = build(cellReader(YEAR_FILES[which].file, row, errors, options));
    if (item !== undefined && errors.length === before) {
      items.push(item);
      rows.push(row.row);
    } else {
      dropped.add(row.cells.get("id") ?? "");
    }
  }
  const unread = parsed === undefined && (files[YEAR_FILES[which].file] !== undefined || REQUIRED_FILES.includes(which));
  return { items, rows, unread, dropped };
}
