import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEvents } from "../season/helpers.js";
import { csvRows, qar, scratch, STACK_LINE, YEAR, readOutput as read } from "./qar.js";
import { MANIFEST } from "../../src/io/out-folder.js";

const tmp = scratch("respond");
afterAll(tmp.remove);

const rowsOf = (text: string) => text.trim().split("\n").slice(1).map((line) => line.split(","));
/** allocation.csv rows as `{ review, role, person, status, sequence }`. */
const seatsOf = (dir: string) => rowsOf(read(dir, "allocation.csv")).map((r) => ({ review: r[0]!, role: r[4]!, person: r[5]!, status: r[9]!, sequence: Number(r[10]) }));

const published = join(tmp.dir, "published");
const week2 = join(tmp.dir, "week-2");
const responses = join(tmp.dir, "responses.csv");
/** The answers: the first peer declines, the first Lead Reviewer says yes (picked from what solve wrote). */
let decliner: { review: string; person: string };
let confirmer: { review: string; person: string };

beforeAll(async () => {
  expect((await qar("solve", YEAR, "--out", published, "--seed", "1", "--quiet")).code).toBe(0);
  const seats = seatsOf(published);
  decliner = seats.find((s) => s.role === "peer")!;
  confirmer = seats.find((s) => s.role === "lead")!;
  writeFileSync(responses, `review_id,person_id,response\n${decliner.review},${decliner.person},No\n${confirmer.review},${confirmer.person},Yes\n`);
});

describe("qar respond", () => {
  it("qar respond <year> <published>/allocation.csv --responses responses.csv --out <week-2>", async () => {
    const { code, out, err } = await qar("respond", YEAR, join(published, "allocation.csv"), "--responses", responses, "--out", week2, "--seed", "1");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(`written to ${week2}`);
    expect(readdirSync(week2).filter((name) => !name.startsWith(".")).sort()).toEqual([
      "allocation.csv", "calendars", "chase.csv", "diff.csv", "hubs", "ledger.csv", "letters.csv", "notices.csv", "options.csv", "report.html", "results.xlsx", "schools-without-team.csv", "shortage.csv", "standby.csv", "summary.json", "teams-by-group.csv", "unfilled.csv",
    ]);
    const seats = seatsOf(week2);
    expect(seats.find((s) => s.person === confirmer.person && s.review === confirmer.review)?.status).toBe("confirmed");
    expect(seats.filter((s) => s.person === decliner.person && s.review === decliner.review).map((s) => s.status)).toEqual(["declined"]);
    expect(read(week2, "notices.csv").split("\n")[0]).toBe("\uFEFFrecipient_type,recipient_id,name,email,review_id,change,start,end,message");
    expect(read(week2, "diff.csv").split("\n")[0]).toBe("\uFEFFchange,role,person_id,from_review_id,to_review_id");
    const notices = rowsOf(read(week2, "notices.csv"));
    expect(notices.some((n) => n[0] === "reviewer" && n[1] === decliner.person && n[5] === "declined")).toBe(true);
    expect(notices.some((n) => n[0] === "school" && n[4] === decliner.review && n[5] === "team-changed")).toBe(true);
  });

  it("qar check <year> <week-2>/allocation.csv passes: declined rows fill no seat", async () => {
    const { code, out } = await qar("check", YEAR, join(week2, "allocation.csv"));
    expect(out).toContain("valid: no rule is broken");
    expect(code).toBe(0);
  });

  it("qar respond ... --out <week-2> writes a calendar per person with a duty, read back by ical.js, the decliner's entry cancelled", () => {
    const seats = seatsOf(week2).filter((s) => s.status !== "declined");
    for (const person of new Set(seats.map((s) => s.person))) {
      const events = parseEvents(read(week2, join("calendars", `${person}.ics`)));
      for (const s of seats.filter((x) => x.person === person)) {
        expect(events.some((e) => e.uid.includes(`-${s.review}-${person}@`) && e.sequence === s.sequence && e.status !== "CANCELLED")).toBe(true);
      }
    }
    const cancelled = parseEvents(read(week2, join("calendars", `${decliner.person}.ics`))).find((e) => e.uid.includes(`-${decliner.review}-`));
    expect(cancelled).toMatchObject({ status: "CANCELLED", sequence: 1 });
  });

  it("qar respond ... --out <week-2b> again gives byte-identical files except timing in summary.json", async () => {
    const again = join(tmp.dir, "week-2b");
    expect((await qar("respond", YEAR, join(published, "allocation.csv"), "--responses", responses, "--out", again, "--seed", "1", "--quiet")).code).toBe(0);
    // The hidden manifest holds a checksum of each output, summary.json's (with its timing) included.
    const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.includes(".") && name !== "summary.json" && name !== MANIFEST).sort();
    expect(files(again)).toEqual(files(week2));
    for (const file of files(week2)) expect(read(again, file), file).toBe(read(week2, file));
  });

  it("qar respond <year> <week-2>/allocation.csv --responses <all confirmed> --out <week-3> --freeze-before 2025-01-01 changes no team", async () => {
    const all = join(tmp.dir, "all-yes.csv");
    const live = seatsOf(week2).filter((s) => s.status !== "declined");
    writeFileSync(all, `review_id,person_id,response\n${live.map((s) => `${s.review},${s.person},confirmed`).join("\n")}\n`);
    const week3 = join(tmp.dir, "week-3");
    const { code } = await qar("respond", YEAR, join(week2, "allocation.csv"), "--responses", all, "--out", week3, "--freeze-before", "2025-01-01", "--json");
    expect(code).toBe(0);
    expect(read(week3, "diff.csv")).toBe("\uFEFFchange,role,person_id,from_review_id,to_review_id\n");
    expect(rowsOf(read(week3, "notices.csv"))).toEqual([]);
    expect(seatsOf(week3).filter((s) => s.status !== "declined").every((s) => s.status === "confirmed")).toBe(true);
  });

  it("qar repair <year> <week-2>/allocation.csv --changes <withdraw a confirmed Lead Reviewer> --out <repaired> tells them and keeps the declines", async () => {
    const changes = join(tmp.dir, "changes.csv");
    writeFileSync(changes, `change,id,value\nwithdraw,${confirmer.person},\n`);
    const repaired = join(tmp.dir, "repaired");
    const { code, err } = await qar("repair", YEAR, join(week2, "allocation.csv"), "--changes", changes, "--out", repaired);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(csvRows(read(repaired, "notices.csv")).filter((n) => n.recipient_id === confirmer.person).map((n) => n.change)).toEqual(expect.arrayContaining(["withdrew"]));
    expect(parseEvents(read(repaired, join("calendars", `${confirmer.person}.ics`))).every((e) => e.status === "CANCELLED")).toBe(true);
    expect(seatsOf(repaired).some((s) => s.person === decliner.person && s.review === decliner.review && s.status === "declined")).toBe(true);
  });
});

