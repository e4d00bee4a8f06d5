/**
 * What a zip archive (an .xlsx workbook is one) really unpacks to, measured by inflating it
 * with a running cap before the spreadsheet library sees it. A zip's directory states each
 * entry's size, but nothing makes it tell the truth: a small workbook whose directory claims a
 * few kilobytes may inflate to gigabytes (a "zip bomb"), and a sheet of a million rows parses
 * for minutes. Each entry is stream-inflated (node:zlib) and its output counted and dropped,
 * never kept, so memory stays small whatever the archive holds; the count stops one chunk past
 * the byte cap, and a worksheet's rows are counted as they pass, stopping one past the row cap.
 */
import { createInflateRaw } from "node:zlib";

/** What the measure found: within the caps, over one (which, and where), or not a zip it can read. */
export type ZipMeasure =
  | { readonly ok: true; readonly bytes: number }
  | { readonly ok: false; readonly tooLarge: "bytes"; readonly bytes: number }
  | { readonly ok: false; readonly tooLarge: "rows"; readonly entry: string; readonly rows: number }
  | { readonly ok: false; readonly unreadable: string };

export interface ZipCaps {
  /** Bytes all entries may inflate to together. */
  readonly bytes: number;
  /** Rows one worksheet may hold (its `<row>` elements). */
  readonly rows: number;
}

/** The signatures of a zip's records (little-endian); results-workbook.ts dates the records it writes by them. */
export const END_OF_DIRECTORY = 0x06054b50;
export const DIRECTORY_ENTRY = 0x02014b50;
export const LOCAL_HEADER = 0x04034b50;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A row element, with or without a namespace prefix (`<row r="2">`, `<x:row>`), never `<rowBreaks>`. */
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
/** Characters of one chunk kept for the next, so a row tag cut in two is still seen (once). */
const OVERLAP = 64;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly data: Uint8Array;
}

/** The archive's entries from its central directory, each with its compressed bytes; or why it cannot be read. */
function entriesOf(bytes: Uint8Array): Entry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record is 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return "it is not a zip archive";
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return "it is a ZIP64 archive, which no spreadsheet of a year needs";
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return "its directory is damaged";
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (compressed === 0xffffffff || local === 0xffffffff) return "it is a ZIP64 archive, which no spreadsheet of a year needs";
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) return "an entry of its directory points nowhere";
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) return "an entry runs past the end of the file";
    entries.push({ name, method, data: bytes.subarray(start, start + compressed) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * Inflates `data`, handing each chunk to `take` and dropping it; stops at once when `take`
 * returns false. Resolves to `"done"`, `"stopped"`, or the inflate error's message.
 */
function inflate(data: Uint8Array, take: (chunk: Buffer) => boolean): Promise<"done" | "stopped" | string> {
  return new Promise((settle) => {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let settled = false;
    const finish = (outcome: "done" | "stopped" | string) => {
      if (settled) return;
      settled = true;
      settle(outcome);
    };
    inflater.on("data", (chunk: Buffer) => {
      if (settled) return;
      if (!take(chunk)) {
        finish("stopped");
        inflater.destroy();
      }
    });
    inflater.on("end", () => finish("done"));
    inflater.on("error", (error: Error) => finish(error.message));
    inflater.end(data);
  });
}

/**
 * Inflates every entry of a zip archive, counting bytes (and a worksheet's rows) without keeping
 * them, and stops as soon as a cap is passed.
 *
 * @example
 * const measure = await measureZip(readFileSync("year.xlsx"), { bytes: 256 * 2 ** 20, rows: 200_000 });
 * if (!measure.ok) console.log(measure);
 */
export async function measureZip(bytes: Uint8Array, caps: ZipCaps): Promise<ZipMeasure> {
  const entries = entriesOf(bytes);
  if (typeof entries === "string") return { ok: false, unreadable: entries };
  let total = 0;
  for (const entry of entries) {
    if (entry.method === 0) {
      total += entry.data.length;
      if (total > caps.bytes) return { ok: false, tooLarge: "bytes", bytes: total };
      continue;
    }
    if (entry.method !== 8) return { ok: false, unreadable: `its entry ${entry.name} is compressed in a way spreadsheets do not use (method ${entry.method})` };
    const sheet = WORKSHEET.test(entry.name);
    let rows = 0;
    let tail = "";
    let over: ZipMeasure | undefined;
    const outcome = await inflate(entry.data, (chunk) => {
      total += chunk.length;
      if (total > caps.bytes) {
        over = { ok: false, tooLarge: "bytes", bytes: total };
        return false;
      }
      if (sheet) {
        const text = tail + chunk.toString("latin1");
        // A tag that ends inside the kept tail was counted with the chunk before.
        for (const match of text.matchAll(ROW)) if (match.index + match[0].length > tail.length) rows += 1;
        tail = text.slice(-OVERLAP);
        if (rows > caps.rows) {
          over = { ok: false, tooLarge: "rows", entry: entry.name, rows };
          return false;
        }
      }
      return true;
    });
    if (over) return over;
    if (outcome !== "done") return { ok: false, unreadable: `its entry ${entry.name} cannot be inflated (${outcome})` };
  }
  return { ok: true, bytes: total };
}
