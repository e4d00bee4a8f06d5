/**
 * Nothing counted twice, no allocation of another year (issue 29 items 2 and 3), as a user
 * meets them at the command line: one year closed under every spelling of its label, carry-overs
 * pushed past what schools.csv holds, and another year's allocation given to every command that
 * works on one. Each is refused with file, row and column (or handled, with a warning), and a
 * refusal writes nothing.
 */
import { cpSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLANTED, qar, scratch, STACK_LINE, TINY, YEAR, readOutput as read, csvRows as rows } from "../cli/qar.js";

const tmp = scratch("hostile-years");
afterAll(tmp.remove);
const VALID = join(PLANTED, "valid.csv");

describe("a year closed once", () => {
  const closed = join(tmp.dir, "closed");
  const again = join(tmp.dir, "again");

  it("qar close-year <year> valid.csv --year-label 2023-24, then the same year as 2023/24, 2023, 2023-2024 or ' 2023-24': refused each time, nothing written", async () => {
    const first = await qar("close-year", YEAR, VALID, "--year-label", "2023-24", "--out", closed, "--quiet");
    expect(first.code, first.err).toBe(0);
    // The closed folder with the year's reviews back: the same allocation could be closed again.
    cpSync(join(YEAR, "reviews.csv"), join(closed, "reviews.csv"));
    for (const label of ["2023-24", "2023/24", "2023", "2023-2024", " 2023-24 "]) {
      const { code, err } = await qar("close-year", closed, VALID, "--year-label", label, "--out", again);
      expect(code, label).toBe(1);
      expect(err, label).toMatch(/--year-label: .*was closed already/);
      expect(err).not.toContain(STACK_LINE);
      expect(existsSync(again), label).toBe(false);
    }
    const next = await qar("close-year", closed, VALID, "--year-label", "2024-25", "--out", again, "--quiet");
    expect(next.code, next.err).toBe(0);
  });

  it("carry-overs at the limit: closing writes at most ±1000 (with a warning), and the next year's folder reads back", async () => {
    const year = join(tmp.dir, "in-debt");
    cpSync(YEAR, year, { recursive: true });
    // S5 is owed 1000 places and sends 2 more; S4 owes 1000 and receives 2 more.
    const schools = read(year, "schools.csv").trim().split("\n");
    writeFileSync(join(year, "schools.csv"), `${schools[0]},carry_over\n${schools.slice(1).map((line) => `${line},${line.startsWith("S5") ? -1000 : line.startsWith("S4") ? 1000 : 0}`).join("\n")}\n`);
    const out = join(tmp.dir, "in-debt-next");
    const { code, err } = await qar("close-year", year, VALID, "--year-label", "2023-24", "--out", out);
    expect(code, err).toBe(0);
    expect(err).toContain("warning: school S5: its carry-over came to -1002, beyond the ±1000 a school may carry; written as -1000");
    expect(err).toContain("written as 1000");
    const carry = Object.fromEntries(rows(read(out, "schools.csv")).map((s) => [s.id, s.carry_over]));
    expect(carry).toMatchObject({ S4: "1000", S5: "-1000" });
    writeFileSync(join(out, "reviews.csv"), read(YEAR, "reviews.csv"));
    // Read back as a year: a rule may be broken (availability is cleared), but nothing is invalid input.
    const readBack = await qar("check", out, VALID, "--quiet");
    expect(readBack.code, readBack.err).not.toBe(1);
  });
});

describe("another year's allocation", () => {
  const otherYear = join(tmp.dir, "other-year");
  const foreign = join(otherYear, "allocation.csv");
  const changes = join(tmp.dir, "changes.csv");
  const responses = join(tmp.dir, "responses.csv");
  writeFileSync(changes, "change,id,value\nwithdraw,P1,\n");
  writeFileSync(responses, "review_id,person_id,response\nR0001,P0001,yes\n");

  it("qar check <year> <another year's allocation> exits 2 naming the known-people rule", async () => {
    expect((await qar("solve", TINY, "--out", otherYear, "--seed", "1", "--quiet")).code).toBe(0);
    const { code, out } = await qar("check", YEAR, foreign);
    expect(code).toBe(2);
    expect(out).toContain("[known-people]");
  });

  it.each([
    ["explain", () => ["explain", YEAR, foreign]],
    ["report", () => ["report", YEAR, foreign, "--out", join(tmp.dir, "never", "report.html")]],
    ["repair", () => ["repair", YEAR, foreign, "--changes", changes, "--out", join(tmp.dir, "never")]],
    ["respond", () => ["respond", YEAR, foreign, "--responses", responses, "--out", join(tmp.dir, "never")]],
    ["close-year", () => ["close-year", YEAR, foreign, "--year-label", "2023-24", "--out", join(tmp.dir, "never")]],
  ])("qar %s <year> <another year's allocation> ...: exit 1, each unknown row by file, row and column, nothing written", async (_name, args) => {
    const { code, out, err } = await qar(...args());
    expect(code, err).toBe(1);
    expect(`${out}${err}`).not.toContain(STACK_LINE);
    expect(err).toMatch(new RegExp(`${foreign.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, row 2, column "review_id": R0\\d+: \\S+ is placed on review R0\\d+, which is not in the year`));
    expect(existsSync(join(tmp.dir, "never"))).toBe(false);
  });

  it("qar explain <year> <this year's allocation with one row of a reviewer in the lead seat>: refused at that row, column role", async () => {
    const edited = join(tmp.dir, "edited.csv");
    writeFileSync(edited, "review_id,role,person_id\nR1,lead,L1\nR1,lead,P1\n");
    const { code, err } = await qar("explain", YEAR, edited);
    expect(code).toBe(1);
    expect(err).toContain(`${edited}, row 3, column "role": R1: P1 is a peer reviewer, not a Lead Reviewer`);
  });
});
