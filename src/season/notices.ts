import { formatDay } from "../model/dates.js";
import type { Role } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { allocationDiff } from "../solver/diff.js";
import { seatKey, statusOf, type Snapshot } from "./status.js";
import { addressOf, dates, hostTeamWords, personName, replyWords, reviewOf, roleName, schoolName, teamsOf, type Team } from "./words.js";

/** Who a notice or letter is for; `trust` is the host of a review of a trust (a Trust Peer Review). */
export type RecipientType = "reviewer" | "lead" | "school" | "trust";

/**
 * What changed, in the recipient's terms: a person is newly asked (`added`), `moved` (to
 * another review, or their review to other dates), recorded as having `declined` or `withdrew`
 * (their own word), or `released` (taken off by the re-plan, or their review cancelled); a host's
 * team changed (`team-changed`) or its review was `cancelled`.
 */
export type NoticeChange = "added" | "moved" | "declined" | "withdrew" | "released" | "team-changed" | "cancelled";

/**
 * One row of `notices.csv`: one change for one person or host, with the words to paste into an e-mail.
 *
 * @example
 * for (const n of outcome.ok ? outcome.notices : []) console.log(`${n.email ?? n.name}: ${n.message}`);
 */
export interface Notice {
  readonly recipientType: RecipientType;
  readonly recipientId: string;
  readonly name: string;
  /** From the year's files (`email` column), where given. */
  readonly email?: string;
  readonly reviewId: string;
  readonly change: NoticeChange;
  /** The review's first and last day (ISO), as it now stands (as it stood, for a removal). */
  readonly start: string;
  readonly end: string;
  readonly message: string;
}

/** How notices and letters ask for an answer. */
export interface Wording {
  /** The day answers are due (a day number); absent: "as soon as you can". */
  readonly replyBy?: number;
}

const recipientOf = (role: Role): RecipientType => (role === "lead" ? "lead" : "reviewer");

/** The e-mail address of a recipient in the year's files, where given. */
export function emailOf(year: Year, type: RecipientType, id: string): string | undefined {
  if (type === "school") return year.schools.get(id)?.email?.trim() || undefined;
  return type === "reviewer" ? year.people.peer.get(id)?.email : type === "lead" ? year.people.lead.get(id)?.email : undefined;
}

/** `the review of Ash Primary School (1 High Street, AB1 2CD) from Monday 4 March 2024 to Wednesday 6 March 2024`. */
function duty(review: ReviewInfo): string {
  const address = addressOf(review);
  return `${reviewOf(review)}${address ? ` (${address})` : ""} ${dates(review.span)}`;
}

function notice(year: Year, role: Role, personId: string, review: ReviewInfo, change: Notice["change"], message: string): Notice {
  const email = emailOf(year, recipientOf(role), personId);
  return {
    recipientType: recipientOf(role),
    recipientId: personId,
    name: personName(year, role, personId),
    ...(email ? { email } : {}),
    reviewId: review.id,
    change,
    start: formatDay(review.span.from),
    end: formatDay(review.span.to),
    message,
  };
}

