import { formatDay } from "../model/dates.js";
import type { Allocation, Assignment } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { tableCsv, type Table, type TableCell } from "./csv-text.js";
import { readableStems } from "./file-names.js";

/**
 * What a hub manager needs from an allocation, one file per hub (`hubs/<hub>.csv`): the teams of
 * the reviews the hub's schools host, empty seats included, and the duties of the hub's
 * reviewers wherever they review. Schools with a blank hub belong to no hub file.
 */

/** The folder of an output that holds one file per hub. */
export const HUBS_FOLDER = "hubs";

export const HUB_COLUMNS = ["hub", "section", "review_id", "host_school_id", "host_school_name", "start", "end", "role", "person_id", "person_name", "person_school_id", "level", "status"] as const;

/**
 * Each hub's table, hubs in the order their first school appears in schools.csv: first the rows
 * of section `hosted` (for each review a school of the hub hosts, in input order: its Lead
 * Reviewer, its peers, then one row per empty seat with status `unfilled` and no person), then
 * the rows of section `duty` (each reviewer of a school of the hub, in input order, with each
 * review they sit on, by date). Declined offers fill no seat and are left out.
 *
 * @example hubTables(year, allocation).get("Ash Field")?.rows.length
 */
export function hubTables(year: Year, allocation: Allocation): Map<string, Table> {
  const teams = new Map<string, Assignment[]>();
  const duties = new Map<string, Assignment[]>();
  for (const assignment of allocation.assignments) {
    teams.set(assignment.reviewId, [...(teams.get(assignment.reviewId) ?? []), assignment]);
    if (assignment.role === "peer") duties.set(assignment.personId, [...(duties.get(assignment.personId) ?? []), assignment]);
  }
  const rows = new Map<string, TableCell[][]>();
  for (const school of year.problem.schools) if (school.hub !== undefined && !rows.has(school.hub)) rows.set(school.hub, []);

  const row = (hub: string, section: string, review: ReviewInfo | undefined, reviewId: string, seat: Assignment | undefined, role: string, status: string): TableCell[] => {
    const person = seat ? year.people[seat.role].get(seat.personId) : undefined;
    return [
      hub,
      section,
      reviewId,
      review?.hostSchool?.id,
      review?.hostSchool?.name,
      review ? formatDay(review.span.from) : undefined,
      review ? formatDay(review.span.to) : undefined,
      role,
      seat?.personId,
      person?.name,
      person?.school?.id,
      person?.level,
      status,
    ];
  };

  for (const review of year.reviews) {
    const hub = review.hostSchool?.hub;
    if (hub === undefined) continue;
    const team = teams.get(review.id) ?? [];
    const leads = team.filter((a) => a.role === "lead");
    const peers = team.filter((a) => a.role === "peer");
    const out = rows.get(hub)!;
    for (const seat of [...leads, ...peers]) out.push(row(hub, "hosted", review, review.id, seat, seat.role, seat.status ?? "proposed"));
    if (leads.length === 0) out.push(row(hub, "hosted", review, review.id, undefined, "lead", "unfilled"));
    for (let i = peers.length; i < review.peerSeats; i += 1) out.push(row(hub, "hosted", review, review.id, undefined, "peer", "unfilled"));
  }
  for (const reviewer of year.reviewers) {
    const hub = reviewer.school?.hub;
    if (hub === undefined) continue;
    const theirs = [...(duties.get(reviewer.id) ?? [])].sort((a, b) => {
      const [x, y] = [year.reviewById.get(a.reviewId), year.reviewById.get(b.reviewId)];
      return (x?.span.from ?? 0) - (y?.span.from ?? 0) || (x?.index ?? 0) - (y?.index ?? 0);
    });
    for (const duty of theirs) rows.get(hub)!.push(row(hub, "duty", year.reviewById.get(duty.reviewId), duty.reviewId, duty, "peer", duty.status ?? "proposed"));
  }
  return new Map([...rows].map(([hub, hubRows]) => [hub, { columns: HUB_COLUMNS, rows: hubRows }]));
}

/**
 * `hubs/<hub>.csv` for every hub (see `hubTables`), the hub's name made a readable file name
 * (`hubs/Ash Field.csv`; characters a file system refuses become `-`).
 *
 * @example const files = hubFiles(year, allocation); // { "hubs/Ash Field.csv": "...", ... }
 */
export function hubFiles(year: Year, allocation: Allocation): Record<string, string> {
  const tables = hubTables(year, allocation);
  const stems = readableStems([...tables.keys()]);
  return Object.fromEntries([...tables].map(([hub, table]) => [`${HUBS_FOLDER}/${stems.get(hub)!}.csv`, tableCsv(table)]));
}
