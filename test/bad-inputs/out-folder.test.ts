/**
 * Hostile output folders (issue 29 items 1 and 5), beside the catalogue because their cases are
 * links, pipes, planted files and locks that a committed folder cannot hold: each is built here
 * with real symbolic links, FIFOs and processes. Whatever `--out` holds, no write or delete
 * resolves outside it, nothing qar did not create is deleted, and a refusal writes nothing.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MANIFEST, writeOutputFolder } from "../../src/io/out-folder.js";
import { qar, scratch, STACK_LINE, YEAR } from "../cli/qar.js";

const tmp = scratch("hostile-out");
afterAll(() => tmp.remove());
let made = 0;
/** A fresh folder under the scratch folder. */
function place(name: string): string {
  const dir = join(tmp.dir, `${String(made++).padStart(2, "0")}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
const listing = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();
const posix = process.platform !== "win32";

/**
 * An output folder `out` holding the user's notes, beside a victim file next to it and one in a
 * folder `elsewhere` (for links to point at); `expectIntact` checks all three are as they were.
 */
function victims(name: string) {
  const root = place(name);
  const out = join(root, "out");
  const elsewhere = join(root, "elsewhere");
  mkdirSync(out);
  mkdirSync(elsewhere);
  const files = { [join(root, "victim.txt")]: "victim", [join(elsewhere, "victim.txt")]: "victim through a link", [join(out, "notes.txt")]: "the user's notes" };
  for (const [path, text] of Object.entries(files)) writeFileSync(path, text);
  const expectIntact = () => {
    for (const [path, text] of Object.entries(files)) expect(readFileSync(path, "utf8"), path).toBe(text);
  };
  return { out, elsewhere, expectIntact };
}

async function solveInto(out: string, year = YEAR) {
  const outcome = await qar("solve", year, "--out", out, "--seed", "1", "--quiet");
  expect(`${outcome.out}${outcome.err}`).not.toContain(STACK_LINE);
  return outcome;
}

describe.skipIf(!posix)("hostile --out folders", () => {
  it("qar solve <year> --out <folder whose calendars/ is a link elsewhere>: refused, nothing written there or in --out", async () => {
    const elsewhere = place("elsewhere");
    writeFileSync(join(elsewhere, "L1.ics"), "the user's own calendar");
    const out = place("linked-calendars");
    symlinkSync(elsewhere, join(out, "calendars"));
    const { code, err } = await solveInto(out);
    expect(code).toBe(1);
    expect(err).toMatch(/link named calendars/);
    expect(listing(elsewhere)).toEqual(["L1.ics"]);
    expect(readFileSync(join(elsewhere, "L1.ics"), "utf8")).toBe("the user's own calendar");
    expect(readdirSync(out)).toEqual(["calendars"]);
  });

  it("qar solve <year> --out <folder> when calendars/ becomes a link after the check: the write refuses it, nothing written", async () => {
    const elsewhere = place("elsewhere-late");
    const out = place("late-link");
    symlinkSync(elsewhere, join(out, "calendars"));
    expect(() => writeOutputFolder(out, { "allocation.csv": "a", "calendars/L1.ics": "x" })).toThrow(/link named calendars/);
    expect(listing(elsewhere)).toEqual([]);
    expect(readdirSync(out)).toEqual(["calendars"]);
  });

  it("qar solve <year> --out <folder whose allocation.csv is a link to a user file>: the link is replaced, the file untouched", async () => {
    const elsewhere = place("linked-file-target");
    writeFileSync(join(elsewhere, "precious.csv"), "precious");
    const out = place("linked-file");
    symlinkSync(join(elsewhere, "precious.csv"), join(out, "allocation.csv"));
    const { code } = await solveInto(out);
    expect(code).toBe(0);
    expect(readFileSync(join(elsewhere, "precious.csv"), "utf8")).toBe("precious");
    expect(readFileSync(join(out, "allocation.csv"), "utf8")).toMatch(/^\uFEFFreview_id,/);
  });

  // hubs/ is an output folder too, whose files (one per hub) are not known before the run.
  it.each(["calendars", "hubs"])("qar solve <parent>/%s --out <parent>: refused, the year folder of that name is untouched", async (folder) => {
    const parent = place(`year-named-${folder}`);
    const year = join(parent, folder);
    cpSync(YEAR, year, { recursive: true });
    const before = listing(year);
    const { code, err } = await solveInto(parent, year);
    expect(code).toBe(1);
    expect(err).toMatch(/year folder/);
    expect(listing(year)).toEqual(before);
    expect(existsSync(join(parent, "allocation.csv"))).toBe(false);
  });

  it("qar solve <year> --out <folder with a file named calendars>: refused before anything is written; a later run after moving it works", async () => {
    const out = place("file-named-calendars");
    writeFileSync(join(out, "calendars"), "a file, not a folder");
    const first = await solveInto(out);
    expect(first.code).toBe(1);
    expect(first.err).toMatch(/file named calendars/);
    expect(listing(out)).toEqual(["calendars"]);
    // The API alone (no CLI check first) refuses it as early.
    expect(() => writeOutputFolder(out, { "allocation.csv": "a", "calendars/L1.ics": "x" })).toThrow(/file named calendars/);
    expect(listing(out)).toEqual(["calendars"]);
    execFileSync("mv", [join(out, "calendars"), join(out, "calendars.txt")]);
    const again = await solveInto(out);
    expect(again.code, again.err).toBe(0);
    expect(existsSync(join(out, "calendars", "L1.ics"))).toBe(true);
  });

  it("qar solve <year> --out <folder with a file named hubs>: refused before anything is written", async () => {
    const out = place("file-named-hubs");
    writeFileSync(join(out, "hubs"), "a file, not a folder");
    const { code, err } = await solveInto(out);
    expect(code).toBe(1);
    expect(err).toMatch(/file named hubs/);
    expect(listing(out)).toEqual(["hubs"]);
  });

  it("a planted manifest naming ../victim.txt, a file through a link and a user's file: none of them is deleted", async () => {
    const { out, elsewhere, expectIntact } = victims("planted-manifest");
    symlinkSync(elsewhere, join(out, "link"));
    writeFileSync(join(out, MANIFEST), JSON.stringify({ files: ["../victim.txt", "link/victim.txt", "notes.txt", "link"], sha256: {} }));
    const { code } = await solveInto(out);
    expect(code).toBe(0);
    expectIntact();
    expect(existsSync(join(out, "link"))).toBe(true);
  });

  it("planted staging folders (a committed plan naming ../victim.txt, a link as staging, new/ through a link) and .qar-write-notes/: nothing outside is touched, nothing of the user's deleted", async () => {
    const { out, elsewhere, expectIntact } = victims("planted-staging");
    // A committed plan of a "dead" writer that names files outside and a user file.
    const planted = join(out, ".qar-write-999999999-1");
    mkdirSync(join(planted, "new"), { recursive: true });
    writeFileSync(join(planted, "new", "notes.txt"), "overwritten!");
    writeFileSync(join(planted, "COMMIT"), JSON.stringify({ files: ["../victim.txt", "notes.txt", "link/victim.txt"], remove: ["../victim.txt", "link/victim.txt", "notes.txt"] }));
    symlinkSync(elsewhere, join(out, "link"));
    // A staging name that is a link, and a staging folder whose new/ is a link.
    symlinkSync(elsewhere, join(out, ".qar-write-999999998-1"));
    mkdirSync(join(out, ".qar-write-999999997-1"));
    symlinkSync(elsewhere, join(out, ".qar-write-999999997-1", "new"));
    writeFileSync(join(out, ".qar-write-999999997-1", "COMMIT"), JSON.stringify({ files: ["victim.txt"] }));
    // The user's own folder whose name only starts like qar's.
    mkdirSync(join(out, ".qar-write-notes"));
    writeFileSync(join(out, ".qar-write-notes", "keep.md"), "keep");
    const { code, err } = await solveInto(out);
    expect(code, err).toBe(0);
    expectIntact();
    expect(listing(elsewhere)).toEqual(["victim.txt"]);
    expect(readFileSync(join(out, ".qar-write-notes", "keep.md"), "utf8")).toBe("keep");
    expect(existsSync(join(out, "allocation.csv"))).toBe(true);
  });

  it("a later write removes only the outputs that still hold what qar wrote: an edited old calendar is kept", () => {
    const out = place("edited-output");
    writeOutputFolder(out, { "allocation.csv": "one", "calendars/P1.ics": "P1", "calendars/P2.ics": "P2" });
    writeFileSync(join(out, "calendars", "P2.ics"), "edited by the user");
    writeOutputFolder(out, { "allocation.csv": "two" });
    expect(existsSync(join(out, "calendars", "P1.ics"))).toBe(false);
    expect(readFileSync(join(out, "calendars", "P2.ics"), "utf8")).toBe("edited by the user");
  });

  it("qar report <year> <allocation> --out <its own earlier report>: replaced; --out <the allocation> is refused and the input kept", async () => {
    const dir = place("report-overwrite");
    const out = join(dir, "out");
    expect((await solveInto(out)).code).toBe(0);
    const allocation = join(out, "allocation.csv");
    const report = join(dir, "report.html");
    const first = await qar("report", YEAR, allocation, "--out", report, "--quiet");
    expect(first.code, first.err).toBe(0);
    const second = await qar("report", YEAR, allocation, "--out", report, "--quiet");
    expect(second.code, second.err).toBe(0);
    expect(readFileSync(report, "utf8")).toMatch(/<html/i);
    const before = readFileSync(allocation, "utf8");
    const onInput = await qar("report", YEAR, allocation, "--out", allocation);
    expect(onInput.code).toBe(1);
    expect(onInput.err).toMatch(/is the input/);
    expect(readFileSync(allocation, "utf8")).toBe(before);
    // A link to the input is refused as well.
    symlinkSync(allocation, join(dir, "link.html"));
    expect((await qar("report", YEAR, allocation, "--out", join(dir, "link.html"))).code).toBe(1);
    expect(readFileSync(allocation, "utf8")).toBe(before);
  });

  it("a named pipe (FIFO) as schools.csv, as --policy and as the allocation: refused at once, never read", async () => {
    const year = place("fifo-year");
    cpSync(YEAR, year, { recursive: true });
    const fifo = join(place("fifo"), "pipe");
    execFileSync("mkfifo", [fifo]);
    execFileSync("rm", [join(year, "schools.csv")]);
    execFileSync("mkfifo", [join(year, "schools.csv")]);
    const started = performance.now();
    const inYear = await qar("solve", year, "--out", place("fifo-out-1"));
    expect(inYear.code).toBe(1);
    expect(inYear.err).toMatch(/schools\.csv: is a named pipe \(FIFO\)/);
    const policy = await qar("solve", YEAR, "--out", place("fifo-out-2"), "--policy", fifo);
    expect(policy.code).toBe(1);
    expect(policy.err).toMatch(/is a named pipe/);
    const allocation = await qar("check", YEAR, fifo);
    expect(allocation.code).toBe(1);
    expect(allocation.err).toMatch(/is a named pipe/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

/** A process that is a zombie for a few seconds (its parent never reaps it), and that parent. */
function zombie(): Promise<{ pid: number; stop: () => void }> {
  return new Promise((done) => {
    const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 20"], { stdio: ["ignore", "pipe", "ignore"] });
    parent.stdout.once("data", (data: Buffer) => {
      const pid = Number(String(data).trim());
      // Wait until the child has exited and become a zombie.
      const until = Date.now() + 5_000;
      const isZombie = () => {
        try {
          return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.startsWith("Z") ?? false;
        } catch {
          return false;
        }
      };
      while (!isZombie() && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      done({ pid, stop: () => parent.kill("SIGKILL") });
    });
  });
}

describe.skipIf(process.platform !== "linux")("a lock left behind", () => {
  const lockOf = (out: string, holder: object) => writeFileSync(join(out, ".qar-lock"), JSON.stringify(holder));

  it("qar solve <year> --out <folder locked by a killed process, now a zombie>: taken over at once with a warning", async () => {
    const { pid, stop } = await zombie();
    try {
      const out = place("zombie-lock");
      lockOf(out, { pid, at: Date.now() });
      const started = performance.now();
      const { code, err } = await qar("solve", YEAR, "--out", out, "--seed", "1", "--quiet");
      expect(code, err).toBe(0);
      expect(err).toMatch(/warning: took over the write lock .* no longer running/);
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(existsSync(join(out, ".qar-lock"))).toBe(false);
    } finally {
      stop();
    }
  });

  it("locks of a live process that is not qar, of a pid that does not exist, from the future, and not JSON: each taken over at once", async () => {
    const other = spawn("sleep", ["20"], { stdio: "ignore" });
    const node = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      const holders = [
        { pid: other.pid, at: Date.now() },
        { pid: 2 ** 22 + 4321, at: Date.now() },
        // A live node process under the pid, but a lock written ten days in the future (a clock gone wrong).
        { pid: node.pid, at: Date.now() + 10 * 86_400_000 },
      ];
      for (const holder of holders) {
        const out = place("stale-lock");
        lockOf(out, holder);
        const started = performance.now();
        writeOutputFolder(out, { "allocation.csv": "x" });
        expect(performance.now() - started, JSON.stringify(holder)).toBeLessThan(5_000);
        expect(readFileSync(join(out, "allocation.csv"), "utf8")).toBe("x");
      }
      const out = place("garbage-lock");
      writeFileSync(join(out, ".qar-lock"), "\u0000garbage");
      writeOutputFolder(out, { "allocation.csv": "x" });
      expect(existsSync(join(out, ".qar-lock"))).toBe(false);
    } finally {
      other.kill("SIGKILL");
      node.kill("SIGKILL");
    }
  });

  it("a folder named .qar-lock in --out: refused before any work, with what to move", async () => {
    const out = place("lock-folder");
    mkdirSync(join(out, ".qar-lock"));
    const { code, err } = await qar("solve", YEAR, "--out", out);
    expect(code).toBe(1);
    expect(err).toMatch(/\.qar-lock, which qar keeps for itself/);
    expect(listing(out)).toEqual([".qar-lock"]);
  });
});
