import type { SaxesAttributeNS, SaxesTagNS } from "saxes";
import type { InputError } from "./errors.js";
import { INPUT_LIMITS } from "./limits.js";
import type { SheetRows } from "./read-csv.js";

/**
 * Reading OpenDocument spreadsheets (`.ods`, LibreOffice Calc's own format; Excel and Google
 * Sheets save it too). An .ods file is a zip whose `content.xml` holds each sheet as
 * `table:table` of `table:table-row` of `table:table-cell`; this reads that XML with saxes (a
 * strict, non-validating parser: no external entities, no entity definitions, so no "billion
 * laughs") into rows of text, as the .xlsx reader does: a date cell becomes an ISO date, a number
 * its full value, a text cell its paragraphs joined by line breaks. Repeated rows and cells
 * (`number-rows-repeated`, which spreadsheets write for the empty rest of a sheet) are counted,
 * never laid out, until something follows them, so the limits hold whatever the file says.
 */

const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
/** The media type an .ods file names in its `mimetype` entry. */
export const ODS_MEDIA_TYPE = "application/vnd.oasis.opendocument.spreadsheet";

function attribute(node: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const attr of Object.values(node.attributes) as SaxesAttributeNS[]) if (attr.uri === uri && attr.local === local) return attr.value;
  return undefined;
}

