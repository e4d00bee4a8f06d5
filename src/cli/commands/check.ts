import type { Command } from "commander";
import { checkAllocation, type CheckResult } from "../../check.js";
import { explain } from "../../explain.js";
import { renderReport } from "../../io/report/index.js";
import { summaryTable } from "../../io/terminal.js";
import { reciprocityReach } from "../../years/reach.js";
import { shortageWithoutMoves } from "../../plan/shortage.js";
import { whoLosesOut } from "../../plan/who-loses-out.js";
import { indexYear, type Year } from "../../model/year.js";
import { dateOption, recordedFreeze } from "./season-step.js";
import { EXIT, jsonOutput, loadAllocation, loadYear, refuseBadOutput, writeOutputs, type CommandContext, type Io } from "../shared.js";

interface CheckOptions {
  readonly policy?: string;
  readonly freezeBefore?: string;
  readonly quiet?: boolean;
  readonly json?: boolean;
  readonly report?: string;
}

function printCheck(io: Io, result: CheckResult, json: boolean | undefined, year: Year): void {
  if (json) {
    io.out(jsonOutput({ valid: result.valid, violations: result.violations, metrics: result.metrics }));
    return;
  }
  for (const v of result.violations) io.out(`[${v.rule}] ${v.message}\n`);
  const count = result.violations.length;
  io.out(`${result.valid ? "valid: no rule is broken" : `${count} violation${count === 1 ? "" : "s"}`}\n\n${summaryTable(result, undefined, { year })}\n`);
}

async function checkAction({ io, state }: CommandContext, folder: string, file: string, opts: CheckOptions): Promise<void> {
  if (opts.report !== undefined) refuseBadOutput(opts.report, folder, { kind: "file", option: "--report", inputs: [file, opts.policy] });
  const loaded = await loadYear({ io, state }, folder, opts);
  const allocation = await loadAllocation(file, io, opts);
  const year = indexYear(loaded.value);
  const result = checkAllocation(year, allocation);
  if (opts.report !== undefined) {
    const freeze = recordedFreeze(file, opts.freezeBefore);
    const explanation = explain(year, allocation, freeze.freezeBefore !== undefined ? { freezeBefore: freeze.freezeBefore } : {});
    writeOutputs(opts.report, renderReport({ year, allocation, check: result, explanation, reach: reciprocityReach(year), shortage: shortageWithoutMoves(year, allocation), losers: whoLosesOut(year, allocation), title: `Check of ${file}` }), io);
  }
  if (!opts.quiet || opts.json) printCheck(io, result, opts.json, year);
  state.code = result.valid ? EXIT.ok : EXIT.violations;
}

/** `qar check <year-folder> <allocation>`: every hard rule on an allocation; exit 2 when one is broken. */
export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command("check")
    .description("Check an allocation against every hard rule; exit 2 when any rule is broken.")
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "allocation.csv (needs review_id, role, person_id), or a workbook (.xlsx, .ods) with an allocation sheet; - reads it from standard input")
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("--json", "print violations and figures as JSON")
    .option("-q, --quiet", "print nothing; the exit code says whether a rule is broken")
    .option("-r, --report <file>", "also write the HTML report of this allocation (never into the year folder; - for standard output)")
    .option("-f, --freeze-before <date>", "with --report: explain empty seats as of this date (default: the date the step that wrote the allocation used)", dateOption)
    .addHelpText(
      "after",
      `
Examples:
  qar check fixtures/years/2018-19 out/2018-19/allocation.csv
  qar check my-year hand-edited.csv --json
  qar check my-year hand-edited.csv --report checked/report.html`,
    )
    .action((folder: string, file: string, opts: CheckOptions) => checkAction(context, folder, file, opts));
}
