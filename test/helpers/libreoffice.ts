/**
 * Opening files the way a spreadsheet user does: Debian's LibreOffice Calc, headless
 * (`soffice --convert-to`). CI installs it (.ci/run, package libreoffice-calc-nogui); a machine
 * without it skips the tests that need it (`HAS_SOFFICE`). Each call runs with a profile of its
 * own, so test files converting at the same time do not wait on one another's lock.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { parse } from "csv-parse/sync";

const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((path) => existsSync(path));
export const HAS_SOFFICE = SOFFICE !== undefined;

/** CSV import as UTF-8, comma-separated, from line 1 (LibreOffice's filter options, tokens 1-4). */
export const UTF8_CSV_IMPORT = "CSV:44,34,76,1";
/**
 * CSV export: comma, double quotes, UTF-8, cells as shown (token 9: dates in their display
 * format), every sheet to a file of its own (token 12: -1, `<name>-<sheet>.csv`).
 */
const CSV_EXPORT_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/** Runs soffice on `files`, converting each to `format` into `outDir`. */
export function convert(files: readonly string[], format: string, outDir: string, options: { infilter?: string } = {}): void {
  if (SOFFICE === undefined) throw new Error("LibreOffice is not installed");
  const profile = mkdtempSync(join(tmpdir(), "qar-soffice-"));
  try {
    execFileSync(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...(options.infilter ? [`--infilter=${options.infilter}`] : []), "--convert-to", format, "--outdir", outDir, ...files],
      { stdio: "pipe", timeout: 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Every sheet of a workbook as LibreOffice shows it (dates in their display format), by sheet name, as rows of cells. */
export function sheetsAsShown(workbook: string, outDir: string): Record<string, string[][]> {
  convert([workbook], CSV_EXPORT_AS_SHOWN, outDir);
  const stem = basename(workbook, extname(workbook));
  const sheets: Record<string, string[][]> = {};
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(`${stem}-`) || !name.endsWith(".csv")) continue;
    sheets[name.slice(stem.length + 1, -4)] = parse(readFileSync(join(outDir, name), "utf8"), { relax_column_count: true }) as string[][];
  }
  return sheets;
}
