/**
 * Command-line conventions (issue 19 item 3): --version, `-` for standard input and output,
 * --json errors as JSON on standard output, -q on every command, one error for a renamed
 * allocation header, no control codes where they are unwelcome.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/program.js";
import { progressDisplay } from "../../src/cli/progress.js";
import { progressFor } from "../../src/cli/shared.js";
import { loadFactor } from "../helpers/load.js";
import { qar, qarWith, scratch, STACK_LINE, TINY, YEAR } from "./qar.js";

const SMALL_TIGHT = new URL("../../fixtures/years/small-tight", import.meta.url).pathname;

const tmp = scratch("conventions");
afterAll(() => tmp.remove());

/** A solved allocation of the tiny year, written once. */
let solved: Promise<string> | undefined;
function tinyAllocation(): Promise<string> {
  solved ??= qar("solve", TINY, "--out", join(tmp.dir, "tiny"), "--seed", "1", "-q").then(({ code }) => {
    expect(code).toBe(0);
    return readFileSync(join(tmp.dir, "tiny", "allocation.csv"), "utf8");
  });
  return solved;
}

const COMMAND_NAMES = buildProgram({ out: () => {}, err: () => {} }, { code: 0 }).commands.map((command) => command.name());

const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

describe("command-line conventions", () => {
  it("qar --version", async () => {
    const { code, out } = await qar("--version");
    expect(code).toBe(0);
    expect(out.trim()).toBe(version);
  });

  it("qar check <tiny> - (the allocation on standard input)", async () => {
    const { code, out, err } = await qarWith({ stdin: await tinyAllocation() }, "check", TINY, "-");
    expect(err).toBe("");
    expect(out).toContain("valid: no rule is broken");
    expect(code).toBe(0);
  });

  it("qar report <tiny> - --out - (standard input in, the report on standard output)", async () => {
    const { code, out } = await qarWith({ stdin: await tinyAllocation() }, "report", TINY, "-", "--out", "-");
    expect(code).toBe(0);
    expect(out.startsWith("<!doctype html>") || out.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(existsSync("-")).toBe(false);
  });

  it("qar repair <tiny> - --changes - names standard input twice: one clear error", async () => {
    const { code, err } = await qarWith({ stdin: await tinyAllocation() }, "repair", TINY, "-", "--changes", "-", "--out", join(tmp.dir, "twice"));
    expect(code).toBe(1);
    expect(err).toContain("is named (-) twice");
  });

  it("qar solve <year> --out - exits 1: a folder cannot go to standard output", async () => {
    const { code, err } = await qar("solve", YEAR, "--out", "-");
    expect(code).toBe(1);
    expect(err).toContain("cannot go to standard output");
    expect(err).not.toContain("internal error");
  });

  it("qar solve <bad year> --out <dir> --json prints the errors as JSON on standard output", async () => {
    const dir = join(tmp.dir, "bad-year");
    const { code, out, err } = await qar("solve", join(YEAR, "no-such-folder"), "--out", dir, "--json");
    expect(code).toBe(1);
    expect(err).toContain("is not a year folder");
    const json = JSON.parse(out) as { ok: boolean; errors: { code: string; file: string; message: string }[] };
    expect(json.ok).toBe(false);
    expect(json.errors[0]).toMatchObject({ code: "missing-file", message: expect.stringContaining("is not a year folder") });
  });

  it("qar solve --no-such-option --json prints a usage error as JSON", async () => {
    const { code, out } = await qar("solve", YEAR, "--no-such-option", "--json");
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, errors: [{ code: "bad-usage" }] });
  });

  it("qar check <tiny> <allocation with a renamed header> gives one error, not one per row", async () => {
    const renamed = (await tinyAllocation()).replace(/^(\uFEFF?)review_id,/, "$1review,");
    const file = join(tmp.dir, "renamed.csv");
    writeFileSync(file, renamed);
    const { code, err } = await qar("check", TINY, file);
    expect(code).toBe(1);
    const errors = err.split("\n").filter((line) => line.startsWith("error: "));
    expect(errors).toEqual([expect.stringContaining('row 1, column "review_id": the header has no column "review_id" (is "review" meant to be "review_id"?)')]);
    expect(err).not.toContain("is blank");
  });

  it.each(COMMAND_NAMES)("qar %s --help offers -q, --quiet", async (command) => {
    const { code, out } = await qar(command, "--help");
    expect(code).toBe(0);
    expect(out).toContain("-q, --quiet");
  });

  it("qar check <tiny> <allocation> -q prints nothing and exits 0", async () => {
    const file = join(tmp.dir, "tiny", "allocation.csv");
    await tinyAllocation();
    const { code, out, err } = await qar("check", TINY, file, "-q");
    expect([code, out, err]).toEqual([0, "", ""]);
  });

  it("qar solve <year with an ESC and a BEL in a hub> exits 1 and prints neither", async () => {
    const dir = join(tmp.dir, "escape");
    const { mkdirSync, copyFileSync } = await import("node:fs");
    mkdirSync(dir);
    for (const file of ["reviewers.csv", "leads.csv", "reviews.csv"]) copyFileSync(join(TINY, file), join(dir, file));
    writeFileSync(join(dir, "schools.csv"), readFileSync(join(TINY, "schools.csv"), "utf8").replace(",Beckmere,", ",Beck\u001b]0;pwned\u0007mere,"));
    const { code, out, err } = await qar("solve", dir, "--out", join(tmp.dir, "escape-out"));
    expect(code).toBe(1);
    expect(err).toContain("holds a control character");
    expect(`${out}${err}`).not.toMatch(/[\u0007\u001b]/);
    expect(`${out}${err}`).not.toContain(STACK_LINE);
  });
});

