import { parseDay } from "../model/dates.js";
import type { Assignment, Withdrawal } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { emailOf, type RecipientType, type Wording } from "./notices.js";
import { statusOf, type Snapshot } from "./status.js";
import { addressOf, dates, hostTeamWords, joined, longDate, peerWithSchool, personName, replyWords, reviewOf, schoolName, teamsOf, type Team } from "./words.js";

/**
 * One mail-merge row: a whole message (`subject`, `message`: salutation, each duty in words,
 * how and by when to answer, sign-off), and the same duties as lines for a form of one's own
 * (`duties` for a person, `hosting` and `sending` for a school).
 */
export interface Letter {
  readonly recipientType: RecipientType;
  readonly recipientId: string;
  readonly name: string;
  /** From the year's files (`email` column), where given. */
  readonly email?: string;
  readonly subject: string;
  /** The whole letter, paragraphs separated by a blank line. */
  readonly message: string;
  /** People: one line per review they sit on (from the freeze date on). */
  readonly duties: readonly string[];
  /** Schools: one line per review they host. */
  readonly hosting: readonly string[];
  /** Schools: one line per place their reviewers take on other reviews. */
  readonly sending: readonly string[];
}

/** How letters are worded: the reply-by day, and the freeze day before which reviews are held (no answer asked). */
export interface LetterWording extends Wording {
  /** Reviews starting before this day (a day number) are held or under way: thanked for, never asked about. */
  readonly freezeBefore?: number;
  /** People who could step in, per person id (standby.csv): named in the letter of someone given no place. */
  readonly standby?: ReadonlyMap<string, readonly string[]>;
}

const SIGN_OFF = "With thanks,\nThe QA Review team";

const awaiting = (a: Assignment) => statusOf(a) !== "confirmed";

/** `the review of Ash Primary School (1 High Street, AB1 2CD), as a peer reviewer, from … to …; Lead Reviewer …; with … (awaiting your answer)`. */
function dutyLine(year: Year, team: Team | undefined, a: Assignment, review: ReviewInfo): string {
  const address = addressOf(review);
  const lead = a.role === "lead" ? "" : team?.lead !== undefined ? `; Lead Reviewer ${personName(year, "lead", team.lead)}` : "; the Lead Reviewer is still to be found";
  const mates = (team?.peers ?? []).filter((id) => !(a.role === "peer" && id === a.personId)).map((id) => peerWithSchool(year, id));
  const with_ = mates.length > 0 ? `; with ${a.role === "lead" ? "peer reviewers " : ""}${joined(mates)}` : "";
  const state = awaiting(a) ? "awaiting your answer" : "you have confirmed";
  return `${reviewOf(review)}${address ? ` (${address})` : ""}, as ${a.role === "lead" ? "Lead Reviewer" : "a peer reviewer"}, ${dates(review.span)}${lead}${with_} (${state}).`;
}

/** The paragraphs of a letter and its sign-off. */
const letterText = (salutation: string, paragraphs: readonly string[]) => [salutation, ...paragraphs, SIGN_OFF].join("\n\n");
const bullets = (lines: readonly string[]) => lines.map((line) => `- ${capital(line)}`).join("\n");
const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function personLetter(year: Year, person: PersonInfo, duties: readonly Assignment[], teams: ReadonlyMap<string, Team>, wording: LetterWording, away?: Withdrawal): Letter {
  const name = personName(year, person.role, person.id);
  const type: RecipientType = person.role === "lead" ? "lead" : "reviewer";
  const email = emailOf(year, type, person.id);
  const seats = duties
    .map((a) => ({ a, review: year.reviewById.get(a.reviewId) }))
    .filter((d): d is { a: Assignment; review: ReviewInfo } => d.review !== undefined)
    .sort((x, y) => x.review.span.from - y.review.span.from || (x.review.id < y.review.id ? -1 : 1));
  const held = seats.filter((d) => wording.freezeBefore !== undefined && d.review.span.from < wording.freezeBefore);
  const coming = seats.filter((d) => !held.includes(d));
  const lines = coming.map(({ a, review }) => dutyLine(year, teams.get(review.id), a, review));
  const open = coming.filter(({ a }) => awaiting(a));
  const paragraphs: string[] = [];
  if (held.length > 0) paragraphs.push(`Thank you for the ${held.length === 1 ? "review" : `${held.length} reviews`} you have taken part in this year.`);
  // Someone who withdrew, or declined and is not to be asked again, is told so, never "no place".
  if (away && coming.length === 0) {
    const since = away.from !== undefined ? ` from ${longDate(parseDay(away.from)!)}` : "";
    paragraphs.push(
      away.status === "declined"
        ? "Thank you for letting us know that you could not take part; we will not ask you to join another review this year."
        : `We have recorded that you have withdrawn from this year's reviews${since}. Thank you for letting us know.`,
    );
  } else if (coming.length === 0 && held.length > 0) paragraphs.push("You have no further reviews this year.");
  else if (coming.length === 0) paragraphs.push(...noPlace(year, person, wording));
  else {
    paragraphs.push(`${coming.length === 1 ? "This is the review" : "These are the reviews"} we have you down for${held.length > 0 ? " from now on" : " this year"}:\n${bullets(lines)}`);
    paragraphs.push(
      open.length > 0
        ? `${capital(replyWords(wording.replyBy, Math.min(...open.map((d) => d.review.span.from)), `whether you can take part in ${open.length === 1 ? "the review that awaits" : "each review that awaits"} your answer`))}. A calendar file with ${coming.length === 1 ? "its dates" : "these dates"} is attached.`
        : `You have confirmed every one of them: thank you. A calendar file with ${coming.length === 1 ? "its dates" : "these dates"} is attached; if you can no longer attend, please tell us by replying to this e-mail.`,
    );
  }
  const subject = coming.length > 0 ? (open.length > 0 ? "QA Reviews: your reviews this year, please reply" : "QA Reviews: your reviews this year") : "QA Reviews this year";
  return { recipientType: type, recipientId: person.id, name, ...(email ? { email } : {}), subject, message: letterText(`Dear ${name},`, paragraphs), duties: lines, hosting: [], sending: [] };
}

