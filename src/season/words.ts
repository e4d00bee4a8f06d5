import { formatDay, type DayRange } from "../model/dates.js";
import type { Allocation, Role } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";

/**
 * The plain words that notices, letters and calendar entries share, so that a review, a date
 * or a team reads the same in every message a person gets.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `2024-02-05` as `5 February 2024` (written by hand: no locale data, the same on every machine). */
export function longDate(day: number): string {
  const [year, month, date] = formatDay(day).split("-").map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** `from 5 February 2024 to 7 February 2024`, or `on 5 February 2024` for a one-day review. */
export function dates(span: DayRange): string {
  return span.from === span.to ? `on ${longDate(span.from)}` : `from ${longDate(span.from)} to ${longDate(span.to)}`;
}

/** The school's name, or its id when the name is blank. */
export function schoolName(school: { readonly id: string; readonly name: string }): string {
  return school.name.trim() === "" ? school.id : school.name;
}

/** A person's name in `year` (their id when unknown or blank). */
export function personName(year: Year, role: Role, personId: string): string {
  const name = year.people[role].get(personId)?.name.trim();
  return name ? name : personId;
}

/** `review R2 at Southam Primary School`. */
export function reviewLabel(review: ReviewInfo): string {
  return `review ${review.id} at ${schoolName(review.host)}`;
}

/** `Lead Reviewer` or `peer reviewer`. */
export function roleName(role: Role): string {
  return role === "lead" ? "Lead Reviewer" : "peer reviewer";
}

/** A review's team in an allocation: its Lead Reviewer and its peers. */
export interface Team {
  readonly lead?: string;
  readonly peers: readonly string[];
}

/**
 * Every review's team in an allocation, peers in id order so that the same team always reads
 * the same (declined offers are no seat and are left out).
 */
export function teamsOf(allocation: Allocation): Map<string, Team> {
  const teams = new Map<string, { lead?: string; peers: string[] }>();
  for (const a of allocation.assignments) {
    const team = teams.get(a.reviewId) ?? { peers: [] };
    if (a.role === "lead") team.lead = a.personId;
    else team.peers.push(a.personId);
    teams.set(a.reviewId, team);
  }
  for (const team of teams.values()) team.peers.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return teams;
}

/** `and`-joined names: `Ada, Ben and Cara`. */
export function joined(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** `Lead Reviewer Gail Hughes and peer reviewers Ada Brown and Cara Dunn` (the parts that exist). */
export function teamWords(year: Year, team: Team | undefined): string {
  const lead = team?.lead !== undefined ? `Lead Reviewer ${personName(year, "lead", team.lead)}` : "no Lead Reviewer yet";
  const peers = team?.peers ?? [];
  const names = peers.map((id) => personName(year, "peer", id));
  const peerText = peers.length === 0 ? "no peer reviewers yet" : `peer reviewer${peers.length === 1 ? "" : "s"} ${joined(names)}`;
  return `${lead} and ${peerText}`;
}
