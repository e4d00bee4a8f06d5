import type { Command } from "commander";
import { join } from "node:path";
import { formatInputError, type InputError } from "../../io/errors.js";
import { readYear, readYearTable } from "../../io/files.js";
import { checkOutputFolder } from "../../io/out-folder.js";
import { movedReviewsCsv, planOutputs } from "../../io/write-plan.js";
import { readTable, stopsTable } from "../../io/read-csv.js";
import { YEAR_FILES } from "../../io/year-files.js";
import type { Problem } from "../../model/problem.js";
import { plan, type PlanResult } from "../../plan/index.js";
import { EXIT, jsonOutput, writeOutputs, type CommandContext, type Io } from "../shared.js";
import { inputErrors } from "./common.js";

/** The files `qar plan` writes (the folder check looks for folders in their way); `--apply` adds reviews.csv. */
const PLAN_FILES = ["weeks.csv", "moves.csv", "plan.html"] as const;
const APPLIED = YEAR_FILES.reviews.file;

interface Options {
  readonly out: string;
  readonly policy?: string;
  readonly apply?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** `reviews.csv` with the moves made, from the year's own reviews table (or from the problem when it has none). */
async function appliedReviews(folder: string, result: PlanResult, problem: Problem): Promise<string | InputError[]> {
  const source = await readYearTable(folder, APPLIED);
  if (source === undefined) return movedReviewsCsv(result.moves, { problem });
  if ("error" in source) return [source.error];
  const read = readTable(source.contents, source.file, YEAR_FILES.reviews);
  if (read.errors.some(stopsTable)) return read.errors;
  return movedReviewsCsv(result.moves, { table: read.table });
}

function summaryOf(out: string, result: PlanResult) {
  return {
    out,
    weeks: result.weeks.length,
    weeksShort: result.weeks.filter((w) => w.shortfall > 0).length,
    weekShortfall: result.weeks.reduce((n, w) => n + w.shortfall, 0),
    seats: result.seats,
    measure: result.measure,
    before: result.before,
    after: result.after,
    moves: result.moves,
  };
}

/** Runs `qar plan`; returns the exit code. */
async function planCommand(io: Io, folder: string, opts: Options): Promise<number> {
  const place = checkOutputFolder({ out: opts.out, protect: [folder], option: "--out", names: [...PLAN_FILES, ...(opts.apply ? [APPLIED] : [])] });
  if (place.length > 0) return inputErrors(io, place, opts);
  const year = await readYear(folder, opts.policy !== undefined ? { policyFile: opts.policy } : {});
  if (!year.ok) return inputErrors(io, year.errors, opts);
  if (!opts.quiet && !opts.json) for (const warning of year.warnings) io.err(`warning: ${formatInputError(warning)}\n`);
  const result = await plan(year.value);
  const files: Record<string, string> = planOutputs(result, `QA Review plan: ${folder}`);
  if (opts.apply) {
    const reviews = await appliedReviews(folder, result, year.value);
    if (typeof reviews !== "string") return inputErrors(io, reviews, opts);
    files[APPLIED] = reviews;
  }
  try {
    writeOutputs(opts.out, files);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === undefined) throw cause;
    const error: InputError = { code: "bad-output", file: opts.out, message: `could not be written (${code}); its earlier files and every other file in it are unchanged` };
    return inputErrors(io, [error]);
  }
  const summary = { ...summaryOf(opts.out, result), ...(opts.apply ? { applied: join(opts.out, APPLIED) } : {}) };
  if (opts.json) io.out(jsonOutput(summary));
  else if (!opts.quiet) {
    const how = result.measure === "exact" ? "exact seat optimum" : "seat bound";
    io.out(
      `${summary.weeks} weeks, ${summary.seats} seats: at most ${summary.before} can be filled at the given dates (${how}); ${summary.weeksShort} weeks prove ${summary.weekShortfall} empty on their own\n` +
        (result.moves.length > 0
          ? `${result.moves.length} date move${result.moves.length === 1 ? "" : "s"} proposed, best first: ${summary.after} seats with all of them\n${result.moves.map((m) => `  ${m.reviewId}: ${m.fromStart} -> ${m.toStart} (+${m.seatsGained})\n`).join("")}`
          : "no date move proposed\n") +
        `written to ${opts.out}: ${Object.keys(files).join(", ")}\n` +
        (opts.apply ? `${APPLIED} there has ${result.moves.length === 0 ? "no move: it is the year's" : `the ${result.moves.length === 1 ? "move" : `${result.moves.length} moves`} made`}; check it, then copy it into the year folder to solve with the new dates\n` : ""),
    );
  }
  return EXIT.ok;
}

/** `qar plan <year> --out DIR`: the weeks of demand and supply, and date moves, before anyone is allocated. */
export function registerPlan(program: Command, { io, state }: CommandContext): void {
  program
    .command("plan")
    .description("Before allocating: write weeks.csv (seats asked, places available and the proven shortfall of each week), moves.csv (date moves inside each review's window that let more seats be filled, best first) and plan.html (the chart of demand against supply by week).")
    .argument("<year-folder>", "the year folder (reviews.csv may have a window column: the dates each school would accept)")
    .requiredOption("-o, --out <dir>", "folder to write weeks.csv, moves.csv and plan.html to (never the year folder)")
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-a, --apply", "also write reviews.csv with the proposed moves made into --out (the year folder is never changed)")
    .option("--json", "print the summary and the moves as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar plan fixtures/years/2018-19 --out plan-2018-19\n  qar plan my-year --out plan --json\n  qar plan my-year --out plan --apply      # plan/reviews.csv: the year's reviews with the moves made")
    .action(async (folder: string, opts: Options) => {
      state.code = await planCommand(io, folder, opts);
    });
}
