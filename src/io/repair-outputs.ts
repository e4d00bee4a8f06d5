import type { Allocation } from "../model/schema.js";
import { disturbed, type ChaseRow } from "../season/summary.js";
import type { RepairOption } from "../solver/steps/trade-off.js";
import { toCsv } from "./csv-text.js";

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** The columns of `options.csv`, one row per option of a repair or a respond. */
export const OPTIONS_COLUMNS = ["changes", "seats", "full_teams", "disturbed", "proven", "chosen"] as const;

/** Seats of `start` an option's allocation no longer holds: people moved or taken off who had not asked for it. */
const disturbedBy = (option: RepairOption, start: Allocation | undefined) => (start ? disturbed(start, option.allocation).length : undefined);

/**
 * `options.csv`: the trade-off of a repair, fewest changes first. Each row is the most seats
 * reachable within `changes` changed rows, with the full teams of that allocation and the
 * people it `disturbed` (seats of `start`, the allocation with the answers and withdrawals in,
 * that it moves or takes away); `proven` says no allocation does better (the exact curve),
 * `chosen` marks the one written.
 *
 * @example
 * optionsCsv(outcome.options, start); // "changes,seats,full_teams,disturbed,proven,chosen\n8,349,83,2,yes,no\n..."
 */
export function optionsCsv(options: readonly RepairOption[], start?: Allocation): string {
  return toCsv(OPTIONS_COLUMNS, options.map((o) => [o.changes, o.seats, o.fullTeams, disturbedBy(o, start), yesNo(o.proven), yesNo(o.chosen)]));
}

/**
 * The trade-off in one line, fewest changes first; the chosen option is marked.
 *
 * @example
 * tradeOffLine(outcome.options); // "349 seats with 8 changes, 350 with 9, 351 with 12 (chosen)"
 */
export function tradeOffLine(options: readonly RepairOption[]): string {
  return options
    .map((o, i) => `${o.seats}${i === 0 ? " seats" : ""} with ${o.changes}${i === 0 ? ` change${o.changes === 1 ? "" : "s"}` : ""}${o.chosen ? " (chosen)" : ""}`)
    .join(", ");
}

/** The options as `summary.json` and `--json` give them (no allocations). */
export function optionsSummary(options: readonly RepairOption[], start?: Allocation): { changes: number; seats: number; fullTeams: number; disturbed?: number; proven: boolean; chosen: boolean }[] {
  return options.map((o) => {
    const people = disturbedBy(o, start);
    return { changes: o.changes, seats: o.seats, fullTeams: o.fullTeams, ...(people !== undefined ? { disturbed: people } : {}), proven: o.proven, chosen: o.chosen };
  });
}

/** The columns of `chase.csv`: one row per seat awaiting its person's answer, grouped by school. */
export const CHASE_COLUMNS = ["school_id", "school_name", "person_id", "name", "role", "email", "review_id", "host", "start"] as const;

/**
 * `chase.csv`: who has not answered, by school (see `chaseList`).
 *
 * @example chaseCsv(chaseList({ year, allocation }, "2025-01-20"))
 */
export function chaseCsv(rows: readonly ChaseRow[]): string {
  return toCsv(CHASE_COLUMNS, rows.map((r) => [r.schoolId, r.schoolName, r.personId, r.name, r.role === "lead" ? "Lead Reviewer" : "peer reviewer", r.email, r.reviewId, r.hostName, r.start]));
}
