/**
 * The calendars' iCalendar writer (src/io/ics.ts) against ical-generator 10.2, which wrote them
 * before (kept as a development dependency for this check): the same text, byte for byte, on
 * random calendars — long lines, multi-byte and astral characters, lone surrogates, escapes —
 * and every line within 75 octets, read back by ical.js (an independent parser).
 */
import fc from "fast-check";
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarText, type IcsEvent } from "../../src/io/ics.js";

const MS_PER_DAY = 86_400_000;

/** What the writer did with ical-generator (src/io/write-season.ts before it was replaced). */
function byIcalGenerator(name: string, events: readonly IcsEvent[], stamp: Date): string {
  const calendar = ical({ prodId: { company: "qar-allocator", product: "qar", language: "EN" }, method: ICalCalendarMethod.PUBLISH, name: name.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n") });
  for (const event of events) {
    const { name: title, address, lat, lon } = event.location;
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp,
      allDay: true,
      start: new Date(event.firstDay * MS_PER_DAY),
      end: new Date((event.lastDay + 1) * MS_PER_DAY),
      summary: event.summary,
      description: event.description,
      location: { title, ...(address !== undefined ? { address } : {}), ...(lat !== undefined && lon !== undefined ? { geo: { lat, lon } } : {}) },
      status: ICalEventStatus[event.status],
      transparency: ICalEventTransparency[event.transparency],
    });
  }
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

// Words as calendars hold them: school names and team lists, with the characters that need care.
const piece = fc.oneof(
  fc.constantFrom("Ash Primary School", "St Mary's C of E", "Lead Reviewer", ", ", "; ", "\\", "\n", "\r\n", "é", "Ł", "€", "漢字", "🙂", "\ud800", "\udc00x", " "),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));
const day = fc.integer({ min: 10_000, max: 30_000 });
const event: fc.Arbitrary<IcsEvent> = fc.record({
  uid: fc.stringMatching(/^qar-20\d\d-\d\d-R\d{1,4}-[A-Z]\d{1,4}@qar-allocator$/),
  sequence: fc.nat(20),
  firstDay: day,
  lastDay: day,
  summary: text,
  description: text,
  location: fc.record(
    { name: text.filter((t) => t.length > 0), address: text, lat: fc.double({ min: -89, max: 89, noNaN: true }), lon: fc.double({ min: -179, max: 179, noNaN: true }) },
    { requiredKeys: ["name"] },
  ),
  status: fc.constantFrom("TENTATIVE", "CONFIRMED", "CANCELLED"),
  transparency: fc.constantFrom("OPAQUE", "TRANSPARENT"),
}).map((e) => ({ ...e, lastDay: Math.max(e.firstDay, e.lastDay) }));
const stamp = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms));

describe("calendarText", () => {
  it("writes what ical-generator 10.2 wrote, byte for byte", () => {
    fc.assert(
      fc.property(text, fc.array(event, { maxLength: 4 }), stamp, (name, events, when) => {
        expect(calendarText(name, events, when)).toBe(byIcalGenerator(name, events, when));
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it("folds every line within 75 octets and reads back, through ical.js, as it was given", () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 3 }), stamp, (events, when) => {
        const ics = calendarText("QA Reviews: Ann Lee", events, when);
        for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
        const read = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
        expect(read.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
        // ical.js reads the JavaScript text itself: line breaks come back as LF.
        const asRead = (s: string) => s.replace(/\r\n|\r/g, "\n");
        expect(read.map((e) => e.summary)).toEqual(events.map((e) => asRead(e.summary)));
        expect(read.map((e) => e.description)).toEqual(events.map((e) => asRead(e.description)));
        expect(read.map((e) => e.startDate.toString())).toEqual(events.map((e) => new Date(e.firstDay * MS_PER_DAY).toISOString().slice(0, 10)));
      }),
      { seed: 20261208, numRuns: 100 },
    );
  });
});
