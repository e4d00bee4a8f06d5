import * as fs from "node:fs";
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { checkOutputFolder, filesUnder, MANIFEST, recoverOutputFolder, writeOutputFile, writeOutputFolder, type Disk } from "../../src/io/out-folder.js";

const made: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "qar-out-"));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The user's own files: left exactly where they were, whatever a write does. */
const USER_FILES: Record<string, string> = {
  "notes.txt": "my notes",
  "allocation-2023.csv": "last year's, kept by hand",
  "drafts/plan.md": "# plan",
  "drafts/deep/x.bin": "\u0000\u0001",
};

function putUserFiles(out: string): void {
  for (const [name, text] of Object.entries(USER_FILES)) {
    mkdirSync(join(out, name, ".."), { recursive: true });
    writeFileSync(join(out, name), text);
  }
}

function expectUserFilesIntact(out: string): void {
  for (const [name, text] of Object.entries(USER_FILES)) expect(readFileSync(join(out, name), "utf8"), name).toBe(text);
}

const OLD = { "allocation.csv": "old allocation", "summary.json": "old summary", "calendars/P1.ics": "old P1", "calendars/P2.ics": "old P2" };
const NEW = { "allocation.csv": "new allocation", "summary.json": "new summary", "diff.csv": "new diff", "calendars/P1.ics": "new P1", "calendars/P3.ics": "new P3" };

/** The outputs a folder shows: our file names (from either set) → contents, absent ones left out. */
function outputsOf(out: string): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const name of new Set([...Object.keys(OLD), ...Object.keys(NEW)])) {
    const path = join(out, name);
    if (fs.existsSync(path)) shown[name] = readFileSync(path, "utf8");
  }
  return shown;
}

/** A disk that dies at its `k`-th change: that call and every call after it fail, as after kill -9. */
function dyingDisk(k: number): { disk: Disk; changes: () => number } {
  let count = 0;
  let dead = false;
  const die = () => {
    dead = true;
    throw new Error("killed");
  };
  const change = <A extends unknown[], R>(call: (...args: A) => R) => (...args: A): R => {
    if (dead || count++ === k) die();
    return call(...args);
  };
  const look = <A extends unknown[], R>(call: (...args: A) => R) => (...args: A): R => {
    if (dead) die();
    return call(...args);
  };
  const disk: Disk = {
    mkdirSync: change((path: string, options: { recursive: true }) => fs.mkdirSync(path, options)),
    writeFileSync: change((path: string, data: string | Uint8Array, options?: { flag?: string }) => fs.writeFileSync(path, data, options)),
    renameSync: change(fs.renameSync),
    linkSync: change(fs.linkSync),
    copyFileSync: change((from: string, to: string) => fs.copyFileSync(from, to)),
    rmSync: change(fs.rmSync),
    readFileSync: look((path: string, encoding: "utf8") => fs.readFileSync(path, encoding)),
    readdirSync: look((path: string) => fs.readdirSync(path)),
    lstatSync: look((path: string, options: { throwIfNoEntry: false }) => fs.lstatSync(path, options)),
  };
  return { disk, changes: () => count };
}

