import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { readYearFolder } from "../../src/io/files.js";

interface Expected {
  readonly why: string;
  readonly accepted?: true;
  readonly exit?: number;
  readonly errors?: readonly { file: string; row?: number; column?: string; contains: string }[];
}

const casesDir = new URL("./cases/", import.meta.url).pathname;
const cases = readdirSync(casesDir).sort();
const scratch = mkdtempSync(join(tmpdir(), "qar-bad-inputs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the bad-input catalogue", () => {
  it("has at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)("%s", async (name) => {
    const dir = join(casesDir, name);
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
    const read = readYearFolder(dir);
    const out = join(scratch, name);
    let stdout = "";
    let stderr = "";
    const code = await run(["node", "qar", "solve", dir, "--out", out, "--engine", "greedy"], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
    if (expected.accepted) {
      expect(read.ok ? [] : read.errors).toEqual([]);
      expect(code).toBe(0);
      expect(existsSync(join(out, "allocation.csv"))).toBe(true);
      return;
    }
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors;
    for (const want of expected.errors ?? []) {
      const match = errors.find(
        (e) => e.file === want.file && (want.row === undefined || e.row === want.row) && (want.column === undefined || e.column === want.column) && e.message.includes(want.contains),
      );
      expect(match, `${want.file} row ${want.row} column ${want.column}: "${want.contains}" in ${JSON.stringify(errors)}`).toBeDefined();
      const where = [want.file, want.row !== undefined ? `row ${want.row}` : undefined, want.column !== undefined ? `column "${want.column}"` : undefined].filter(Boolean).join(", ");
      expect(stderr).toContain(where);
    }
    expect(code).toBe(expected.exit);
    expect(existsSync(out)).toBe(false);
  });
});
