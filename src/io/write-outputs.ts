import type { CheckResult } from "../check.js";
import type { Explanation } from "../explain.js";
import type { Allocation, Withdrawal } from "../model/schema.js";
import type { Seat } from "../season/status.js";
import { formatDay, parseDay } from "../model/dates.js";
import type { Year } from "../model/year.js";
import type { SolveResult } from "../solver/index.js";
import type { InputError } from "../model/errors.js";
import { SCHEMA_VERSION } from "../model/validate.js";
import { toCsv } from "./csv-text.js";
import { optionsSummary } from "./repair-outputs.js";
import { renderReport } from "./report/index.js";
import { seasonFiles, type SeasonFileOptions } from "./write-season.js";
import type { CalendarEvent } from "../season/calendar.js";
import { lettersOf, type Letter } from "../season/letters.js";
import { standbyList, type StandbyRow } from "../plan/standby.js";
import { standbyCsv } from "./write-plan.js";

export const ALLOCATION_COLUMNS = ["review_id", "host_school_id", "start", "end", "role", "person_id", "person_name", "person_school_id", "level", "status", "sequence"] as const;

/** The columns allocation.csv and unfilled.csv add in a year with kinds (see `Year.mixed`): the review's kind and its host trust. */
export const KIND_COLUMNS = ["kind", "host_trust_id"] as const;

/** A review's kind columns, in a year where kinds matter (none otherwise, so a year of QARs keeps its files). */
function kindCells(year: Year, reviewId: string): (string | undefined)[] {
  if (!year.mixed) return [];
  const review = year.reviewById.get(reviewId);
  return [review?.kind.id, review?.host.trust];
}

/**
 * `allocation.csv`: one row per assigned person, reviews in input order, the lead first, with
 * the seat's `status` (`proposed` or `confirmed`) and its calendar `sequence`; then one row per
 * declined or withdrawn seat (status `declined` or `withdrawn`), which fills no seat; then one
 * row per person offered nothing new from a day on (no review, `start` that day; status
 * `withdrawn` for a withdrawal from the rest of the year, `declined` for a decliner not to be
 * asked again). A review of a trust (a TPR) has a
 * blank `host_school_id`; in a year with kinds, `kind` and `host_trust_id` follow.
 */
export function allocationCsv(year: Year, allocation: Allocation): string {
  const row = (entry: Seat, status: string) => {
    const review = year.reviewById.get(entry.reviewId);
    const person = year.people[entry.role].get(entry.personId);
    return [
      entry.reviewId,
      review?.hostSchool?.id,
      review ? formatDay(review.span.from) : undefined,
      review ? formatDay(review.span.to) : undefined,
      entry.role,
      entry.personId,
      person?.name,
      person?.school?.id,
      person?.level,
      status,
      entry.sequence ?? 0,
      ...kindCells(year, entry.reviewId),
    ];
  };
  // A withdrawal from the rest of the year names no review; `start` is the day it takes effect.
  const withdrawal = (w: Withdrawal) => {
    const person = year.people[w.role].get(w.personId);
    return [undefined, undefined, w.from, undefined, w.role, w.personId, person?.name, person?.school?.id, person?.level, w.status ?? "withdrawn", 0, ...(year.mixed ? [undefined, undefined] : [])];
  };
  return toCsv([...ALLOCATION_COLUMNS, ...(year.mixed ? KIND_COLUMNS : [])], [
    ...allocation.assignments.map((a) => row(a, a.status ?? "proposed")),
    ...(allocation.declined ?? []).map((d) => row(d, d.status ?? "declined")),
    ...(allocation.withdrawals ?? []).map(withdrawal),
  ]);
}

/** `unfilled.csv`: one row per review and role with empty seats, with the binding reason (kind columns as in allocation.csv). */
export function unfilledCsv(explanation: Explanation, year?: Year): string {
  const hostSchool = (seat: Explanation["seats"][number]) => (year ? year.reviewById.get(seat.reviewId)?.hostSchool?.id : seat.hostSchoolId);
  return toCsv(
    ["review_id", "host_school_id", "role", "missing", "reason", ...(year?.mixed ? KIND_COLUMNS : [])],
    explanation.seats.map((seat) => [seat.reviewId, hostSchool(seat), seat.role, seat.missing, seat.reason, ...(year ? kindCells(year, seat.reviewId) : [])]),
  );
}

