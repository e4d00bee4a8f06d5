import { formatDay } from "../model/dates.js";
import type { Role } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { allocationDiff } from "../solver/diff.js";
import { seatKey, statusOf, type Snapshot } from "./status.js";
import { dates, personName, reviewLabel, roleName, schoolName, teamsOf, teamWords, type Team } from "./words.js";

/** Who a notice is for. */
/** Who a notice or letter is for; `trust` is the host of a review of a trust (a Trust Peer Review). */
export type RecipientType = "reviewer" | "lead" | "school" | "trust";
/** What changed: a duty added, removed, moved (to another review or other dates), or a host's team changed. */
export type NoticeChange = "added" | "removed" | "moved" | "team-changed";

/** One row of `notices.csv`: one change for one person or host school, with a sentence to paste into an e-mail. */
export interface Notice {
  readonly recipientType: RecipientType;
  readonly recipientId: string;
  readonly name: string;
  readonly reviewId: string;
  readonly change: NoticeChange;
  /** The review's first and last day (ISO), as it now stands (as it stood, for a removal). */
  readonly start: string;
  readonly end: string;
  readonly message: string;
}

const recipientOf = (role: Role): RecipientType => (role === "lead" ? "lead" : "reviewer");

function personNotice(year: Year, role: Role, personId: string, review: ReviewInfo, change: NoticeChange, message: string): Notice {
  return {
    recipientType: recipientOf(role),
    recipientId: personId,
    name: personName(year, role, personId),
    reviewId: review.id,
    change,
    start: formatDay(review.span.from),
    end: formatDay(review.span.to),
    message,
  };
}

/** Notices for people: duties added, removed (declined or taken off), moved to another review, or moved in time. */
function peopleNotices(before: Snapshot, after: Snapshot): Notice[] {
  const notices: Notice[] = [];
  const declinedNow = new Set((after.allocation.declined ?? []).map(seatKey));
  const confirmedBefore = new Set(before.allocation.assignments.filter((a) => statusOf(a) === "confirmed").map(seatKey));
  const reviewBefore = (id: string) => before.year.reviewById.get(id) ?? after.year.reviewById.get(id);
  const reviewAfter = (id: string) => after.year.reviewById.get(id) ?? before.year.reviewById.get(id);
  for (const d of allocationDiff(before.allocation, after.allocation)) {
    const from = d.fromReviewId !== undefined ? reviewBefore(d.fromReviewId) : undefined;
    const to = d.toReviewId !== undefined ? reviewAfter(d.toReviewId) : undefined;
    const year = d.change === "removed" && !after.year.people[d.role].has(d.personId) ? before.year : after.year;
    const name = personName(year, d.role, d.personId);
    if (d.change === "added" && to) {
      notices.push(personNotice(year, d.role, d.personId, to, "added", `${name}, you are now ${d.role === "lead" ? "the Lead Reviewer" : "a peer reviewer"} on ${reviewLabel(to)} ${dates(to.span)}; please confirm that you can attend.`));
    } else if (d.change === "removed" && from) {
      const seat = seatKey({ reviewId: from.id, role: d.role, personId: d.personId });
      const text = declinedNow.has(seat)
        ? `${name}, your decline of ${reviewLabel(from)} ${dates(from.span)} is recorded and you are no longer on its team.`
        : confirmedBefore.has(seat)
          ? `${name}, we are sorry: ${reviewLabel(from)} ${dates(from.span)} cannot keep its team as planned, so you are released from it although you had confirmed.`
          : `${name}, you are no longer on ${reviewLabel(from)} ${dates(from.span)}; please remove it from your calendar.`;
      notices.push(personNotice(year, d.role, d.personId, from, "removed", text));
    } else if (d.change === "moved" && from && to) {
      const declined = declinedNow.has(seatKey({ reviewId: from.id, role: d.role, personId: d.personId }));
      const text = declined
        ? `${name}, your decline of ${reviewLabel(from)} is recorded, and you are now offered ${reviewLabel(to)} ${dates(to.span)} instead, as ${roleName(d.role)}; please confirm that you can attend.`
        : `${name}, you are moved from ${reviewLabel(from)} ${dates(from.span)} to ${reviewLabel(to)} ${dates(to.span)}, as ${roleName(d.role)}; please confirm that you can attend.`;
      notices.push(personNotice(year, d.role, d.personId, to, "moved", text));
    }
  }
  // A seat kept on a review whose dates changed (a moved review) is a move in time.
  const earlier = new Set(before.allocation.assignments.map(seatKey));
  for (const a of after.allocation.assignments) {
    const was = before.year.reviewById.get(a.reviewId);
    const now = after.year.reviewById.get(a.reviewId);
    if (!earlier.has(seatKey(a)) || !was || !now || (was.span.from === now.span.from && was.span.to === now.span.to)) continue;
    const name = personName(after.year, a.role, a.personId);
    notices.push(personNotice(after.year, a.role, a.personId, now, "moved", `${name}, ${reviewLabel(now)} has moved and now runs ${dates(now.span)}; you stay on its team as ${roleName(a.role)}.`));
  }
  return notices;
}

const sameTeam = (a: Team | undefined, b: Team | undefined) =>
  a?.lead === b?.lead && JSON.stringify([...(a?.peers ?? [])].sort()) === JSON.stringify([...(b?.peers ?? [])].sort());

/** Notices for hosts (schools, or trusts for a TPR) whose visiting team or Lead Reviewer changed (or whose review was cancelled). */
function schoolNotices(before: Snapshot, after: Snapshot): Notice[] {
  const oldTeams = teamsOf(before.allocation);
  const newTeams = teamsOf(after.allocation);
  const ids = [...after.year.reviews.map((r) => r.id), ...before.year.reviews.map((r) => r.id).filter((id) => !after.year.reviewById.has(id))];
  const notices: Notice[] = [];
  for (const id of ids) {
    if (sameTeam(oldTeams.get(id), newTeams.get(id))) continue;
    const now = after.year.reviewById.get(id);
    const review = now ?? before.year.reviewById.get(id)!;
    const school = schoolName(review.host);
    const message = now
      ? `${school}, the team for your review ${id} ${dates(now.span)} has changed: it is now ${teamWords(after.year, newTeams.get(id))}.`
      : `${school}, your review ${id} ${dates(review.span)} is cancelled and its team is released.`;
    notices.push({
      recipientType: review.hostSchool ? "school" : "trust",
      recipientId: review.host.id,
      name: school,
      reviewId: id,
      change: "team-changed",
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
 * What each person and host school must be told about one step of the season (a respond or a
 * repair): one notice per changed duty and per host whose team changed, reviewers first, then
 * Lead Reviewers, then schools, each by id.
 *
 * @example
 * for (const n of noticesOf({ year, allocation: published }, { year, allocation: next })) console.log(n.recipientId, n.message);
 */
export function noticesOf(before: Snapshot, after: Snapshot): Notice[] {
  return [...peopleNotices(before, after), ...schoolNotices(before, after)].sort(
    (a, b) => TYPE_ORDER[a.recipientType] - TYPE_ORDER[b.recipientType] || compare(a.recipientId, b.recipientId) || compare(a.start, b.start) || compare(a.reviewId, b.reviewId),
  );
}
