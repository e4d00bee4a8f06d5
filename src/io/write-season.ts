import { parseDay } from "../model/dates.js";
import type { Allocation } from "../model/schema.js";
import type { Year } from "../model/year.js";
import { hostCalendars, personCalendars, type CalendarEntry, type CalendarEvent, type HostCalendar, type PersonCalendar } from "../season/calendar.js";
import { lettersOf, type Letter, type LetterWording } from "../season/letters.js";
import type { Notice } from "../season/notices.js";
import { tableCsv, type Table } from "./csv-text.js";
import { fileStems } from "./file-names.js";
import { calendarText as icsCalendar, type IcsEvent } from "./ics.js";

export const NOTICE_COLUMNS = ["recipient_type", "recipient_id", "name", "email", "review_id", "change", "start", "end", "message"] as const;
export const LETTER_COLUMNS = ["recipient_type", "recipient_id", "name", "email", "subject", "message", "duties", "hosting", "sending"] as const;
/** The folder of the output that holds one calendar file per person (and `schools/`, one per host school). */
export const CALENDARS_FOLDER = "calendars";
/** The subfolder of `calendars/` with one calendar file per host school. */
export const HOST_CALENDARS_FOLDER = "schools";


/**
 * The time of writing, for DTSTAMP: `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention) when set, so that tests and archived runs are byte-stable;
 * else the clock.
 *
 * @example writingTime({ SOURCE_DATE_EPOCH: "1733097600" }).toISOString() // "2024-12-02T00:00:00.000Z"
 */
export function writingTime(env: Readonly<Record<string, string | undefined>> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/** `notices.csv`: one row per change for a person or host, with the words to paste and where to send them. */
export const noticesCsv = (notices: readonly Notice[]): string => tableCsv(noticesTable(notices));

/** `notices.csv`'s columns and rows (also the `notices` sheet of results.xlsx). */
export function noticesTable(notices: readonly Notice[]): Table {
  return { columns: NOTICE_COLUMNS, rows: notices.map((n) => [n.recipientType, n.recipientId, n.name, n.email, n.reviewId, n.change, n.start, n.end, n.message]) };
}

/** `letters.csv`: mail-merge rows, each a whole letter (`subject`, `message`) and its duties, hosting and sending as lines of one cell each. */
export const lettersCsv = (letters: readonly Letter[]): string => tableCsv(lettersTable(letters));

/** `letters.csv`'s columns and rows (also the `letters` sheet of results.xlsx). */
export function lettersTable(letters: readonly Letter[]): Table {
  return { columns: LETTER_COLUMNS, rows: letters.map((l) => [l.recipientType, l.recipientId, l.name, l.email, l.subject, l.message, l.duties.join("\n"), l.hosting.join("\n"), l.sending.join("\n")]) };
}

/** A calendar entry as an all-day iCalendar event. */
function icsEvent(event: CalendarEntry): IcsEvent {
  return {
    uid: event.uid,
    sequence: event.sequence,
    firstDay: parseDay(event.start)!,
    lastDay: parseDay(event.end)!,
    summary: event.summary,
    description: event.description,
    location: event.location,
    status: event.status === "cancelled" ? "CANCELLED" : event.status === "confirmed" ? "CONFIRMED" : "TENTATIVE",
    transparency: event.status === "cancelled" ? "TRANSPARENT" : "OPAQUE",
  };
}

/**
 * A calendar as iCalendar text (RFC 5545: CRLF after every line, the last included), published
 * with `METHOD:PUBLISH`, so that importing the file adds, updates (same UID, higher SEQUENCE) or
 * cancels each entry. DTSTAMP is `stamp`, the time of writing.
 */
function calendarText(name: string, events: readonly CalendarEntry[], stamp: Date): string {
  return icsCalendar(name, events.map(icsEvent), stamp);
}

/**
 * One person's calendar as iCalendar text: an all-day event per duty, `STATUS:CANCELLED` for a
 * duty removed in this step.
 *
 * @example calendarIcs(personCalendars({ year, allocation })[0]!, writingTime())
 */
export function calendarIcs(person: PersonCalendar, stamp: Date = writingTime()): string {
  return calendarText(`QA Reviews: ${person.name}`, person.events, stamp);
}

/**
 * A host school's calendar as iCalendar text: an all-day event per review it hosts, with its team.
 *
 * @example hostCalendarIcs(hostCalendars({ year, allocation })[0]!, writingTime())
 */
export function hostCalendarIcs(host: HostCalendar, stamp: Date = writingTime()): string {
  return calendarText(`QA Reviews at ${host.name}`, host.events, stamp);
}

/** How the season files are written: DTSTAMP (the time of writing by default) and the letters' wording (or the letters themselves). */
export interface SeasonFileOptions {
  readonly stamp?: Date;
  readonly wording?: LetterWording;
  readonly letters?: readonly Letter[];
}

/**
 * The season files of an allocation: `letters.csv` (a whole letter for every reviewer and Lead
 * Reviewer, placed or not, and every school that hosts or sends), `calendars/<person id>.ics`
 * for everyone with a duty (and anyone with a duty cancelled in this step), and
 * `calendars/schools/<school id>.ics` for every host school. Ids are made safe as file names
 * (see `fileStems`).
 *
 * @example
 * const files = seasonFiles(year, allocation); // { "letters.csv": ..., "calendars/P0001.ics": ..., "calendars/schools/S0001.ics": ... }
 */
export function seasonFiles(year: Year, allocation: Allocation, cancelled: readonly CalendarEvent[] = [], options: SeasonFileOptions = {}): Record<string, string> {
  const snapshot = { year, allocation };
  const stamp = options.stamp ?? writingTime();
  const calendars = personCalendars(snapshot, cancelled);
  const stems = fileStems(calendars.map((c) => c.personId));
  const files: Record<string, string> = { "letters.csv": lettersCsv(options.letters ?? lettersOf(snapshot, options.wording)) };
  for (const person of calendars) files[`${CALENDARS_FOLDER}/${stems.get(person.personId)!}.ics`] = calendarIcs(person, stamp);
  const hosts = hostCalendars(snapshot, cancelled);
  const hostStems = fileStems(hosts.map((h) => h.schoolId));
  for (const host of hosts) files[`${CALENDARS_FOLDER}/${HOST_CALENDARS_FOLDER}/${hostStems.get(host.schoolId)!}.ics`] = hostCalendarIcs(host, stamp);
  return files;
}
