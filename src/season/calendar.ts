import { formatDay } from "../model/dates.js";
import type { Allocation, Assignment, Role } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { seatKey, statusOf, withState, type Seat, type Snapshot } from "./status.js";
import { addressOf, dates, hostTeamWords, personName, roleName, schoolName, teamsOf, teamWords, type Team } from "./words.js";

/**
 * One duty as a calendar entry: an all-day event over the review's days. Data, not a file.
 *
 * @example
 * const cancelled: readonly CalendarEvent[] = outcome.ok ? outcome.cancelled : [];
 * console.log(cancelled.map((e) => `${e.personId}: ${e.summary} ${e.start}..${e.end}`));
 */
export interface CalendarEvent {
  /** Stable per (review, person) so that importing a newer file updates the entry. */
  readonly uid: string;
  /** Raised each time the entry changes, so calendars take the newer one. */
  readonly sequence: number;
  /** `tentative` while the seat is proposed, `confirmed` once the person said yes, `cancelled` for a removed duty. */
  readonly status: "tentative" | "confirmed" | "cancelled";
  readonly reviewId: string;
  readonly personId: string;
  readonly personName: string;
  readonly role: Role;
  /** First and last day of the review (ISO, inclusive). */
  readonly start: string;
  readonly end: string;
  readonly summary: string;
  /** The host (a school, or a trust for a TPR): its name, its address where known, and its point where known. */
  readonly location: { readonly name: string; readonly address?: string; readonly lat?: number; readonly lon?: number };
  readonly description: string;
}

/** Everything one person's calendar file holds. */
export interface PersonCalendar {
  readonly personId: string;
  readonly role: Role;
  readonly name: string;
  readonly events: readonly CalendarEvent[];
}

