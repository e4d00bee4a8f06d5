import { InvalidArgumentError, type Command } from "commander";
import { explain } from "../../explain.js";
import { toCsv } from "../../io/csv-text.js";
import { parseChanges } from "../../io/read-changes.js";
import { optionsCsv, tradeOffLine } from "../../io/repair-outputs.js";
import { summaryTable } from "../../io/terminal.js";
import { solveOutputs, summaryOf } from "../../io/write-outputs.js";
import { noticesCsv } from "../../io/write-season.js";
import { repair, type Change } from "../../repair.js";
import type { SeatChange } from "../../solver/diff.js";
import {
  EXIT,
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

const DIFF_COLUMNS = ["change", "role", "person_id", "from_review_id", "to_review_id"];
/** `diff.csv`: who was added, moved or removed (repair and respond write it alike). */
export const diffCsv = (diff: readonly SeatChange[]) => toCsv(DIFF_COLUMNS, diff.map((d) => [d.change, d.role, d.personId, d.fromReviewId, d.toReviewId]));

async function repairAction({ io, state }: CommandContext, folder: string, file: string, opts: RepairOptions): Promise<void> {
  const started = performance.now();
  refuseBadOutput(opts.out, folder, { names: [...SOLVE_FILES, "diff.csv", "options.csv", "notices.csv", "letters.csv"] });
  const loaded = await loadYear({ io, state }, folder, opts);
  const { allocation } = loadAllocationOf(loaded.value, file, io);
  const changes = loadChanges(opts.changes, { io, state });
  const display = progressFor(io, opts);
  const outcome = await repair(loaded.value, allocation, changes.changes, {
    seed: opts.seed,
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
          : { code: "unknown-reference" as const, ...at(issue.index), column: issue.field, message: issue.message },
      ),
    );
  }
  const { result, diff } = outcome;
  const files = {
    ...solveOutputs(result, explain(result.year, result.allocation), { cancelled: outcome.cancelled, warnings: loaded.warnings }),
    "diff.csv": diffCsv(diff),
    "options.csv": optionsCsv(outcome.options),
    "notices.csv": noticesCsv(outcome.notices),
  };
  writeOutputs(opts.out, files);
  const counts = { added: 0, moved: 0, removed: 0 };
  for (const d of diff) counts[d.change] += 1;
  if (opts.json) io.out(`${JSON.stringify({ out: opts.out, diff, changes: counts, changedRows: outcome.changes, ...summaryOf(result, loaded.warnings) }, null, 2)}\n`);
  else if (!opts.quiet) {
    const changed = `changes: ${outcome.changes} rows (${counts.added} added, ${counts.moved} moved, ${counts.removed} removed)`;
    io.out(`${summaryTable(result.check, result)}\n\n${changed}\noptions: ${tradeOffLine(outcome.options)}\nwritten to ${opts.out}: ${writtenList(files)}\n`);
  }
  state.code = EXIT.ok;
}

/** `qar repair <year-folder> <allocation> --changes <file> --out <dir>`: re-plan after changes. */
export function registerRepair(program: Command, context: CommandContext): void {
  program
    .command("repair")
    .description(
      "Re-plan an allocation after changes (withdrawals, cancellations, moved reviews): the most seats, then the fewest changed rows; " +
        "writes a complete output folder plus diff.csv and options.csv (the most seats for each number of changes).",
    )
    .argument("<year-folder>", "the year folder (new people and schools are extra rows in its files)")
    .argument("<allocation>", "the published allocation.csv")
    .requiredOption("-c, --changes <file>", "changes.csv with columns change,id,value (withdraw,P0193, · cancel,R0412, · move,R0412,2024-03-11); - reads it from standard input")
    .requiredOption("-o, --out <dir>", "folder to write the repaired allocation to")
    .option("-s, --seed <n>", "seed for reproducible results", integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-m, --max-changes <n>", "change at most this many rows (the most seats within them); see options.csv", (value: string) => {
      const n = integer(value);
      if (n < 0) throw new InvalidArgumentError("must be 0 or more");
      return n;
    })
    .option("--release-stranded", "release confirmed seats a withdrawal leaves without any possible advanced reviewer, instead of stopping")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best repair so far", seconds)
    .option("--json", "print the summary, the options and the diff as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar repair my-year published/allocation.csv --changes changes.csv --out repaired\n  qar repair my-year published/allocation.csv --changes changes.csv --max-changes 8 --out repaired")
    .action((folder: string, file: string, opts: RepairOptions) => repairAction(context, folder, file, opts));
}
