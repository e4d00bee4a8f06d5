import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { qar, scratch, STACK_LINE, TINY, YEAR, readOutput as read } from "./qar.js";
import { MANIFEST } from "../../src/io/out-folder.js";

const tmp = scratch("solve");
afterAll(tmp.remove);

const HEADERS = {
  "allocation.csv": "review_id,host_school_id,start,end,role,person_id,person_name,person_school_id,level,status,sequence",
  "unfilled.csv": "review_id,host_school_id,role,missing,reason",
  "ledger.csv": "school_id,seats_received,places_sent,balance,target,reachable",
  "letters.csv": "recipient_type,recipient_id,name,email,subject,message,duties,hosting,sending",
} as const;


/** summary.json without its timing figures, the only fields allowed to differ between runs. */
function withoutTiming(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (key === "elapsedMs" ? undefined : value));
}

describe("qar solve", () => {
  const first = join(tmp.dir, "first");
  const second = join(tmp.dir, "second");

  it("qar solve <year> --out <tmp> --seed 1", async () => {
    const { code, out, err } = await qar("solve", YEAR, "--out", first, "--seed", "1");
    // The only warnings: the schools whose reviewers cannot meet their target (S1 and S4 host a
    // 2-seat review with one reviewer of one review each).
    expect(err.trim().split("\n").map((line) => /^warning: schools.csv, column "id": school (\S+) .*cannot meet its reciprocity target/.exec(line)?.[1])).toEqual(["S1", "S4"]);
    expect(code).toBe(0);
    expect(out).toContain("seats filled");
    expect(out).toContain(`written to ${first}: allocation.csv, unfilled.csv, shortage.csv, teams-by-group.csv, schools-without-team.csv, ledger.csv, standby.csv, summary.json, report.html, letters.csv, calendars/, hubs/, results.xlsx`);
    expect(readdirSync(first).filter((name) => !name.startsWith(".")).sort()).toEqual([
      "allocation.csv", "calendars", "hubs", "ledger.csv", "letters.csv", "report.html", "results.xlsx", "schools-without-team.csv", "shortage.csv", "standby.csv", "summary.json", "teams-by-group.csv", "unfilled.csv",
    ]);
    expect(out).not.toContain(STACK_LINE);
    expect(out).not.toMatch(/\u001b\[/); // NO_COLOR: no escape sequences
    for (const [file, header] of Object.entries(HEADERS)) expect(read(first, file).split("\n")[0], file).toBe(`\uFEFF${header}`);
    const summary = JSON.parse(read(first, "summary.json")) as { reviews: number; solver: { seed: number; elapsedMs: number } };
    expect(summary.reviews).toBe(3);
    expect(summary.solver.seed).toBe(1);
    expect(typeof summary.solver.elapsedMs).toBe("number");
  });

  it("qar solve <year> --out <tmp> --seed 1 writes one allocation row per assigned person and fills this small year", () => {
    const rows = read(first, "allocation.csv").trim().split("\n").slice(1);
    // Three reviews of two peer seats and a lead each: every seat can be filled.
    expect(rows).toHaveLength(9);
    expect(rows.filter((row) => row.split(",")[4] === "lead")).toHaveLength(3);
    // Everything solve writes is an offer: proposed, first calendar version.
    for (const row of rows) expect(row.split(",").slice(-2)).toEqual(["proposed", "0"]);
    expect(read(first, "unfilled.csv")).toBe(`\uFEFF${HEADERS["unfilled.csv"]}\n`);
    const ledger = read(first, "ledger.csv").trim().split("\n").slice(1).map((row) => row.split(","));
    expect(ledger.map((row) => row[0])).toEqual(["S1", "S2", "S3", "S4", "S5"]);
    for (const [, received, sent, balance] of ledger) expect(Number(balance)).toBe(Number(sent) - Number(received));
  });

  it("qar solve <year> --out <tmp2> --seed 1 again gives byte-identical files except timing in summary.json", async () => {
    const { code } = await qar("solve", YEAR, "--out", second, "--seed", "1");
    expect(code).toBe(0);
    // The hidden manifest holds a checksum of each output, summary.json's (with its timing) included.
    const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.includes(".") && name !== MANIFEST).sort();
    expect(files(second)).toEqual(files(first));
    expect(files(first)).toContain(join("calendars", "P1.ics"));
    for (const file of files(first)) {
      if (file === "summary.json") continue;
      expect(read(second, file), file).toBe(read(first, file));
    }
    expect(withoutTiming(read(second, "summary.json"))).toEqual(withoutTiming(read(first, "summary.json")));
  });

  it("qar check <year> <tmp>/allocation.csv exits 0 on what solve wrote", async () => {
    const { code, out } = await qar("check", YEAR, join(first, "allocation.csv"));
    expect(out).toContain("valid: no rule is broken");
    expect(code).toBe(0);
  });

  it("qar solve <year> --out <year>/out is refused with exit 1 and writes nothing", async () => {
    // A copy of the year, so that a failure cannot leave files in the committed test data.
    const year = join(tmp.dir, "year-copy");
    cpSync(YEAR, year, { recursive: true });
    for (const out of [join(year, "out"), year, join(year, "deep", "er")]) {
      const { code, err } = await qar("solve", year, "--out", out);
      expect(code, out).toBe(1);
      expect(err).toMatch(/(is|inside) the year folder/);
      expect(err).not.toContain(STACK_LINE);
    }
    expect(readdirSync(year).sort()).toEqual(readdirSync(YEAR).sort());
  });

  it('qar solve <year with names like =HYPERLINK("x")> --out <tmp> neutralises them in every CSV, and qar check reads them back', async () => {
    const year = join(tmp.dir, "formulas");
    cpSync(YEAR, year, { recursive: true });
    // Every reviewer's name becomes a formula (quoted, as a spreadsheet would write it).
    const [header, ...lines] = read(year, "reviewers.csv").trim().split("\n");
    const named = lines.map((line) => line.replace(/^([^,]*),[^,]*,/, '$1,"=HYPERLINK(""x"")",'));
    writeFileSync(join(year, "reviewers.csv"), `${[header, ...named].join("\n")}\n`);
    const out = join(tmp.dir, "formulas-out");
    expect((await qar("solve", year, "--out", out, "--seed", "1")).code).toBe(0);
    expect(read(out, "allocation.csv")).toContain(`"'=HYPERLINK(""x"")"`);
    for (const file of ["allocation.csv", "unfilled.csv", "ledger.csv"]) {
      for (const line of read(out, file).split("\n")) {
        for (const cell of line.split(",")) expect(cell.replace(/^"/, ""), `${file}: ${line}`).not.toMatch(/^[=+@]/);
      }
    }
    // The guard is undone on reading: the allocation checks clean against the year.
    expect((await qar("check", year, join(out, "allocation.csv"))).code).toBe(0);
  });

  it("qar solve fixtures/years/tiny --out <tmp> --seed 1, then qar check fixtures/years/tiny <tmp>/allocation.csv", async () => {
    const out = join(tmp.dir, "tiny");
    const solved = await qar("solve", TINY, "--out", out, "--seed", "1");
    expect(solved.code).toBe(0);
    for (const [file, header] of Object.entries(HEADERS)) expect(read(out, file).split("\n")[0], file).toBe(`\uFEFF${header}`);
    const checked = await qar("check", TINY, join(out, "allocation.csv"));
    expect(checked.out).toContain("valid: no rule is broken");
    expect(checked.code).toBe(0);
  });

  it("qar solve <year> --out <tmp> --json prints the summary as JSON", async () => {
    const out = join(tmp.dir, "json");
    const result = await qar("solve", YEAR, "--out", out, "--seed", "1", "--json");
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as { out: string; reviews: number };
    expect(summary).toMatchObject({ out, reviews: 3 });
  });
});

describe("qar solve with bad arguments", () => {
  it.each([
    ["qar solve <year> --out <tmp> --engine quantum", ["--engine", "quantum"], 'unknown engine "quantum"'],
    ["qar solve <year> --out <tmp> --seed abc", ["--seed", "abc"], "must be a whole number"],
    ["qar solve <year> --out <tmp> --seed 1.5", ["--seed", "1.5"], "must be a whole number"],
    ["qar solve <year> --out <tmp> --time-limit soon", ["--time-limit", "soon"], "positive number of seconds"],
    ["qar solve <year> --out <tmp> --policy <missing>", ["--policy", join(YEAR, "no-such-policy.json")], "does not exist"],
  ])("%s exits 1 with a message and writes nothing", async (_title, extra, message) => {
    const out = join(tmp.dir, `bad-${extra.join("-").replace(/\W+/g, "_")}`);
    const { code, out: stdout, err } = await qar("solve", YEAR, "--out", out, ...extra);
    expect(code).toBe(1);
    expect(err).toContain(message);
    expect(`${stdout}${err}`).not.toContain(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });

  it("qar solve <year> (no --out) exits 1 with a message", async () => {
    const { code, out, err } = await qar("solve", YEAR);
    expect(code).toBe(1);
    expect(err).toContain("--out");
    expect(`${out}${err}`).not.toContain(STACK_LINE);
  });

  it("qar solve <missing folder> --out <tmp> exits 1 naming the folder", async () => {
    const missing = join(tmp.dir, "no-such-year");
    const out = join(tmp.dir, "never");
    const { code, err } = await qar("solve", missing, "--out", out);
    expect(code).toBe(1);
    expect(err).toContain(`${missing}: is not a year folder`);
    expect(existsSync(out)).toBe(false);
  });

  it("qar solve <year with a bad cell> --out <tmp> exits 1 with file, row and column and writes nothing", async () => {
    const year = join(tmp.dir, "bad-cell");
    cpSync(YEAR, year, { recursive: true });
    const reviews = read(year, "reviews.csv").replace("R2,S3,2024-02-05", "R2,S3,2024-02-30");
    writeFileSync(join(year, "reviews.csv"), reviews);
    const out = join(tmp.dir, "bad-cell-out");
    const { code, err } = await qar("solve", year, "--out", out);
    expect(code).toBe(1);
    expect(err).toContain('error: reviews.csv, row 3, column "start": "2024-02-30" is not a real date');
    expect(err).toContain("nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  it("qar solve <year> --out <existing folder> keeps the user's other files and replaces ours", async () => {
    const out = join(tmp.dir, "existing");
    expect((await qar("solve", YEAR, "--out", out, "--seed", "2")).code).toBe(0);
    writeFileSync(join(out, "notes.txt"), "mine");
    expect((await qar("solve", YEAR, "--out", out, "--seed", "3")).code).toBe(0);
    expect(read(out, "notes.txt")).toBe("mine");
    expect(readdirSync(tmp.dir).filter((name) => name.includes(".tmp-") || name.includes(".old-"))).toEqual([]);
  });
});