/** `ledger.csv`: each school's reciprocity account. */
export function ledgerCsv(check: CheckResult): string {
  return toCsv(
    ["school_id", "seats_received", "places_sent", "balance"],
    check.ledger.map((row) => [row.schoolId, row.seatsReceived, row.placesSent, row.balance]),
  );
}

/**
 * `trust-ledger.csv`: each trust's reciprocity account, in a year with reviews counted by trust (TPRs).
 *
 * @example if (check.trustLedger.length > 0) files["trust-ledger.csv"] = trustLedgerCsv(check);
 */
export function trustLedgerCsv(check: CheckResult): string {
  return toCsv(
    ["trust_id", "seats_received", "places_sent", "balance"],
    check.trustLedger.map((row) => [row.trustId, row.seatsReceived, row.placesSent, row.balance]),
  );
}

/**
 * `summary.json`: counts, shares, reciprocity, the solver's figures and the input's warnings
 * (listed even when `--quiet` prints none). Its JSON Schema is `schema/result.schema.json`.
 */
export function summaryOf(result: SolveResult, warnings: readonly InputError[] = [], extra: SummaryExtra = {}): Record<string, unknown> {
  const m = result.check.metrics;
  return {
    schemaVersion: SCHEMA_VERSION,
    reviews: m.reviews,
    seats: m.seats,
    filled: m.filled,
    filledShare: round(m.filledShare),
    fullTeams: m.fullTeams,
    fullTeamShare: round(m.fullTeamShare),
    reciprocity: {
      ...m.reciprocity,
      inBalanceShare: round(m.reciprocity.inBalance / Math.max(1, m.reciprocity.schools)),
      meetingCommitmentShare: round(m.reciprocity.meetingCommitment / Math.max(1, m.reciprocity.schools)),
    },
    ...(m.trustReciprocity
      ? {
          trustReciprocity: {
            ...m.trustReciprocity,
            inBalanceShare: round(m.trustReciprocity.inBalance / Math.max(1, m.trustReciprocity.trusts)),
            meetingCommitmentShare: round(m.trustReciprocity.meetingCommitment / Math.max(1, m.trustReciprocity.trusts)),
          },
        }
      : {}),
    phaseMatch: { ...m.phaseMatch, share: round(m.phaseMatch.share) },
    travel: { ...m.travel, totalKm: round(m.travel.totalKm, 1), meanKm: round(m.travel.meanKm, 1) },
    preferences: m.preferences,
    variety: m.variety,
    solver: {
      engine: result.engine,
      status: result.status,
      seed: result.seed,
      stoppedBy: result.stoppedBy,
      iterations: result.iterations,
      bound: result.bound,
      gap: round(result.gap),
      proven: result.proven,
      elapsedMs: Math.round(result.elapsedMs),
    },
    goals: result.goals.map((goal) => ({ ...goal, value: round(goal.value, 1), ...(goal.best !== undefined ? { best: round(goal.best, 1) } : {}) })),
    goalsTier: {
      value: round(result.goalsTier.value, 2),
      ...(result.goalsTier.best !== undefined ? { best: round(result.goalsTier.best, 2), gap: round(result.goalsTier.gap ?? 0) } : {}),
    },
    rejectedPins: result.rejectedPins,
    dropped: result.dropped,
    warnings,
    ...(extra.explanation ? { emptySeats: emptySeatsOf(extra.explanation) } : {}),
    ...(extra.letters ? { letters: { total: extra.letters.length, withoutEmail: extra.letters.filter((l) => l.email === undefined).length } } : {}),
    ...(extra.season ? { season: extra.season } : {}),
    // A repair's trade-off: the most seats for each number of changed rows, the chosen marked.
    ...(result.tradeOff ? { repair: { changes: result.tradeOff.find((o) => o.chosen)?.changes, options: optionsSummary(result.tradeOff, extra.start) } } : {}),
  };
}

