import type { Command } from "commander";
import type { InputError } from "../../io/errors.js";
import { readBytes, writeFolderAtomically } from "../../io/files.js";
import { parseAllocationRows } from "../../io/read-allocation.js";
import { parseResponses } from "../../io/read-responses.js";
import { toCsv } from "../../io/csv-text.js";
import { summaryTable } from "../../io/terminal.js";
import { solveOutputs, summaryOf } from "../../io/write-outputs.js";
import { noticesCsv } from "../../io/write-season.js";
import { parseDay } from "../../model/dates.js";
import type { Problem } from "../../model/problem.js";
import { indexYear } from "../../model/year.js";
import { respond, type RespondIssue } from "../../season/respond.js";
import type { SeatChange } from "../../solver/repair-engine.js";
import type { Io } from "../program.js";
import { progressDisplay } from "../progress.js";

/** What the respond command needs from the program that registers it. */
export interface RespondContext {
  readonly io: Io;
  readonly state: { code: number };
  /** Stops the command with input errors: `qar` prints them and exits 1, writing nothing. */
  readonly fail: (errors: readonly InputError[]) => never;
  readonly loadYear: (folder: string, policyFile: string | undefined) => { readonly value: Problem; readonly warnings: readonly InputError[] };
  readonly refuseOutInsideYear: (out: string, folder: string) => void;
  readonly integer: (value: string) => number;
  readonly seconds: (value: string) => number;
}

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

/** `diff.csv`, as `qar repair` writes it. */
export function diffCsv(diff: readonly SeatChange[]): string {
  return toCsv(["change", "role", "person_id", "from_review_id", "to_review_id"], diff.map((d) => [d.change, d.role, d.personId, d.fromReviewId, d.toReviewId]));
}

/** Reads a CSV file through `parse`, or stops with its errors. */
function readWith<T>(context: RespondContext, file: string, parse: (bytes: Uint8Array, file: string) => { ok: true; value: T } | { ok: false; errors: readonly InputError[] }): T {
  const bytes = readBytes(file);
  if ("error" in bytes) return context.fail([bytes.error]);
  const read = parse(bytes.bytes, file);
  return read.ok ? read.value : context.fail(read.errors);
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
export function registerRespond(program: Command, context: RespondContext): void {
  program
    .command("respond")
    .description("Apply confirmations and declines to a published allocation: confirmed seats never move, declined seats are refilled with the least change, and everyone affected gets a notice and an updated calendar.")
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "the published allocation.csv (with its status column)")
    .requiredOption("-r, --responses <file>", "responses.csv with columns review_id,person_id,response (confirmed or declined; yes or no)")
    .requiredOption("-o, --out <dir>", "folder to write the new allocation, notices, letters and calendars to")
    .option("-f, --freeze-before <date>", "reviews starting before this date (YYYY-MM-DD) keep their teams except for removals")
    .option("--release-stranded", "release confirmed seats that cannot be kept (a team left with no possible advanced reviewer) instead of stopping; their people are told")
    .option("-s, --seed <n>", "seed for reproducible results", context.integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best re-plan so far", context.seconds)
    .option("--json", "print the summary, the changes and the notices as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar respond my-year published/allocation.csv --responses responses.csv --out week-2\n  qar respond my-year week-2/allocation.csv --responses more.csv --out week-3 --freeze-before 2024-03-04")
    .action(async (folder: string, file: string, opts: RespondFlags) => {
      const { io } = context;
      context.refuseOutInsideYear(opts.out, folder);
      if (opts.freezeBefore !== undefined && parseDay(opts.freezeBefore) === undefined) {
        context.fail([{ code: "bad-value", file: "--freeze-before", message: `"${opts.freezeBefore}" is not a real date written YYYY-MM-DD` }]);
      }
      const loaded = context.loadYear(folder, opts.policy);
      const published = readWith(context, file, parseAllocationRows);
      const answers = readWith(context, opts.responses, parseResponses);
      const display = io.progress ? progressDisplay(io.progress, !opts.quiet && !opts.json) : undefined;
      const outcome = await respond(loaded.value, published.allocation, answers.responses, {
        seed: opts.seed,
        ...(opts.freezeBefore !== undefined ? { freezeBefore: opts.freezeBefore } : {}),
        ...(opts.releaseStranded ? { releaseStranded: true } : {}),
        ...(opts.timeLimit !== undefined ? { timeLimitMs: opts.timeLimit * 1000 } : {}),
        ...(display ? { onProgress: display.update } : {}),
      }).finally(() => display?.stop());
      if (!outcome.ok) {
        const rows = { responses: answers.rows, allocation: published.assignmentRows };
        return context.fail(outcome.issues.map((issue) => located(issue, { responses: opts.responses, allocation: file }, rows)));
      }
      const files = solveOutputs(indexYear(loaded.value), outcome.result, { cancelled: outcome.cancelled });
      files["diff.csv"] = diffCsv(outcome.diff);
      files["notices.csv"] = noticesCsv(outcome.notices);
      writeFolderAtomically(opts.out, files);
      const counts = { added: 0, moved: 0, removed: 0 };
      for (const d of outcome.diff) counts[d.change] += 1;
      if (opts.json) {
        io.out(`${JSON.stringify({ out: opts.out, diff: outcome.diff, changes: counts, notices: outcome.notices.length, frozen: outcome.frozen, released: outcome.released, ...summaryOf(outcome.result) }, null, 2)}\n`);
      } else if (!opts.quiet) {
        io.out(`${summaryTable(outcome.result.check, outcome.result)}\n\nchanges: ${counts.added} added, ${counts.moved} moved, ${counts.removed} removed; ${outcome.notices.length} notices\n`);
        for (const seat of outcome.released) io.out(`released (had confirmed): ${seat.personId} from ${seat.reviewId}\n`);
        io.out(`written to ${opts.out}: allocation.csv, unfilled.csv, ledger.csv, summary.json, report.html, diff.csv, notices.csv, letters.csv, calendars/\n`);
      }
      context.state.code = 0;
    });
}