/** A repeat count: 1 unless the attribute says more. */
function repeats(node: SaxesTagNS, local: string): number {
  const n = Number(attribute(node, TABLE, local) ?? "1");
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The value a cell's attributes give, when its type says the text is only a display of it. */
function typedValue(node: SaxesTagNS): string | undefined {
  const type = attribute(node, OFFICE, "value-type");
  if (type === "float" || type === "percentage" || type === "currency") return attribute(node, OFFICE, "value");
  if (type === "date") {
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(attribute(node, OFFICE, "date-value") ?? "");
    return date?.[1];
  }
  return undefined;
}

class TooLarge extends Error {}

/** The sheets of a `content.xml`, or an error naming the file. */
export async function odsSheets(xml: string, file: string): Promise<SheetRows[] | InputError> {
  const { SaxesParser } = await import("saxes");
  const parser = new SaxesParser({ xmlns: true });
  const sheets: SheetRows[] = [];
  let sheet: { name: string; rows: string[][]; emptyRows: number } | undefined;
  let row: { cells: string[]; emptyCells: number; repeat: number } | undefined;
  let cell: { parts: string[]; length: number; value: string | undefined; repeat: number; paragraphs: number } | undefined;
  // A cell's text stops growing one character past the limit (the table reader then refuses it):
  // a few bytes of <text:s text:c="10000"/> must not become gigabytes.
  const add = (text: string): void => {
    if (cell === undefined || cell.length > INPUT_LIMITS.cellChars) return;
    const part = text.slice(0, INPUT_LIMITS.cellChars + 1 - cell.length);
    cell.parts.push(part);
    cell.length += part.length;
  };
  // Depth inside an annotation (a comment on the cell): its text is not the cell's.
  let annotation = 0;
  let paragraph = 0;

  const grow = (count: number, limit: number, what: string): void => {
    if (count > limit) throw new TooLarge(`has more than ${limit.toLocaleString("en-GB")} ${what} in sheet "${sheet?.name ?? ""}"; a table has at most that`);
  };
  parser.on("opentag", (node) => {
    if (node.uri === OFFICE && node.local === "annotation") annotation += 1;
    if (annotation > 0) return;
    if (node.uri === TABLE && node.local === "table") sheet = { name: attribute(node, TABLE, "name") ?? `Sheet${sheets.length + 1}`, rows: [], emptyRows: 0 };
    else if (sheet && node.uri === TABLE && node.local === "table-row") row = { cells: [], emptyCells: 0, repeat: repeats(node, "number-rows-repeated") };
    else if (row && node.uri === TABLE && (node.local === "table-cell" || node.local === "covered-table-cell")) {
      cell = { parts: [], length: 0, value: typedValue(node), repeat: repeats(node, "number-columns-repeated"), paragraphs: 0 };
    } else if (cell && node.uri === TEXT) {
      if (node.local === "p" || node.local === "h") {
        if (paragraph === 0 && cell.paragraphs > 0) add("\n");
        if (paragraph === 0) cell.paragraphs += 1;
        paragraph += 1;
      } else if (node.local === "s") {
        const count = Number(attribute(node, TEXT, "c") ?? "1");
        add(" ".repeat(Number.isInteger(count) && count >= 1 ? Math.min(count, INPUT_LIMITS.cellChars + 1) : 1));
      }
      else if (node.local === "tab") add("\t");
      else if (node.local === "line-break") add("\n");
    }
  });
  parser.on("text", (text) => {
    if (paragraph > 0 && annotation === 0) add(text);
  });
  parser.on("closetag", (node) => {
    if (node.uri === OFFICE && node.local === "annotation") {
      annotation -= 1;
      return;
    }
    if (annotation > 0) return;
    if (cell && node.uri === TEXT && (node.local === "p" || node.local === "h")) paragraph = Math.max(0, paragraph - 1);
    else if (row && cell && node.uri === TABLE && (node.local === "table-cell" || node.local === "covered-table-cell")) {
      const text = cell.value ?? cell.parts.join("");
      if (text === "") row.emptyCells += cell.repeat;
      else {
        grow(row.cells.length + row.emptyCells + cell.repeat, INPUT_LIMITS.columns, "columns");
        for (let i = 0; i < row.emptyCells; i += 1) row.cells.push("");
        row.emptyCells = 0;
        for (let i = 0; i < cell.repeat; i += 1) row.cells.push(text);
      }
      cell = undefined;
    } else if (sheet && row && node.uri === TABLE && node.local === "table-row") {
      if (row.cells.length === 0) sheet.emptyRows += row.repeat;
      else {
        grow(sheet.rows.length + sheet.emptyRows + row.repeat, INPUT_LIMITS.rows + 1, "rows");
        for (let i = 0; i < sheet.emptyRows; i += 1) sheet.rows.push([]);
        sheet.emptyRows = 0;
        for (let i = 0; i < row.repeat; i += 1) sheet.rows.push(row.cells);
      }
      row = undefined;
    } else if (sheet && node.uri === TABLE && node.local === "table") {
      sheets.push({ sheet: sheet.name, rows: sheet.rows });
      sheet = undefined;
    }
  });
  try {
    parser.write(xml).close();
  } catch (cause) {
    if (cause instanceof TooLarge) return { code: "too-large", file, message: cause.message };
    return { code: "unreadable-file", file, message: `is not a readable .ods spreadsheet (${String((cause as Error).message ?? cause).slice(0, 80)}); save it again from the spreadsheet as "ODF Spreadsheet (.ods)" or "Excel Workbook (.xlsx)"` };
  }
  return sheets;
}

/**
 * The sheets of an .ods file's bytes (already checked against the unpacked-size limit), or an
 * error naming the file.
 *
 * @example const sheets = await readOds(readFileSync("year.ods"), "year.ods");
 */
export async function readOds(bytes: Uint8Array, file: string): Promise<SheetRows[] | InputError> {
  const { default: JSZip } = await import("jszip");
  const unreadable = (why: string): InputError => ({ code: "unreadable-file", file, message: `is not a readable .ods spreadsheet (${why}); save it again from the spreadsheet as "ODF Spreadsheet (.ods)" or "Excel Workbook (.xlsx)"` });
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const content = zip.file("content.xml");
    if (content === null) return unreadable("it has no content.xml");
    xml = await content.async("string");
  } catch (cause) {
    return unreadable(String((cause as Error).message ?? cause).slice(0, 80));
  }
  return odsSheets(xml, file);
}