/** What `summary.json` adds beside a solve's own figures. */
export interface SummaryExtra {
  /** The explanation of the empty seats: counted by cause (`emptySeats`), so the summary tells the same story as unfilled.csv. */
  readonly explanation?: Explanation;
  /** The letters written: how many, and how many have no e-mail address. */
  readonly letters?: readonly Letter[];
  /** A season step's state (as of when, seats confirmed and awaiting an answer, ...). */
  readonly season?: Readonly<Record<string, unknown>>;
  /** A season step's start (answers and withdrawals in): each option's `disturbed` is counted against it. */
  readonly start?: Allocation;
}

/** The empty seats, by cause (see `SeatCause`): seats, not reviews. */
export function emptySeatsOf(explanation: Explanation): { total: number; byCause: Record<string, number> } {
  const byCause: Record<string, number> = {};
  for (const seat of explanation.seats) byCause[seat.cause] = (byCause[seat.cause] ?? 0) + seat.missing;
  return { total: explanation.seats.reduce((n, seat) => n + seat.missing, 0), byCause };
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** How the output files of a solve or a season step are written. */
export interface OutputOptions extends SeasonFileOptions {
  /** The calendar cancellations of duties removed in a respond or repair step. */
  readonly cancelled?: readonly CalendarEvent[];
  readonly warnings?: readonly InputError[];
  /** The as-of date: reviews before it get no standbys (their teams are kept as they are). */
  readonly freezeBefore?: string;
  /** The year as the user gave it (without the season's pins), for the standby lists; the result's year by default. */
  readonly year?: Year;
  /** `summary.json`'s season block and trade-off start (see `SummaryExtra`). */
  readonly season?: Readonly<Record<string, unknown>>;
  readonly start?: Allocation;
}

/**
 * Every output file of a solve, by name (a calendar is `calendars/<person id>.ics`). Only
 * formats: the year comes with the result, and the explanation of the empty seats
 * (`explain(result.year, result.allocation)`) from the caller, who may also print or return it.
 * A season step adds its calendar cancellations, its as-of date and its state (`options`).
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * const files = solveOutputs(result, explain(result.year, result.allocation));
 * writeOutputFolder("out", files);
 */
export function solveOutputs(result: SolveResult, explanation: Explanation, options: OutputOptions = {}): Record<string, string> {
  const { year, allocation, check } = result;
  const standby = standbyList(options.year ?? year, allocation, options.freezeBefore !== undefined ? { freezeBefore: options.freezeBefore } : {});
  const frozenBefore = options.freezeBefore !== undefined ? parseDay(options.freezeBefore) : undefined;
  const wording = { ...options.wording, ...(frozenBefore !== undefined ? { freezeBefore: frozenBefore } : {}), standby: standbyByPerson(standby) };
  const letters = lettersOf({ year, allocation }, wording);
  const extra = { explanation, letters, ...(options.season ? { season: options.season } : {}), ...(options.start ? { start: options.start } : {}) };
  return {
    "allocation.csv": allocationCsv(year, allocation),
    "unfilled.csv": unfilledCsv(explanation, year),
    "ledger.csv": ledgerCsv(check),
    ...(check.trustLedger.length > 0 ? { "trust-ledger.csv": trustLedgerCsv(check) } : {}),
    "standby.csv": standbyCsv(standby),
    "summary.json": `${JSON.stringify(summaryOf(result, options.warnings, extra), null, 2)}\n`,
    "report.html": renderReport({ year, allocation, check, solve: result, explanation, standby }),
    ...seasonFiles(year, allocation, options.cancelled, { ...options, wording, letters }),
  };
}

/** The reviews each person stands by for (`role:person` → review ids), for their letter. */
function standbyByPerson(rows: readonly StandbyRow[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(`${row.role}:${row.personId}`, [...(map.get(`${row.role}:${row.personId}`) ?? []), row.reviewId]);
  return map;
}
