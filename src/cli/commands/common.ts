import { formatInputError, type InputError } from "../../io/errors.js";
import { readBytes } from "../../io/files.js";
import { parseAllocationRows } from "../../io/read-allocation.js";
import { tableContents } from "../../io/workbook.js";
import type { Allocation } from "../../model/schema.js";
import { EXIT, type Io } from "../shared.js";

/**
 * Input problems as `qar` prints them (one line each: file, row, column, message), with the
 * exit code for invalid input. The commands of the years return this instead of throwing, so
 * they need nothing from the program but its exit codes.
 */
export function inputErrors(io: Io, errors: readonly InputError[], options: { readonly writes?: boolean; readonly json?: boolean | undefined } = {}): number {
  const written = options.writes ?? true;
  if (options.json) io.out(`${JSON.stringify({ ok: false, errors }, null, 2)}\n`);
  for (const e of errors) io.err(`error: ${formatInputError(e)}\n`);
  io.err(`${errors.length} problem${errors.length === 1 ? "" : "s"} in the input${written ? "; nothing was written" : ""}\n`);
  return EXIT.invalidInput;
}

/** Reads a file and parses it, or adds the errors to `errors`. */
export function readWith<T>(
  path: string,
  parse: (bytes: Uint8Array, file: string) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly InputError[] },
  errors: InputError[],
): T | undefined {
  const bytes = readBytes(path);
  if ("error" in bytes) {
    errors.push(bytes.error);
    return undefined;
  }
  const parsed = parse(bytes.bytes, path);
  if (parsed.ok) return parsed.value;
  errors.push(...parsed.errors);
  return undefined;
}

/**
 * Reads an allocation (allocation.csv, or the `allocation` sheet of a workbook such as
 * results.xlsx) with the spreadsheet row of each assignment, or adds its errors to `errors`.
 */
export async function readAllocationWith(path: string, errors: InputError[]): Promise<(Allocation & { readonly rows: readonly number[]; readonly warnings: readonly InputError[] }) | undefined> {
  const bytes = readBytes(path);
  if ("error" in bytes) {
    errors.push(bytes.error);
    return undefined;
  }
  const table = await tableContents(bytes.bytes, path, "allocation.csv");
  if ("error" in table) {
    errors.push(table.error);
    return undefined;
  }
  const parsed = parseAllocationRows(table.contents, table.file);
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    return undefined;
  }
  return { ...parsed.value.allocation, rows: parsed.value.assignmentRows, warnings: parsed.warnings };
}
