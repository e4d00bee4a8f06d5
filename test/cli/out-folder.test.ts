import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { qar, scratch, STACK_LINE, YEAR } from "./qar.js";

const tmp = scratch("out-folder");
afterAll(() => tmp.remove());

/** A copy of the small year, so a test may point links at it. */
function yearCopy(name: string): string {
  const year = join(tmp.dir, name);
  cpSync(YEAR, year, { recursive: true });
  return year;
}
const listing = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();

describe("the --out folder", () => {
  it("qar solve <year> --out <folder with the user's files> keeps every one of them", async () => {
    const out = join(tmp.dir, "shared");
    mkdirSync(join(out, "minutes", "2024"), { recursive: true });
    writeFileSync(join(out, "notes.txt"), "mine");
    writeFileSync(join(out, "minutes", "2024", "march.md"), "# March");
    const { code } = await qar("solve", YEAR, "--out", out, "--seed", "1", "--quiet");
    expect(code).toBe(0);
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(out, "minutes", "2024", "march.md"), "utf8")).toBe("# March");
    expect(existsSync(join(out, "allocation.csv"))).toBe(true);
    const again = await qar("solve", YEAR, "--out", out, "--seed", "2", "--quiet");
    expect(again.code).toBe(0);
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(listing(out).filter((name) => name.startsWith(".qar-write"))).toEqual([]);
  });

  it("qar solve <year> --out <link to the year> is refused with exit 1 and the year folder is untouched", async () => {
    const year = yearCopy("linked-year");
    const link = join(tmp.dir, "link-to-year");
    symlinkSync(year, link);
    const before = listing(year);
    const { code, err } = await qar("solve", year, "--out", link);
    expect(code).toBe(1);
    expect(err).toMatch(/year folder/);
    expect(err).not.toContain(STACK_LINE);
    expect(listing(year)).toEqual(before);
  });

  it("qar solve <link to the year> --out <the year's real path> is refused with exit 1", async () => {
    const year = yearCopy("real-year");
    const link = join(tmp.dir, "year-through-link");
    symlinkSync(year, link);
    const before = listing(year);
    const { code, err } = await qar("solve", link, "--out", join(year, "results"));
    expect(code).toBe(1);
    expect(err).toMatch(/year folder/);
    expect(listing(year)).toEqual(before);
  });

  it("qar solve <year> --out <a file> exits 1 with a clear message, never an internal error", async () => {
    const file = join(tmp.dir, "a-file.txt");
    writeFileSync(file, "keep me");
    for (const out of [file, join(file, "below")]) {
      const { code, err } = await qar("solve", YEAR, "--out", out);
      expect(code, out).toBe(1);
      expect(err).toMatch(/is a file/);
      expect(err).not.toMatch(/internal error/);
    }
    expect(readFileSync(file, "utf8")).toBe("keep me");
  });

  it("qar report <year> <allocation> --out <link into the year> is refused with exit 1", async () => {
    const year = yearCopy("report-year");
    const solved = join(tmp.dir, "for-report");
    expect((await qar("solve", year, "--out", solved, "--quiet")).code).toBe(0);
    const link = join(tmp.dir, "report-link");
    symlinkSync(year, link);
    const before = listing(year);
    const { code, err } = await qar("report", year, join(solved, "allocation.csv"), "--out", join(link, "report.html"));
    expect(code).toBe(1);
    expect(err).toMatch(/year folder/);
    expect(listing(year)).toEqual(before);
  });
});
