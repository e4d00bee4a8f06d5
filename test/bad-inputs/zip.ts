/**
 * A small zip writer for hostile workbooks: entries deflated as given, with a central directory
 * that may lie about sizes (as a zip bomb's does). Not a spreadsheet library: enough of the
 * format for `measureZip` and exceljs to read.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  readonly name: string;
  /** The entry's bytes, deflated here; or `deflated` given ready. */
  readonly data?: Uint8Array | string;
  readonly deflated?: Uint8Array;
  /** What the directory claims the entry unpacks to (default: the truth, or 1 KB for `deflated`). */
  readonly claimedSize?: number;
}

/**
 * `megabytes` MB of zeros as raw deflate data of about 1 KB per MB, made without inflating
 * anything: one sync-flushed segment repeated (each refers only to zeros of its own), then an
 * empty final block.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const segment = deflateRawSync(Buffer.alloc(2 ** 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => segment), Buffer.from([0x03, 0x00])]);
}

/** A zip archive of `entries`. */
export function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = entry.data === undefined ? undefined : Buffer.from(entry.data);
    const deflated = entry.deflated ? Buffer.from(entry.deflated) : deflateRawSync(raw ?? Buffer.alloc(0), { level: 1 });
    const size = entry.claimedSize ?? raw?.length ?? 1024;
    const crc = raw ? crc32(raw) : 0;
    const name = Buffer.from(entry.name);
    // The local header and the directory entry hold the same fields at their own offsets.
    const header = (signature: number, length: number, at: { crc: number; method: number; sizes: number }) => {
      const bytes = Buffer.alloc(length);
      bytes.writeUInt32LE(signature, 0);
      bytes.writeUInt16LE(20, 4);
      bytes.writeUInt16LE(8, at.method);
      bytes.writeUInt32LE(crc, at.crc);
      bytes.writeUInt32LE(deflated.length, at.sizes);
      bytes.writeUInt32LE(size, at.sizes + 4);
      bytes.writeUInt16LE(name.length, at.sizes + 8);
      return bytes;
    };
    const local = header(0x04034b50, 30, { method: 8, crc: 14, sizes: 18 });
    const central = header(0x02014b50, 46, { method: 10, crc: 16, sizes: 20 });
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    directory.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}

/** A worksheet's XML with `rows` rows of one number each (the rows a 1,000,000-row export has; `r` is optional). */
export function sheetXml(rows: number): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  return `${head}${"<row><c><v>1</v></c></row>".repeat(rows)}</sheetData></worksheet>`;
}
