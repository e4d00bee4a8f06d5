import type { Command } from "commander";
import { resolve } from "node:path";
import { checkOutputFolder } from "../../io/out-folder.js";
import { allocationDiff, changeCounts, type SeatChange } from "../../solver/diff.js";
import { EXIT, InputFailure, jsonOutput, loadAllocation, writeOutputs, type CommandContext } from "../shared.js";
import { diffCsv } from "./season-step.js";

interface DiffOptions {
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** One line per change: `moved  peer  P0193  R0412 -> R0415`. */
function changeLine(change: SeatChange): string {
  const where = change.change === "moved" ? `${change.fromReviewId} -> ${change.toReviewId}` : change.change === "added" ? `to ${change.toReviewId}` : `from ${change.fromReviewId}`;
  return `${change.change.padEnd(7)} ${change.role.padEnd(4)} ${change.personId}  ${where}\n`;
}

async function diffAction({ io, state }: CommandContext, before: string, after: string, opts: DiffOptions): Promise<void> {
  if (opts.out !== undefined) {
    if ([before, after].some((input) => input !== "-" && resolve(input) === resolve(opts.out!))) {
      throw new InputFailure([{ code: "bad-output", file: opts.out, column: "--out", message: "is one of the allocations compared; write the differences to another file" }]);
    }
    // An input reached another way (a linked folder, a hard link) is refused too, as issue 29 asks of every output.
    const inputs = [before, after].filter((input) => input !== "-");
    const place = opts.out === "-" ? [] : checkOutputFolder({ out: opts.out, option: "--out", file: true, inputs });
    if (place.length > 0) throw new InputFailure(place);
  }
  const older = await loadAllocation(before, io, opts);
  const newer = await loadAllocation(after, io, opts);
  const diff = allocationDiff(older, newer);
  const counts = changeCounts(diff);
  if (opts.out !== undefined) writeOutputs(opts.out, diffCsv(diff), io);
  if (opts.json) io.out(jsonOutput({ before, after, changes: counts, diff }));
  else if (!opts.quiet && opts.out !== "-") {
    const total = diff.length === 0 ? "no seat changed" : `${diff.length} change${diff.length === 1 ? "" : "s"}: ${counts.added} added, ${counts.moved} moved, ${counts.removed} removed`;
    io.out(`${diff.map(changeLine).join("")}${total}\n`);
  }
  state.code = EXIT.ok;
}

/** `qar diff <before> <after>`: who was added, moved or removed between two allocations. */
export function registerDiff(program: Command, context: CommandContext): void {
  program
    .command("diff")
    .description("Compare two allocations: who was added, moved (from one review to another) or removed, person by person.")
    .argument("<before>", "the earlier allocation: allocation.csv, or a workbook such as results.xlsx (its allocation sheet); - reads standard input")
    .argument("<after>", "the later allocation, in the same forms")
    .option("-o, --out <file>", "also write the changes as diff.csv (change,role,person_id,from_review_id,to_review_id); - for standard output")
    .option("--json", "print the changes as JSON")
    .option("-q, --quiet", "print nothing; the exit code is 0 whether or not anything changed")
    .addHelpText(
      "after",
      "\nExamples:\n  qar diff published/allocation.csv week-2/allocation.csv\n  qar diff published/results.xlsx week-2/results.xlsx --json\n  qar diff old.csv new.csv --out changes/diff.csv",
    )
    .action((before: string, after: string, opts: DiffOptions) => diffAction(context, before, after, opts));
}
