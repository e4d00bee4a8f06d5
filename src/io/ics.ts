/**
 * iCalendar text (RFC 5545) for the season's calendars: all-day events published with
 * `METHOD:PUBLISH`. Written here rather than with ical-generator, whose line folding makes a
 * `TextEncoder` per character: 12 s of the 51 s of outputs of a year of 4,250 reviews (15,000
 * calendars), against well under a second here. The text is the same, byte for byte, as
 * ical-generator 10.2 writes for these events (test/io/ics.test.ts checks it against it, and
 * against an independent parser).
 */

/** One all-day event: its days, words, place and state. */
export interface IcsEvent {
  readonly uid: string;
  readonly sequence: number;
  /** First and last day, as days since 1970-01-01 (UTC). */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly summary: string;
  readonly description: string;
  readonly location: { readonly name: string; readonly address?: string; readonly lat?: number; readonly lon?: number };
  readonly status: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
  /** `TRANSPARENT` for an entry that no longer takes the days (a cancelled duty). */
  readonly transparency: "OPAQUE" | "TRANSPARENT";
}

const MS_PER_DAY = 86_400_000;
/** Octets on a line before it is folded (RFC 5545 3.1 allows 75; ical-generator folds past 74). */
const FOLD_AFTER = 74;

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. */
export const icsText = (text: string): string => text.replace(/[\\;,]/g, (match) => `\\${match}`).replace(/\r\n|\r|\n/g, "\\n");

const two = (n: number) => String(n).padStart(2, "0");

/** `20240304`: a day as a DATE value. */
function icsDate(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  return `${String(date.getUTCFullYear()).padStart(4, "0")}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`;
}

/** `20240304T091500Z`: a moment as a UTC DATE-TIME value. */
function icsStamp(when: Date): string {
  return `${icsDate(Math.floor(when.getTime() / MS_PER_DAY))}T${two(when.getUTCHours())}${two(when.getUTCMinutes())}${two(when.getUTCSeconds())}Z`;
}

// Only characters off the fast path are measured this way: the odd surrogate, whose octets a
// lone half makes 3 (encoded as U+FFFD).
const encoder = new TextEncoder();

/** Octets of the character at `i` of `line` in UTF-8, and how many UTF-16 units it spans. */
function charAt(line: string, i: number): { octets: number; units: number } {
  const code = line.charCodeAt(i);
  if (code < 0x80) return { octets: 1, units: 1 };
  if (code < 0x800) return { octets: 2, units: 1 };
  if (code >= 0xd800 && code <= 0xdbff) {
    const units = i + 1 < line.length ? 2 : 1;
    return { octets: encoder.encode(line.slice(i, i + units)).length, units };
  }
  return { octets: 3, units: 1 };
}

/** Lines longer than 74 octets folded (CRLF and a space), never inside a character. */
function foldLine(line: string): string {
  // A short ASCII line never folds (its length is its octets).
  if (line.length <= FOLD_AFTER && /^[\x00-\x7f]*$/.test(line)) return line;
  let folded = "";
  let octets = 0;
  let from = 0;
  for (let i = 0; i < line.length; ) {
    const char = charAt(line, i);
    octets += char.octets;
    if (octets > FOLD_AFTER) {
      folded += `${line.slice(from, i)}\r\n `;
      from = i;
      octets = char.octets;
    }
    i += char.units;
  }
  return folded + line.slice(from);
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const { name, address, lat, lon } = event.location;
  return [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(event.firstDay)}`,
    // DTEND of an all-day event is the day after the last day (RFC 5545 3.6.1).
    `DTEND;VALUE=DATE:${icsDate(event.lastDay + 1)}`,
    "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
    "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE",
    `SUMMARY:${icsText(event.summary)}`,
    `TRANSP:${event.transparency}`,
    ...(name ? [`LOCATION:${icsText(address ? `${name}\n${address}` : name)}`] : []),
    // A point at latitude or longitude 0 is left out, as ical-generator does.
    ...(lat && lon ? [`GEO:${lat};${lon}`] : []),
    `DESCRIPTION:${icsText(event.description)}`,
    `STATUS:${event.status}`,
    "END:VEVENT",
  ];
}

/**
 * A calendar as iCalendar text: CRLF after every line (the last included), lines folded at
 * 75 octets, DTSTAMP `stamp` (the time of writing) on every event.
 *
 * @example
 * calendarText("QA Reviews: Ann Lee", [{ uid: "qar-2024-25-R1-P1@qar-allocator", sequence: 0, firstDay: 20_000, lastDay: 20_002, summary: "QA Review", description: "…", location: { name: "Ash Primary" }, status: "TENTATIVE", transparency: "OPAQUE" }], new Date());
 */
export function calendarText(name: string, events: readonly IcsEvent[], stamp: Date): string {
  const when = icsStamp(stamp);
  const title = icsText(name);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//qar-allocator//qar//EN", "METHOD:PUBLISH", ...(title ? [`NAME:${title}`, `X-WR-CALNAME:${title}`] : []), ...events.flatMap((event) => eventLines(event, when)), "END:VCALENDAR"];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
