import { InvalidArgumentError } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { explain, type Explanation, type SeatCause } from "../../explain.js";
import { toCsv } from "../../io/csv-text.js";
import { readDate } from "../../io/read-date.js";
import { chaseCsv, optionsCsv, tradeOffLine } from "../../io/repair-outputs.js";
import { RESULTS_WORKBOOK, resultsWorkbook } from "../../io/results-workbook.js";
import { outputParts, solveOutputs, summaryOf } from "../../io/write-outputs.js";
import { noticesCsv, writingTime } from "../../io/write-season.js";
import { formatDay, parseDay } from "../../model/dates.js";
import type { Pin, Allocation } from "../../model/schema.js";
import type { Year } from "../../model/year.js";
import type { InputError } from "../../io/errors.js";
import type { CalendarEvent } from "../../season/calendar.js";
import type { Letter } from "../../season/letters.js";
import type { Notice } from "../../season/notices.js";
import type { Step } from "../../season/step.js";
import { allFrozen, chaseList, disturbed, seasonCounts } from "../../season/summary.js";
import { changeCounts, type SeatChange } from "../../solver/diff.js";
import type { SolveResult } from "../../solver/index.js";
import type { RepairOption } from "../../solver/steps/trade-off.js";
import { summaryTable } from "../../io/terminal.js";
import type { Io } from "../shared.js";

// What `qar repair` and `qar respond` share: the as-of date and the reply-by date, the files of
// a season step, and its summary in the users' words.

/** Days people get to answer an offer when `--reply-by` is not given. */
export const REPLY_DAYS = 14;

/** Option parser for a date (`--freeze-before`, `--reply-by`): any form a year's files may use, as ISO. */
export function dateOption(value: string): string {
  const read = readDate(value);
  if ("problem" in read) throw new InvalidArgumentError(`${read.problem}; write the date as YYYY-MM-DD`);
  return read.iso;
}

/** The run's clock: `SOURCE_DATE_EPOCH` when set (tests, archived runs), else now; and its day. */
export function runClock(io: Io): { readonly now: Date; readonly today: string } {
  const now = writingTime(io.env ?? process.env);
  return { now, today: now.toISOString().slice(0, 10) };
}

/** As of when a season step runs: its freeze date, its reply-by date, where each came from, and DTSTAMP. */
export interface AsOf {
  readonly freezeBefore: string;
  /** True when `--freeze-before` was not given: today's date. */
  readonly freezeDefaulted: boolean;
  readonly replyBy: string;
  readonly replyByDefaulted: boolean;
  readonly stamp: Date;
}

/**
 * The as-of date of a step: `--freeze-before`, or today (a dropout handled in January must not
 * re-plan September; an explicit early date re-opens the past on purpose); answers due by
 * `--reply-by`, or two weeks from today.
 */
export function asOf(io: Io, opts: { readonly freezeBefore?: string; readonly replyBy?: string }): AsOf {
  const { now, today } = runClock(io);
  return {
    freezeBefore: opts.freezeBefore ?? today,
    freezeDefaulted: opts.freezeBefore === undefined,
    replyBy: opts.replyBy ?? formatDay(parseDay(today)! + REPLY_DAYS),
    replyByDefaulted: opts.replyBy === undefined,
    stamp: now,
  };
}

/** The as-of line of the summary: `as of 2025-01-20 (today; --freeze-before changes it): 40 of 120 reviews start before it and are kept as they are`. */
export function asOfLine(when: AsOf, year: Year, frozen: number): string {
  const source = when.freezeDefaulted ? "today; --freeze-before DATE changes it" : "--freeze-before";
  const all = allFrozen(year, when.freezeBefore) ? "; every review starts before it, so nothing can change (give an earlier --freeze-before to re-open the past on purpose)" : "";
  return `as of ${when.freezeBefore} (${source}): ${frozen} of ${year.reviews.length} reviews start before it and are kept as they are${all}`;
}

const CAUSE_WORDS: Readonly<Record<SeatCause, string>> = {
  frozen: "on reviews before the freeze date, kept as they are",
  pin: "held for pins that could not be honoured",
  rule: "nobody the rules allow, or everyone left declined",
  composition: "only people a team composition cap rules out",
  busy: "everyone eligible is busy or at their maximum",
  advanced: "the team needs an advanced reviewer first",
  fuller: "a fuller plan exists (qar explain)",
  unexplained: "not explained within the time limit (qar explain)",
};