describe("writeOutputFolder", () => {
  it("adds its files beside the user's and leaves every user file where it was", () => {
    const out = scratch();
    putUserFiles(out);
    const before = statSync(join(out, "notes.txt")).ino;
    writeOutputFolder(out, NEW);
    expectUserFilesIntact(out);
    expect(statSync(join(out, "notes.txt")).ino).toBe(before);
    expect(outputsOf(out)).toEqual(NEW);
    expect(filesUnder(out).filter((n) => n.startsWith(".qar-write"))).toEqual([]);
  });

  it("replaces the outputs of an earlier write, removes those it no longer writes, and keeps the user's", () => {
    const out = scratch();
    putUserFiles(out);
    writeOutputFolder(out, OLD);
    writeOutputFolder(out, NEW);
    expectUserFilesIntact(out);
    expect(outputsOf(out)).toEqual(NEW);
    expect(fs.existsSync(join(out, "calendars", "P2.ics"))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, MANIFEST), "utf8")).files).toEqual(Object.keys(NEW).sort());
  });

  it("never removes a file the user put where an old output was listed but is now a user's folder", () => {
    const out = scratch();
    writeOutputFolder(out, OLD);
    rmSync(join(out, "calendars", "P2.ics"));
    mkdirSync(join(out, "calendars", "P2.ics"));
    writeFileSync(join(out, "calendars", "P2.ics", "mine.txt"), "mine");
    writeOutputFolder(out, NEW);
    expect(readFileSync(join(out, "calendars", "P2.ics", "mine.txt"), "utf8")).toBe("mine");
  });

  it("killed at every step, leaves the user's files intact and the old or the new outputs whole; the next write cleans up", () => {
    const probe = dyingDisk(Number.MAX_SAFE_INTEGER);
    const setUp = () => {
      const out = scratch();
      putUserFiles(out);
      writeOutputFolder(out, OLD);
      return out;
    };
    writeOutputFolder(setUp(), NEW, probe.disk);
    const steps = probe.changes();
    expect(steps).toBeGreaterThan(10);
    let sawOld = 0;
    let sawMixed = 0;
    for (let k = 0; k < steps; k += 1) {
      const out = setUp();
      const { disk } = dyingDisk(k);
      try {
        writeOutputFolder(out, NEW, disk);
      } catch (error) {
        expect((error as Error).message, `step ${k}`).toBe("killed");
      }
      expectUserFilesIntact(out);
      const shown = outputsOf(out);
      const pending = filesUnder(out).some((n) => /^\.qar-write-\d+-\d+\/COMMIT$/.test(n));
      const done = !pending && isDeepStrictEqual(shown, NEW);
      const committed = pending || done;
      if (!committed) {
        expect(shown, `step ${k}: not committed, old outputs untouched`).toEqual(OLD);
        sawOld += 1;
      } else if (done) {
        expect(shown, `step ${k}: applied`).toEqual(NEW);
      } else {
        // Every output whole, old or new; the complete new set waits in the staging folder.
        for (const [name, text] of Object.entries(shown)) expect([OLD[name as keyof typeof OLD], NEW[name as keyof typeof NEW]], `step ${k}: ${name}`).toContain(text);
        sawMixed += 1;
      }
      // The next run finishes or clears the interrupted write.
      recoverOutputFolder(out);
      expect(outputsOf(out), `step ${k} after recovery`).toEqual(committed ? NEW : OLD);
      expectUserFilesIntact(out);
      writeOutputFolder(out, { "allocation.csv": "third" });
      expect(filesUnder(out).filter((n) => n.startsWith(".qar")).sort(), `step ${k}: only the manifest is left`).toEqual([MANIFEST]);
      expectUserFilesIntact(out);
    }
    expect(sawOld).toBeGreaterThan(0);
    expect(sawMixed).toBeGreaterThan(0);
  });

  it("refuses a name that would leave the folder", () => {
    const out = scratch();
    expect(() => writeOutputFolder(out, { "../escape.csv": "x" })).toThrow(/not a plain relative file name/);
    expect(fs.existsSync(join(out, "..", "escape.csv"))).toBe(false);
  });

  it("takes over the lock of a writer that died, and waits for none", () => {
    const out = scratch();
    writeFileSync(join(out, ".qar-lock"), JSON.stringify({ pid: 2 ** 22 + 12345, at: Date.now() }));
    writeOutputFolder(out, NEW);
    expect(outputsOf(out)).toEqual(NEW);
    expect(fs.existsSync(join(out, ".qar-lock"))).toBe(false);
  });
});

describe("writeOutputFile", () => {
  it("replaces one file whole and removes temporary files a dead writer left beside it", () => {
    const dir = scratch();
    writeFileSync(join(dir, ".qar-write-file-999999999-1"), "stale");
    writeFileSync(join(dir, "keep.txt"), "keep");
    writeOutputFile(join(dir, "report.html"), "<p>one</p>");
    writeOutputFile(join(dir, "report.html"), "<p>two</p>");
    expect(readFileSync(join(dir, "report.html"), "utf8")).toBe("<p>two</p>");
    expect(fs.readdirSync(dir).sort()).toEqual(["keep.txt", "report.html"]);
  });
});

describe("checkOutputFolder", () => {
  it("refuses the year folder, a folder inside it, and every route to them through links", () => {
    const root = scratch();
    const year = join(root, "year");
    mkdirSync(year);
    symlinkSync(year, join(root, "link-to-year"));
    symlinkSync(root, join(root, "link-to-root"));
    for (const out of [year, join(year, "out"), join(root, "link-to-year"), join(root, "link-to-year", "deeper", "out"), join(root, "link-to-root", "year")]) {
      const errors = checkOutputFolder({ out, protect: [year] });
      expect(errors, out).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/year folder/);
    }
    // The year given through a link, the output by its real path.
    expect(checkOutputFolder({ out: year, protect: [join(root, "link-to-year")] })).toHaveLength(1);
    expect(checkOutputFolder({ out: join(root, "results"), protect: [year] })).toEqual([]);
  });

  it("refuses a file given as the folder, and a file on the way to it", () => {
    const root = scratch();
    writeFileSync(join(root, "file.txt"), "x");
    expect(checkOutputFolder({ out: join(root, "file.txt") })[0]?.message).toMatch(/is a file, not a folder/);
    expect(checkOutputFolder({ out: join(root, "file.txt", "sub") })[0]?.message).toMatch(/file\.txt is a file/);
  });

  it("refuses a folder standing where an output file goes", () => {
    const root = scratch();
    mkdirSync(join(root, "allocation.csv"));
    expect(checkOutputFolder({ out: root, names: ["allocation.csv"] })[0]?.message).toMatch(/holds a folder named allocation\.csv/);
  });

  it("leaves nothing behind when it probes a folder", () => {
    const root = scratch();
    expect(checkOutputFolder({ out: join(root, "new", "place") })).toEqual([]);
    expect(fs.readdirSync(root)).toEqual([]);
  });
});
