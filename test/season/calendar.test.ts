import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileStems } from "../../src/io/file-names.js";
import { seasonFiles } from "../../src/io/write-season.js";
import type { Allocation, Assignment } from "../../src/model/schema.js";
import { parseDay } from "../../src/model/dates.js";
import { indexYear } from "../../src/model/year.js";
import { stampSequences } from "../../src/season/calendar.js";
import { lettersOf } from "../../src/season/letters.js";
import { respond } from "../../src/season/respond.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
import ICAL from "ical.js";
import { parseEvents } from "./helpers.js";

const year = problem({
  schools: [
    school("S1", { name: "Ash Primary", address: "1 High Street, Ashby", postcode: "AB1 2CD", lat: 52.1, lon: -1.2, email: "office@ash.example" }),
    ...["S2", "S3", "S4", "S5", "S6", "S7"].map((id) => school(id)),
  ],
  reviewers: [reviewer("A", "S3", { email: "a@example.org" }), reviewer("B", "S4", { level: "reviewer" }), reviewer("E", "S5"), reviewer("C", "S6", { level: "reviewer" }), reviewer("../D", "S7")],
  leads: [lead("L1", { email: "l1@example.org" })],
  reviews: [review("R1", "S1", "2024-03-04", { seats: 2 }), review("R2", "S2", "2024-05-06", { seats: 2 })],
});
const seat = (reviewId: string, role: "lead" | "peer", personId: string): Assignment => ({ reviewId, role, personId });
const published: Allocation = { assignments: [seat("R1", "lead", "L1"), seat("R1", "peer", "A"), seat("R1", "peer", "B"), seat("R2", "lead", "L1"), seat("R2", "peer", "C"), seat("R2", "peer", "../D")] };
const eventsOf = (files: Record<string, string>, stem: string) => parseEvents(files[`calendars/${stem}.ics`]!);

const STAMP = new Date(Date.UTC(2024, 0, 15, 9, 30));

