import type { Command } from "commander";
import { explain } from "../../explain.js";
import { summaryTable } from "../../io/terminal.js";
import { solveOutputs, summaryOf } from "../../io/write-outputs.js";
import { ENGINES, solve } from "../../solver/index.js";
import { solveInWorker } from "../../worker/solve-in-worker.js";
import { EXIT, InputFailure, integer, loadYear, progressFor, refuseBadOutput, seconds, SOLVE_FILES, timeLimit, writeOutputs, writtenList, type CommandContext } from "../shared.js";

interface SolveOptions {
  readonly out: string;
  readonly seed: number;
  readonly policy?: string;
  readonly engine: string;
  readonly timeLimit?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const ENGINE_NAMES = `auto, ${Object.keys(ENGINES).join(", ")}`;

async function solveAction({ io, state }: CommandContext, folder: string, opts: SolveOptions): Promise<void> {
  const started = performance.now();
  refuseBadOutput(opts.out, folder, { names: SOLVE_FILES });
  if (opts.engine !== "auto" && !(opts.engine in ENGINES)) {
    throw new InputFailure([{ code: "bad-value", file: "--engine", message: `unknown engine "${opts.engine}"; use ${ENGINE_NAMES}` }]);
  }
  const loaded = await loadYear({ io, state }, folder, opts);
  const display = progressFor(io, opts);
  // On a terminal the solve runs in a worker thread: this one keeps the display moving (and
  // answers Ctrl-C) whatever the solver is doing. The allocation is the same either way.
  const run = display?.live ? solveInWorker : solve;
  const result = await run(loaded.value, {
    seed: opts.seed,
    engine: opts.engine,
    ...timeLimit(opts, started),
    ...(display ? { onProgress: display.update } : {}),
  }).finally(() => display?.stop());
  const files = solveOutputs(result, explain(result.year, result.allocation), { warnings: loaded.warnings });
  writeOutputs(opts.out, files);
  if (opts.json) io.out(`${JSON.stringify({ out: opts.out, ...summaryOf(result, loaded.warnings) }, null, 2)}\n`);
  else if (!opts.quiet) io.out(`${summaryTable(result.check, result)}\n\nwritten to ${opts.out}: ${writtenList(files)}\n`);
  state.code = EXIT.ok;
}

/** `qar solve <year-folder> --out <dir>`: allocate a year and write its output folder. */
export function registerSolve(program: Command, context: CommandContext): void {
  program
    .command("solve")
    .description("Allocate every review of a year folder and write allocation.csv, unfilled.csv, ledger.csv, summary.json and report.html.")
    .argument("<year-folder>", "folder with schools.csv, reviewers.csv, leads.csv, reviews.csv (and optional policy.json), or an .xlsx workbook with those sheets")
    .requiredOption("-o, --out <dir>", "folder to write the results to (never the year folder)")
    .option("-s, --seed <n>", "seed for reproducible results", integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-e, --engine <name>", `engine: ${ENGINE_NAMES}`, "auto")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best allocation so far", seconds)
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
