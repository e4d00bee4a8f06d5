/** The files of `qar plan` and the standby list of `qar solve` / `qar repair`. */
import type { PlanResult } from "../plan/index.js";
import type { Move } from "../plan/moves.js";
import type { StandbyRow } from "../plan/standby.js";
import type { WeekRow } from "../plan/weeks.js";
import type { Problem } from "../model/problem.js";
import { toCsv } from "./csv-text.js";
import type { CsvTable } from "./read-csv.js";
import { serializeYear } from "./write-year.js";
import { YEAR_FILES } from "./year-files.js";
import { renderPlan } from "./report-plan.js";

export const WEEKS_COLUMNS = ["week", "reviews", "peer_seats", "lead_seats", "peer_places_available", "advanced_places_available", "lead_places_available", "shortfall", "advanced_teams", "lead_supply", "advanced_supply", "peer_supply"] as const;
export const MOVES_COLUMNS = ["review_id", "from_start", "to_start", "seats_gained"] as const;
export const STANDBY_COLUMNS = ["review_id", "rank", "role", "person_id", "level"] as const;

/** `weeks.csv`: one row per week with reviews, in date order. */
export function weeksCsv(weeks: readonly WeekRow[]): string {
  return toCsv(WEEKS_COLUMNS, weeks.map((w) => [w.week, w.reviews, w.peerSeats, w.leadSeats, w.peerPlaces, w.advancedPlaces, w.leadPlaces, w.shortfall, w.teams, w.leadSupply, w.advancedSupply, w.peerSupply]));
}

/** `moves.csv`: the proposed date moves, best first. */
export function movesCsv(moves: readonly Move[]): string {
  return toCsv(MOVES_COLUMNS, moves.map((m) => [m.reviewId, m.fromStart, m.toStart, m.seatsGained]));
}

/** `standby.csv`: up to three standbys per review and role, by rank. */
export function standbyCsv(rows: readonly StandbyRow[]): string {
  return toCsv(STANDBY_COLUMNS, rows.map((r) => [r.reviewId, r.rank, r.role, r.personId, r.level]));
}

/**
 * `reviews.csv` with the proposed moves made (`qar plan --apply`): the year's own reviews table,
 * every column and row as it was (column names as the reader knows them), only the moved
 * reviews' `start` changed to the move's date. Without the original table (a problem given as
 * data) the reviews are written from the problem, as `serializeYear` writes them.
 *
 * @example files["reviews.csv"] = movedReviewsCsv(moves, { table });
 */
export function movedReviewsCsv(moves: readonly Move[], source: { readonly table: CsvTable } | { readonly problem: Problem }): string {
  const to = new Map(moves.map((m) => [m.reviewId, m.toStart]));
  if ("problem" in source) {
    const moved = { ...source.problem, reviews: source.problem.reviews.map((r) => (to.has(r.id) ? { ...r, start: to.get(r.id)! } : r)) };
    return serializeYear(moved)[YEAR_FILES.reviews.file]!;
  }
  const columns = source.table.columns.filter((column) => column !== "");
  return toCsv(
    columns,
    source.table.rows.map((row) => {
      const start = to.get(row.cells.get("id") ?? "");
      return columns.map((column) => (column === "start" && start !== undefined ? start : (row.cells.get(column) ?? "")));
    }),
  );
}

/** Every output file of `qar plan`, by name. */
export function planOutputs(result: PlanResult, title?: string): Record<string, string> {
  return {
    "weeks.csv": weeksCsv(result.weeks),
    "moves.csv": movesCsv(result.moves),
    "plan.html": renderPlan(result, title),
  };
}
