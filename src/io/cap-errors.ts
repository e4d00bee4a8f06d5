import type { InputError } from "./errors.js";
import { INPUT_LIMITS } from "./limits.js";

/**
 * Long error lists made readable: a column with more than `INPUT_LIMITS.errorsPerColumn` errors
 * of one kind is reported once, with the count, the rows it spans and the first error's message
 * (which says what to do), in the place of its first error; past `INPUT_LIMITS.errors` in all,
 * the rest are counted in one last line. The first error of each kind keeps its file, row and column.
 *
 * @example capErrors(errors) // 412 "not a date" errors in column start → one error saying 412 rows
 */
export function capErrors(errors: readonly InputError[]): InputError[] {
  const groups = new Map<string, InputError[]>();
  const keyOf = (e: InputError) => (e.column !== undefined && e.row !== undefined ? `${e.file}\u0000${e.column}\u0000${e.code}` : undefined);
  for (const error of errors) {
    const key = keyOf(error);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), error]);
  }
  const capped: InputError[] = [];
  for (const error of errors) {
    const key = keyOf(error);
    const group = key !== undefined ? groups.get(key)! : undefined;
    if (group === undefined || new Set(group.map((e) => e.row)).size <= INPUT_LIMITS.errorsPerColumn) capped.push(error);
    else if (group[0] === error) capped.push(columnError(group));
  }
  if (capped.length <= INPUT_LIMITS.errors) return capped;
  const shown = capped.slice(0, INPUT_LIMITS.errors);
  const last = shown[shown.length - 1]!;
  return [...shown, { code: "more-errors", file: last.file, message: `and ${capped.length - shown.length} more problems; fix those above and run again to see the rest` }];
}

function columnError(group: readonly InputError[]): InputError {
  const first = group[0]!;
  const rows = [...new Set(group.map((e) => e.row!))];
  const [from, to] = [Math.min(...rows), Math.max(...rows)];
  const count = rows.length === group.length ? `${rows.length} rows` : `${group.length} cells in ${rows.length} rows`;
  return {
    ...first,
    // "The whole column" only when the rows are most of their span: 15 blank cells scattered over
    // a thousand rows are 15 people to ask, not one setting of the spreadsheet to fix.
    message: `${count} of this column have this problem (rows ${from} to ${to})${rows.length * 2 >= to - from + 1 ? ", so it is likely the whole column: fix it once in the spreadsheet" : ""}; row ${first.row}: ${first.message}`,
  };
}