describe("qar respond with bad input", () => {
  // Each case writes its own responses.csv (the file name is what the message names).
  const badDir = join(tmp.dir, "bad");
  it.each([
    ["an unknown review", "R9,P1,yes", 'responses.csv, row 2, column "review_id": no review has the id "R9"'],
    ["someone not on that review", "R1,<lead not on R1>,yes", 'column "person_id": <lead not on R1> is not on review R1'],
    ["an answer that is neither yes nor no", "R1,P1,perhaps", 'responses.csv, row 2, column "response": "perhaps" is not an answer'],
  ])("qar respond <year> <published>/allocation.csv --responses <%s> exits 1 with file, row and column and writes nothing", async (_title, rowTemplate, messageTemplate) => {
    let row = rowTemplate;
    let message = messageTemplate;
    // "someone not on that review": a Lead Reviewer the solve put on another review, never on R1.
    const seats = seatsOf(published);
    const absent = seats.find((s) => s.role === "lead" && s.review !== "R1" && !seats.some((t) => t.review === "R1" && t.person === s.person))?.person;
    expect(absent).toBeDefined();
    row = row.replace("<lead not on R1>", absent!);
    message = message.replace("<lead not on R1>", absent!);
    mkdirSync(badDir, { recursive: true });
    const file = join(badDir, "responses.csv");
    writeFileSync(file, `review_id,person_id,response\n${row}\n`);
    const out = join(tmp.dir, "never");
    const result = await qar("respond", YEAR, join(published, "allocation.csv"), "--responses", file, "--out", out);
    expect(result.code).toBe(1);
    expect(result.err).toContain(message);
    expect(result.err).not.toContain(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  it("qar respond <year> <published>/allocation.csv --responses responses.csv --out <tmp> --freeze-before 2024-02-30 exits 1", async () => {
    const out = join(tmp.dir, "never");
    const { code, err } = await qar("respond", YEAR, join(published, "allocation.csv"), "--responses", responses, "--out", out, "--freeze-before", "2024-02-30");
    expect(code).toBe(1);
    expect(err).toContain("option '-f, --freeze-before <date>' argument '2024-02-30' is invalid");
    expect(err).toContain("2024-02 has no day 30");
    expect(existsSync(out)).toBe(false);
  });

  it("qar respond <year> <published>/allocation.csv --responses responses.csv --out <year>/out is refused", async () => {
    const { code, err } = await qar("respond", YEAR, join(published, "allocation.csv"), "--responses", responses, "--out", join(YEAR, "out"));
    expect(code).toBe(1);
    expect(err).toContain("inside the year folder");
    expect(existsSync(join(YEAR, "out"))).toBe(false);
  });
});
