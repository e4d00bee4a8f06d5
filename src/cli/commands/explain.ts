import type { Command } from "commander";
import { emptySeatCounts } from "../../check.js";
import { explain, type Explanation, type SeatExplanation } from "../../explain.js";
import { emptySeatsInWords } from "../../io/words.js";
import { emptySeatsOf } from "../../io/write-outputs.js";
import { indexYear, type Year } from "../../model/year.js";
import { EXIT, jsonOutput, loadAllocationOf, loadYear, type CommandContext } from "../shared.js";
import { dateOption, recordedFreeze } from "./season-step.js";

interface ExplainOptions {
  readonly freezeBefore?: string;
  readonly policy?: string;
  readonly quiet?: boolean;
  readonly json?: boolean;
}

/** One entry per review and role with empty seats, headed by its review id, never truncated. */
function seatText(seat: SeatExplanation): string {
  const what = seat.role === "lead" ? "Lead Reviewer seat" : `peer seat${seat.missing === 1 ? "" : "s"}`;
  return [
    `${seat.reviewId} (host ${seat.hostSchoolId}): ${seat.missing} ${what} empty\n`,
    `  why: ${seat.reason}\n`,
    `  funnel: ${seat.funnel.map((step) => `${step.rule} ${step.remaining}`).join(" > ")}\n`,
    ...seat.remedies.map((remedy) => `  would fill it: ${remedy}\n`),
  ].join("");
}

function explanationText(year: Year, explanation: Explanation): string {
  const certificates = explanation.certificates.map(
    (c) => `\nshortage certificate (${c.unit === "teams" ? "advanced reviewers" : c.role}): ${c.summary}\n  reviews: ${c.reviewIds.join(", ")}\n`,
  );
  const total = emptySeatsInWords(emptySeatCounts(year, explanation.seats));
  return `${explanation.seats.map(seatText).join("")}${certificates.join("")}${total}\n`;
}

async function explainAction({ io, state }: CommandContext, folder: string, file: string, opts: ExplainOptions): Promise<void> {
  const loaded = await loadYear({ io, state }, folder, opts);
  const year = indexYear(loaded.value);
  const freeze = recordedFreeze(file, opts.freezeBefore);
  const explanation = explain(year, (await loadAllocationOf(year, file, io, opts)).allocation, freeze.freezeBefore !== undefined ? { freezeBefore: freeze.freezeBefore } : {});
  const asOf = freeze.freezeBefore !== undefined ? `as of ${freeze.freezeBefore} (${freeze.source}): reviews starting before it are kept as they are\n` : "";
  // The one count of empty seats, by review and by reason: summary.json's `emptySeats`.
  const counts = { ...emptySeatCounts(year, explanation.seats), ...emptySeatsOf(explanation) };
  io.out(opts.json ? jsonOutput({ ...(freeze.freezeBefore !== undefined ? { freezeBefore: freeze.freezeBefore } : {}), ...explanation, counts }) : `${asOf}${explanationText(year, explanation)}`);
  state.code = EXIT.ok;
}

/** `qar explain <year-folder> <allocation>`: why each empty seat is empty, and what would fill it. */
export function registerExplain(program: Command, context: CommandContext): void {
  program
    .command("explain")
    .description(
      "Explain every unfilled seat of an allocation: the candidate funnel rule by rule, the binding reason, what would fill it, " +
        "and any certificate that the year cannot be fully staffed.",
    )
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "allocation.csv, or a workbook (.xlsx, .ods) with an allocation sheet; - reads it from standard input")
    .option("-f, --freeze-before <date>", "explain as of this date: reviews starting before it are kept as they are (default: the date the step that wrote the allocation used, from the summary.json beside it)", dateOption)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("--json", "print the explanations as JSON")
    .option("-q, --quiet", "print no warnings about the input (the explanation is still printed)")
    .addHelpText(
      "after",
      "\nExamples:\n  qar explain fixtures/years/short out/short/allocation.csv\n  qar explain my-year results/allocation.csv --json > why.json",
    )
    .action((folder: string, file: string, opts: ExplainOptions) => explainAction(context, folder, file, opts));
}
