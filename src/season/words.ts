import { formatDay, type DayRange } from "../model/dates.js";
import type { Allocation, Role } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";

/**
 * The plain words that notices, letters and calendar entries share, so that a review, a date
 * or a team reads the same in every message a person gets.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** Monday first; day 0 (1970-01-01) was a Thursday. */
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** `2024-02-05` as `Monday 5 February 2024`, as letters in England write it (by hand: no locale data, the same on every machine). */
export function longDate(day: number): string {
  const [year, month, date] = formatDay(day).split("-").map(Number) as [number, number, number];
  return `${WEEKDAYS[(((day + 3) % 7) + 7) % 7]} ${date} ${MONTHS[month - 1]} ${year}`;
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

/** `the review of Southam Primary School` (`the Trust Peer Review of Oak Trust` for another kind): how a letter names a review. */
export function reviewOf(review: ReviewInfo): string {
  return `the ${review.kind.id === "qar" ? "review" : review.kind.name} of ${schoolName(review.host)}`;
}

/** The host's address and postcode, `1 High Street, AB1 2CD`, or nothing. */
export function addressOf(review: ReviewInfo): string {
  return [review.host.address, review.host.postcode].filter((p): p is string => p !== undefined && p.trim() !== "").join(", ");
}

/**
 * How and by when to answer an offer: `please reply to this e-mail by Friday 20 December 2024
 * to say whether you can take part`, or at once when the review starts by then; without a
 * reply-by date, as soon as possible.
 */
export function replyWords(replyBy: number | undefined, firstStart: number, what = "whether you can take part"): string {
  if (replyBy === undefined) return `please reply to this e-mail as soon as you can to say ${what}`;
  if (firstStart <= replyBy) return `please reply to this e-mail at once (the review starts on ${longDate(firstStart)}) to say ${what}`;
  return `please reply to this e-mail by ${longDate(replyBy)} to say ${what}`;
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

/** `Lead Reviewer Gail Hughes and peer reviewers Ada Brown and Cara Dunn` (the parts that exist; an empty team is `nobody yet`). */
export function teamWords(year: Year, team: Team | undefined): string {
  const peers = team?.peers ?? [];
  const names = peers.map((id) => personName(year, "peer", id));
  const parts = [
    ...(team?.lead !== undefined ? [`Lead Reviewer ${personName(year, "lead", team.lead)}`] : []),
    ...(peers.length > 0 ? [`peer reviewer${peers.length === 1 ? "" : "s"} ${joined(names)}`] : []),
  ];
  return parts.length > 0 ? joined(parts) : "nobody yet";
}

/** A peer reviewer with their school: `Ada Brown (Oak Primary School)`. */
export function peerWithSchool(year: Year, personId: string): string {
  const school = year.people.peer.get(personId)?.school;
  return `${personName(year, "peer", personId)}${school ? ` (${schoolName(school)})` : ""}`;
}

/**
 * A host's team in full sentences for its school: who is coming, and what is still being sought
 * (`We are still looking for a Lead Reviewer and 2 peer reviewers.`).
 */
export function hostTeamWords(year: Year, team: Team | undefined, review: ReviewInfo): string {
  const peers = team?.peers ?? [];
  const coming = [
    ...(team?.lead !== undefined ? [`Lead Reviewer ${personName(year, "lead", team.lead)}`] : []),
    ...(peers.length > 0 ? [`peer reviewer${peers.length === 1 ? "" : "s"} ${joined(peers.map((id) => peerWithSchool(year, id)))}`] : []),
  ];
  const missingPeers = Math.max(0, review.peerSeats - peers.length);
  const sought = [...(team?.lead === undefined ? ["a Lead Reviewer"] : []), ...(missingPeers > 0 ? [`${missingPeers} peer reviewer${missingPeers === 1 ? "" : "s"}`] : [])];
  const first = coming.length > 0 ? `The team is ${joined(coming)}.` : "No one is on the team yet.";
  return sought.length > 0 ? `${first} We are still looking for ${joined(sought)}.` : first;
}
