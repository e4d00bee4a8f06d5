import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLANTED, qar, scratch, STACK_LINE, YEAR } from "./qar.js";

const tmp = scratch("repair");
afterAll(tmp.remove);

const VALID = join(PLANTED, "valid.csv");

function changes(name: string, rows: string): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, `change,id,value\n${rows}`);
  return file;
}

describe("qar repair", () => {
  it("qar repair <year> planted/valid.csv --changes <withdraw P2> --out <tmp> --seed 1", async () => {
    const out = join(tmp.dir, "repaired");
    const { code, out: text, err } = await qar("repair", YEAR, VALID, "--changes", changes("withdraw.csv", "withdraw,P2,\n"), "--out", out, "--seed", "1");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(text).toContain(`written to ${out}: allocation.csv, unfilled.csv, ledger.csv, standby.csv, summary.json, report.html, letters.csv, calendars/, diff.csv, notices.csv`);
    expect(readdirSync(out).filter((name) => !name.startsWith(".")).sort()).toEqual(["allocation.csv", "calendars", "diff.csv", "ledger.csv", "letters.csv", "notices.csv", "report.html", "standby.csv", "summary.json", "unfilled.csv"]);
    const diff = readFileSync(join(out, "diff.csv"), "utf8");
    expect(diff.split("\n")[0]).toBe("change,role,person_id,from_review_id,to_review_id");
    expect(diff).toContain("removed,peer,P2,R2,");
    expect(readFileSync(join(out, "allocation.csv"), "utf8")).not.toMatch(/,P2,/);
    // The repaired allocation passes the checker on the year (P2 is still in its files).
    expect((await qar("check", YEAR, join(out, "allocation.csv"))).code).toBe(0);
  });

  it("qar repair <year> planted/valid.csv --changes <unknown id> --out <tmp> exits 1 naming the row and writes nothing", async () => {
    const file = changes("unknown.csv", "withdraw,P2,\nwithdraw,NOBODY,\n");
    const out = join(tmp.dir, "never");
    const { code, out: text, err } = await qar("repair", YEAR, VALID, "--changes", file, "--out", out);
    expect(err).toContain(`error: ${file}, row 3, column "id": no reviewer or Lead Reviewer has the id "NOBODY"`);
    expect(`${text}${err}`).not.toContain(STACK_LINE);
    expect(existsSync(out)).toBe(false);
    expect(code).toBe(1);
  });
});
