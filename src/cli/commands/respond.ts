import type { Command } from "commander";
import type { InputError } from "../../io/errors.js";
import { readResponses } from "../../io/read-responses.js";
import { indexYear } from "../../model/year.js";
import { respond, type RespondIssue } from "../../season/respond.js";
import { applyResponses } from "../../season/responses.js";
import { EXIT, InputFailure, integer, jsonOutput, loadAllocationOf, loadBytes, loadYear, progressFor, refuseBadOutput, seconds, SOLVE_FILES, timeLimit, writeOutputs, writtenList, type CommandContext } from "../shared.js";
import { nonNegative } from "./repair.js";
import { asOf, dateOption, stepFiles, stepJson, stepOf, stepText, STEP_FILES } from "./season-step.js";

interface RespondFlags {
  readonly responses: string;
  readonly out: string;
  readonly freezeBefore?: string;
  readonly replyBy?: string;
  readonly maxChanges?: number;
  readonly reoffer: boolean;
  readonly releaseStranded?: boolean;
  readonly seed: number;
  readonly policy?: string;
  readonly timeLimit?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** An issue of `respond` at its spreadsheet row: in responses.csv or in allocation.csv, or an option. */
function located(issue: RespondIssue, files: { responses: string; allocation: string }, rows: { responses: readonly number[]; allocation: readonly number[] }): InputError {
  if (issue.source === "options") return { code: "bad-value", file: issue.field === "maxChanges" ? "--max-changes" : "--freeze-before", message: issue.message };
  const fromResponses = issue.source === "responses";
  const row = (fromResponses ? rows.responses : rows.allocation)[issue.index];
  return { code: "bad-value", file: fromResponses ? files.responses : files.allocation, ...(row !== undefined ? { row } : {}), column: issue.field, message: issue.message };
}

/**
 * Registers `qar respond <year> <allocation.csv> --responses responses.csv --out DIR`: applies
 * confirmations and declines, refills declined seats with the least change (never before the
 * freeze date), and writes the complete output folder plus diff.csv, options.csv, notices.csv,
 * chase.csv, letters.csv and calendars/.
 */
export function registerRespond(program: Command, context: CommandContext): void {
  program
    .command("respond")
    .description(
      "Apply confirmations and declines to a published allocation: confirmed seats never move, declined seats are refilled with the least change, reviews before the freeze date are never touched, " +
        "and everyone affected gets a notice and an updated calendar; chase.csv lists who has not answered, by school.",
    )
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "the published allocation.csv (with its status column), or results.xlsx")
    .requiredOption("-r, --responses <file>", "responses.csv with columns review_id,person_id,response (confirmed or declined; yes or no)")
    .requiredOption("-o, --out <dir>", "folder to write the new allocation, notices, letters and calendars to")
    .option("-f, --freeze-before <date>", "reviews starting before this date keep their teams exactly (default: today)", dateOption)
    .option("--reply-by <date>", "the date answers are due, in notices and letters (default: two weeks from today)", dateOption)
    .option("-m, --max-changes <n>", "change at most this many rows (the most seats within them); see options.csv", nonNegative)
    .option("--no-reoffer", "leave people who declined without a new offer in this step (they keep the seats they still hold)")
    .option("--release-stranded", "release confirmed seats that cannot be kept (a team left with no possible advanced reviewer) instead of stopping; their people are told")
    .option("-s, --seed <n>", "seed for reproducible results", integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best re-plan so far", seconds)
    .option("--json", "print the summary, the changes and the notices as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText(
      "after",
      "\nExamples:\n  qar respond my-year published/allocation.csv --responses responses.csv --out week-2\n  qar respond my-year week-2/allocation.csv --responses more.csv --out week-3 --no-reoffer --max-changes 10",
    )
    .action(async (folder: string, file: string, opts: RespondFlags) => {
      const started = performance.now();
      const { io } = context;
      refuseBadOutput(opts.out, folder, { names: [...SOLVE_FILES, ...STEP_FILES] });
      const loaded = await loadYear(context, folder, opts);
      // Another year's allocation is refused before any answer is read (the known-people test).
      const published = await loadAllocationOf(loaded.value, file, io, opts);
      const when = asOf(io, opts);
      // Every problem of the responses in one run: the rows that cannot be read, and those that
      // read well but name a seat the allocation does not offer (or one before the freeze date).
      const read = readResponses(loadBytes(opts.responses, io), opts.responses);
      const files = { responses: opts.responses, allocation: file };
      const rows = { responses: read.list.rows, allocation: published.rows };
      const answered = applyResponses(indexYear(loaded.value), published.allocation, read.list.responses, when.freezeBefore);
      const problems = [...read.errors, ...answered.issues.map((issue) => located({ source: "responses", ...issue }, files, rows))];
      if (problems.length > 0) throw new InputFailure(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
      const display = progressFor(io, opts);
      const outcome = await respond(loaded.value, published.allocation, read.list.responses, {
        seed: opts.seed,
        freezeBefore: when.freezeBefore,
        replyBy: when.replyBy,
        ...(opts.maxChanges !== undefined ? { maxChanges: opts.maxChanges } : {}),
        ...(opts.reoffer ? {} : { noReoffer: true }),
        ...(opts.releaseStranded ? { releaseStranded: true } : {}),
        ...timeLimit(opts, started),
        ...(display ? { onProgress: display.update } : {}),
      }).finally(() => display?.stop());
      if (!outcome.ok) throw new InputFailure(outcome.issues.map((issue) => located(issue, files, rows)));
      const year = indexYear(loaded.value);
      const answers = { confirmed: read.list.responses.filter((r) => r.response === "confirmed").length, declined: read.list.responses.filter((r) => r.response === "declined").length };
      const step = stepOf(year, loaded, when, outcome, outcome.answered, { answers: { ...answers, reoffered: opts.reoffer } });
      const written = await stepFiles(step);
      writeOutputs(opts.out, written);
      if (opts.json) io.out(jsonOutput({ ...stepJson(step, opts.out), released: outcome.released }));
      else if (!opts.quiet) {
        const lines = [
          `answers in this round: ${answers.confirmed} confirmed, ${answers.declined} declined${answers.declined > 0 ? (opts.reoffer ? " (decliners may be offered another review; --no-reoffer leaves them be)" : " (decliners are offered nothing new: --no-reoffer)") : ""}`,
          ...outcome.released.map((seat) => `released (had confirmed): ${seat.personId} from ${seat.reviewId}`),
        ];
        io.out(stepText(step, lines, `written to ${opts.out}: ${writtenList(written)}`));
      }
      context.state.code = EXIT.ok;
    });
}
