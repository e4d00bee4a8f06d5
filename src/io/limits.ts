import { TABLE_LIMITS } from "../model/limits.js";

/**
 * The documented input limits (docs/formats.md), checked before anything is parsed so that a
 * file that is a device, a 50 MB header line, a zip bomb or a runaway export is refused quickly
 * with bounded memory. Ten times the national year (about 6,000 schools and 50,000 reviewers)
 * fits well inside every one.
 */
export const INPUT_LIMITS = {
  /** Bytes of one input file. */
  bytes: 32 * 1024 * 1024,
  /** Bytes a workbook unpacks to (its sheets are zipped XML), counted while inflating, before the spreadsheet library reads it. */
  unpackedBytes: 256 * 1024 * 1024,
  /** Data rows of one table. */
  rows: TABLE_LIMITS.rows,
  /** Columns of one table. */
  columns: 200,
  /** Characters of the header row. */
  headerChars: 20_000,
  /** Characters of one cell. */
  cellChars: TABLE_LIMITS.cellChars,
  /** Characters of one row (all its cells together). */
  rowChars: 1_000_000,
  /** Errors listed for one column before the rest are counted. */
  errorsPerColumn: 5,
  /** Errors listed in all before the rest are counted. */
  errors: 100,
} as const;

/** `32 MB` for a limit in bytes. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
