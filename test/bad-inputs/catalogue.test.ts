/**
 * The bad-input catalogue (issue 7 item 1): every folder under `cases/` is the valid year in
 * `base/` with one thing broken or one forgivable oddity (written by `make-cases.ts`), and its
 * `expected.json` says what must happen. Each case runs twice: through the reader
 * (`readYearFolder`) and through `qar solve`.
 *
 * - `{"accepted": true}`: the reader returns the year with no error; `qar solve` exits 0 and
 *   writes the output folder (`unfilled` lists reviews unfilled.csv must name, `warnings` the
 *   warnings that must be printed).
 * - `{"exit": 1, "errors": [...]}`: the reader reports exactly these errors (file, row and
 *   column equal, absent where the expected one has none; message by substring) and no others,
 *   so a cascade of follow-on errors is caught too; `qar solve` exits 1, prints each error's
 *   file, row and column, prints no stack trace and writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import type { InputError } from "../../src/io/errors.js";
import { readYearFolder } from "../../src/io/files.js";

interface ExpectedError {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly contains: string;
}
interface Expected {
  readonly why: string;
  readonly accepted?: true;
  /** Accepted and fills as many seats as the base year (a forgiving reading that changes nothing). */
  readonly sameSeats?: true;
  readonly unfilled?: readonly string[];
  readonly warnings?: readonly ExpectedError[];
  readonly exit?: number;
  readonly errors?: readonly ExpectedError[];
}

const casesDir = new URL("./cases/", import.meta.url).pathname;
const cases = readdirSync(casesDir).sort();
const scratch = mkdtempSync(join(tmpdir(), "qar-bad-inputs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const matches = (found: InputError, want: ExpectedError) =>
  found.file === want.file && found.row === want.row && found.column === want.column && found.message.includes(want.contains);

/** The stderr line that names the error's file, row and column (as `qar` prints them) and its message. */
function printedLine(stderr: string, want: ExpectedError): string | undefined {
  return stderr
    .split("\n")
    .find(
      (line) =>
        line.includes(want.file) &&
        (want.row === undefined || line.includes(`row ${want.row}`)) &&
        (want.column === undefined || line.includes(`"${want.column}"`)) &&
        line.includes(want.contains),
    );
}

async function solve(dir: string, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(["node", "qar", "solve", dir, "--out", out], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const filledSeats = (out: string) => (JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { filled: { total: number } }).filled.total;
let base: Promise<number> | undefined;
/** Seats the base year fills, solved once. */
function baseSeats(): Promise<number> {
  base ??= solve(new URL("./base/", import.meta.url).pathname, join(scratch, "base")).then(() => filledSeats(join(scratch, "base")));
  return base;
}

describe("the bad-input catalogue", () => {
  it("has at least 40 cases, each with an expected.json", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const name of cases) expect(existsSync(join(casesDir, name, "expected.json")), name).toBe(true);
  });

  it("starts from a valid base year", async () => {
    const base = new URL("./base/", import.meta.url).pathname;
    const read = readYearFolder(base);
    expect(read.ok ? [] : read.errors).toEqual([]);
    expect(read.ok && read.warnings).toEqual([]);
  });

  it.each(cases)("%s", async (name) => {
    const dir = join(casesDir, name);
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
    const read = readYearFolder(dir);
    const out = join(scratch, name);
    const { code, stdout, stderr } = await solve(dir, out);
    expect(`${stdout}${stderr}`).not.toContain("    at ");
    expect(code, stderr).not.toBe(3);

    if (expected.accepted) {
      expect(read.ok ? [] : read.errors).toEqual([]);
      expect(code, stderr).toBe(0);
      for (const file of ["allocation.csv", "unfilled.csv", "ledger.csv", "summary.json"]) expect(existsSync(join(out, file)), file).toBe(true);
      if (expected.sameSeats) expect(filledSeats(out)).toBe(await baseSeats());
      const unfilled = readFileSync(join(out, "unfilled.csv"), "utf8");
      for (const review of expected.unfilled ?? []) expect(unfilled).toMatch(new RegExp(`^${review},`, "m"));
      const warnings = read.ok ? read.warnings : [];
      for (const want of expected.warnings ?? []) {
        expect(warnings.some((w) => matches(w, want)), JSON.stringify(warnings)).toBe(true);
        expect(printedLine(stderr, want), stderr).toBeDefined();
      }
      return;
    }

    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors;
    const wanted = expected.errors ?? [];
    for (const want of wanted) {
      expect(errors.find((e) => matches(e, want)), `${JSON.stringify(want)} among ${JSON.stringify(errors, null, 1)}`).toBeDefined();
      expect(printedLine(stderr, want), `${JSON.stringify(want)} in stderr:\n${stderr}`).toBeDefined();
    }
    expect(errors, "no errors beyond the expected ones").toHaveLength(wanted.length);
    expect(code).toBe(expected.exit);
    expect(existsSync(out), "nothing is written").toBe(false);
  });
});
