import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatUkDay, parseDay } from "../../src/model/dates.js";
import { serializeYear } from "../../src/io/write-year.js";
import { windowStarts } from "../../src/plan/moves.js";
import { pushedYear } from "../helpers/windows.js";
import { PLANTED, qar, scratch, STACK_LINE, YEAR, readOutput as read, csvRows as rows } from "./qar.js";

const tmp = scratch("plan");
afterAll(tmp.remove);

const outputs = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith(".")).sort();

/** A year folder on disk: a tight generated year with three reviews pushed out of their planted weeks, each with a window. */
const windowed = join(tmp.dir, "windowed");
const pushed = pushedYear(5, 12, 2).problem;
mkdirSync(windowed);
for (const [name, text] of Object.entries(serializeYear(pushed))) writeFileSync(join(windowed, name), text);

describe("qar plan", () => {
  it("qar plan <year> --out <tmp>", async () => {
    const out = join(tmp.dir, "plain");
    const result = await qar("plan", YEAR, "--out", out);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toContain("2 weeks, ");
    expect(result.out).toContain("no date move proposed");
    expect(outputs(out)).toEqual(["moves.csv", "plan.html", "weeks.csv"]);
    expect(read(out, "weeks.csv").split("\n")[0]).toBe("\uFEFFweek,reviews,peer_seats,lead_seats,peer_places_available,advanced_places_available,lead_places_available,shortfall,advanced_teams,lead_supply,advanced_supply,peer_supply");
    expect(rows(read(out, "weeks.csv")).map((w) => [w.week, w.reviews])).toEqual([["2024-01-15", "1"], ["2024-02-05", "2"]]);
    expect(read(out, "moves.csv")).toBe("\uFEFFreview_id,from_start,to_start,seats_gained\n");
  });

  it("qar plan <year with windows> --out <tmp> --json proposes moves inside the windows, best first, and writes a self-contained plan.html", async () => {
    const out = join(tmp.dir, "windowed-plan");
    const result = await qar("plan", windowed, "--out", out, "--json");
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as { before: number; after: number; seats: number; moves: { reviewId: string; toStart: string; seatsGained: number }[] };
    const moves = rows(read(out, "moves.csv"));
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.map((m) => m.review_id)).toEqual(summary.moves.map((m) => m.reviewId));
    for (const move of moves) {
      const review = pushed.reviews.find((r) => r.id === move.review_id)!;
      expect(move.from_start).toBe(review.start);
      expect(windowStarts(review)).toContain(move.to_start);
    }
    expect(summary.after).toBe(summary.before + moves.reduce((n, m) => n + Number(m.seats_gained), 0));
    const html = read(out, "plan.html");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    // Dates on the page as written in England (Mon 28 Oct 2024); the CSV keeps ISO dates.
    const uk = (iso: string) => formatUkDay(parseDay(iso)!);
    for (const move of moves) expect(html).toContain(`<td>${move.review_id}</td><td class="nowrap">${uk(move.from_start!)}</td><td class="nowrap">${uk(move.to_start!)}</td>`);
  });

  it("qar plan <year> --out <year>/plan is refused with exit 1 and writes nothing", async () => {
    const year = join(tmp.dir, "year-copy");
    cpSync(YEAR, year, { recursive: true });
    const result = await qar("plan", year, "--out", join(year, "plan"));
    expect(result.code).toBe(1);
    expect(result.err).toContain("--out");
    expect(existsSync(join(year, "plan"))).toBe(false);
  });

  it("qar plan <year with a bad window> --out <tmp> names the file, row and column, exit 1", async () => {
    const year = join(tmp.dir, "bad-window");
    cpSync(YEAR, year, { recursive: true });
    writeFileSync(join(year, "reviews.csv"), "id,school_id,start,days,window\nR1,S1,2024-01-15,3,2024-01-15..2024-02-30\nR2,S3,2024-02-05,3,\nR3,S4,2024-02-06,3,\n");
    const result = await qar("plan", year, "--out", join(tmp.dir, "never"));
    expect(result.code).toBe(1);
    expect(result.err).toContain('reviews.csv, row 2, column "window"');
    expect(`${result.out}${result.err}`).not.toContain(STACK_LINE);
    expect(existsSync(join(tmp.dir, "never"))).toBe(false);
  });

  it("qar plan --help lists examples", async () => {
    const { code, out } = await qar("plan", "--help");
    expect(code).toBe(0);
    expect(out).toContain("qar plan fixtures/years/2018-19 --out plan-2018-19");
  });
});

describe("standby.csv", () => {
  it("qar solve <year> --out <tmp> --seed 1 writes standby.csv: standbys of known people, never on the team", async () => {
    const out = join(tmp.dir, "solved");
    expect((await qar("solve", YEAR, "--out", out, "--seed", "1", "--quiet")).code).toBe(0);
    const text = read(out, "standby.csv");
    expect(text.split("\n")[0]).toBe("\uFEFFreview_id,rank,role,person_id,level");
    const team = new Set(rows(read(out, "allocation.csv")).map((a) => `${a.review_id}:${a.person_id}`));
    const people = new Set(rows(read(join(YEAR), "reviewers.csv")).map((p) => p.id));
    const standby = rows(text);
    expect(standby.length).toBeGreaterThan(0);
    for (const row of standby) {
      expect(team.has(`${row.review_id}:${row.person_id}`)).toBe(false);
      if (row.role === "peer") expect(people.has(row.person_id)).toBe(true);
    }
  });

  it("qar repair <year> valid.csv --changes withdraw.csv --out <tmp> writes standby.csv beside the repaired allocation", async () => {
    const changes = join(tmp.dir, "withdraw.csv");
    writeFileSync(changes, "change,id,value\nwithdraw,P4,\n");
    const out = join(tmp.dir, "repaired");
    expect((await qar("repair", YEAR, join(PLANTED, "valid.csv"), "--changes", changes, "--out", out, "--quiet")).code).toBe(0);
    expect(read(out, "standby.csv").split("\n")[0]).toBe("\uFEFFreview_id,rank,role,person_id,level");
    expect(rows(read(out, "standby.csv")).every((row) => row.person_id !== "P4")).toBe(true);
  });
});
