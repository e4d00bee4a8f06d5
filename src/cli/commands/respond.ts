import type { Command } from "commander";
import { explain } from "../../explain.js";
import type { InputError } from "../../io/errors.js";
import { parseAllocationRows } from "../../io/read-allocation.js";
import { parseResponses } from "../../io/read-responses.js";
import { summaryTable } from "../../io/terminal.js";
import { solveOutputs, summaryOf } from "../../io/write-outputs.js";
import { noticesCsv } from "../../io/write-season.js";
import { parseDay } from "../../model/dates.js";
import { respond, type RespondIssue } from "../../season/respond.js";
import {
  EXIT,
  InputFailure,
  integer,
  loadBytes,
  loadYear,
  progressFor,
  refuseBadOutput,
  refuseUnknownSeats,
  seconds,
  SOLVE_FILES,
  timeLimit,
  writeOutputs,
  writtenList,
  type CommandContext,
} from "../shared.js";
import { diffCsv } from "./repair.js";

interface RespondFlags {
  readonly responses: string;
  readonly out: string;
  readonly freezeBefore?: string;
  readonly releaseStranded?: boolean;
  readonly seed: number;
  readonly policy?: string;
  readonly timeLimit?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** Reads a CSV file through `parse`, or stops with its errors. */
function readWith<T>(file: string, parse: (bytes: Uint8Array, file: string) => { ok: true; value: T } | { ok: false; errors: readonly InputError[] }): T {
  const read = parse(loadBytes(file), file);
  if (!read.ok) throw new InputFailure(read.errors);
  return read.value;
}

/** An issue of `respond` at its spreadsheet row: in responses.csv or in allocation.csv. */
function located(issue: RespondIssue, files: { responses: string; allocation: string }, rows: { responses: readonly number[]; allocation: readonly number[] }): InputError {
  const fromResponses = issue.source === "responses";
  const row = (fromResponses ? rows.responses : rows.allocation)[issue.index];
  return { code: "bad-value", file: fromResponses ? files.responses : files.allocation, ...(row !== undefined ? { row } : {}), column: issue.field, message: issue.message };
}

/**
 * Registers `qar respond <year> <allocation.csv> --responses responses.csv --out DIR`: applies
 * confirmations and declines, refills declined seats with the least change, and writes the
 * complete output folder plus diff.csv, notices.csv, letters.csv and calendars/.
 */
export function registerRespond(program: Command, context: CommandContext): void {
  program
    .command("respond")
    .description("Apply confirmations and declines to a published allocation: confirmed seats never move, declined seats are refilled with the least change, and everyone affected gets a notice and an updated calendar.")
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "the published allocation.csv (with its status column)")
    .requiredOption("-r, --responses <file>", "responses.csv with columns review_id,person_id,response (confirmed or declined; yes or no)")
    .requiredOption("-o, --out <dir>", "folder to write the new allocation, notices, letters and calendars to")
    .option("-f, --freeze-before <date>", "reviews starting before this date (YYYY-MM-DD) keep their teams except for removals")
    .option("--release-stranded", "release confirmed seats that cannot be kept (a team left with no possible advanced reviewer) instead of stopping; their people are told")
    .option("-s, --seed <n>", "seed for reproducible results", integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best re-plan so far", seconds)
    .option("--json", "print the summary, the changes and the notices as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar respond my-year published/allocation.csv --responses responses.csv --out week-2\n  qar respond my-year week-2/allocation.csv --responses more.csv --out week-3 --freeze-before 2024-03-04")
    .action(async (folder: string, file: string, opts: RespondFlags) => {
      const started = performance.now();
      const { io } = context;
      refuseBadOutput(opts.out, folder, { names: [...SOLVE_FILES, "diff.csv", "notices.csv", "letters.csv"] });
      if (opts.freezeBefore !== undefined && parseDay(opts.freezeBefore) === undefined) {
        throw new InputFailure([{ code: "bad-value", file: "--freeze-before", message: `"${opts.freezeBefore}" is not a real date written YYYY-MM-DD` }]);
      }
      const loaded = await loadYear(context, folder, opts);
      const published = readWith(file, parseAllocationRows);
      refuseUnknownSeats(loaded.value, published.allocation, file, published.assignmentRows);
      const answers = readWith(opts.responses, parseResponses);
      const display = progressFor(io, opts);
      const outcome = await respond(loaded.value, published.allocation, answers.responses, {
        seed: opts.seed,
        ...(opts.freezeBefore !== undefined ? { freezeBefore: opts.freezeBefore } : {}),
        ...(opts.releaseStranded ? { releaseStranded: true } : {}),
        ...timeLimit(opts, started),
        ...(display ? { onProgress: display.update } : {}),
      }).finally(() => display?.stop());
      if (!outcome.ok) {
        const rows = { responses: answers.rows, allocation: published.assignmentRows };
        throw new InputFailure(outcome.issues.map((issue) => located(issue, { responses: opts.responses, allocation: file }, rows)));
      }
      const result = outcome.result;
      const files = {
        ...solveOutputs(result, explain(result.year, result.allocation), { cancelled: outcome.cancelled, warnings: loaded.warnings }),
        "diff.csv": diffCsv(outcome.diff),
        "notices.csv": noticesCsv(outcome.notices),
      };
      writeOutputs(opts.out, files);
      const counts = { added: 0, moved: 0, removed: 0 };
      for (const d of outcome.diff) counts[d.change] += 1;
      if (opts.json) {
        io.out(`${JSON.stringify({ out: opts.out, diff: outcome.diff, changes: counts, notices: outcome.notices.length, frozen: outcome.frozen, released: outcome.released, ...summaryOf(outcome.result, loaded.warnings) }, null, 2)}\n`);
      } else if (!opts.quiet) {
        io.out(`${summaryTable(outcome.result.check, outcome.result)}\n\nchanges: ${counts.added} added, ${counts.moved} moved, ${counts.removed} removed; ${outcome.notices.length} notices\n`);
        for (const seat of outcome.released) io.out(`released (had confirmed): ${seat.personId} from ${seat.reviewId}\n`);
        io.out(`written to ${opts.out}: ${writtenList(files)}\n`);
      }
      context.state.code = EXIT.ok;
    });
}
