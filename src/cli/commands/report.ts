import type { Command } from "commander";
import { checkAllocation } from "../../check.js";
import { explain } from "../../explain.js";
import { renderReport } from "../../io/report/index.js";
import { reciprocityReach } from "../../years/reach.js";
import { shortageWithoutMoves } from "../../plan/shortage.js";
import { whoLosesOut } from "../../plan/who-loses-out.js";
import { indexYear } from "../../model/year.js";
import { dateOption, recordedFreeze } from "./season-step.js";
import { EXIT, loadAllocationOf, loadYear, refuseBadOutput, writeOutputs, type CommandContext } from "../shared.js";

interface ReportOptions {
  readonly out: string;
  readonly freezeBefore?: string;
  readonly quiet?: boolean;
  readonly policy?: string;
  readonly comparePublished?: boolean;
}

async function reportAction({ io, state }: CommandContext, folder: string, file: string, opts: ReportOptions): Promise<void> {
  refuseBadOutput(opts.out, folder, { kind: "file", inputs: [file, opts.policy] });
  const loaded = await loadYear({ io, state }, folder, opts);
  const year = indexYear(loaded.value);
  const { allocation } = await loadAllocationOf(year, file, io, opts);
  const check = checkAllocation(year, allocation);
  const freeze = recordedFreeze(file, opts.freezeBefore);
  const explanation = explain(year, allocation, freeze.freezeBefore !== undefined ? { freezeBefore: freeze.freezeBefore } : {});
  writeOutputs(opts.out, renderReport({ year, allocation, check, explanation, reach: reciprocityReach(year), shortage: shortageWithoutMoves(year, allocation), losers: whoLosesOut(year, allocation), title: `Allocation ${file}`, ...(opts.comparePublished ? { comparePublished: true } : {}) }), io);
  if (!opts.quiet && opts.out !== "-") io.out(`written to ${opts.out}\n`);
  state.code = EXIT.ok;
}

/** `qar report <year-folder> <allocation> --out <file>`: the HTML report of any allocation. */
export function registerReport(program: Command, context: CommandContext): void {
  program
    .command("report")
    .description("Write the HTML report (headline figures, calendar, reciprocity, hub exchanges, unfilled seats, teams) of an allocation.")
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "allocation.csv, or a workbook (.xlsx, .ods) with an allocation sheet; - reads it from standard input")
    .requiredOption("-o, --out <file>", "the report file to write, e.g. report.html; - for standard output")
    .option("-q, --quiet", "print nothing on success")
    .option("-f, --freeze-before <date>", "explain empty seats as of this date (default: the date the step that wrote the allocation used)", dateOption)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("--compare-published", "show the partnership's published figures beside this year's: only for a year of that partnership")
    .addHelpText("after", "\nExamples:\n  qar report fixtures/years/2018-19 out/2018-19/allocation.csv --out 2018-19-report.html")
    .action((folder: string, file: string, opts: ReportOptions) => reportAction(context, folder, file, opts));
}