/** The school year (September to August) of a day: `2023-24`. */
function schoolYear(day: number): string {
  const [year, month] = formatDay(day).split("-").map(Number) as [number, number];
  const first = month >= 9 ? year : year - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, "0")}`;
}

/**
 * The UID of a duty (of the review itself, in its host's calendar, without a person). Review
 * ids recur from year to year (R0001 every year), so the school year of the review is part of
 * it; ids are percent-encoded, so any id makes a valid UID.
 */
export function eventUid(year: Year, reviewId: string, personId?: string): string {
  const review = year.reviewById.get(reviewId);
  const season = review ? schoolYear(review.span.from) : "unknown";
  return `qar-${season}-${encodeURIComponent(reviewId)}${personId !== undefined ? `-${encodeURIComponent(personId)}` : ""}@qar-allocator`;
}

/** Where a review is held: the host's name, its address where known, its point where known. */
function locationOf(review: ReviewInfo): CalendarEvent["location"] {
  const { host } = review;
  const address = addressOf(review);
  return { name: schoolName(host), ...(address !== "" ? { address } : {}), ...(host.lat !== undefined && host.lon !== undefined ? { lat: host.lat, lon: host.lon } : {}) };
}

/** A duty's event without its sequence: two of these are equal exactly when the entry is unchanged. */
function eventContent(year: Year, teams: ReadonlyMap<string, Team>, seat: Seat, status: CalendarEvent["status"]): Omit<CalendarEvent, "sequence"> | undefined {
  const review = year.reviewById.get(seat.reviewId);
  if (!review) return undefined;
  const host = review.host;
  const answer = status === "confirmed" ? "confirmed" : status === "tentative" ? "offered, awaiting your answer" : "cancelled";
  return {
    uid: eventUid(year, review.id, seat.personId),
    status,
    reviewId: review.id,
    personId: seat.personId,
    personName: personName(year, seat.role, seat.personId),
    role: seat.role,
    start: formatDay(review.span.from),
    end: formatDay(review.span.to),
    summary: `${review.kind.label}: ${schoolName(host)} (${review.id}), ${roleName(seat.role)}${status === "cancelled" ? " (cancelled)" : ""}`,
    location: locationOf(review),
    description: [
      `${review.kind.name} ${review.id} at ${schoolName(host)}, ${dates(review.span)}.`,
      `${personName(year, seat.role, seat.personId)}, ${roleName(seat.role)}: ${answer}.`,
      `Team: ${teamWords(year, teams.get(review.id))}.`,
    ].join("\n"),
  };
}

/** A seat with its sequence; 0 is left unwritten, as an allocation without sequences means. */
function withSequence<T extends { readonly sequence?: number }>(seat: T, sequence: number): T {
  const { sequence: _old, ...rest } = seat;
  return (sequence === 0 ? rest : { ...rest, sequence }) as T;
}

const live = (a: Assignment): CalendarEvent["status"] => (statusOf(a) === "confirmed" ? "confirmed" : "tentative");
const sameContent = (a: object | undefined, b: object | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** What `stampSequences` returns: the allocation with each seat's sequence, and the duties removed in this step. */
export interface Stamped {
  readonly allocation: Allocation;
  /** One cancelled event per duty that `before` held and `after` does not. */
  readonly cancelled: readonly CalendarEvent[];
}

/**
 * Gives every seat of `after` its calendar sequence: unchanged entries keep theirs; a new or
 * changed entry (dates, place, team, status) gets the step's revision, one above every sequence
 * written so far, so calendars always take the newer file. Duties that `before` held and
 * `after` does not come back as cancelled events (a declined offer keeps that sequence).
 *
 * @example
 * const { allocation, cancelled } = stampSequences({ year, allocation: published }, { year, allocation: next });
 */
export function stampSequences(before: Snapshot | undefined, after: Snapshot): Stamped {
  const written = before ? [...before.allocation.assignments, ...(before.allocation.declined ?? [])] : [];
  const revision = before ? Math.max(0, ...written.map((a) => a.sequence ?? 0)) + 1 : 0;
  const oldTeams = before ? teamsOf(before.allocation) : new Map<string, Team>();
  const newTeams = teamsOf(after.allocation);
  const earlier = new Map((before?.allocation.assignments ?? []).map((a) => [seatKey(a), a]));
  const assignments = after.allocation.assignments.map((a) => {
    const old = earlier.get(seatKey(a));
    const unchanged = old && before && sameContent(eventContent(before.year, oldTeams, old, live(old)), eventContent(after.year, newTeams, a, live(a)));
    return withSequence(a, unchanged ? (old.sequence ?? 0) : revision);
  });
  const seated = new Set(after.allocation.assignments.map(seatKey));
  const removed = (before?.allocation.assignments ?? []).filter((a) => !seated.has(seatKey(a)));
  const removedNow = new Set(removed.map(seatKey));
  const declined = (after.allocation.declined ?? []).map((d) => (removedNow.has(seatKey(d)) ? withSequence(d, revision) : d));
  const cancelled = before
    ? removed.flatMap((a) => {
        const content = eventContent(before.year, oldTeams, a, "cancelled");
        return content ? [{ ...content, sequence: revision }] : [];
      })
    : [];
  return { allocation: withState({ assignments }, declined, after.allocation.withdrawals), cancelled };
}

/**
 * Every person's calendar: one event per duty in `snapshot` (with the sequences it holds) plus
 * the cancelled events of duties removed in this step. People in year order (reviewers, then
 * Lead Reviewers), then anyone who has left the year but still has a cancellation to receive.
 *
 * @example
 * for (const calendar of personCalendars(after, stamped.cancelled)) console.log(calendar.personId, calendar.events.length);
 */
export function personCalendars(snapshot: Snapshot, cancelled: readonly CalendarEvent[] = []): PersonCalendar[] {
  const { year } = snapshot;
  const teams = teamsOf(snapshot.allocation);
  const events = new Map<string, CalendarEvent[]>();
  const add = (key: string, event: CalendarEvent) => {
    const list = events.get(key);
    if (list) list.push(event);
    else events.set(key, [event]);
  };
  for (const a of snapshot.allocation.assignments) {
    const content = eventContent(year, teams, a, live(a));
    if (content) add(`${a.role}:${a.personId}`, { ...content, sequence: a.sequence ?? 0 });
  }
  for (const event of cancelled) add(`${event.role}:${event.personId}`, event);
  const order = [...year.reviewers, ...year.leads].map((p) => `${p.role}:${p.id}`);
  const known = new Set(order);
  const keys = [...order.filter((k) => events.has(k)), ...[...events.keys()].filter((k) => !known.has(k)).sort()];
  return keys.map((key) => {
    const list = [...events.get(key)!].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.reviewId < b.reviewId ? -1 : 1));
    const first = list[0]!;
    return { personId: first.personId, role: first.role, name: first.personName, events: list };
  });
}

/** What a calendar file writes of an event, a duty's or a host's. */
export type CalendarEntry = Pick<CalendarEvent, "uid" | "sequence" | "status" | "reviewId" | "start" | "end" | "summary" | "location" | "description">;

/** A host school's calendar: one event per review it hosts, listing the visiting team. */
export interface HostCalendar {
  readonly schoolId: string;
  readonly name: string;
  readonly events: readonly CalendarEntry[];
}

/**
 * Every host school's calendar: an all-day event per review it hosts, `CONFIRMED` (the dates are
 * the school's own), with the team as it stands. Its UID is the review's (no person), and its
 * sequence the highest of its team's entries and of the duties cancelled there in this step, so
 * a newer file updates the entry whenever the team changed. Reviews of trusts (TPRs) have no
 * school to send one to.
 *
 * @example
 * for (const host of hostCalendars({ year, allocation })) console.log(host.schoolId, host.events.length);
 */
export function hostCalendars(snapshot: Snapshot, cancelled: readonly CalendarEvent[] = []): HostCalendar[] {
  const { year, allocation } = snapshot;
  const teams = teamsOf(allocation);
  const sequence = new Map<string, number>();
  const raise = (reviewId: string, value: number | undefined) => sequence.set(reviewId, Math.max(sequence.get(reviewId) ?? 0, value ?? 0));
  for (const seat of [...allocation.assignments, ...(allocation.declined ?? []), ...cancelled]) raise(seat.reviewId, seat.sequence);
  const byHost = new Map<string, CalendarEntry[]>();
  for (const review of year.reviews) {
    const school = review.hostSchool;
    if (!school) continue;
    const host = review.host;
    const event: CalendarEntry = {
      uid: eventUid(year, review.id),
      sequence: sequence.get(review.id) ?? 0,
      status: "confirmed",
      reviewId: review.id,
      start: formatDay(review.span.from),
      end: formatDay(review.span.to),
      summary: `${review.kind.label} of ${schoolName(host)} (${review.id})`,
      location: locationOf(review),
      description: [`${review.kind.name} ${review.id} of ${schoolName(host)}, ${dates(review.span)}.`, hostTeamWords(year, teams.get(review.id), review)].join("\n"),
    };
    byHost.set(school.id, [...(byHost.get(school.id) ?? []), event]);
  }
  return year.problem.schools.filter((school) => byHost.has(school.id)).map((school) => ({ schoolId: school.id, name: schoolName(school), events: byHost.get(school.id)! }));
}
