import { emptySeatCounts, type CheckResult } from "../check.js";
import type { Explanation } from "../explain.js";
import type { Allocation, Decline } from "../model/schema.js";
import { formatDay } from "../model/dates.js";
import type { Year } from "../model/year.js";
import type { SolveResult } from "../solver/index.js";
import type { InputError } from "../model/errors.js";
import { SCHEMA_VERSION } from "../model/validate.js";
import { toCsv } from "./csv-text.js";
import { optionsSummary } from "./repair-outputs.js";
import { renderReport } from "./report/index.js";
import { seasonFiles } from "./write-season.js";
import type { CalendarEvent } from "../season/calendar.js";
import { standbyList } from "../plan/standby.js";
import { standbyCsv } from "./write-plan.js";
import { reachWarnings, reciprocityReach, type SchoolReach } from "../years/reach.js";
import { shortageWithoutMoves, type Shortage } from "../plan/shortage.js";
import { whoLosesOut, type WhoLosesOut } from "../plan/who-loses-out.js";
import { schoolsWithoutTeamCsv, shortageCsv, teamsByGroupCsv } from "./write-shortage.js";

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
 * declined offer (status `declined`), which fills no seat. A review of a trust (a TPR) has a
 * blank `host_school_id`; in a year with kinds, `kind` and `host_trust_id` follow.
 */
export function allocationCsv(year: Year, allocation: Allocation): string {
  const row = (entry: Decline, status: string) => {
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
  return toCsv([...ALLOCATION_COLUMNS, ...(year.mixed ? KIND_COLUMNS : [])], [
    ...allocation.assignments.map((a) => row(a, a.status ?? "proposed")),
    ...(allocation.declined ?? []).map((d) => row(d, "declined")),
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

/**
 * `ledger.csv`: each school's reciprocity account: the peer seats it received in this
 * allocation, the places it sent, its balance against its target, the target, and (with
 * `reach`) the places its reviewers can give at most (blank without).
 */
export function ledgerCsv(check: CheckResult, reach?: readonly SchoolReach[]): string {
  const reachable = new Map((reach ?? []).map((r) => [r.schoolId, r.reachable]));
  return toCsv(
    ["school_id", "seats_received", "places_sent", "balance", "target", "reachable"],
    check.ledger.map((row) => [row.schoolId, row.seatsReceived, row.placesSent, row.balance, row.target, reachable.get(row.schoolId)]),
  );
}

/**
 * `trust-ledger.csv`: each trust's reciprocity account, in a year with reviews counted by trust (TPRs).
 *
 * @example if (check.trustLedger.length > 0) files["trust-ledger.csv"] = trustLedgerCsv(check);
 */
export function trustLedgerCsv(check: CheckResult): string {
  return toCsv(
    ["trust_id", "seats_received", "places_sent", "balance", "target"],
    check.trustLedger.map((row) => [row.trustId, row.seatsReceived, row.placesSent, row.balance, row.target]),
  );
}

/**
 * `summary.json`: counts, shares, reciprocity, the solver's figures and the input's warnings
 * (listed even when `--quiet` prints none). Its JSON Schema is `schema/result.schema.json`.
 */
export function summaryOf(result: SolveResult, warnings: readonly InputError[] = []): Record<string, unknown> {
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
    emptySeats: emptySeatCounts(result.year, result.check.unfilled),
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
    rejectedPins: result.rejectedPins,
    warnings,
    // A repair's trade-off: the most seats for each number of changed rows, the chosen marked.
    ...(result.tradeOff ? { repair: { changes: result.tradeOff.find((o) => o.chosen)?.changes, options: optionsSummary(result.tradeOff) } } : {}),
  };
}

/**
 * summary.json's lines for the shortage: what more advanced reviewers would fill (each action's
 * `all` line), who loses out in numbers, and what fairness gave and cost.
 */
export function shortageSummary(shortage: Shortage, losers: WhoLosesOut): Record<string, unknown> {
  const totals = shortage.rows.filter((r) => r.week === "all" || r.action === "move-date");
  return {
    shortage: {
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

/**
 * Every output file of a solve, by name (a calendar is `calendars/<person id>.ics`). Only
 * formats: the year comes with the result, and the explanation of the empty seats
 * (`explain(result.year, result.allocation)`) from the caller, who may also print or return it.
 * `cancelled` adds the calendar cancellations of duties removed in a respond or repair step.
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * const files = solveOutputs(result, explain(result.year, result.allocation));
 * writeOutputFolder("out", files);
 */
export function solveOutputs(
  result: SolveResult,
  explanation: Explanation,
  options: {
    readonly cancelled?: readonly CalendarEvent[];
    readonly warnings?: readonly InputError[];
    readonly comparePublished?: boolean;
    /** Each school's target against what its reviewers can give (`reciprocityReach(result.year)` when not given). */
    readonly reach?: readonly SchoolReach[];
    /** The shortage sheet (`await shortageSheet(...)`, with date moves); without, the sheet without moves. */
    readonly shortage?: Shortage;
  } = {},
): Record<string, string> {
  const { year, allocation, check } = result;
  const shortage = options.shortage ?? shortageWithoutMoves(year, allocation, { bound: result.bound });
  const losers = whoLosesOut(year, allocation, result.bound);
  const standby = standbyList(year, allocation);
  const reach = options.reach ?? reciprocityReach(year);
  // A target the school's reviewers cannot meet is a warning of the input, listed with the others.
  const warnings = [...(options.warnings ?? []), ...reachWarnings(year, reach)];
  return {
    "allocation.csv": allocationCsv(year, allocation),
    "unfilled.csv": unfilledCsv(explanation, year),
    "shortage.csv": shortageCsv(shortage),
    "teams-by-group.csv": teamsByGroupCsv(losers),
    "schools-without-team.csv": schoolsWithoutTeamCsv(losers),
    "ledger.csv": ledgerCsv(check, reach),
    ...(check.trustLedger.length > 0 ? { "trust-ledger.csv": trustLedgerCsv(check) } : {}),
    "standby.csv": standbyCsv(standby),
    "summary.json": `${JSON.stringify({ ...summaryOf(result, warnings), ...shortageSummary(shortage, losers) }, null, 2)}\n`,
    "report.html": renderReport({ year, allocation, check, solve: result, explanation, standby, reach, shortage, losers, ...(options.comparePublished ? { comparePublished: true } : {}) }),
    ...seasonFiles(year, allocation, options.cancelled),
  };
}
