import type { Assignment } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import type { RecipientType } from "./notices.js";
import { statusOf, type Snapshot } from "./status.js";
import { dates, joined, personName, reviewLabel, roleName, schoolName, teamsOf, type Team } from "./words.js";

/**
 * One mail-merge row: a person's duties, or a school's visiting teams and the places it sends.
 * The lines are plain sentences, one per review or place, for a letter's body.
 */
export interface Letter {
  readonly recipientType: RecipientType;
  readonly recipientId: string;
  readonly name: string;
  /** From the year's files (`email` column), where given. */
  readonly email?: string;
  /** People: one line per review they sit on. */
  readonly duties: readonly string[];
  /** Schools: one line per review they host. */
  readonly hosting: readonly string[];
  /** Schools: one line per place their reviewers take on other reviews. */
  readonly sending: readonly string[];
}

const answer = (a: Assignment) => (statusOf(a) === "confirmed" ? "confirmed" : "awaiting your answer");

function peerWithSchool(year: Year, personId: string): string {
  const school = year.people.peer.get(personId)?.school;
  return `${personName(year, "peer", personId)}${school ? ` (${schoolName(school)})` : ""}`;
}

function addressOf(review: ReviewInfo): string {
  const parts = [review.host.address, review.host.postcode].filter((p): p is string => p !== undefined && p !== "");
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** `R2: peer reviewer at Southam Primary School (1 High St) from … to … (confirmed); Lead Reviewer Gail Hughes; with Cara Dunn (…)`. */
function dutyLine(year: Year, team: Team | undefined, a: Assignment, review: ReviewInfo): string {
  const lead = a.role === "lead" ? "you lead the team" : team?.lead !== undefined ? `Lead Reviewer ${personName(year, "lead", team.lead)}` : "Lead Reviewer to be confirmed";
  const mates = (team?.peers ?? []).filter((id) => !(a.role === "peer" && id === a.personId)).map((id) => peerWithSchool(year, id));
  const with_ = mates.length > 0 ? `with ${a.role === "lead" ? "peer reviewers " : ""}${joined(mates)}` : "no other peer reviewers yet";
  return `${review.id}: ${roleName(a.role)} at ${schoolName(review.host)}${addressOf(review)} ${dates(review.span)} (${answer(a)}); ${lead}; ${with_}.`;
}

function hostingLine(year: Year, team: Team | undefined, review: ReviewInfo): string {
  const lead = team?.lead !== undefined ? `Lead Reviewer ${personName(year, "lead", team.lead)}` : "Lead Reviewer to be confirmed";
  const peers = team?.peers ?? [];
  const visiting = peers.length > 0 ? `peer reviewers ${joined(peers.map((id) => peerWithSchool(year, id)))}` : "no peer reviewers yet";
  return `${review.id} ${dates(review.span)}: ${lead}; ${visiting}; ${Math.min(peers.length, review.peerSeats)} of ${review.peerSeats} peer seats filled.`;
}

function personLetter(year: Year, person: PersonInfo, email: string | undefined, duties: readonly Assignment[], teams: ReadonlyMap<string, Team>): Letter {
  const lines = duties
    .map((a) => ({ a, review: year.reviewById.get(a.reviewId) }))
    .filter((d): d is { a: Assignment; review: ReviewInfo } => d.review !== undefined)
    .sort((x, y) => x.review.span.from - y.review.span.from || (x.review.id < y.review.id ? -1 : 1))
    .map(({ a, review }) => dutyLine(year, teams.get(review.id), a, review));
  return { recipientType: person.role === "lead" ? "lead" : "reviewer", recipientId: person.id, name: personName(year, person.role, person.id), ...(email ? { email } : {}), duties: lines, hosting: [], sending: [] };
}

/** Items grouped by a key, in their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The mail-merge rows of an allocation: one per reviewer and Lead Reviewer with a duty (their
 * reviews with dates, host school, team mates and Lead Reviewer), then one per school that
 * hosts a review or sends a reviewer (its visiting teams and whom it sends where), in year order.
 *
 * @example
 * for (const letter of lettersOf({ year, allocation })) console.log(letter.name, letter.email, letter.duties.join("\n"));
 */
export function lettersOf(snapshot: Snapshot): Letter[] {
  const { year, allocation } = snapshot;
  const teams = teamsOf(allocation);
  const byPerson = groupBy(allocation.assignments, (a) => `${a.role}:${a.personId}`);
  // Schools' letters list the reviews they host; a trust's review (a TPR) has no school to write to.
  const hostedBy = groupBy(year.reviews, (r) => r.hostSchool?.id ?? "");
  const staffOf = groupBy(year.reviewers, (p) => p.school?.id ?? "");
  const emails = new Map<string, string | undefined>([
    ...year.problem.reviewers.map((r) => [`peer:${r.id}`, r.email] as const),
    ...year.problem.leads.map((l) => [`lead:${l.id}`, l.email] as const),
  ]);
  const letters: Letter[] = [];
  for (const person of [...year.reviewers, ...year.leads]) {
    const key = `${person.role}:${person.id}`;
    const duties = byPerson.get(key);
    if (duties) letters.push(personLetter(year, person, emails.get(key), duties, teams));
  }
  for (const school of year.problem.schools) {
    const hosting = (hostedBy.get(school.id) ?? []).map((r) => hostingLine(year, teams.get(r.id), r));
    const sending = (staffOf.get(school.id) ?? [])
      .flatMap((p) => (byPerson.get(`peer:${p.id}`) ?? []).map((a) => ({ p, a, review: year.reviewById.get(a.reviewId) })))
      .filter((s): s is { p: PersonInfo; a: Assignment; review: ReviewInfo } => s.review !== undefined)
      .sort((x, y) => x.review.span.from - y.review.span.from || (x.p.id < y.p.id ? -1 : 1))
      .map(({ p, a, review }) => `${personName(year, "peer", p.id)}: ${reviewLabel(review)} ${dates(review.span)} (${statusOf(a) === "confirmed" ? "confirmed" : "awaiting an answer"}).`);
    if (hosting.length === 0 && sending.length === 0) continue;
    letters.push({ recipientType: "school", recipientId: school.id, name: schoolName(school), ...(school.email ? { email: school.email } : {}), duties: [], hosting, sending });
  }
  return letters;
}