describe("calendars", () => {
  const files = seasonFiles(indexYear(year), published, [], { stamp: STAMP });

  it("one file per person with a duty, one all-day event per review, read back by an independent parser", () => {
    expect(Object.keys(files).filter((name) => name.startsWith("calendars/")).sort()).toEqual(
      ["calendars/A.ics", "calendars/B.ics", "calendars/C.ics", "calendars/L1.ics", "calendars/_2E_2E_2FD.ics", "calendars/schools/S1.ics", "calendars/schools/S2.ics"].sort(),
    );
    const [event] = eventsOf(files, "A");
    expect(event).toEqual({
      uid: "qar-2023-24-R1-A@qar-allocator",
      sequence: 0,
      status: "TENTATIVE",
      start: "2024-03-04",
      end: "2024-03-07", // DTEND is the day after the last day
      summary: "QA Review: Ash Primary (R1), peer reviewer",
      location: "Ash Primary\n1 High Street, Ashby, AB1 2CD",
    });
    expect(eventsOf(files, "L1").map((e) => e.start)).toEqual(["2024-03-04", "2024-05-06"]);
    expect(eventsOf(files, "_2E_2E_2FD")[0]!.uid).toBe("qar-2023-24-R2-..%2FD@qar-allocator");
    const text = files["calendars/A.ics"]!;
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(text).toContain("METHOD:PUBLISH\r\n");
    expect(text).toContain("GEO:52.1;-1.2\r\n");
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    // RFC 5545: every line ends in CRLF, the last one too; DTSTAMP is the time of writing.
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text).toContain("DTSTAMP:20240115T093000Z\r\n");
  });

  it("a host school's calendar holds its review with the team, read back by ical.js", () => {
    const [event] = eventsOf(files, "schools/S1");
    expect(event).toEqual({
      uid: "qar-2023-24-R1@qar-allocator",
      sequence: 0,
      status: "CONFIRMED",
      start: "2024-03-04",
      end: "2024-03-07",
      summary: "QA Review of Ash Primary (R1)",
      location: "Ash Primary\n1 High Street, Ashby, AB1 2CD",
    });
    const description = new ICAL.Event(new ICAL.Component(ICAL.parse(files["calendars/schools/S1.ics"]!)).getFirstSubcomponent("vevent")!).description;
    expect(description).toContain("The team is Lead Reviewer Lead L1 and peer reviewers Reviewer A (School S3) and Reviewer B (School S4).");
  });

  it("a name with a comma or a semicolon is escaped in NAME and X-WR-CALNAME, and read back whole", () => {
    const odd = problem({ ...year, reviewers: year.reviewers.map((r) => (r.id === "A" ? { ...r, name: "Smith, Jo; Head" } : r)) });
    const text = seasonFiles(indexYear(odd), published, [], { stamp: STAMP })["calendars/A.ics"]!;
    expect(text).toContain("NAME:QA Reviews: Smith\\, Jo\\; Head\r\n");
    expect(text).toContain("X-WR-CALNAME:QA Reviews: Smith\\, Jo\\; Head\r\n");
    // ical.js knows neither property, so it hands back the raw value: decode it as the TEXT it is.
    const raw = String(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue("x-wr-calname"));
    expect(ICAL.design.icalendar.value.text!.fromICAL!(raw)).toBe("QA Reviews: Smith, Jo; Head");
  });

  it("a respond step keeps each UID, raises SEQUENCE only where the entry changed, and cancels a removed duty", async () => {
    const outcome = await respond(year, published, [
      { reviewId: "R1", personId: "A", response: "declined" },
      { reviewId: "R2", personId: "C", response: "confirmed" },
    ]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const next = seasonFiles(indexYear(year), outcome.result.allocation, outcome.cancelled);
    const a = eventsOf(next, "A");
    expect(a).toEqual([expect.objectContaining({ uid: "qar-2023-24-R1-A@qar-allocator", status: "CANCELLED", sequence: 1, start: "2024-03-04" })]);
    // B stays on R1, whose team changed (E joined): the entry's team text changed.
    expect(eventsOf(next, "B")).toEqual([expect.objectContaining({ uid: "qar-2023-24-R1-B@qar-allocator", status: "TENTATIVE", sequence: 1 })]);
    expect(eventsOf(next, "C")).toEqual([expect.objectContaining({ status: "CONFIRMED", sequence: 1 })]);
    // ../D's entry on R2 is unchanged (same dates, same team; only C's answer changed): same SEQUENCE.
    expect(eventsOf(next, "_2E_2E_2FD")).toEqual([expect.objectContaining({ status: "TENTATIVE", sequence: 0 })]);
    expect(eventsOf(next, "L1").map((e) => [e.start, e.sequence])).toEqual([["2024-03-04", 1], ["2024-05-06", 0]]);
    expect(eventsOf(next, "E")).toEqual([expect.objectContaining({ uid: "qar-2023-24-R1-E@qar-allocator", sequence: 1 })]);
    // The next step starts above every sequence written so far; unchanged entries keep theirs.
    const again = stampSequences({ year: indexYear(year), allocation: outcome.result.allocation }, { year: indexYear(year), allocation: outcome.result.allocation });
    expect(again.allocation).toEqual(outcome.result.allocation);
    expect(again.cancelled).toEqual([]);
    const moved = problem({ ...year, reviews: [review("R1", "S1", "2024-03-11", { seats: 2 }), year.reviews[1]!] });
    const later = stampSequences({ year: indexYear(year), allocation: outcome.result.allocation }, { year: indexYear(moved), allocation: outcome.result.allocation });
    expect(later.allocation.assignments.map((x) => [x.reviewId, x.personId, x.sequence ?? 0])).toEqual(
      outcome.result.allocation.assignments.map((x) => [x.reviewId, x.personId, x.reviewId === "R1" ? 2 : (x.sequence ?? 0)]),
    );
  });

  it("the same allocation and time of writing give the same bytes; without one, DTSTAMP is the time of writing", () => {
    expect(seasonFiles(indexYear(year), published, [], { stamp: STAMP })).toEqual(files);
    const before = Date.now();
    const dtstamp = new ICAL.Component(ICAL.parse(seasonFiles(indexYear(year), published)["calendars/A.ics"]!)).getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstamp") as ICAL.Time;
    const stamped = dtstamp.toJSDate().getTime();
    expect(stamped).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });
});

