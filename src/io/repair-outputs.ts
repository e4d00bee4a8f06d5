import type { RepairOption } from "../solver/steps/trade-off.js";
import { toCsv } from "./csv-text.js";

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** The columns of `options.csv`, one row per option of a repair. */
export const OPTIONS_COLUMNS = ["changes", "seats", "full_teams", "proven", "chosen"] as const;

/**
 * `options.csv`: the trade-off of a repair, fewest changes first. Each row is the most seats
 * reachable within `changes` changed rows, with the full teams of that allocation; `proven`
 * says no allocation does better (the exact curve), `chosen` marks the one written.
 *
 * @example
 * optionsCsv(outcome.options); // "changes,seats,full_teams,proven,chosen\n8,349,83,yes,no\n..."
 */
export function optionsCsv(options: readonly RepairOption[]): string {
  return toCsv(OPTIONS_COLUMNS, options.map((o) => [o.changes, o.seats, o.fullTeams, yesNo(o.proven), yesNo(o.chosen)]));
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
export function optionsSummary(options: readonly RepairOption[]): { changes: number; seats: number; fullTeams: number; proven: boolean; chosen: boolean }[] {
  return options.map(({ changes, seats, fullTeams, proven, chosen }) => ({ changes, seats, fullTeams, proven, chosen }));
}
