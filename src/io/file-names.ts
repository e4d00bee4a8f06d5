/**
 * File names made from ids (`calendars/<person id>.ics`). An id is data from a spreadsheet, so
 * it may hold a path separator, `..`, a character a file system refuses, or differ from another
 * id only in case (one file on Windows and macOS). The encoding keeps plain ids readable
 * (`P0001`) and is one-to-one even where case is ignored.
 */

const PLAIN = /^[A-Za-z0-9-]$/;
/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

function escape(char: string): string {
  return [...new TextEncoder().encode(char)].map((byte) => `_${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

/**
 * One safe file name stem per id: letters, digits and `-` are kept, any other character
 * becomes `_XX` (its UTF-8 bytes in hex; `_` itself is escaped, so decoding is unambiguous).
 * Ids that differ only in case, and names Windows reserves, have their letters escaped too.
 *
 * @example fileStems(["P0001", "a/b", ".."]) // Map { "P0001" → "P0001", "a/b" → "a_2Fb", ".." → "_2E_2E" }
 */
export function fileStems(ids: readonly string[]): Map<string, string> {
  const folded = new Map<string, number>();
  for (const id of new Set(ids)) folded.set(id.toLowerCase(), (folded.get(id.toLowerCase()) ?? 0) + 1);
  const stems = new Map<string, string>();
  for (const id of ids) {
    const escapeUpper = (folded.get(id.toLowerCase()) ?? 0) > 1;
    let stem = [...id].map((char) => (PLAIN.test(char) && !(escapeUpper && /[A-Z]/.test(char)) ? char : escape(char))).join("");
    if (RESERVED.test(stem)) stem = `${escape(stem.charAt(0))}${stem.slice(1)}`;
    // A lone "_" is never an escape (those are "_XX"), so it stands for the blank id.
    if (stem === "") stem = "_";
    stems.set(id, stem);
  }
  return stems;
}

const READABLE_CHARS = /[^\p{L}\p{N} _.,'&()-]/gu;
const MAX_STEM = 100;

/**
 * One file name stem per name that a person reads as the name (`hubs/Ash Field.csv`): letters,
 * digits, spaces and common punctuation kept, anything a file system could take amiss (`/`,
 * `:`, `*`, control characters) made a `-`, no leading or trailing dot, names Windows reserves
 * prefixed with `_`, and names that would collide (`Ash field` beside `Ash Field`) numbered
 * `(2)`, `(3)` in input order. Unlike `fileStems` it is not reversible: the file says whose it is.
 *
 * @example readableStems(["Ash Field", "North/East"]) // Map { "Ash Field" → "Ash Field", "North/East" → "North-East" }
 */
export function readableStems(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const stems = new Map<string, string>();
  for (const name of names) {
    if (stems.has(name)) continue;
    let stem = name.normalize("NFC").replace(READABLE_CHARS, "-").replace(/\s+/g, " ").slice(0, MAX_STEM).replace(/^[\s.]+|[\s.]+$/g, "");
    if (stem === "") stem = "_";
    if (RESERVED.test(stem.split(".")[0]!)) stem = `_${stem}`;
    let candidate = stem;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})`;
    taken.add(candidate.toLowerCase());
    stems.set(name, candidate);
  }
  return stems;
}
