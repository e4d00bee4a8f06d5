import { emptySeatCounts, type CheckResult } from "../check.js";
import type { Explanation } from "../explain.js";
import type { Allocation, Withdrawal } from "../model/schema.js";
import type { Seat } from "../season/status.js";
import { formatDay, parseDay } from "../model/dates.js";
import type { Year } from "../model/year.js";
import type { SolveResult } from "../solver/index.js";
import type { InputError } from "../model/errors.js";
import { SCHEMA_VERSION } from "../model/validate.js";
import { ALLOCATION_COLUMNS, KIND_COLUMNS } from "./allocation-file.js";
import { tableCsv, type Table } from "./csv-text.js";
import { optionsSummary } from "./repair-outputs.js";
import { renderReport } from "./report/index.js";
import { seasonFiles, type SeasonFileOptions } from "./write-season.js";
import { hubFiles } from "./hub-files.js";
import type { CalendarEvent } from "../season/calendar.js";
import { lettersOf, type Letter, type LetterWording } from "../season/letters.js";
import { standbyList, type StandbyRow } from "../plan/standby.js";
import { standbyCsv } from "./write-plan.js";
import { reachWarnings, reciprocityReach, type SchoolReach } from "../years/reach.js";
import { shortageWithoutMoves, type Shortage } from "../plan/shortage.js";
import { whoLosesOut, type WhoLosesOut } from "../plan/who-loses-out.js";
import { schoolsWithoutTeamCsv, shortageCsv, teamsByGroupCsv } from "./write-shortage.js";

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
export function allocationTable(year: Year, allocation: Allocation): Table {
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
  return {
    columns: [...ALLOCATION_COLUMNS, ...(year.mixed ? KIND_COLUMNS : [])],
    rows: [
      ...allocation.assignments.map((a) => row(a, a.status ?? "proposed")),
      ...(allocation.declined ?? []).map((d) => row(d, d.status ?? "declined")),
      ...(allocation.withdrawals ?? []).map(withdrawal),
    ],
  };
}

/** `allocation.csv` as text (see `allocationTable`). */
export const allocationCsv = (year: Year, allocation: Allocation): string => tableCsv(allocationTable(year, allocation));

/** `unfilled.csv`: one row per review and role with empty seats, with the binding reason (kind columns as in allocation.csv). */
export function unfilledTable(explanation: Explanation, year?: Year): Table {
  const hostSchool = (seat: Explanation["seats"][number]) => (year ? year.reviewById.get(seat.reviewId)?.hostSchool?.id : seat.hostSchoolId);
  return {
    columns: ["review_id", "host_school_id", "role", "missing", "reason", ...(year?.mixed ? KIND_COLUMNS : [])],
    rows: explanation.seats.map((seat) => [seat.reviewId, hostSchool(seat), seat.role, seat.missing, seat.reason, ...(year ? kindCells(year, seat.reviewId) : [])]),
  };
}

/** `unfilled.csv` as text (see `unfilledTable`). */
export const unfilledCsv = (explanation: Explanation, year?: Year): string => tableCsv(unfilledTable(explanation, year));

/**
 * `ledger.csv`: each school's reciprocity account: the peer seats it received in this
 * allocation, the places it sent, its balance against its target, the target, and (with
 * `reach`) the places its reviewers can give at most (blank without).
 */
export function ledgerTable(check: CheckResult, reach?: readonly SchoolReach[]): Table {
  const reachable = new Map((reach ?? []).map((r) => [r.schoolId, r.reachable]));
  return {
    columns: ["school_id", "seats_received", "places_sent", "balance", "target", "reachable"],
    rows: check.ledger.map((row) => [row.schoolId, row.seatsReceived, row.placesSent, row.balance, row.target, reachable.get(row.schoolId)]),
  };
}

/** `ledger.csv` as text (see `ledgerTable`). */
export const ledgerCsv = (check: CheckResult, reach?: readonly SchoolReach[]): string => tableCsv(ledgerTable(check, reach));

/**
 * `trust-ledger.csv`: each trust's reciprocity account, in a year with reviews counted by trust (TPRs).
 *
 * @example if (check.trustLedger.length > 0) files["trust-ledger.csv"] = trustLedgerCsv(check);
 */
export function trustLedgerCsv(check: CheckResult): string {
  return tableCsv(trustLedgerTable(check));
}

