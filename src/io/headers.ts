import { excerpt } from "../model/text.js";
import type { InputError } from "./errors.js";

/**
 * Checking a table's header against the columns a file has: a header close to a known column
 * (punctuation, a synonym, a slip of one or two letters) is an error that names the column it
 * was probably meant to be, because a column read under the wrong name is silently empty; any
 * other unknown column is one warning.
 */

/** What the header of a file may hold. */
export interface ColumnSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/**
 * Header names are matched forgivingly: case, surrounding spaces, and spaces or hyphens for
 * underscores ("School ID" reads as `school_id`), as CRM exports vary in exactly these ways.
 */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** Other words for our columns seen in exports (squashed: lower case, letters and digits only). */
const SYNONYMS: Readonly<Record<string, string>> = {
  latitude: "lat",
  longitude: "lon",
  long: "lon",
  lng: "lon",
  availability: "available",
  availabilities: "available",
  dates: "available",
  availabledates: "available",
  peerseats: "seats",
  teamsize: "seats",
  maxreview: "max_reviews",
  maximumreviews: "max_reviews",
  reviewsmax: "max_reviews",
  startdate: "start",
  reviewstart: "start",
  duration: "days",
  school: "school_id",
  schoolname: "name",
  phases: "phase",
  phase: "phases",
  conflict: "conflicts",
  preferences: "prefers",
  preference: "prefers",
  numberofpupils: "pupils",
  pupilsonroll: "pupils",
  roll: "pupils",
  reviewer: "person_id",
  reviewerid: "person_id",
  person: "person_id",
  review: "review_id",
};

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Edit distance with adjacent transpositions (optimal string alignment), for slips of a letter or two. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known column a header was probably meant to be, among `candidates`: the same letters
 * without punctuation ("Max. reviews"), a synonym ("Latitude"), a name containing it ("school"
 * for `school_id`) or a slip of one letter (two in longer names).
 *
 * @example closeColumn("Max. reviews", ["max_reviews", "phases"]) // "max_reviews"
 */
export function closeColumn(header: string, candidates: readonly string[]): string | undefined {
  const typed = squash(header);
  if (typed === "") return undefined;
  const synonym = SYNONYMS[typed];
  if (synonym !== undefined && candidates.includes(synonym)) return synonym;
  const exact = candidates.find((c) => squash(c) === typed);
  if (exact) return exact;
  const contains = candidates.find((c) => c.includes("_") && typed.length > 2 && (squash(c).startsWith(typed) || typed.startsWith(squash(c))));
  if (contains) return contains;
  const slips = typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
  return candidates.find((c) => distance(typed, squash(c)) <= slips);
}

/**
 * The header's problems: required columns missing (with the header cell that was probably
 * meant), headers close to an optional column (an error with a did-you-mean), and a warning for
 * each other column the file does not use.
 */
export function headerProblems(file: string, raw: readonly string[], spec: ColumnSpec): InputError[] {
  const header = raw.map(normaliseHeader);
  const known = new Set<string>([...spec.required, ...spec.optional]);
  const present = new Set(header);
  const unknown = raw.flatMap((name, i) => (header[i] !== "" && !known.has(header[i]!) ? [name.trim()] : []));
  const used = new Set<string>();
  const errors: InputError[] = [];
  const expected = `expected columns: ${spec.required.join(", ")}${spec.optional.length > 0 ? ` (optional: ${spec.optional.join(", ")})` : ""}`;
  for (const name of spec.required) {
    if (present.has(name)) continue;
    const meant = unknown.find((h) => !used.has(h) && closeColumn(h, [name]) === name);
    if (meant !== undefined) used.add(meant);
    const hint = meant !== undefined ? ` (is ${excerpt(meant)} meant to be "${name}"?)` : "";
    errors.push({ code: "missing-column", file, row: 1, column: name, message: `the header has no column "${name}"${hint}; ${expected}` });
  }
  const missingOptional = spec.optional.filter((name) => !present.has(name));
  for (const name of unknown) {
    if (used.has(name)) continue;
    const meant = closeColumn(name, missingOptional);
    if (meant !== undefined) {
      used.add(name);
      errors.push({
        code: "unknown-column",
        file,
        row: 1,
        column: name.slice(0, 40),
        message: `${excerpt(name)} is not a column of ${file}; did you mean "${meant}"? Rename the header to ${meant}: as written, the column would not be read at all`,
      });
    }
  }
  const ignored = unknown.filter((name) => !used.has(name));
  for (const name of ignored) {
    errors.push({ code: "warning", file, row: 1, column: name.slice(0, 40), message: `column ${excerpt(name)} is not one ${file} uses and is ignored; ${expected}` });
  }
  return errors;
}
