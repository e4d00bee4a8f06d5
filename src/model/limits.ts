/**
 * The size limits of one table, shared by the CSV reader (`INPUT_LIMITS` in io/limits.ts) and
 * the API's check of a problem given as an object (`validateProblem`), so a service accepts no
 * more than a year folder does. Ten times the national year fits well inside each.
 */
export const TABLE_LIMITS = {
  /** Rows of one table: items of one collection (schools, reviewers, leads, reviews, ...). */
  rows: 200_000,
  /** Characters of one cell: one text value. */
  cellChars: 10_000,
} as const;