/** The empty seats by reason, one phrase each, the same reasons as unfilled.csv and qar explain. */
export function emptySeatsLine(explanation: Explanation): string {
  const byCause = new Map<SeatCause, number>();
  for (const seat of explanation.seats) byCause.set(seat.cause, (byCause.get(seat.cause) ?? 0) + seat.missing);
  const total = [...byCause.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return "empty seats: none";
  const parts = [...byCause].sort((a, b) => b[1] - a[1]).map(([cause, n]) => `${n} ${CAUSE_WORDS[cause]}`);
  return `empty seats: ${total} (${parts.join("; ")}); unfilled.csv and qar explain give each one's reason`;
}

/** What a step is told: the year as the user gave it, the result, the outcome's parts. */
export interface StepInput {
  readonly year: Year;
  readonly userPins: readonly Pin[];
  readonly result: SolveResult;
  readonly explanation: Explanation;
  readonly when: AsOf;
  readonly frozen: readonly string[];
  readonly diff: readonly SeatChange[];
  readonly notices: readonly Notice[];
  readonly cancelled: readonly CalendarEvent[];
  readonly options: readonly RepairOption[];
  /** The allocation with the answers and withdrawals in: what the step's changes disturb. */
  readonly start: Allocation;
  readonly changes: number;
  readonly warnings: readonly InputError[];
  /** The step's own counts for summary.json (`answers` of a respond). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** What a respond or repair outcome gives a step. */
interface StepOutcome extends Step {
  readonly result: SolveResult;
  readonly frozen: readonly string[];
  readonly options: readonly RepairOption[];
  readonly changes: number;
}

/**
 * A step from its outcome: the year as the user gave it (changes applied), its pins and
 * warnings, the as-of date, and the allocation the changes are counted against; the empty seats
 * explained as of that date.
 */
export function stepOf(year: Year, loaded: { readonly value: { readonly pins: readonly Pin[] }; readonly warnings: readonly InputError[] }, when: AsOf, outcome: StepOutcome, start: Allocation, extra?: Readonly<Record<string, unknown>>): StepInput {
  const { result, frozen, diff, notices, cancelled, options, changes } = outcome;
  return {
    year,
    userPins: loaded.value.pins,
    result,
    explanation: explain(year, result.allocation, { freezeBefore: when.freezeBefore }),
    when,
    frozen,
    diff,
    notices,
    cancelled,
    options,
    start,
    changes,
    warnings: loaded.warnings,
    ...(extra ? { extra } : {}),
  };
}

const DIFF_COLUMNS = ["change", "role", "person_id", "from_review_id", "to_review_id"];
/** `diff.csv`: who was added, moved or removed (repair and respond write it alike). */
export const diffCsv = (diff: readonly SeatChange[]) => toCsv(DIFF_COLUMNS, diff.map((d) => [d.change, d.role, d.personId, d.fromReviewId, d.toReviewId]));

/** The files a season step adds to the solve's. */
export const STEP_FILES = ["diff.csv", "options.csv", "notices.csv", "chase.csv"] as const;

/** The season block of summary.json: as of when, where the answers stand, and whom the step disturbed. */
function seasonBlock(step: StepInput): Record<string, unknown> {
  const snapshot = { year: step.result.year, allocation: step.result.allocation };
  const moved = disturbed(step.start, step.result.allocation).filter((a) => step.result.year.reviewById.has(a.reviewId));
  return {
    freezeBefore: step.when.freezeBefore,
    freezeBeforeFrom: step.when.freezeDefaulted ? "today" : "option",
    frozenReviews: step.frozen.length,
    replyBy: step.when.replyBy,
    ...seasonCounts(snapshot, step.when.freezeBefore),
    disturbed: moved.length,
    changedRows: step.changes,
    notices: step.notices.length,
    ...step.extra,
  };
}

/**
 * Every file of a season step: the solve's (with the as-of date), diff.csv, options.csv,
 * notices.csv, chase.csv and results.xlsx (with the step's letters and notices).
 */
export async function stepFiles(step: StepInput): Promise<Record<string, string | Uint8Array>> {
  const { result, when } = step;
  const replyBy = parseDay(when.replyBy)!;
  const options = {
    cancelled: step.cancelled,
    warnings: step.warnings,
    stamp: when.stamp,
    wording: { replyBy },
    freezeBefore: when.freezeBefore,
    year: step.year,
    season: seasonBlock(step),
    start: step.start,
  };
  const parts = outputParts(result, options);
  return {
    ...solveOutputs(result, step.explanation, options, parts),
    "diff.csv": diffCsv(step.diff),
    "options.csv": optionsCsv(step.options, step.start),
    "notices.csv": noticesCsv(step.notices),
    "chase.csv": chaseCsv(chaseList({ year: result.year, allocation: result.allocation }, when.freezeBefore)),
    [RESULTS_WORKBOOK]: await resultsWorkbook({ ...result, explanation: step.explanation, letters: parts.letters, notices: step.notices }),
  };
}

/** The step's summary for `--json`. */
export function stepJson(step: StepInput, out: string): Record<string, unknown> {
  const counts = changeCounts(step.diff);
  const summary = summaryOf(step.result, step.warnings, { explanation: step.explanation, season: seasonBlock(step), start: step.start });
  return { out, diff: step.diff, changes: counts, changedRows: step.changes, notices: step.notices.length, frozen: step.frozen, ...summary };
}

/** The step's summary on the terminal, in the users' words. */
export function stepText(step: StepInput, lines: readonly string[], written: string): string {
  const { result, when } = step;
  const counts = changeCounts(step.diff);
  const state = seasonCounts({ year: result.year, allocation: result.allocation }, when.freezeBefore);
  const moved = disturbed(step.start, result.allocation).filter((a) => result.year.reviewById.has(a.reviewId)).length;
  const gaveUp = [
    state.declined > 0 ? `${state.declined} declined` : "",
    state.withdrawn > 0 ? `${state.withdrawn} withdrawn` : "",
    state.withdrawals > 0 ? `${state.withdrawals} ${state.withdrawals === 1 ? "person" : "people"} withdrawn from the rest of the year` : "",
    state.askedNoMore > 0 ? `${state.askedNoMore} ${state.askedNoMore === 1 ? "decliner" : "decliners"} to be offered nothing more this year` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const withoutEmail = new Set(step.notices.filter((n) => n.email === undefined).map((n) => `${n.recipientType}:${n.recipientId}`)).size;
  return [
    summaryTable(result.check, result, { step: true, userPins: step.userPins, fuller: step.explanation.seats.filter((e) => e.cause === "fuller").reduce((n, e) => n + e.missing, 0) }),
    "",
    asOfLine(when, result.year, step.frozen.length),
    ...lines,
    `seats: ${state.confirmed} confirmed, ${state.awaitingAnswer} awaiting an answer${state.toChase > 0 ? ` (${state.toChase} people to chase: chase.csv, by school)` : ""}${gaveUp ? `; ${gaveUp}` : ""}`,
    `changes: ${step.changes} rows (${counts.added} added, ${counts.moved} moved, ${counts.removed} removed); ${moved} ${moved === 1 ? "person" : "people"} moved or taken off without asking for it (disturbed in options.csv)`,
    `options: ${tradeOffLine(step.options)} (options.csv)`,
    emptySeatsLine(step.explanation),
    `notices: ${step.notices.length} (notices.csv; answers due by ${when.replyBy}${when.replyByDefaulted ? ", two weeks from today; --reply-by changes it" : ""})${withoutEmail > 0 ? `; warning: ${withoutEmail} recipient${withoutEmail === 1 ? " has" : "s have"} no e-mail address (the email column of reviewers.csv, leads.csv and schools.csv)` : ""}`,
    written,
    "",
  ].join("\n");
}

/**
 * The freeze date to explain an allocation as of: `--freeze-before`, else the one the step that
 * wrote it used (`season.freezeBefore` of the summary.json beside it), so that `qar explain` and
 * `qar report` give the same reasons as that step's unfilled.csv; else none.
 */
export function recordedFreeze(file: string, given: string | undefined): { readonly freezeBefore?: string; readonly source: string } {
  if (given !== undefined) return { freezeBefore: given, source: "--freeze-before" };
  if (file === "-") return { source: "" };
  const summary = join(dirname(file), "summary.json");
  if (!existsSync(summary)) return { source: "" };
  try {
    const recorded = (JSON.parse(readFileSync(summary, "utf8")) as { season?: { freezeBefore?: unknown } }).season?.freezeBefore;
    return typeof recorded === "string" && parseDay(recorded) !== undefined ? { freezeBefore: recorded, source: `the freeze date in ${summary}; --freeze-before changes it` } : { source: "" };
  } catch {
    // A summary.json that is not ours (or not JSON) says nothing about a freeze.
    return { source: "" };
  }
}

/** The letters in one line: how many, when answers are due, and a warning for those with no e-mail address. */
export function lettersLine(letters: readonly Letter[], when: AsOf): string {
  const missing = letters.filter((l) => l.email === undefined).length;
  const due = `answers due by ${when.replyBy}${when.replyByDefaulted ? " (two weeks from today; --reply-by changes it)" : ""}`;
  const warning = missing > 0 ? `; warning: ${missing} ${missing === 1 ? "has" : "have"} no e-mail address (the email column of reviewers.csv, leads.csv and schools.csv)` : "";
  return `letters: ${letters.length} in letters.csv, ${due}${warning}`;
}
