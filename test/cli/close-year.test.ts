import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLANTED, qar, scratch, STACK_LINE, YEAR, readOutput as read, csvRows as rows } from "./qar.js";

const tmp = scratch("close-year");
afterAll(tmp.remove);

/** Rewrites one column of every data row. */
function setColumn(text: string, column: string, value: string): string {
  const [header, ...lines] = text.trim().split("\n");
  const at = header!.split(",").indexOf(column);
  return `${[header, ...lines.map((line) => line.split(",").map((cell, i) => (i === at ? value : cell)).join(","))].join("\n")}\n`;
}

const VALID = join(PLANTED, "valid.csv");
const next = join(tmp.dir, "2024-25");
const attendance = join(tmp.dir, "attendance.csv");
writeFileSync(attendance, "review_id,person_id,attended\nR1,P4,no\nR3,P8,yes\n");
// The carry-over arithmetic, without the limit on debts a school cannot pay (tested on its own below).
const plainCarry = join(tmp.dir, "plain-carry.json");
writeFileSync(plainCarry, `{ "carryOverWithinReach": false }\n`);

/**
 * valid.csv: R1 (host S1) ← P3, P4 (S3); R2 (S3) ← P1 (S1), P2 (S2); R3 (S4) ← P7, P8 (S5).
 * P4 misses R1. Counted by hand: received S1 1, S3 2, S4 2; sent S1 1, S2 1, S3 1, S5 2.
 */
const CARRY = { S1: "", S2: "-1", S3: "1", S4: "2", S5: "-2" } as const;

