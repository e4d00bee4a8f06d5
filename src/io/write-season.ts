import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { parseDay } from "../model/dates.js";
import type { Allocation } from "../model/schema.js";
import type { Year } from "../model/year.js";
import { personCalendars, type CalendarEvent, type PersonCalendar } from "../season/calendar.js";
import { lettersOf, type Letter } from "../season/letters.js";
import type { Notice } from "../season/notices.js";
import { tableCsv, type Table } from "./csv-text.js";
import { fileStems } from "./file-names.js";

export const NOTICE_COLUMNS = ["recipient_type", "recipient_id", "name", "review_id", "change", "start", "end", "message"] as const;
export const LETTER_COLUMNS = ["recipient_type", "recipient_id", "name", "email", "duties", "hosting", "sending"] as const;
/** The folder of the output that holds one calendar file per person. */
export const CALENDARS_FOLDER = "calendars";

/**
 * DTSTAMP of every event. A fixed instant keeps the files byte-identical for the same input;
 * calendars order versions of an event by its SEQUENCE, which carries the changes.
 */
const STAMP = new Date(Date.UTC(2000, 0, 1));
const MS_PER_DAY = 86_400_000;

/** `notices.csv`: one row per change for a person or host school, with a sentence to paste. */
export const noticesCsv = (notices: readonly Notice[]): string => tableCsv(noticesTable(notices));

/** `notices.csv`'s columns and rows (also the `notices` sheet of results.xlsx). */
export function noticesTable(notices: readonly Notice[]): Table {
  return { columns: NOTICE_COLUMNS, rows: notices.map((n) => [n.recipientType, n.recipientId, n.name, n.reviewId, n.change, n.start, n.end, n.message]) };
}

/** `letters.csv`: mail-merge rows; a person's duties, a school's hosting and sending are lines of one cell each. */
export const lettersCsv = (letters: readonly Letter[]): string => tableCsv(lettersTable(letters));

/** `letters.csv`'s columns and rows (also the `letters` sheet of results.xlsx). */
export function lettersTable(letters: readonly Letter[]): Table {
  return { columns: LETTER_COLUMNS, rows: letters.map((l) => [l.recipientType, l.recipientId, l.name, l.email, l.duties.join("\n"), l.hosting.join("\n"), l.sending.join("\n")]) };
}

const STATUS = { tentative: ICalEventStatus.TENTATIVE, confirmed: ICalEventStatus.CONFIRMED, cancelled: ICalEventStatus.CANCELLED } as const;

function addEvent(calendar: ReturnType<typeof ical>, event: CalendarEvent): void {
  const first = parseDay(event.start)!;
  const last = parseDay(event.end)!;
  const { name, address, lat, lon } = event.location;
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: STAMP,
    allDay: true,
    // DTEND of an all-day event is the day after the last day (RFC 5545 3.6.1).
    start: new Date(first * MS_PER_DAY),
    end: new Date((last + 1) * MS_PER_DAY),
    summary: event.summary,
    description: event.description,
    location: { title: name, ...(address !== undefined ? { address } : {}), ...(lat !== undefined && lon !== undefined ? { geo: { lat, lon } } : {}) },
    status: STATUS[event.status],
    transparency: event.status === "cancelled" ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
  });
}

/**
 * One person's calendar as iCalendar text (RFC 5545, CRLF lines): an all-day event per duty,
 * `STATUS:CANCELLED` for a duty removed in this step. Published with `METHOD:PUBLISH`, so that
 * importing the file adds, updates (same UID, higher SEQUENCE) or cancels each entry.
 */
export function calendarIcs(person: PersonCalendar): string {
  const calendar = ical({
    prodId: { company: "qar-allocator", product: "qar", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    name: `QA Reviews: ${person.name}`,
  });
  for (const event of person.events) addEvent(calendar, event);
  return calendar.toString();
}

/**
 * The season files of an allocation: `letters.csv` and `calendars/<person id>.ics` for everyone
 * with a duty (and anyone with a duty cancelled in this step). Person ids are made safe as file
 * names (see `fileStems`).
 *
 * @example
 * const files = seasonFiles(year, allocation); // { "letters.csv": ..., "calendars/P0001.ics": ..., ... }
 */
export function seasonFiles(year: Year, allocation: Allocation, cancelled: readonly CalendarEvent[] = []): Record<string, string> {
  const snapshot = { year, allocation };
  const calendars = personCalendars(snapshot, cancelled);
  const stems = fileStems(calendars.map((c) => c.personId));
  const files: Record<string, string> = { "letters.csv": lettersCsv(lettersOf(snapshot)) };
  for (const person of calendars) files[`${CALENDARS_FOLDER}/${stems.get(person.personId)!}.ics`] = calendarIcs(person);
  return files;
}
