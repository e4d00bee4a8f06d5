import { InvalidArgumentError, type Command } from "commander";
import { parseChanges } from "../../io/read-changes.js";
import { indexYear } from "../../model/year.js";
import { repair, type Change } from "../../repair.js";
import { asOf, dateOption, stepFiles, stepJson, stepOf, stepText, STEP_FILES } from "./season-step.js";
import {
  EXIT,
  jsonOutput,
  InputFailure,
  integer,
  loadAllocationOf,
  loadBytes,
  loadYear,
  progressFor,
  refuseBadOutput,
  SOLVE_FILES,
  writeOutputs,
  seconds,
  timeLimit,
  writtenList,
  type CommandContext,
} from "../shared.js";

interface RepairOptions {
  readonly changes: string;
  readonly out: string;
  readonly maxChanges?: number;
  readonly freezeBefore?: string;
  readonly replyBy?: string;
  readonly seed: number;
  readonly policy?: string;
  readonly releaseStranded?: boolean;
  readonly timeLimit?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** changes.csv, or stop with its problems. */
function loadChanges(file: string, context: CommandContext): { changes: readonly Change[]; rows: readonly number[] } {
  const changes = parseChanges(loadBytes(file, context.io), file === "-" ? "standard input" : file);
  if (!changes.ok) throw new InputFailure(changes.errors);
  return changes.value;
}

async function repairAction({ io, state }: CommandContext, folder: string, file: string, opts: RepairOptions): Promise<void> {
  const started = performance.now();
  refuseBadOutput(opts.out, folder, { names: [...SOLVE_FILES, ...STEP_FILES] });
  const loaded = await loadYear({ io, state }, folder, opts);
  const { allocation } = await loadAllocationOf(loaded.value, file, io, opts);
  const changes = loadChanges(opts.changes, { io, state });
  const when = asOf(io, opts);
  const display = progressFor(io, opts);
  const outcome = await repair(loaded.value, allocation, changes.changes, {
    seed: opts.seed,
    freezeBefore: when.freezeBefore,
    replyBy: when.replyBy,
    ...(opts.releaseStranded ? { releaseStranded: true } : {}),
    ...(opts.maxChanges !== undefined ? { maxChanges: opts.maxChanges } : {}),
    ...timeLimit(opts, started),
    ...(display ? { onProgress: display.update } : {}),
  }).finally(() => display?.stop());
  if (!outcome.ok) {
    const at = (index: number) => ({ file: opts.changes, row: changes.rows[index]! });
    throw new InputFailure(
      outcome.issues.map((issue) =>
        issue.field === "maxChanges"
          ? { code: "bad-value" as const, file: "--max-changes", message: issue.message }
          : issue.field === "freezeBefore"
            ? { code: "bad-value" as const, file: "--freeze-before", message: issue.message }
            : { code: "unknown-reference" as const, ...at(issue.index), column: issue.field, message: issue.message },
      ),
    );
  }
  const step = stepOf(indexYear(outcome.problem), loaded, when, outcome, outcome.start);
  const files = await stepFiles(step);
  writeOutputs(opts.out, files);
  if (opts.json) io.out(jsonOutput(stepJson(step, opts.out)));
  else if (!opts.quiet) io.out(stepText(step, [], `written to ${opts.out}: ${writtenList(files)}`));
  state.code = EXIT.ok;
}

/** `qar repair <year-folder> <allocation> --changes <file> --out <dir>`: re-plan after changes. */
export function registerRepair(program: Command, context: CommandContext): void {
  program
    .command("repair")
    .description(
      "Re-plan an allocation after changes (withdrawals, cancellations, moved reviews): the most seats, then the fewest changed rows, never touching a review that starts before the freeze date; " +
        "writes a complete output folder plus diff.csv, options.csv (the most seats for each number of changes), notices.csv and chase.csv.",
    )
    .argument("<year-folder>", "the year folder (new people and schools are extra rows in its files)")
    .argument("<allocation>", "the published allocation.csv (or results.xlsx)")
    .requiredOption(
      "-c, --changes <file>",
      "changes.csv with columns change,id,value (withdraw,P0193, = the rest of the year · withdraw,P0193,R0412 = that review · cancel,R0412, · move,R0412,2024-03-11); - reads it from standard input",
    )
    .requiredOption("-o, --out <dir>", "folder to write the repaired allocation to")
    .option("-f, --freeze-before <date>", "reviews starting before this date keep their teams exactly (default: today)", dateOption)
    .option("--reply-by <date>", "the date answers are due, in notices and letters (default: two weeks from today)", dateOption)
    .option("-s, --seed <n>", "seed for reproducible results", integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-m, --max-changes <n>", "change at most this many rows (the most seats within them); see options.csv", nonNegative)
    .option("--release-stranded", "release confirmed seats a withdrawal leaves without any possible advanced reviewer, instead of stopping")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best repair so far", seconds)
    .option("--json", "print the summary, the options and the diff as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText(
      "after",
      "\nExamples:\n  qar repair my-year published/allocation.csv --changes changes.csv --out repaired\n  qar repair my-year published/allocation.csv --changes changes.csv --max-changes 8 --out repaired\n  qar repair my-year published/allocation.csv --changes changes.csv --freeze-before 2025-01-20 --out repaired",
    )
    .action((folder: string, file: string, opts: RepairOptions) => repairAction(context, folder, file, opts));
}

/** Option parser: a whole number, 0 or more (`--max-changes`). */
export function nonNegative(value: string): number {
  const n = integer(value);
  if (n < 0) throw new InvalidArgumentError("must be 0 or more");
  return n;
}