describe("letters", () => {
  const letters = lettersOf({ year: indexYear(year), allocation: published }, { replyBy: parseDay("2024-02-16")! });

  it("one whole letter per reviewer and Lead Reviewer, placed or not, and per school that hosts or sends, e-mails carried through", () => {
    expect(letters.map((l) => [l.recipientType, l.recipientId, l.email])).toEqual([
      ["reviewer", "A", "a@example.org"],
      ["reviewer", "B", undefined],
      ["reviewer", "E", undefined],
      ["reviewer", "C", undefined],
      ["reviewer", "../D", undefined],
      ["lead", "L1", "l1@example.org"],
      ["school", "S1", "office@ash.example"],
      ["school", "S2", undefined],
      ["school", "S3", undefined],
      ["school", "S4", undefined],
      ["school", "S6", undefined],
      ["school", "S7", undefined],
    ]);
  });

  it("a person's letter greets them, names the host school, the dates as letters write them, the team, and how and by when to answer", () => {
    const a = letters.find((l) => l.recipientId === "A")!;
    expect(a.subject).toBe("QA Reviews: your reviews this year, please reply");
    expect(a.message).toBe(
      [
        "Dear Reviewer A,",
        "This is the review we have you down for this year:\n- The review of Ash Primary (1 High Street, Ashby, AB1 2CD), as a peer reviewer, from Monday 4 March 2024 to Wednesday 6 March 2024; Lead Reviewer Lead L1; with Reviewer B (School S4) (awaiting your answer).",
        "Please reply to this e-mail by Friday 16 February 2024 to say whether you can take part in the review that awaits your answer. A calendar file with its dates is attached.",
        "With thanks,\nThe QA Review team",
      ].join("\n\n"),
    );
    expect(a.duties).toEqual(["the review of Ash Primary (1 High Street, Ashby, AB1 2CD), as a peer reviewer, from Monday 4 March 2024 to Wednesday 6 March 2024; Lead Reviewer Lead L1; with Reviewer B (School S4) (awaiting your answer)."]);
  });

  it("a school's letter gives its team and whom it sends where; a reviewer given no place is told so, and why", () => {
    const s1 = letters.find((l) => l.recipientId === "S1")!;
    expect(s1.hosting).toEqual(["From Monday 4 March 2024 to Wednesday 6 March 2024. The team is Lead Reviewer Lead L1 and peer reviewers Reviewer A (School S3) and Reviewer B (School S4)."]);
    expect(s1.message).toMatch(/^Dear colleagues at Ash Primary,\n\nYour school's review:\n- From Monday 4 March 2024/);
    expect(letters.find((l) => l.recipientId === "S3")!.sending).toEqual(["Reviewer A: the review of Ash Primary from Monday 4 March 2024 to Wednesday 6 March 2024 (awaiting their answer)."]);
    const e = letters.find((l) => l.recipientId === "E")!;
    expect(e.duties).toEqual([]);
    expect(e.message).toContain("We have not been able to give you a place on a review team this time");
    const noDates = lettersOf({ year: indexYear(problem({ ...year, reviewers: year.reviewers.map((r) => (r.id === "E" ? { ...r, available: [] } : r)) })), allocation: published });
    expect(noDates.find((l) => l.recipientId === "E")!.message).toContain("We have no dates from you for this year");
  });

  it("a team still short says what is sought, in words, never 'no Lead Reviewer yet and no peer reviewers yet'", () => {
    const empty = lettersOf({ year: indexYear(year), allocation: { assignments: published.assignments.filter((a) => a.reviewId !== "R1") } });
    const s1 = empty.find((l) => l.recipientId === "S1")!;
    expect(s1.hosting).toEqual(["From Monday 4 March 2024 to Wednesday 6 March 2024. No one is on the team yet. We are still looking for a Lead Reviewer and 2 peer reviewers."]);
  });

  it("someone who withdrew from the rest of the year is told that, never that there was no place", () => {
    const gone = lettersOf({ year: indexYear(year), allocation: { assignments: published.assignments.filter((a) => a.personId !== "C"), withdrawals: [{ personId: "C", role: "peer", from: "2024-04-01" }] } });
    const c = gone.find((l) => l.recipientId === "C")!;
    expect(c.message).toContain("We have recorded that you have withdrawn from this year's reviews from Monday 1 April 2024.");
    expect(c.message).not.toContain("not been able to give you a place");
  });

  it("reviews before the freeze day are thanked for, never asked about", () => {
    const later = lettersOf({ year: indexYear(year), allocation: published }, { replyBy: parseDay("2024-03-20")!, freezeBefore: parseDay("2024-04-01")! });
    const l1 = later.find((l) => l.recipientId === "L1")!;
    expect(l1.message).toContain("Thank you for the review you have taken part in this year.");
    expect(l1.duties).toEqual([expect.stringContaining("the review of School S2")]);
    expect(l1.message).not.toContain("Ash Primary");
    expect(later.find((l) => l.recipientId === "A")!.message).toContain("You have no further reviews this year.");
  });
});

describe("calendar file names", () => {
  it("any ids give safe names, one per id, distinct even where case is ignored", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom("..", ".", "CON", "con", "P1", "p1", "a/b", "a\\b", "_", "_5F")), { maxLength: 12 }), (ids) => {
        const stems = fileStems(ids);
        const names = ids.map((id) => stems.get(id)!);
        for (const name of names) {
          expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
        }
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(ids.length);
      }),
      { numRuns: 300, seed: 3 },
    );
    expect(Object.fromEntries(fileStems(["P0001", "../x", "CON", "A", "a"]))).toEqual({ P0001: "P0001", "../x": "_2E_2E_2Fx", CON: "_43ON", A: "_41", a: "a" });
  });
});
