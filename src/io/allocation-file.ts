/**
 * `allocation.csv`'s layout, in one place for the writer and the reader: the columns qar writes
 * (and, in a year with kinds, adds), and those it needs to read one back. Every column written
 * is known to the reader, so reading back qar's own file never warns about a column.
 */

/** The columns of `allocation.csv`, in the order written. */
export const ALLOCATION_COLUMNS = ["review_id", "host_school_id", "start", "end", "role", "person_id", "person_name", "person_school_id", "level", "status", "sequence"] as const;

/** The columns allocation.csv and unfilled.csv add in a year with kinds (see `Year.mixed`): the review's kind and its host trust. */
export const KIND_COLUMNS = ["kind", "host_trust_id"] as const;

/** The columns an allocation is read by: what it needs, then what it reads when present. */
const READ = ["review_id", "role", "person_id", "status", "sequence"] as const;

/**
 * The columns an allocation is read by (`status`, `sequence` optional); every other column qar
 * writes is for people (names, dates, the kind), known so never warned about, and not read.
 */
export const ALLOCATION_READ = {
  required: READ.slice(0, 3),
  optional: [...READ.slice(3), ...[...ALLOCATION_COLUMNS, ...KIND_COLUMNS].filter((column) => !(READ as readonly string[]).includes(column))],
} as const;
