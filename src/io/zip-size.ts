/**
 * The bytes a zip archive (an .xlsx workbook is one) says it unpacks to, read from its central
 * directory without inflating anything, so that a small workbook that would unpack to gigabytes
 * (a "zip bomb") is refused before the spreadsheet library inflates it.
 *
 * Returns `Infinity` for a ZIP64 archive (no spreadsheet of a partnership year needs one) and
 * `undefined` when the bytes are not a zip the function can read: the workbook reader then reports
 * the file as unreadable.
 *
 * @example unpackedSize(readFileSync("year.xlsx")) // 1_843_201
 */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  // The end-of-directory record is 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries === 0xffff || at === 0xffffffff) return Infinity;
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return undefined;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