/** The words for someone given no place: why, as far as the data says, and what happens next. */
function noPlace(year: Year, person: PersonInfo, wording: LetterWording): string[] {
  const reviewer = person.role === "lead" ? "Lead Reviewer" : "reviewer";
  if (person.available.length === 0) {
    return [`We have no dates from you for this year, so we have not been able to give you a place on a review team. If you would like to take part, please reply to this e-mail with the dates you are free, and we will look for a place.`];
  }
  const standby = (wording.standby?.get(`${person.role}:${person.id}`) ?? []).map((id) => year.reviewById.get(id)).filter((r): r is ReviewInfo => r !== undefined);
  return [
    `Thank you for offering to serve as a ${reviewer} this year. We have not been able to give you a place on a review team this time: the reviews on the dates you gave are already staffed, or are ones the partnership's rules keep you from (your own hub, locality or trust).`,
    standby.length > 0
      ? `You are on the standby list for ${joined(standby.map((r) => `${reviewOf(r)} ${dates(r.span)}`))}: if a place there comes free, we will ask you first.`
      : "If a place comes free on a review you could join, we will write to you.",
    "If your dates change, please reply to this e-mail with the new ones.",
  ];
}

/** `From Monday 4 March 2024 to Wednesday 6 March 2024. The team is … We are still looking for …`. */
function hostingLine(year: Year, team: Team | undefined, review: ReviewInfo): string {
  const when = review.kind.id === "qar" ? capital(dates(review.span)) : `${review.kind.name}, ${dates(review.span)}`;
  return `${when}. ${hostTeamWords(year, team, review)}`;
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
 * The letters of an allocation, one whole message each: every reviewer and Lead Reviewer with
 * a duty (their reviews with dates, host school, team mates and Lead Reviewer, and how and by
 * when to answer), every one given no place (why, and the standby list they are on), then every
 * school that hosts a review or sends a reviewer (its visiting team, what is still sought, and
 * whom it sends where), in year order. Reviews before the freeze day are thanked for, never
 * asked about.
 *
 * @example
 * for (const letter of lettersOf({ year, allocation }, { replyBy: parseDay("2024-12-20") })) console.log(letter.email, letter.subject, letter.message);
 */
export function lettersOf(snapshot: Snapshot, wording: LetterWording = {}): Letter[] {
  const { year, allocation } = snapshot;
  const teams = teamsOf(allocation);
  const byPerson = groupBy(allocation.assignments, (a) => `${a.role}:${a.personId}`);
  // Schools' letters list the reviews they host; a trust's review (a TPR) has no school to write to.
  const hostedBy = groupBy(year.reviews, (r) => r.hostSchool?.id ?? "");
  const staffOf = groupBy(year.reviewers, (p) => p.school?.id ?? "");
  const coming = (review: ReviewInfo) => wording.freezeBefore === undefined || review.span.from >= wording.freezeBefore;
  const letters: Letter[] = [];
  const away = new Map((allocation.withdrawals ?? []).map((w) => [`${w.role}:${w.personId}`, w]));
  for (const person of [...year.reviewers, ...year.leads]) {
    const key = `${person.role}:${person.id}`;
    letters.push(personLetter(year, person, byPerson.get(key) ?? [], teams, wording, away.get(key)));
  }
  for (const school of year.problem.schools) {
    const hosted = (hostedBy.get(school.id) ?? []).filter(coming);
    const hosting = hosted.map((r) => hostingLine(year, teams.get(r.id), r));
    const sent = (staffOf.get(school.id) ?? [])
      .flatMap((p) => (byPerson.get(`peer:${p.id}`) ?? []).map((a) => ({ p, a, review: year.reviewById.get(a.reviewId) })))
      .filter((s): s is { p: PersonInfo; a: Assignment; review: ReviewInfo } => s.review !== undefined && coming(s.review))
      .sort((x, y) => x.review.span.from - y.review.span.from || (x.p.id < y.p.id ? -1 : 1));
    const sending = sent.map(({ p, a, review }) => `${personName(year, "peer", p.id)}: ${reviewOf(review)} ${dates(review.span)} (${awaiting(a) ? "awaiting their answer" : "confirmed"}).`);
    if (hosting.length === 0 && sending.length === 0) continue;
    const paragraphs = [
      ...(hosted.length > 0 ? [`${hosted.length === 1 ? "Your school's review" : "Your school's reviews"}:\n${bullets(hosting)}\nA calendar file for ${hosted.length === 1 ? "it" : "them"} is attached. If ${hosted.length === 1 ? "the dates" : "any dates"} no longer suit you, please tell us by replying to this e-mail.`] : []),
      ...(sent.length > 0
        ? [`Your school's reviewers on other schools' reviews (each place counts towards what your school gives back for the review it receives):\n${bullets(sending)}`]
        : []),
    ];
    const email = emailOf(year, "school", school.id);
    letters.push({
      recipientType: "school",
      recipientId: school.id,
      name: schoolName(school),
      ...(email ? { email } : {}),
      subject: hosted.length > 0 ? `QA Review of ${schoolName(school)}: your team` : `QA Reviews: ${schoolName(school)}'s reviewers`,
      message: letterText(`Dear colleagues at ${schoolName(school)},`, paragraphs),
      duties: [],
      hosting,
      sending,
    });
  }
  return letters;
}