/** `trust-ledger.csv`'s columns and rows. */
export function trustLedgerTable(check: CheckResult): Table {
  return {
    columns: ["trust_id", "seats_received", "places_sent", "balance", "target"],
    rows: check.trustLedger.map((row) => [row.trustId, row.seatsReceived, row.placesSent, row.balance, row.target]),
  };
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
    // The one count of empty seats by review, and where they were explained, by reason.
    emptySeats: { ...emptySeatCounts(result.year, result.check.unfilled), ...(extra.explanation ? emptySeatsOf(extra.explanation) : {}) },
    phaseMatch: {
      ...m.phaseMatch,
      share: round(m.phaseMatch.share),
      peers: { ...m.phaseMatch.peers, share: round(m.phaseMatch.peers.share) },
      leads: { ...m.phaseMatch.leads, share: round(m.phaseMatch.leads.share) },
    },
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

/**
 * summary.json's lines for the shortage: what more advanced reviewers would fill (each action's
 * `all` line), who loses out in numbers, and what fairness gave and cost.
 */
export function shortageSummary(shortage: Shortage, losers: WhoLosesOut): Record<string, unknown> {
  const totals = shortage.rows.filter((r) => r.week === "all" || r.action === "move-date");
  return {
    shortage: {
      ...(shortage.skipped ? { skipped: true } : {}),
      advanced: { teams: shortage.advanced.teams, staffed: shortage.advanced.staffed, short: shortage.advanced.short },
      actions: Object.fromEntries(
        [...new Set(totals.map((r) => r.action))].map((action) => {
          const rows = totals.filter((r) => r.action === action);
          const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
          return [action, { amount: sum((r) => r.amount), unit: rows[0]!.unit, seats: sum((r) => r.seats), seatsAtMost: sum((r) => r.seatsAtMost), proven: rows.every((r) => r.proven) }];
        }),
      ),
    },
    losers: { withoutTeam: losers.withoutTeam, sendingWithoutTeam: losers.sendingWithoutTeam.length, placesSentWithoutTeam: losers.placesSentWithoutTeam },
    ...(losers.fairness ? { fairness: losers.fairness } : {}),
  };
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
  /** The published figures of another partnership beside the year's own (`--compare-published`). */
  readonly comparePublished?: boolean;
  /** Each school's target against what its reviewers can give (`reciprocityReach(result.year)` when not given). */
  readonly reach?: readonly SchoolReach[];
  /** The shortage sheet (`await shortageSheet(...)`, with date moves); without, the sheet without moves. */
  readonly shortage?: Shortage;
  /** A run's time limit: once it says stop, the remaining reviews get no standby list. */
  readonly shouldStop?: () => boolean;
}

/**
 * Every output file of a solve, by name (a calendar is `calendars/<person id>.ics`, a hub's
 * teams and duties `hubs/<hub>.csv`). Only
 * formats: the year comes with the result, and the explanation of the empty seats
 * (`explain(result.year, result.allocation)`) from the caller, who may also print or return it.
 * A season step adds its calendar cancellations, its as-of date and its state (`options`).
 * `parts` are the standby lists and letters, when the caller needs the letters too (see `outputParts`).
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * const files = solveOutputs(result, explain(result.year, result.allocation));
 * writeOutputFolder("out", files);
 */
export function solveOutputs(result: SolveResult, explanation: Explanation, options: OutputOptions = {}, parts: OutputParts = outputParts(result, options)): Record<string, string> {
  const { year, allocation, check } = result;
  const { standby, wording, letters } = parts;
  const shortage = options.shortage ?? shortageWithoutMoves(year, allocation, { bound: result.bound });
  const losers = whoLosesOut(year, allocation, result.bound);
  const reach = options.reach ?? reciprocityReach(year);
  // A target the school's reviewers cannot meet is a warning of the input, listed with the others.
  const warnings = [...(options.warnings ?? []), ...reachWarnings(year, reach)];
  const extra = { explanation, letters, ...(options.season ? { season: options.season } : {}), ...(options.start ? { start: options.start } : {}) };
  return {
    "allocation.csv": allocationCsv(year, allocation),
    "unfilled.csv": unfilledCsv(explanation, year),
    "shortage.csv": shortageCsv(shortage),
    "teams-by-group.csv": teamsByGroupCsv(losers),
    "schools-without-team.csv": schoolsWithoutTeamCsv(losers),
    "ledger.csv": ledgerCsv(check, reach),
    ...(check.trustLedger.length > 0 ? { "trust-ledger.csv": trustLedgerCsv(check) } : {}),
    "standby.csv": standbyCsv(standby),
    "summary.json": `${JSON.stringify({ ...summaryOf(result, warnings, extra), ...shortageSummary(shortage, losers) }, null, 2)}\n`,
    "report.html": renderReport({ year, allocation, check, solve: result, explanation, standby, reach, shortage, losers, ...(options.comparePublished ? { comparePublished: true } : {}) }),
    ...seasonFiles(year, allocation, options.cancelled, { ...options, wording, letters }),
    ...hubFiles(year, allocation),
  };
}

/** What several output files share, worked out once: the standby lists and the letters worded with them. */
export interface OutputParts {
  readonly standby: readonly StandbyRow[];
  readonly wording: LetterWording;
  readonly letters: readonly Letter[];
}

/**
 * The standby lists of a solve or season step (none for reviews before its freeze date) and its
 * letters, worded as of that date with the reviews each person stands by for: what
 * `solveOutputs` writes, and what `results.xlsx` must repeat word for word.
 *
 * @example
 * const parts = outputParts(result);
 * const files = { ...solveOutputs(result, explanation, {}, parts), "results.xlsx": await resultsWorkbook({ ...result, explanation, letters: parts.letters }) };
 */
export function outputParts(result: SolveResult, options: OutputOptions = {}): OutputParts {
  const { year, allocation } = result;
  const standby = standbyList(options.year ?? year, allocation, { ...(options.freezeBefore !== undefined ? { freezeBefore: options.freezeBefore } : {}), ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) });
  const frozenBefore = options.freezeBefore !== undefined ? parseDay(options.freezeBefore) : undefined;
  const wording = { ...options.wording, ...(frozenBefore !== undefined ? { freezeBefore: frozenBefore } : {}), standby: standbyByPerson(standby) };
  return { standby, wording, letters: lettersOf({ year, allocation }, wording) };
}

/** The reviews each person stands by for (`role:person` → review ids), for their letter. */
function standbyByPerson(rows: readonly StandbyRow[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(`${row.role}:${row.personId}`, [...(map.get(`${row.role}:${row.personId}`) ?? []), row.reviewId]);
  return map;
}
