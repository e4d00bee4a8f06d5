import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLANTED, qar, scratch, STACK_LINE, YEAR } from "./qar.js";

const tmp = scratch("report");
afterAll(tmp.remove);

describe("qar report", () => {
  it("qar report <year> planted/valid.csv --out <tmp>/report.html", async () => {
    const file = join(tmp.dir, "report.html");
    const { code, out, err } = await qar("report", YEAR, join(PLANTED, "valid.csv"), "--out", file);
    expect(err).toBe("");
    expect(out).toBe(`written to ${file}\n`);
    const html = readFileSync(file, "utf8");
    expect(html).toContain('<span data-metric="filled">9</span> / <span data-metric="seats">9</span>');
    expect(html).toContain("The checker finds no broken hard rule.");
    expect(code).toBe(0);
  });

  it("qar check <year> planted/overlap.csv --report <tmp>/checked.html exits 2 and writes the report with the violation", async () => {
    const file = join(tmp.dir, "checked.html");
    const { code } = await qar("check", YEAR, join(PLANTED, "overlap.csv"), "--report", file);
    expect(code).toBe(2);
    expect(readFileSync(file, "utf8")).toContain("1 hard-rule violation");
  });

  it("qar report <year> planted/valid.csv --out <year>/report.html is refused with exit 1 and writes nothing", async () => {
    const year = join(tmp.dir, "year-copy");
    cpSync(YEAR, year, { recursive: true });
    const { code, out, err } = await qar("report", year, join(PLANTED, "valid.csv"), "--out", join(year, "report.html"));
    expect(err).toContain("inside the year folder");
    expect(`${out}${err}`).not.toContain(STACK_LINE);
    expect(existsSync(join(year, "report.html"))).toBe(false);
    expect(readdirSync(year).sort()).toEqual(readdirSync(YEAR).sort());
    expect(code).toBe(1);
  });
});
