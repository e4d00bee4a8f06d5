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