describe("no control codes where they are unwelcome", () => {
  /** A terminal that records what is written to it. */
  function fakeTerminal(columns = 100) {
    const written: string[] = [];
    const stream = Object.assign(Object.create(process.stderr) as NodeJS.WriteStream, {
      isTTY: true,
      columns,
      write: (chunk: string) => written.push(String(chunk)) > 0,
      cursorTo: (_x: number, _y?: number, cb?: () => void) => { cb?.(); return true; },
      clearLine: (_dir: number, cb?: () => void) => { cb?.(); return true; },
      moveCursor: (_x: number, _y: number, cb?: () => void) => { cb?.(); return true; },
    });
    return { stream, written };
  }
  const progress = { phase: "search", incumbent: 10, bound: 20, gap: 0.5, elapsedMs: 5000 } as const;

  it.each([{ TERM: "dumb" }, { TERM: "xterm", NO_COLOR: "1" }])("%j: the live display writes nothing", (env) => {
    const { stream, written } = fakeTerminal();
    const display = progressFor({ out: () => {}, err: () => {}, progress: stream, env }, {});
    display?.update(progress);
    display?.stop();
    expect(written.join("")).toBe("");
  });

  it("the live line totals the year's seats (never N/0) and shows the bound and gap only once the bound is known", () => {
    const { stream, written } = fakeTerminal();
    const display = progressDisplay(stream, true);
    display.update({ phase: "candidates", incumbent: 0, seats: 1759, elapsedMs: 1200 });
    const early = written.join("");
    display.update({ phase: "search", incumbent: 613, seats: 1759, bound: 700, gap: 0.1243, elapsedMs: 5000 });
    display.stop();
    const late = written.join("").slice(early.length);
    expect(early).toContain("0/1759 seats filled");
    expect(early).not.toContain("bound");
    expect(late).toContain("613/1759 seats filled | bound 700 | gap 12.43%");
    expect(written.join("")).not.toMatch(/\/0 seats|bound \?/);
  });

  it("qar solve <year> --engine mip --time-limit 6 on a terminal draws the exact MIP's progress, with its bound, and stops by the time limit (never solver-failed)", { timeout: 60_000 }, async () => {
    const { run } = await import("../../src/cli/program.js");
    // Wide enough for the whole line (a narrower terminal cuts it at its width).
    const { stream, written } = fakeTerminal(160);
    const out = join(tmp.dir, "mip-terminal");
    // Six seconds: the worker's start, the set-up and the outputs' reserve (about a second for
    // results.xlsx) take up to three, which left the exact MIP too little to draw a line.
    const limit = String(Math.ceil(6 * loadFactor()));
    const code = await run(["node", "qar", "solve", SMALL_TIGHT, "--out", out, "--engine", "mip", "--time-limit", limit], { out: () => {}, err: () => {}, progress: stream, env: { TERM: "xterm" } });
    expect(code).toBe(0);
    // (How long it took is measured around `solve` itself in test/solver/time-limits.test.ts.)
    const text = written.join("");
    expect(text).toMatch(/exact +\[[^\]]*\] \d+\/\d+ seats filled \| bound \d+/);
    // Stopped by the limit, or proven first on a machine so busy that the limit was raised.
    expect(["time-limit", "proven-optimal"]).toContain((JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { solver: { stoppedBy: string } }).solver.stoppedBy);
    expect(text).not.toMatch(/\/0 seats/);
  });

  it("a terminal (TERM=xterm) gets the live display, which can fail: it writes control codes", () => {
    const { stream, written } = fakeTerminal();
    const display = progressDisplay(stream, true);
    display.update(progress);
    display.stop();
    expect(written.join("")).toMatch(/\u001b\[/);
  });
});

