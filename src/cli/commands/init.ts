import type { Command } from "commander";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkOutputFolder } from "../../io/out-folder.js";
import { academicYear, TEMPLATE_WORKBOOK, templateCsvFiles, templateWorkbook } from "../../io/template.js";
import { POLICY_FILE } from "../../io/year-files.js";
import { EXIT, InputFailure, writeOutputs, type CommandContext } from "../shared.js";

interface InitOptions {
  readonly csv?: boolean;
  readonly year?: string;
  readonly quiet?: boolean;
}

/** The academic year a template is dated in: the one starting next September, unless `--year` names one. */
function yearOf(label: string | undefined, today = new Date()): number {
  if (label === undefined) return today.getUTCMonth() >= 8 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
  const year = academicYear(label);
  if (year === undefined) throw new InputFailure([{ code: "bad-value", file: "--year", message: `"${label}" is not an academic year; write it as 2025-26` }]);
  return year.first;
}

async function initAction({ io, state }: CommandContext, dir: string, opts: InitOptions): Promise<void> {
  const first = yearOf(opts.year);
  const files: Record<string, string | Uint8Array> = opts.csv ? templateCsvFiles(first) : { [TEMPLATE_WORKBOOK]: await templateWorkbook(first) };
  files[POLICY_FILE] = "{}\n";
  const place = checkOutputFolder({ out: dir, option: "<dir>", names: Object.keys(files) });
  if (place.length > 0) throw new InputFailure(place);
  // A template never overwrites a year: the files it would write must not be there yet.
  const there = Object.keys(files).filter((name) => existsSync(join(dir, name)));
  if (there.length > 0) throw new InputFailure(there.map((name) => ({ code: "bad-output", file: join(dir, name), message: "already exists; qar init writes a new year and never overwrites one (choose an empty folder)" })));
  for (const [name, contents] of Object.entries(files)) writeOutputs(join(dir, name), contents);
  if (!opts.quiet) {
    const what = opts.csv ? "schools.csv, reviewers.csv, leads.csv, reviews.csv" : `${TEMPLATE_WORKBOOK} (sheets schools, reviewers, leads, reviews, and read me)`;
    io.out(`wrote ${dir}: ${what} with one example row each, and ${POLICY_FILE} ({}: the default policy)\nreplace the example rows with your own, then: qar solve ${dir} --out results\n`);
  }
  state.code = EXIT.ok;
}

/** `qar init <dir>`: a new year to fill in, as a workbook (or CSV files) with every column and an example row. */
export function registerInit(program: Command, context: CommandContext): void {
  program
    .command("init")
    .description("Start a year: write a workbook (year.xlsx, or CSV files with --csv) with the sheets and columns qar reads and one example row each, and policy.json.")
    .argument("<dir>", "the folder for the new year (created if missing; files already there are never overwritten)")
    .option("--csv", "write schools.csv, reviewers.csv, leads.csv and reviews.csv instead of a workbook")
    .option("-y, --year <label>", "the academic year the example dates fall in, e.g. 2025-26 (default: the one starting next September)")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar init my-year\n  qar init my-year --csv --year 2025-26\n  qar solve my-year --out results")
    .action((dir: string, opts: InitOptions) => initAction(context, dir, opts));
}
