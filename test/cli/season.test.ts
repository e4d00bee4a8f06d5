import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvRows, qar, qarWith, scratch, STACK_LINE, TINY, readOutput as read } from "./qar.js";

// The season on the command line, as a coordinator runs it: the as-of date is today unless
// given, every output gives one reason per empty seat, answers' problems come all at once, and
// next year starts from the closed one.

const tmp = scratch("season");
afterAll(tmp.remove);

/** 1 February 2024: the tiny year's January reviews are held by then. */
const FEB_1 = { ...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2024, 1, 1) / 1000) };
const published = join(tmp.dir, "published");
const vacant = join(tmp.dir, "vacant.csv");
let rows: Record<string, string>[] = [];

beforeAll(async () => {
  // greedy: a quick valid plan is all a season needs to start from.
  expect((await qar("solve", TINY, "--out", published, "--seed", "1", "--engine", "greedy", "--quiet")).code).toBe(0);
  // R0001's Lead Reviewer seat left open: a January review with an empty seat someone could take.
  const text = read(published, "allocation.csv").split("\n");
  writeFileSync(vacant, text.filter((line) => !/^R0001,.*,lead,/.test(line)).join("\n"));
  rows = csvRows(readFileSync(vacant, "utf8"));
});

describe("qar respond and repair, as of today", () => {
  const week = join(tmp.dir, "week");

  it("qar respond <tiny> <vacant> --responses <answers> --out <week> on 1 February 2024 freezes January and says so", async () => {
    const answers = join(tmp.dir, "answers.csv");
    const later = rows.filter((r) => r.start! >= "2024-02-01");
    writeFileSync(answers, `review_id,person_id,response\n${later[0]!.review_id},${later[0]!.person_id},no\n${later[1]!.review_id},${later[1]!.person_id},yes\n`);
    const { code, out, err } = await qarWith({ env: FEB_1 }, "respond", TINY, vacant, "--responses", answers, "--out", week);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("as of 2024-02-01 (today; --freeze-before DATE changes it): 3 of 8 reviews start before it and are kept as they are");
    // The user wrote no pins: the season's own are not theirs to hear about.
    expect(out).not.toMatch(/^pins:/m);
    const summary = JSON.parse(read(week, "summary.json")) as { season: Record<string, unknown>; emptySeats: { byCause: Record<string, number> } };
    expect(summary.season).toMatchObject({ freezeBefore: "2024-02-01", freezeBeforeFrom: "today", frozenReviews: 3, declined: 1 });
    const before = rows.filter((r) => r.start! < "2024-02-01").map((r) => `${r.review_id},${r.role},${r.person_id}`).sort();
    const after = csvRows(read(week, "allocation.csv")).filter((r) => r.start! < "2024-02-01" && r.status !== "declined").map((r) => `${r.review_id},${r.role},${r.person_id}`).sort();
    expect(after).toEqual(before);
    expect(summary.emptySeats.byCause.frozen).toBe(1);
  });

  it("qar explain <tiny> <week>/allocation.csv gives the reasons of unfilled.csv, summary.json and report.html, the vacancy frozen", async () => {
    const { code, out } = await qar("explain", TINY, join(week, "allocation.csv"), "--json");
    expect(code).toBe(0);
    const explained = JSON.parse(out) as { freezeBefore: string; seats: { reviewId: string; role: string; reason: string; cause: string; remedies: string[] }[] };
    expect(explained.freezeBefore).toBe("2024-02-01");
    const unfilled = csvRows(read(week, "unfilled.csv"));
    expect(unfilled.map((u) => [u.review_id, u.role, u.reason])).toEqual(explained.seats.map((s) => [s.reviewId, s.role, s.reason]));
    expect(explained.seats).toContainEqual(expect.objectContaining({ reviewId: "R0001", role: "lead", cause: "frozen", remedies: [] }));
    const summary = JSON.parse(read(week, "summary.json")) as { emptySeats: { total: number; byCause: Record<string, number> } };
    const counted: Record<string, number> = {};
    for (const s of explained.seats) counted[s.cause] = (counted[s.cause] ?? 0) + Number(unfilled.find((u) => u.review_id === s.reviewId && u.role === s.role)!.missing);
    expect(summary.emptySeats.byCause).toEqual(counted);
    const report = read(week, "report.html");
    for (const s of explained.seats) expect(report).toContain(s.reason.replace(/'/g, "&#39;"));
    // Nothing is proposed on the frozen review: no standby, no remedy naming it.
    expect(csvRows(read(week, "standby.csv")).some((r) => r.review_id === "R0001")).toBe(false);
    expect(explained.seats.flatMap((s) => s.remedies).some((r) => r.includes("R0001"))).toBe(false);
    // Asked with an earlier date, it is open again.
    const reopened = JSON.parse((await qar("explain", TINY, join(week, "allocation.csv"), "--json", "--freeze-before", "2024-01-01")).out) as typeof explained;
    expect(reopened.seats.find((s) => s.reviewId === "R0001")?.cause).not.toBe("frozen");
  });

  it("qar respond ... writes chase.csv by school, only for reviews still to come, and notices with an email column", () => {
    const chase = csvRows(read(week, "chase.csv"));
    expect(chase.length).toBeGreaterThan(0);
    expect(chase.every((r) => r.start! >= "2024-02-01")).toBe(true);
    const schools = chase.map((r) => r.school_name ?? "");
    expect(schools.filter((s) => s !== "")).toEqual([...schools.filter((s) => s !== "")].sort());
    expect(read(week, "notices.csv").split("\n")[0]).toBe("recipient_type,recipient_id,name,email,review_id,change,start,end,message");
  });

  it("qar respond with an unreadable answer, an unknown review and a decline of a held review reports all three in one run", async () => {
    const bad = join(tmp.dir, "bad.csv");
    const held = rows.find((r) => r.start! < "2024-02-01")!;
    writeFileSync(bad, `review_id,person_id,response\n${held.review_id},${held.person_id},perhaps\nR9999,${held.person_id},yes\n${held.review_id},${held.person_id},no\n`);
    const out = join(tmp.dir, "never");
    const { code, err } = await qarWith({ env: FEB_1 }, "respond", TINY, vacant, "--responses", bad, "--out", out);
    expect(code).toBe(1);
    expect(err).toContain(`${bad}, row 2, column "response": "perhaps" is not an answer`);
    expect(err).toContain(`${bad}, row 3, column "review_id": no review has the id "R9999"`);
    expect(err).toContain(`${bad}, row 4, column "response": ${held.review_id} starts on ${held.start}, before the freeze date 2024-02-01`);
    expect(err).toContain("3 problems in the input; nothing was written");
    expect(err).not.toContain(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  it("qar repair ... --changes <withdraw from a held review> is refused with the way out; from one to come it sticks", async () => {
    const held = rows.find((r) => r.start! < "2024-02-01" && r.role === "peer")!;
    const changes = join(tmp.dir, "changes.csv");
    writeFileSync(changes, `change,id,value\nwithdraw,${held.person_id},${held.review_id}\n`);
    const refused = await qarWith({ env: FEB_1 }, "repair", TINY, join(week, "allocation.csv"), "--changes", changes, "--out", join(tmp.dir, "never"));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`column "value": ${held.review_id} starts on ${held.start}, before the freeze date 2024-02-01, so its team stays as it is`);
    expect(refused.err).toContain(`give --freeze-before ${held.start} or earlier to change it on purpose`);
    const coming = csvRows(read(week, "allocation.csv")).find((r) => r.start! >= "2024-02-01" && r.role === "peer" && r.status === "proposed")!;
    writeFileSync(changes, `change,id,value\nwithdraw,${coming.person_id},${coming.review_id}\n`);
    const repaired = join(tmp.dir, "repaired");
    const { code, out } = await qarWith({ env: FEB_1 }, "repair", TINY, join(week, "allocation.csv"), "--changes", changes, "--out", repaired);
    expect(code).toBe(0);
    expect(out).toContain("1 withdrawn");
    const notices = csvRows(read(repaired, "notices.csv")).filter((n) => n.recipient_id === coming.person_id);
    expect(notices.map((n) => n.change)).toEqual(["withdrew"]);
    expect(csvRows(read(repaired, "allocation.csv")).filter((r) => r.person_id === coming.person_id && r.review_id === coming.review_id).map((r) => r.status)).toEqual(["withdrawn"]);
  });
});

describe("the next year", () => {
  const closed = join(tmp.dir, "closed");
  const next = join(tmp.dir, "next");

  it("qar close-year <tiny> <published> --year-label 2023-24 --out <closed>, then qar new-year <closed> --out <next>: the new year solves and checks", async () => {
    const year = join(tmp.dir, "tiny-copy");
    cpSync(TINY, year, { recursive: true });
    const close = await qar("close-year", year, join(published, "allocation.csv"), "--year-label", "2023-24", "--out", closed);
    expect(close.code).toBe(0);
    expect(close.out).toMatch(/availability: cleared for \d+ reviewers and \d+ Lead Reviewers/);
    const started = await qar("new-year", closed, "--out", next);
    expect(started.err).toBe("");
    expect(started.code).toBe(0);
    expect(started.out).toContain("2024-25: 8 reviews rolled forward 52 weeks");
    const reviews = csvRows(read(next, "reviews.csv"));
    const last = csvRows(readFileSync(join(TINY, "reviews.csv"), "utf8"));
    expect(reviews.map((r) => r.school_id)).toEqual(last.map((r) => r.school_id));
    for (const [i, r] of reviews.entries()) {
      const was = new Date(`${last[i]!.start}T00:00:00Z`);
      const now = new Date(`${r.start}T00:00:00Z`);
      expect((now.getTime() - was.getTime()) / 86_400_000).toBe(364);
      expect(now.getUTCDay()).toBe(was.getUTCDay());
      expect(r.to_confirm).toContain(`last year's ${last[i]!.start}`);
    }
    const availability = csvRows(read(next, "availability.csv"));
    expect(availability.map((a) => a.person_id).sort()).toEqual([...csvRows(read(closed, "reviewers.csv")), ...csvRows(read(closed, "leads.csv"))].map((p) => p.id).sort());
    const solved = join(tmp.dir, "next-solved");
    const solve = await qar("solve", next, "--out", solved, "--seed", "1", "--engine", "greedy");
    expect(solve.err).toBe("");
    expect(solve.code).toBe(0);
    expect((JSON.parse(read(solved, "summary.json")) as { filled: { total: number } }).filled.total).toBeGreaterThan(0);
    expect((await qar("check", next, join(solved, "allocation.csv"))).code).toBe(0);
  });

  it("qar solve <closed> names the missing reviews.csv and qar new-year, never suggesting to rename reviewers.csv", async () => {
    const { code, err } = await qar("solve", closed, "--out", join(tmp.dir, "never"));
    expect(code).toBe(1);
    expect(err).toContain("reviews.csv: is missing from the year folder");
    expect(err).toContain("qar new-year");
    expect(err).not.toContain("rename");
    const lone = join(tmp.dir, "lone");
    mkdirSync(lone);
    for (const name of ["schools.csv", "reviewers.csv", "leads.csv"]) cpSync(join(TINY, name), join(lone, name));
    cpSync(join(TINY, "reviews.csv"), join(lone, "review.csv"));
    const slip = await qar("solve", lone, "--out", join(tmp.dir, "never"));
    expect(slip.err).toContain('is "review.csv" meant to be reviews.csv? rename it');
  });
});
