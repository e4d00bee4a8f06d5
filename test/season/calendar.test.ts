import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileStems } from "../../src/io/file-names.js";
import { seasonFiles } from "../../src/io/write-season.js";
import type { Allocation, Assignment } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { stampSequences } from "../../src/season/calendar.js";
import { lettersOf } from "../../src/season/letters.js";
import { respond } from "../../src/season/respond.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
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

describe("calendars", () => {
  const files = seasonFiles(indexYear(year), published);

  it("one file per person with a duty, one all-day event per review, read back by an independent parser", () => {
    expect(Object.keys(files).filter((name) => name.startsWith("calendars/")).sort()).toEqual(
      ["calendars/A.ics", "calendars/B.ics", "calendars/C.ics", "calendars/L1.ics", "calendars/_2E_2E_2FD.ics"].sort(),
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

  it("the same allocation gives the same bytes", () => {
    expect(seasonFiles(indexYear(year), published)).toEqual(files);
  });
});

describe("letters", () => {
  const letters = lettersOf({ year: indexYear(year), allocation: published });

  it("one row per person with a duty and per school that hosts or sends, e-mails carried through", () => {
    expect(letters.map((l) => [l.recipientType, l.recipientId, l.email])).toEqual([
      ["reviewer", "A", "a@example.org"],
      ["reviewer", "B", undefined],
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

  it("a person's letter names the review, dates, host, Lead Reviewer and team mates; a school's its team and whom it sends", () => {
    const a = letters.find((l) => l.recipientId === "A")!;
    expect(a.duties).toEqual(["R1: peer reviewer at Ash Primary (1 High Street, Ashby, AB1 2CD) from 4 March 2024 to 6 March 2024 (awaiting your answer); Lead Reviewer Lead L1; with Reviewer B (School S4)."]);
    const s1 = letters.find((l) => l.recipientId === "S1")!;
    expect(s1.hosting).toEqual(["R1 from 4 March 2024 to 6 March 2024: Lead Reviewer Lead L1; peer reviewers Reviewer A (School S3) and Reviewer B (School S4); 2 of 2 peer seats filled."]);
    expect(letters.find((l) => l.recipientId === "S3")!.sending).toEqual(["Reviewer A: review R1 at Ash Primary from 4 March 2024 to 6 March 2024 (awaiting an answer)."]);
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