describe("qar close-year", () => {
  it("qar close-year <year> valid.csv --attendance attendance.csv --year-label 2023-24 --out <next>", async () => {
    const { code, out, err } = await qar("close-year", YEAR, VALID, "--attendance", attendance, "--year-label", "2023-24", "--out", next, "--policy", plainCarry);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("closed 2023-24: 8 seats attended, 1 missed");
    // Dot files are the writer's own bookkeeping.
    // policy.json: the year's policy differs from the defaults (carryOverWithinReach off).
    expect(readdirSync(next).filter((f) => !f.startsWith(".")).sort()).toEqual(["history.csv", "leads.csv", "ledger-years.csv", "pathway.csv", "policy.json", "previous-year", "reviewers.csv", "schools.csv"]);
    // Clearing everyone's dates is said aloud, and the closed year's own files are kept for qar new-year.
    expect(out).toMatch(/availability: cleared for \d+ reviewers and \d+ Lead Reviewers/);
    expect(out).toContain(`next: qar new-year ${next} --out <dir>`);
    expect(readdirSync(join(next, "previous-year")).sort()).toEqual(expect.arrayContaining(["leads.csv", "reviewers.csv", "reviews.csv", "schools.csv"]));
    expect(Object.fromEntries(rows(read(next, "schools.csv")).map((s) => [s.id, s.carry_over]))).toEqual(CARRY);
    expect(read(next, "ledger-years.csv")).toBe(
      "\uFEFFyear,school_id,received,sent,balance,carry_over_after\n2023-24,S1,1,1,0,0\n2023-24,S2,0,1,1,-1\n2023-24,S3,2,1,-1,1\n2023-24,S4,2,0,-2,2\n2023-24,S5,0,2,2,-2\n",
    );
  });

  it("qar close-year ... writes history.csv with one row per attended seat and clears availability", () => {
    const history = rows(read(next, "history.csv"));
    expect(history).toHaveLength(8);
    expect(history.every((h) => h.year === "2023-24")).toBe(true);
    expect(history.some((h) => h.person_id === "P4")).toBe(false);
    expect(history.filter((h) => h.role === "lead").map((h) => h.person_id)).toEqual(["L1", "L2", "L1"]);
    expect(rows(read(next, "reviewers.csv")).every((r) => r.available === "")).toBe(true);
    expect(rows(read(next, "leads.csv")).every((r) => r.available === "")).toBe(true);
    const pathway = rows(read(next, "pathway.csv"));
    expect(pathway.filter((p) => p.waiting_for_first_review === "yes").map((p) => [p.reviewer_id, p.waiting_since])).toEqual([["P4", "2023-24"], ["P5", "2023-24"], ["P6", "2023-24"]]);
  });

  it("qar solve <next with reviews> --out <solved> raises each indebted school's target by its debt (ledger.csv)", async () => {
    writeFileSync(join(next, "reviews.csv"), "id,school_id,start\nR1,S1,2025-01-13\nR2,S3,2025-02-03\nR3,S4,2025-02-04\n");
    writeFileSync(join(next, "reviewers.csv"), setColumn(read(next, "reviewers.csv"), "available", "2025-01-06..2025-03-28"));
    writeFileSync(join(next, "leads.csv"), setColumn(read(next, "leads.csv"), "available", "2025-01-06..2025-03-28"));
    const solved = join(tmp.dir, "solved");
    const { code, err } = await qar("solve", next, "--out", solved, "--seed", "1", "--quiet");
    expect(err).toBe("");
    expect(code).toBe(0);
    // Each review has 2 peer seats (primary, under 210 pupils); S3 owes 1 and S4 owes 2.
    const ledger = Object.fromEntries(rows(read(solved, "ledger.csv")).map((r) => [r.school_id, Number(r.target)]));
    expect(ledger).toEqual({ S1: 2, S2: 0, S3: 2 + 1, S4: 2 + 2, S5: 0 });
    expect((await qar("check", next, join(solved, "allocation.csv"))).code).toBe(0);
  });

  it("qar close-year <next> <solved>/allocation.csv --year-label 2024-25 --out <third> carries the ledger and the waits forward", async () => {
    const third = join(tmp.dir, "2025-26");
    const { code, err } = await qar("close-year", next, join(tmp.dir, "solved", "allocation.csv"), "--year-label", "2024-25", "--out", third, "--quiet");
    expect(err).toBe("");
    expect(code).toBe(0);
    const ledger = rows(read(third, "ledger-years.csv"));
    expect(ledger.map((r) => r.year)).toEqual([...Array(5).fill("2023-24"), ...Array(5).fill("2024-25")]);
    for (const row of ledger.filter((r) => r.year === "2024-25")) {
      const before = ledger.find((r) => r.year === "2023-24" && r.school_id === row.school_id)!;
      expect(Number(row.carry_over_after)).toBe(Number(before.carry_over_after) + Number(row.received) - Number(row.sent));
    }
    const before = new Map(rows(read(next, "pathway.csv")).map((p) => [p.reviewer_id, p]));
    for (const p of rows(read(third, "pathway.csv")).filter((p) => p.waiting_for_first_review === "yes")) {
      expect(p.waiting_since).toBe(before.get(p.reviewer_id)!.waiting_since);
    }
  });

  it("qar close-year <year> valid.csv --year-label 2023-24 --out <year>/next refuses to write inside the year folder", async () => {
    const inside = join(YEAR, "next");
    const { code, err } = await qar("close-year", YEAR, VALID, "--year-label", "2023-24", "--out", inside);
    expect(code).toBe(1);
    expect(err).toContain("inside the year folder");
    expect(err).toContain(`column "--out"`);
    expect(existsSync(inside)).toBe(false);
  });

  it("qar close-year <year> valid.csv --attendance bad.csv ... names each bad row and column, and writes nothing", async () => {
    const bad = join(tmp.dir, "bad.csv");
    writeFileSync(bad, "review_id,person_id,attended\nR1,P3,maybe\nR1,P7,no\n");
    const out = join(tmp.dir, "never");
    const first = await qar("close-year", YEAR, VALID, "--attendance", bad, "--year-label", "2023-24", "--out", out);
    expect(first.code).toBe(1);
    expect(first.err).toContain(`${bad}, row 2, column "attended": "maybe" is not yes or no`);
    writeFileSync(bad, "review_id,person_id,attended\nR1,P3,yes\nR1,P7,no\n");
    const second = await qar("close-year", YEAR, VALID, "--attendance", bad, "--year-label", "2023-24", "--out", out);
    expect(second.code).toBe(1);
    expect(second.err).toContain(`${bad}, row 3, column "person_id": P7 has no seat on R1 in the allocation`);
    expect(second.err).not.toContain(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  it("qar close-year <next> <solved>/allocation.csv --year-label 2023-24 refuses a year closed already", async () => {
    const { code, err } = await qar("close-year", next, join(tmp.dir, "solved", "allocation.csv"), "--year-label", "2023-24", "--out", join(tmp.dir, "again"));
    expect(code).toBe(1);
    expect(err).toContain("--year-label: 2023-24 was closed already");
  });

  it("qar close-year <year> valid.csv --out <dir> without --year-label exits 1", async () => {
    const { code, err } = await qar("close-year", YEAR, VALID, "--out", join(tmp.dir, "unlabelled"));
    expect(code).toBe(1);
    expect(err).toContain("--year-label");
  });
});

describe("qar ledger", () => {
  it("qar ledger <2025-26> lists the schools furthest behind first, each closed year's balance beside them", async () => {
    const third = join(tmp.dir, "2025-26");
    const { code, out, err } = await qar("ledger", third);
    expect(err).toBe("");
    expect(code).toBe(0);
    const ledger = rows(read(third, "ledger-years.csv")).filter((r) => r.year === "2024-25");
    const owing = ledger.filter((r) => Number(r.carry_over_after) > 0).length;
    expect(out).toContain(`${owing} of 5 schools owe places after 2 closed years`);
    const table = out.split("\n").filter((line) => /^S\d/.test(line));
    expect(table).toHaveLength(5);
    const owesNow = table.map((line) => Number(line.trim().split(/\s+/).at(-2)));
    expect(owesNow).toEqual([...owesNow].sort((a, b) => b - a));
    expect(owesNow.sort()).toEqual(ledger.map((r) => Number(r.carry_over_after)).sort());
    expect(out.split("\n").find((line) => line.startsWith("school"))).toMatch(/2023-24\s+2024-25/);
  });

  it("qar ledger <2025-26> --top 2 --json", async () => {
    const { code, out } = await qar("ledger", join(tmp.dir, "2025-26"), "--top", "2", "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out) as { schools: number; furthestBehind: { schoolId: string; carryOver: number; years: unknown[] }[] };
    expect(report.schools).toBe(5);
    expect(report.furthestBehind).toHaveLength(2);
    expect(report.furthestBehind[0]!.carryOver).toBeGreaterThanOrEqual(report.furthestBehind[1]!.carryOver);
    expect(report.furthestBehind[0]!.years).toHaveLength(2);
  });

  it("qar ledger <year> without ledger-years.csv exits 1 and says where the file comes from", async () => {
    const { code, err } = await qar("ledger", YEAR);
    expect(code).toBe(1);
    expect(err).toContain("ledger-years.csv: does not exist; qar close-year writes ledger-years.csv");
  });

  it("qar report <next> <solved>/allocation.csv --out report.html shows the closed years and the pathway", async () => {
    const report = join(tmp.dir, "report.html");
    const { code } = await qar("report", next, join(tmp.dir, "solved", "allocation.csv"), "--out", report);
    expect(code).toBe(0);
    const html = readFileSync(report, "utf8");
    expect(html).toContain(`<section id="years">`);
    expect(html).toContain(`<section id="pathway">`);
    for (const [school, carry] of Object.entries(CARRY)) expect(html).toMatch(new RegExp(`data-school="${school}">.*?data-owes>${carry || 0}<`));
  });
});
