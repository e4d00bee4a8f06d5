import type { Command } from "commander";
import { formatInputError, type InputError } from "../../io/errors.js";
import { readYear } from "../../io/files.js";
import { checkOutputFolder } from "../../io/out-folder.js";
import { planOutputs } from "../../io/write-plan.js";
import { plan, type PlanResult } from "../../plan/index.js";
import { EXIT, jsonOutput, writeOutputs, type CommandContext, type Io } from "../shared.js";
import { inputErrors } from "./common.js";

/** The files `qar plan` writes (the folder check looks for folders in their way). */
const PLAN_FILES = ["weeks.csv", "moves.csv", "plan.html"] as const;

interface Options {
  readonly out: string;
  readonly policy?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
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
  const place = checkOutputFolder({ out: opts.out, protect: [folder], option: "--out", names: PLAN_FILES });
  if (place.length > 0) return inputErrors(io, place, opts);
  const year = await readYear(folder, opts.policy !== undefined ? { policyFile: opts.policy } : {});
  if (!year.ok) return inputErrors(io, year.errors, opts);
  if (!opts.quiet && !opts.json) for (const warning of year.warnings) io.err(`warning: ${formatInputError(warning)}\n`);
  const result = await plan(year.value);
  try {
    writeOutputs(opts.out, planOutputs(result, `QA Review plan: ${folder}`));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === undefined) throw cause;
    const error: InputError = { code: "bad-output", file: opts.out, message: `could not be written (${code}); its earlier files and every other file in it are unchanged` };
    return inputErrors(io, [error]);
  }
  const summary = summaryOf(opts.out, result);
  if (opts.json) io.out(jsonOutput(summary));
  else if (!opts.quiet) {
    const how = result.measure === "exact" ? "exact seat optimum" : "seat bound";
    io.out(
      `${summary.weeks} weeks, ${summary.seats} seats: at most ${summary.before} can be filled at the given dates (${how}); ${summary.weeksShort} weeks prove ${summary.weekShortfall} empty on their own\n` +
        (result.moves.length > 0
          ? `${result.moves.length} date move${result.moves.length === 1 ? "" : "s"} proposed, best first: ${summary.after} seats with all of them\n${result.moves.map((m) => `  ${m.reviewId}: ${m.fromStart} -> ${m.toStart} (+${m.seatsGained})\n`).join("")}`
          : "no date move proposed\n") +
        `written to ${opts.out}: ${PLAN_FILES.join(", ")}\n`,
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
    .option("--json", "print the summary and the moves as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar plan fixtures/years/2018-19 --out plan-2018-19\n  qar plan my-year --out plan --json")
    .action(async (folder: string, opts: Options) => {
      state.code = await planCommand(io, folder, opts);
    });
}
