/**
 * An input problem a user can fix: which file, which spreadsheet row (the header is row 1),
 * which column, and what is wrong. Collected, never thrown, so one pass fixes a whole export.
 */
export interface InputError {
  /** A stable code for programs: `missing-file`, `missing-column`, `bad-value`, ... */
  readonly code: InputErrorCode;
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

export type InputErrorCode =
  | "missing-file"
  | "unreadable-file"
  | "not-utf8"
  | "empty-file"
  | "bad-csv"
  | "missing-column"
  | "duplicate-column"
  | "bad-row"
  | "bad-value"
  | "duplicate-id"
  | "unknown-reference"
  | "bad-policy"
  | "bad-output"
  | "conflicting-pins"
  | "warning";

/** A result that carries either a value (with any warnings) or the errors that stopped it. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly InputError[] }
  | { readonly ok: false; readonly errors: readonly InputError[] };

/**
 * `file, row 7, column "pupils": must be a whole number` — the one format every message uses.
 * In a JSON file (policy.json) the `column` is a key and is called one.
 */
export function formatInputError(error: InputError): string {
  const place = error.column !== undefined ? `${/\.json$/i.test(error.file) ? "key" : "column"} "${error.column}"` : undefined;
  const where = [error.file, error.row !== undefined ? `row ${error.row}` : undefined, place]
    .filter((part) => part !== undefined)
    .join(", ");
  return `${where}: ${error.message}`;
}