describe("Ctrl-C during the live display", () => {
  it("gives the terminal back (cursor shown, line wrap on) and exits 130", async () => {
    const { progressDisplay: display, restoreTerminal, INTERRUPTED } = await import("../../src/cli/progress.js");
    const written: string[] = [];
    const stream = Object.assign(Object.create(process.stderr) as NodeJS.WriteStream, {
      isTTY: true,
      columns: 100,
      write: (chunk: string) => written.push(String(chunk)) > 0,
      cursorTo: (_x: number, _y?: number, cb?: () => void) => { cb?.(); return true; },
      clearLine: (_dir: number, cb?: () => void) => { cb?.(); return true; },
      moveCursor: (_x: number, _y: number, cb?: () => void) => { cb?.(); return true; },
    });
    const before = process.listenerCount("SIGINT");
    const shown = display(stream, true);
    shown.update({ phase: "search", incumbent: 10, bound: 20, gap: 0.5, elapsedMs: 5000 });
    expect(process.listenerCount("SIGINT")).toBe(before + 1);
    const exit = process.exit;
    let code: number | undefined;
    process.exit = ((c?: number) => { code = c; }) as typeof process.exit;
    try {
      process.listeners("SIGINT").at(-1)!("SIGINT");
    } finally {
      process.exit = exit;
    }
    expect(code).toBe(INTERRUPTED);
    expect(written.join("")).toMatch(/\u001b\[\?25h\u001b\[\?7h/);
    restoreTerminal(stream);
    shown.stop();
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});

describe("warnings are never lost", () => {
  it("qar solve <year with unknown columns> --out <dir> -q lists the warnings in summary.json", async () => {
    const year = new URL("../bad-inputs/cases/08-extra-columns", import.meta.url).pathname;
    const out = join(tmp.dir, "warned");
    const { code, out: printed, err } = await qar("solve", year, "--out", out, "-q");
    expect([code, printed, err]).toEqual([0, "", ""]);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { warnings: { file: string; column?: string; message: string }[] };
    expect(summary.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ file: "schools.csv", column: "website" }), expect.objectContaining({ file: "reviewers.csv", column: "notes" })]),
    );
  });

  it("qar solve <year> --policy - --out <dir> reads the policy from standard input", async () => {
    const out = join(tmp.dir, "policy-stdin");
    const { code, err } = await qarWith({ stdin: '{ "minDistanceKM": 5 }' }, "solve", YEAR, "--policy", "-", "--out", out);
    expect(code).toBe(1);
    expect(err).toContain('policy.json (standard input), key "minDistanceKM": unknown policy key "minDistanceKM" (did you mean "minDistanceKm"?)');
  });
});
