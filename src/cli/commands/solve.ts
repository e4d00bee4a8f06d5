import type { Command } from "commander";
import { explain } from "../../explain.js";
import { RESULTS_WORKBOOK, resultsWorkbook } from "../../io/results-workbook.js";
import { summaryTable } from "../../io/terminal.js";
import { outputParts, solveOutputs, summaryOf } from "../../io/write-outputs.js";
import { parseDay } from "../../model/dates.js";
import { ENGINE_NAMES, isEngineName, unknownEngine } from "../../solver/engines/index.js";
import { solve } from "../../solver/index.js";
import { asOf, dateOption, lettersLine } from "./season-step.js";
import { reachWarnings, reciprocityReach } from "../../years/reach.js";
import { shortageSheet } from "../../plan/shortage.js";
import { solveInWorker } from "../../worker/solve-in-worker.js";
import { baselineMs, EXIT, jsonOutput, InputFailure, integer, loadYear, outputReserveMs, printSome, progressFor, refuseBadOutput, seconds, setUpClock, SOLVE_FILES, timeLimit, writeOutputs, writtenList, type CommandContext } from "../shared.js";

interface SolveOptions {
  readonly out: string;
  readonly seed: number;
  readonly policy?: string;
  readonly engine: string;
  readonly timeLimit?: number;
  readonly replyBy?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly comparePublished?: boolean;
}

async function solveAction({ io, state }: CommandContext, folder: string, opts: SolveOptions): Promise<void> {
  const started = performance.now();
  const setUp = setUpClock();
  refuseBadOutput(opts.out, folder, { names: SOLVE_FILES });
  const engine = opts.engine;
  if (!isEngineName(engine)) throw new InputFailure([{ code: "bad-value", file: "--engine", message: unknownEngine(engine) }]);
  const loaded = await loadYear({ io, state }, folder, opts);
  const display = progressFor(io, opts);
  // The limit covers the whole run: the outputs' share is kept back from the solver. On a
  // terminal the solve runs in a worker thread: this one keeps the display moving (and answers
  // Ctrl-C) whatever the solver is doing. The allocation is the same either way.
  const run = display?.live ? solveInWorker : solve;
  const clock = setUp();
  const reserve = outputReserveMs(loaded.value, clock);
  const result = await run(loaded.value, {
    seed: opts.seed,
    engine,
    ...timeLimit(opts, started, reserve, baselineMs(loaded.value, clock)),
    ...(display ? { onProgress: display.update } : {}),
  }).finally(() => display?.stop());
  const when = asOf(io, opts);
  const reach = reciprocityReach(result.year);
  if (!opts.quiet && !opts.json) printSome(io, reachWarnings(result.year, reach), "schools that cannot meet their reciprocity target");
  // The analyses of the empty seats (the shortage sheet, explain, standby lists) use what the
  // solver left of the limit before the outputs' reserve, and give way to writing the
  // allocation: on a year of 4,250 reviews with many empty seats they take minutes (the files
  // say what was not done).
  const deadline = opts.timeLimit !== undefined ? started + opts.timeLimit * 1000 - reserve : Infinity;
  const shouldStop = () => performance.now() >= deadline;
  const shortage = await shortageSheet(result.year, result.allocation, { bound: result.bound, shouldStop });
  const explanation = explain(result.year, result.allocation, { shouldStop });
  if (!opts.quiet && !opts.json && (shortage.skipped || explanation.seats.some((seat) => seat.cause === "unexplained"))) {
    io.err(`warning: --time-limit ${opts.timeLimit} s was reached before every empty seat was explained and the shortage sheet measured; qar explain explains them, a longer limit measures both\n`);
  }
  const options = { warnings: loaded.warnings, stamp: when.stamp, wording: { replyBy: parseDay(when.replyBy)! }, reach, shortage, shouldStop, ...(opts.comparePublished ? { comparePublished: true } : {}) };
  const parts = outputParts(result, options);
  const { letters } = parts;
  const files = { ...solveOutputs(result, explanation, options, parts), [RESULTS_WORKBOOK]: await resultsWorkbook({ ...result, explanation, letters, reach }) };
  writeOutputs(opts.out, files, io);
  const total = (performance.now() - started) / 1000;
  if (opts.timeLimit !== undefined && total > opts.timeLimit * 1.05 && !opts.quiet && !opts.json) {
    io.err(`warning: the run took ${total.toFixed(1)} s, beyond --time-limit ${opts.timeLimit} s: reading, solving to the first allocation and writing the outputs of this year take that long here\n`);
  }
  if (opts.json) io.out(jsonOutput({ out: opts.out, ...summaryOf(result, loaded.warnings, { explanation, letters }) }));
  else if (!opts.quiet) io.out(`${summaryTable(result.check, result, { fuller: explanation.seats.filter((e) => e.cause === "fuller").reduce((n, e) => n + e.missing, 0) })}\n\n${lettersLine(letters, when)}\nwritten to ${opts.out}: ${writtenList(files)}\n`);
  state.code = EXIT.ok;
}

/** `qar solve <year-folder> --out <dir>`: allocate a year and write its output folder. */
export function registerSolve(program: Command, context: CommandContext): void {
  program
    .command("solve")
    .description("Allocate every review of a year folder and write allocation.csv, unfilled.csv, shortage.csv (what would fill the empty seats), ledger.csv, summary.json, report.html and results.xlsx (the tables as one workbook).")
    .argument("<year-folder>", "folder with schools.csv, reviewers.csv, leads.csv, reviews.csv (and optional policy.json), or an .xlsx workbook with those sheets")
    .requiredOption("-o, --out <dir>", "folder to write the results to (never the year folder)")
    .option("-s, --seed <n>", "seed for reproducible results", integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-e, --engine <name>", `engine: ${ENGINE_NAMES.join(", ")}`, "auto")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best allocation so far", seconds)
    .option("--reply-by <date>", "the date answers are due, in letters.csv (default: two weeks from today)", dateOption)
    .option("--compare-published", "show the partnership's published figures (2017-18, 2018-19, 2023-24) in the report: only for a year of that partnership")
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText(
      "after",
      `
Examples:
  qar solve fixtures/years/2018-19 --out out/2018-19
  qar solve my-year --out results --seed 7 --policy strict-policy.json
  qar solve my-year --out results --time-limit 30 --json`,
    )
    .action((folder: string, opts: SolveOptions) => solveAction(context, folder, opts));
}