/** Notices for people: newly asked, moved, declined, withdrawn, or released. */
function peopleNotices(before: Snapshot, after: Snapshot, wording: Wording): Notice[] {
  const notices: Notice[] = [];
  const givenUp = new Map((after.allocation.declined ?? []).map((d) => [seatKey(d), d]));
  const givenUpBefore = new Set((before.allocation.declined ?? []).map(seatKey));
  const confirmedBefore = new Set(before.allocation.assignments.filter((a) => statusOf(a) === "confirmed").map(seatKey));
  const reviewBefore = (id: string) => before.year.reviewById.get(id) ?? after.year.reviewById.get(id);
  const reviewAfter = (id: string) => after.year.reviewById.get(id) ?? before.year.reviewById.get(id);
  const ask = (to: ReviewInfo) => replyWords(wording.replyBy, to.span.from);
  // The decline or withdrawal of `from`, in the person's words, when that is why they left it.
  const ownWord = (from: ReviewInfo, role: Role, personId: string): { change: "declined" | "withdrew"; text: string } | undefined => {
    const key = seatKey({ reviewId: from.id, role, personId });
    const seat = givenUp.get(key);
    if (!seat || givenUpBefore.has(key)) return undefined;
    return seat.status === "withdrawn"
      ? { change: "withdrew", text: `We have recorded that you have withdrawn from ${duty(from)}, and have taken you off its team. Thank you for letting us know; we will not ask you about it again.` }
      : { change: "declined", text: `Thank you for letting us know that you cannot join ${duty(from)}. We have taken you off its team and will not ask you about it again.` };
  };
  for (const d of allocationDiff(before.allocation, after.allocation)) {
    const from = d.fromReviewId !== undefined ? reviewBefore(d.fromReviewId) : undefined;
    const to = d.toReviewId !== undefined ? reviewAfter(d.toReviewId) : undefined;
    const year = d.change === "removed" && !after.year.people[d.role].has(d.personId) ? before.year : after.year;
    const as = `as ${d.role === "lead" ? "its Lead Reviewer" : "a peer reviewer"}`;
    if (d.change === "added" && to) {
      notices.push(notice(year, d.role, d.personId, to, "added", `We would like you to join ${duty(to)}, ${as}; ${ask(to)}.`));
    } else if (d.change === "removed" && from) {
      const own = ownWord(from, d.role, d.personId);
      const seat = seatKey({ reviewId: from.id, role: d.role, personId: d.personId });
      const text = own
        ? own.text
        : !after.year.reviewById.has(from.id)
          ? `${capital(duty(from))} is cancelled, so you are no longer needed for it. Please remove it from your calendar; thank you for being ready to take part.`
          : confirmedBefore.has(seat)
            ? releasedConfirmed(from)
            : `The team for ${duty(from)} has had to change, so we no longer need you for it. Please remove it from your calendar; thank you for being ready to take part.`;
      notices.push(notice(year, d.role, d.personId, from, own?.change ?? "released", text));
    } else if (d.change === "moved" && from && to) {
      const own = ownWord(from, d.role, d.personId);
      // A confirmed seat moves only when released (--release-stranded): say so before the new offer.
      const released = confirmedBefore.has(seatKey({ reviewId: from.id, role: d.role, personId: d.personId }));
      const first = own ?? (released ? { change: "released" as const, text: releasedConfirmed(from) } : undefined);
      if (first) {
        notices.push(notice(year, d.role, d.personId, from, first.change, first.text));
        notices.push(notice(year, d.role, d.personId, to, "added", `In its place, we would like you to join ${duty(to)}, ${as}; ${ask(to)}.`));
      } else {
        notices.push(notice(year, d.role, d.personId, to, "moved", `To fill the teams, we would like to move you from ${duty(from)} to ${duty(to)}, ${as}. Please remove the first from your calendar, and ${ask(to)}.`));
      }
    }
  }
  // A seat kept on a review whose dates changed (a moved review) is a move in time.
  const earlier = new Set(before.allocation.assignments.map(seatKey));
  for (const a of after.allocation.assignments) {
    const was = before.year.reviewById.get(a.reviewId);
    const now = after.year.reviewById.get(a.reviewId);
    if (!earlier.has(seatKey(a)) || !was || !now || (was.span.from === now.span.from && was.span.to === now.span.to)) continue;
    const text = `${capital(reviewOf(now))} has moved: it now runs ${dates(now.span)} (it was ${dates(was.span)}). You stay on its team as ${roleName(a.role)}; please tell us by replying to this e-mail if you cannot come on the new dates.`;
    notices.push(notice(after.year, a.role, a.personId, now, "moved", text));
  }
  return notices;
}

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The words for someone released from a seat they had confirmed (`releaseStranded`). */
const releasedConfirmed = (from: ReviewInfo) =>
  `We are sorry: although you had confirmed, we have had to release you from ${duty(from)}, as its team cannot go ahead as planned. Please remove it from your calendar.`;

const sameTeam = (a: Team | undefined, b: Team | undefined) =>
  a?.lead === b?.lead && JSON.stringify([...(a?.peers ?? [])].sort()) === JSON.stringify([...(b?.peers ?? [])].sort());

/** Notices for hosts (schools, or trusts for a TPR) whose visiting team changed, or whose review was cancelled. */
function hostNotices(before: Snapshot, after: Snapshot): Notice[] {
  const oldTeams = teamsOf(before.allocation);
  const newTeams = teamsOf(after.allocation);
  const ids = [...after.year.reviews.map((r) => r.id), ...before.year.reviews.map((r) => r.id).filter((id) => !after.year.reviewById.has(id))];
  const notices: Notice[] = [];
  for (const id of ids) {
    if (sameTeam(oldTeams.get(id), newTeams.get(id))) continue;
    const now = after.year.reviewById.get(id);
    const review = now ?? before.year.reviewById.get(id)!;
    const type: RecipientType = review.hostSchool ? "school" : "trust";
    const email = emailOf(after.year, type, review.host.id);
    const message = now
      ? `The team for your ${now.kind.id === "qar" ? "review" : now.kind.name} ${dates(now.span)} has changed. ${hostTeamWords(after.year, newTeams.get(id), now)}`
      : `Your ${review.kind.id === "qar" ? "review" : review.kind.name} ${dates(review.span)} is cancelled, and its team has been released.`;
    notices.push({
      recipientType: type,
      recipientId: review.host.id,
      name: schoolName(review.host),
      ...(email ? { email } : {}),
      reviewId: id,
      change: now ? "team-changed" : "cancelled",
      start: formatDay(review.span.from),
      end: formatDay(review.span.to),
      message,
    });
  }
  return notices;
}

const TYPE_ORDER: Record<RecipientType, number> = { reviewer: 0, lead: 1, school: 2, trust: 3 };
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What each person and host must be told about one step of the season (a respond or a repair),
 * in plain words: one notice per changed duty (a decline or a withdrawal acknowledged, a new
 * offer with how and by when to answer, a release, a move) and per host whose team changed,
 * reviewers first, then Lead Reviewers, then schools, each by id.
 *
 * @example
 * for (const n of noticesOf({ year, allocation: published }, { year, allocation: next })) console.log(n.recipientId, n.email, n.message);
 */
export function noticesOf(before: Snapshot, after: Snapshot, wording: Wording = {}): Notice[] {
  return [...peopleNotices(before, after, wording), ...hostNotices(before, after)].sort(
    (a, b) => TYPE_ORDER[a.recipientType] - TYPE_ORDER[b.recipientType] || compare(a.recipientId, b.recipientId) || compare(a.start, b.start) || compare(a.reviewId, b.reviewId),
  );
}
