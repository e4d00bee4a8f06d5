/**
 * `qar plan --apply` (issue 28): the proposed date moves written into a copy of reviews.csv in
 * --out, the year folder untouched; the copy keeps every other column and row as the user wrote
 * them, and a year folder holding it is solved with the new dates.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readYearFolder } from "../../src/io/files.js";
import { workbookOf } from "../../src/io/results-workbook.js";
import { serializeYear } from "../../src/io/write-year.js";
import { pushedYear } from "../helpers/windows.js";
import { csvRows, qar, scratch, YEAR, readOutput as read } from "./qar.js";

const tmp = scratch("plan-apply");
afterAll(tmp.remove);

/** The windowed year of the planning tests, its reviews.csv with a notes column and one start written day first. */
const year = join(tmp.dir, "year");
mkdirSync(year);
const problem = pushedYear(5, 12, 2).problem;
for (const [name, text] of Object.entries(serializeYear(problem))) writeFileSync(join(year, name), text);
const original = csvRows(read(year, "reviews.csv"));
const [first, ...others] = original;
const notes: Record<string, string>[] = [first!, ...others].map((row, i) => ({ ...row, notes: i === 0 ? "head's diary clash, ring first" : "", start: i === 0 ? row.start!.split("-").reverse().join("/") : row.start! }));
const header = [...Object.keys(first!), "notes"];
const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
writeFileSync(join(year, "reviews.csv"), [header.join(","), ...notes.map((row) => header.map((c) => quote(row[c] ?? "")).join(","))].join("\n") + "\n");
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));
const before = snapshot(year);
/** The moves the first test's plan proposed. */
let moves: readonly { reviewId: string; toStart: string }[] = [];

describe("qar plan --apply", () => {
  it("qar plan <year> --out <plan> --apply --json: reviews.csv in --out with the moves made, every other cell as written; the year folder unchanged", async () => {
    const out = join(tmp.dir, "plan");
    const result = await qar("plan", year, "--out", out, "--apply", "--json");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out) as { ok: boolean; applied: string; moves: { reviewId: string; toStart: string }[] };
    expect(summary.ok).toBe(true);
    expect(summary.applied).toBe(join(out, "reviews.csv"));
    expect(summary.moves.length).toBeGreaterThan(0);
    moves = summary.moves;
    expect(snapshot(year)).toEqual(before);
    const text = read(out, "reviews.csv");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const applied = csvRows(text);
    const to = new Map(summary.moves.map((m) => [m.reviewId, m.toStart]));
    expect(applied.map((row) => row.id)).toEqual(notes.map((row) => row.id));
    applied.forEach((row, i) => {
      const written = notes[i]!;
      expect(row, row.id).toEqual({ ...written, start: to.get(row.id!) ?? written.start });
    });
  });

  it("the year with the applied reviews.csv reads the moved starts and solves to a valid allocation", async () => {
    const moved = join(tmp.dir, "moved-year");
    cpSync(year, moved, { recursive: true });
    cpSync(join(tmp.dir, "plan", "reviews.csv"), join(moved, "reviews.csv"));
    const read = readYearFolder(moved);
    if (!read.ok) throw new Error(read.errors.map((e) => e.message).join("; "));
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves) expect(read.value.reviews.find((r) => r.id === move.reviewId)?.start).toBe(move.toStart);
    const out = join(tmp.dir, "solved");
    expect((await qar("solve", moved, "--out", out, "--seed", "1", "--quiet")).code).toBe(0);
    const checked = await qar("check", moved, join(out, "allocation.csv"));
    expect(checked.out).toContain("valid: no rule is broken");
  });

  it("a year without moves to make: reviews.csv is the year's own rows; a year given as a workbook: its reviews sheet", async () => {
    const plain = join(tmp.dir, "plain");
    expect((await qar("plan", YEAR, "--out", plain, "--apply", "--quiet")).code).toBe(0);
    expect(csvRows(read(plain, "reviews.csv"))).toEqual(csvRows(read(YEAR, "reviews.csv")));
    const book = join(tmp.dir, "year.xlsx");
    const sheets = readdirSync(YEAR)
      .filter((name) => name.endsWith(".csv"))
      .map((name) => {
        const [columns, ...rows] = read(YEAR, name).trim().split("\n").map((line) => line.split(","));
        return { name: name.slice(0, -4), table: { columns: columns!, rows } };
      });
    writeFileSync(book, await workbookOf(sheets));
    const fromBook = join(tmp.dir, "from-book");
    expect((await qar("plan", book, "--out", fromBook, "--apply", "--quiet")).code).toBe(0);
    expect(csvRows(read(fromBook, "reviews.csv")).map((row) => [row.id, row.start])).toEqual(csvRows(read(YEAR, "reviews.csv")).map((row) => [row.id, row.start]));
  });

  it("qar plan <year> --out <year>/plan --apply is refused before anything is written", async () => {
    const copy = join(tmp.dir, "copy");
    cpSync(year, copy, { recursive: true });
    const result = await qar("plan", copy, "--out", copy, "--apply");
    expect(result.code).toBe(1);
    expect(snapshot(copy)).toEqual(before);
  });
});
