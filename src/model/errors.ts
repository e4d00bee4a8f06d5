/**
 * An input problem a user can fix: which file, which spreadsheet row (the header is row 1),
 * which column, and what is wrong. Collected, never thrown, so one pass fixes a whole export.
 * A problem given to the API as an object gets the same errors, with `path` to the value
 * (`["reviews", 3, "start"]`) and the row the item would have in its CSV file.
 *
 * @example
 * const year = parseYear(files);
 * if (!year.ok) for (const e of year.errors) console.log(e.code, e.file, e.row, e.column, e.message);
 */
export interface InputError {
  /** A stable code for programs: `missing-file`, `missing-column`, `bad-value`, ... */
  readonly code: InputErrorCode;
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  /** Where the value is in a problem given as an object (API input only). */
  readonly path?: readonly (string | number)[];
  readonly message: string;
}

/**
 * A stable code for each kind of input problem, for programs to branch on (docs/api.md lists them).
 *
 * @example
 * const read = parseYear(files);
 * const missing = read.ok ? [] : read.errors.filter((e) => e.code === ("missing-column" satisfies InputErrorCode));
 */
export type InputErrorCode =
  | "missing-file"
  | "unreadable-file"
  | "not-utf8"
  | "empty-file"
  | "too-large"
  | "bad-csv"
  | "missing-column"
  | "unknown-column"
  | "duplicate-column"
  | "bad-row"
  | "bad-value"
  | "duplicate-id"
  | "unknown-reference"
  | "bad-policy"
  | "bad-output"
  | "conflicting-pins"
  | "bad-usage"
  | "more-errors"
  | "warning";

/**
 * A result that carries either a value (with any warnings) or the errors that stopped it.
 *
 * @example
 * const year: Result<Problem> = readYearFolder("fixtures/years/tiny");
 * if (year.ok) console.log(year.value.reviews.length, year.warnings.length);
 * else console.log(year.errors.map(formatInputError).join("\n"));
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly InputError[] }
  | { readonly ok: false; readonly errors: readonly InputError[] };

/**
 * `file, row 7, column "pupils": must be a whole number` — the one format every message uses.
 * In a JSON file (policy.json) the `column` is a key and is called one.
 *
 * @example formatInputError({ code: "bad-value", file: "schools.csv", row: 7, column: "pupils", message: "must be a whole number" })
 */
export function formatInputError(error: InputError): string {
  const place = error.column !== undefined ? `${/\.json\b/i.test(error.file) ? "key" : "column"} "${error.column}"` : undefined;
  const where = [error.file, error.row !== undefined ? `row ${error.row}` : undefined, place]
    .filter((part) => part !== undefined)
    .join(", ");
  return `${where}: ${error.message}`;
}

/**
 * Thrown by the API (`solve`, `checkAllocation`, `explain`, `repair`, `closeYear`) when the
 * problem or allocation it is given is not valid; `errors` are the same data `validateProblem`
 * returns. A programming error of the caller, so it is thrown rather than returned: call
 * `validateProblem` first to get the errors as data.
 *
 * @example
 * try { await solve(problem); } catch (e) { if (e instanceof InvalidInputError) console.log(e.errors); }
 */
export class InvalidInputError extends Error {
  override readonly name = "InvalidInputError";
  readonly code = "invalid-input";
  constructor(readonly errors: readonly InputError[]) {
    super(`invalid input: ${errors.slice(0, 3).map(formatInputError).join("; ")}${errors.length > 3 ? `; and ${errors.length - 3} more` : ""}`);
  }
}
