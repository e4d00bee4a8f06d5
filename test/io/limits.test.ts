/**
 * Input limits (issue 20 item 4): a file that is a link to /dev/zero or has a 50 MB header line
 * is refused quickly, with bounded memory, and the message quotes at most a short excerpt.
 */
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readBytes, readYearFolder } from "../../src/io/files.js";
import { INPUT_LIMITS } from "../../src/io/limits.js";
import { capErrors } from "../../src/io/cap-errors.js";
import { readSheetTable } from "../../src/io/read-csv.js";
import type { InputError } from "../../src/io/errors.js";

const BASE = new URL("../bad-inputs/base/", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "qar-limits-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The base year with `reviews.csv` replaced by `make(path)`. */
function yearWithReviews(name: string, make: (path: string) => void): string {
  const dir = mkdtempSync(join(scratch, `${name}-`));
  for (const file of ["schools.csv", "reviewers.csv", "leads.csv"]) copyFileSync(join(BASE, file), join(dir, file));
  make(join(dir, "reviews.csv"));
  return dir;
}

/** Reads the folder, timing it and measuring the heap it grew by. */
function timedRead(dir: string) {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = readYearFolder(dir);
  return { result, ms: performance.now() - started, grewMb: (process.memoryUsage().heapUsed - heap) / 2 ** 20 };
}

describe("input limits", () => {
  it.skipIf(process.platform === "win32")("reviews.csv linked to /dev/zero is refused as a device, unread, quickly", () => {
    const dir = yearWithReviews("zero", (path) => symlinkSync("/dev/zero", path));
    const { result, ms } = timedRead(dir);
    expect(result.ok ? [] : result.errors).toMatchObject([{ code: "unreadable-file", file: "reviews.csv", message: expect.stringContaining("is a device, not a file saved on disk") }]);
    expect(ms).toBeLessThan(5_000);
  });

  it("a 50 MB header line is refused before it is read, with a short message", () => {
    const dir = yearWithReviews("header", (path) => writeFileSync(path, `${"h".repeat(50 * 2 ** 20)}\nR1\n`));
    const { result, ms, grewMb } = timedRead(dir);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toMatchObject([{ code: "too-large", file: "reviews.csv" }]);
    expect(errors[0]!.message.length).toBeLessThan(200);
    expect(ms).toBeLessThan(2_000);
    expect(grewMb).toBeLessThan(64);
  });

  it("a 1 MB header line (under the byte limit) is refused at the header limit, quoting 40 characters", () => {
    const dir = yearWithReviews("long-header", (path) => writeFileSync(path, `${"id,".repeat(350_000)}\nR1\n`));
    const { result } = timedRead(dir);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toMatchObject([{ code: "too-large", message: expect.stringContaining("header row longer than 20,000 characters") }]);
    expect(errors[0]!.message.length).toBeLessThan(250);
  });

  it("more rows or columns than the limits is one error, read no further", () => {
    const spec = { required: ["id"], optional: [] };
    const rows = [["id"], ...Array.from({ length: INPUT_LIMITS.rows + 5 }, () => ["R"])];
    expect(readSheetTable({ sheet: "reviews", rows }, "reviews.csv", spec).errors).toMatchObject([{ code: "too-large", message: expect.stringContaining("more than 200,000 rows") }]);
    const wide = [Array.from({ length: INPUT_LIMITS.columns + 1 }, (_, i) => `c${i}`)];
    expect(readSheetTable({ sheet: "reviews", rows: wide }, "reviews.csv", spec).errors).toMatchObject([{ code: "too-large", message: expect.stringContaining("201 columns") }]);
  });

  it("readBytes of a folder or a missing file is an input error", () => {
    expect(readBytes(scratch)).toMatchObject({ error: { code: "unreadable-file", message: "is a folder, not a file" } });
    expect(readBytes(join(scratch, "nothing.csv"))).toMatchObject({ error: { code: "missing-file" } });
  });

  it("error lists are capped per column with a count, and in all", () => {
    const cell = (row: number, column: string): InputError => ({ code: "bad-value", file: "t.csv", row, column, message: `row ${row} is bad` });
    const many = Array.from({ length: 400 }, (_, i) => cell(i + 2, "start"));
    const few = [cell(2, "id"), cell(3, "id")];
    const capped = capErrors([...few, ...many]);
    expect(capped).toHaveLength(3);
    expect(capped[2]!.message).toContain("400 rows of this column have this problem (rows 2 to 401)");
    const columns = Array.from({ length: 150 }, (_, i) => cell(2, `c${i}`));
    const all = capErrors(columns);
    expect(all).toHaveLength(INPUT_LIMITS.errors + 1);
    expect(all[INPUT_LIMITS.errors]).toMatchObject({ code: "more-errors", message: expect.stringContaining("and 50 more problems") });
  });

  it("a column's errors are called the whole column only when they fill most of the rows they span", () => {
    const at = (row: number): InputError => ({ code: "bad-value", file: "reviewers.csv", row, column: "available", message: "no dates" });
    const dense = capErrors(Array.from({ length: 40 }, (_, i) => at(i + 2)));
    expect(dense[0]!.message).toContain("likely the whole column");
    const scattered = capErrors(Array.from({ length: 15 }, (_, i) => at(66 + i * 70)));
    expect(scattered).toHaveLength(1);
    expect(scattered[0]!.message).toContain("15 rows of this column have this problem (rows 66 to 1046)");
    expect(scattered[0]!.message).not.toContain("whole column");
  });
});
