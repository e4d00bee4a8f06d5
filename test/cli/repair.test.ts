import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { parseAllocation } from "../../src/io/read-allocation.js";
import { toCsv } from "../../src/io/csv-text.js";
import { serializeYear } from "../../src/io/write-year.js";
import { applyChanges } from "../../src/repair.js";
import { CHAIN_PUBLISHED, chainYear } from "../repair/chain-year.js";
import { PLANTED, qar, scratch, STACK_LINE, YEAR, readOutput as read } from "./qar.js";

// The two-review year of test/repair/chain-year.ts: when A withdraws, 7 seats with 3 changes, 8 with 4.
const tmp = scratch("repair");
afterAll(tmp.remove);
const year = join(tmp.dir, "year");
const published = join(tmp.dir, "allocation.csv");
const changes = join(tmp.dir, "changes.csv");
mkdirSync(year);
for (const [name, text] of Object.entries(serializeYear(chainYear()))) writeFileSync(join(year, name), text);
writeFileSync(published, toCsv(["review_id", "role", "person_id"], CHAIN_PUBLISHED.assignments.map((a) => [a.reviewId, a.role, a.personId])));
writeFileSync(changes, "change,id,value\nwithdraw,A,\n");

const allocationIn = (dir: string) => {
  const parsed = parseAllocation(read(dir, "allocation.csv"), "allocation.csv");
  if (!parsed.ok) throw new Error("unreadable allocation.csv");
  return parsed.value;
};
const after = applyChanges(chainYear(), CHAIN_PUBLISHED, [{ change: "withdraw", id: "A" }]).problem;

const VALID = join(PLANTED, "valid.csv");

function changesFile(name: string, rows: string): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, `change,id,value\n${rows}`);
  return file;
}

describe("qar repair", () => {
  it("qar repair <year> planted/valid.csv --changes <withdraw P2> --out <tmp> --seed 1", async () => {
    const out = join(tmp.dir, "repaired");
    const { code, out: text, err } = await qar("repair", YEAR, VALID, "--changes", changesFile("withdraw.csv", "withdraw,P2,\n"), "--out", out, "--seed", "1");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(text).toContain(`written to ${out}: allocation.csv, unfilled.csv, shortage.csv, teams-by-group.csv, schools-without-team.csv, ledger.csv, standby.csv, summary.json, report.html, letters.csv, calendars/, hubs/, diff.csv, options.csv, notices.csv, chase.csv, results.xlsx`);
    expect(readdirSync(out).filter((name) => !name.startsWith(".")).sort()).toEqual([
      "allocation.csv", "calendars", "chase.csv", "diff.csv", "hubs", "ledger.csv", "letters.csv", "notices.csv", "options.csv", "report.html", "results.xlsx", "schools-without-team.csv", "shortage.csv", "standby.csv", "summary.json",
      "teams-by-group.csv", "unfilled.csv",
    ]);
    const diff = readFileSync(join(out, "diff.csv"), "utf8");
    expect(diff.split("\n")[0]).toBe("\uFEFFchange,role,person_id,from_review_id,to_review_id");
    expect(diff).toContain("removed,peer,P2,R2,");
    // P2 gave the seat up: it stays as a withdrawn row, with the withdrawal from the rest of the year.
    expect(readFileSync(join(out, "allocation.csv"), "utf8").split("\n").filter((row) => row.includes(",P2,"))).toEqual([
      expect.stringMatching(/^R2,.*,peer,P2,.*,withdrawn,1$/),
      expect.stringMatching(/^,,2023-09-01,,peer,P2,.*,withdrawn,0$/),
    ]);
    // The repaired allocation passes the checker on the year (P2 is still in its files).
    expect((await qar("check", YEAR, join(out, "allocation.csv"))).code).toBe(0);
  });

  it("qar repair <year> planted/valid.csv --changes <unknown id> --out <tmp> exits 1 naming the row and writes nothing", async () => {
    const file = changesFile("unknown.csv", "withdraw,P2,\nwithdraw,NOBODY,\n");
    const out = join(tmp.dir, "never");
    const { code, out: text, err } = await qar("repair", YEAR, VALID, "--changes", file, "--out", out);
    expect(err).toContain(`error: ${file}, row 3, column "id": no reviewer or Lead Reviewer has the id "NOBODY"`);
    expect(`${text}${err}`).not.toContain(STACK_LINE);
    expect(existsSync(out)).toBe(false);
    expect(code).toBe(1);
  });

  it("qar repair <year> <allocation> --changes <withdraw A> --out <dir>", async () => {
    const out = join(tmp.dir, "most");
    const { code, out: text, err } = await qar("repair", year, published, "--changes", changes, "--out", out);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(text).toContain("changes: 4 rows (1 added, 1 moved, 1 removed)");
    expect(text).toContain("options: 7 seats with 3 changes, 8 with 4 (chosen)");
    expect(read(out, "options.csv")).toBe("\uFEFFchanges,seats,full_teams,disturbed,proven,chosen\n3,7,1,1,yes,no\n4,8,2,1,yes,yes\n");
    const summary = JSON.parse(read(out, "summary.json")) as { repair: { changes: number; options: { changes: number; seats: number; chosen: boolean }[] } };
    expect(summary.repair.changes).toBe(4);
    expect(summary.repair.options.map((o) => [o.changes, o.seats, o.chosen])).toEqual([
      [3, 7, false],
      [4, 8, true],
    ]);
    const check = checkAllocation(after, allocationIn(out));
    expect(check.violations).toEqual([]);
    expect(check.metrics.filled.total).toBe(8);
  });

  it("qar repair <year> <allocation> --changes <withdraw A> --max-changes 3 --out <dir>", async () => {
    const out = join(tmp.dir, "three");
    const { code, out: text } = await qar("repair", year, published, "--changes", changes, "--max-changes", "3", "--out", out);
    expect(code).toBe(0);
    expect(text).toContain("options: 7 seats with 3 changes (chosen), 8 with 4");
    expect(read(out, "options.csv")).toBe("\uFEFFchanges,seats,full_teams,disturbed,proven,chosen\n3,7,1,1,yes,yes\n4,8,2,1,yes,no\n");
    expect(read(out, "diff.csv")).toBe("\uFEFFchange,role,person_id,from_review_id,to_review_id\nremoved,peer,A,R1,\nmoved,peer,D,R2,R1\n");
    const check = checkAllocation(after, allocationIn(out));
    expect(check.violations).toEqual([]);
    expect(check.metrics.filled.total).toBe(7);
  });

  it("qar repair <year> <allocation> --changes <withdraw A> --max-changes 2 --out <dir> exits 1, names the fewest and writes nothing", async () => {
    const out = join(tmp.dir, "two");
    const { code, out: text, err } = await qar("repair", year, published, "--changes", changes, "--max-changes", "2", "--out", out);
    expect(code).toBe(1);
    expect(text).toBe("");
    expect(err).toContain("--max-changes");
    expect(err).toContain("no valid repair changes 2 rows or fewer; the fewest is 3 (7 seats)");
    expect(err).not.toContain(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  it("qar repair <year> <allocation> --changes <withdraw A> --max-changes -1 --out <dir> exits 1 without a stack trace", async () => {
    const { code, err } = await qar("repair", year, published, "--changes", changes, "--max-changes", "-1", "--out", join(tmp.dir, "minus"));
    expect(code).toBe(1);
    expect(err).toContain("--max-changes");
    expect(err).not.toContain(STACK_LINE);
  });
});
