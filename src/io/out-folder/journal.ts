/**
 * A write as a small journal in a hidden staging folder inside the output folder (the steps
 * are in out-folder.ts's module comment): staging the new files and the plan, the commit (one
 * rename), applying a committed plan, and recovering what an interrupted write left behind.
 */
import * as nodeFs from "node:fs";
import { dirname, join } from "node:path";
import { hiddenName, MANIFEST, sha256, STAGING, TEMPORARY, type Disk } from "./disk.js";
import { pidAlive } from "./lock.js";
import { holdsWhatQarWrote, manifestText, readManifest } from "./manifest.js";
import { inTheWay, isSafeOutputName, makeWay } from "./paths.js";

/**
 * Puts a copy of `from` at `to` in one rename, leaving `from` in place: a hard link (or a copy
 * where links fail) under a temporary name in `folder`, where recovery finds it.
 */
function placeCopy(folder: string, from: string, to: string, fs: Disk): void {
  const temp = join(folder, hiddenName("file"));
  try {
    fs.linkSync(from, temp);
  } catch {
    fs.copyFileSync(from, temp, nodeFs.constants.COPYFILE_EXCL);
  }
  fs.renameSync(temp, to);
}

interface Plan {
  readonly files: readonly string[];
  readonly sha256: Readonly<Record<string, string>>;
}

/**
 * A staging folder's plan, checked: safe names whose new version is a plain file in the staging
 * folder. A plan this process just staged (`trusted`) is not checked file by file again.
 */
function readPlan(staging: string, fs: Disk, trusted: boolean): Plan | undefined {
  try {
    if (!fs.lstatSync(join(staging, "new"), { throwIfNoEntry: false })?.isDirectory()) return undefined;
    const plan = JSON.parse(fs.readFileSync(join(staging, "COMMIT"), "utf8")) as { files?: unknown; sha256?: unknown };
    if (!Array.isArray(plan.files)) return undefined;
    const hashes = typeof plan.sha256 === "object" && plan.sha256 !== null ? (plan.sha256 as Record<string, unknown>) : {};
    const known = new Set<string>();
    const staged = (name: string) => trusted || (inTheWay(join(staging, "new"), name, fs, known) === undefined && fs.lstatSync(join(staging, "new", name), { throwIfNoEntry: false })?.isFile() === true);
    const files = plan.files.filter((name): name is string => typeof name === "string" && isSafeOutputName(name) && staged(name));
    const sha: Record<string, string> = {};
    for (const name of files) if (Object.hasOwn(hashes, name) && typeof hashes[name] === "string") sha[name] = hashes[name] as string;
    return { files, sha256: sha };
  } catch {
    return undefined;
  }
}

/**
 * Steps 3 and 4 of a committed write: every new file over its target, stale outputs removed.
 * `trusted` is a write this process staged; otherwise (recovery) a file is placed only where
 * qar's own output is, or nothing is.
 */
function apply(folder: string, staging: string, fs: Disk, trusted: boolean, known = new Set<string>()): void {
  const plan = readPlan(staging, fs, trusted);
  if (plan === undefined) {
    removeStaging(staging, fs);
    return;
  }
  const previous = readManifest(folder, fs);
  const placed: string[] = [];
  for (const name of plan.files) {
    const staged = join(staging, "new", name);
    if (!trusted) {
      const target = fs.lstatSync(join(folder, name), { throwIfNoEntry: false });
      const ours = target === undefined || previous.has(name) || (target.isFile() && target.ino === fs.lstatSync(staged, { throwIfNoEntry: false })?.ino);
      if (!ours || inTheWay(folder, name, fs, known) !== undefined) continue;
    }
    placeCopy(folder, staged, makeWay(folder, name, fs, known), fs);
    placed.push(name);
  }
  const written = new Set(placed);
  for (const [name, hash] of previous) {
    if (!written.has(name) && holdsWhatQarWrote(folder, name, hash, fs)) fs.rmSync(join(folder, name), { force: true });
  }
  // Whatever a staging folder found in the folder holds under the name is replaced, never written through.
  fs.rmSync(join(staging, "manifest.json"), { force: true });
  fs.writeFileSync(join(staging, "manifest.json"), manifestText(placed, plan.sha256), { flag: "wx" });
  placeCopy(folder, join(staging, "manifest.json"), join(folder, MANIFEST), fs);
  removeStaging(staging, fs);
}

/** Removes what qar puts in a staging folder, then the folder if nothing else is in it; never follows a link. */
function removeStaging(staging: string, fs: Disk): void {
  for (const part of ["new", "manifest.json", "plan.json", "COMMIT"]) fs.rmSync(join(staging, part), { recursive: true, force: true });
  try {
    if (fs.readdirSync(staging).length === 0) fs.rmSync(staging, { recursive: true, force: true });
  } catch {
    // Gone already.
  }
}

/**
 * Finishes or clears what an interrupted write left in `folder`: a committed staging folder is
 * applied (the new outputs complete, replacing only qar's own files), an uncommitted one
 * removed (the old outputs were never touched), stray temporary files of dead writers removed.
 * Leaves live writers alone, and anything not named and shaped as qar names its own (a link,
 * `.qar-write-notes/`) is the user's and stays.
 */
export function recoverOutputFolder(folder: string, fs: Disk = nodeFs): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const match = STAGING.exec(name) ?? TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && pidAlive(pid)) continue;
    const path = join(folder, name);
    const stat = fs.lstatSync(path, { throwIfNoEntry: false });
    if (TEMPORARY.test(name)) {
      if (stat?.isFile()) fs.rmSync(path, { force: true });
      else if (stat?.isDirectory() && name.includes("-probe-")) removeStaging(path, fs);
      continue;
    }
    if (!stat?.isDirectory()) continue;
    if (fs.lstatSync(join(path, "COMMIT"), { throwIfNoEntry: false })?.isFile()) apply(folder, path, fs, false);
    else removeStaging(path, fs);
  }
}

/**
 * Step 1: a fresh staging folder in `folder` holding every new file under `new/` and the plan
 * (names and sha-256); the staging folder's path. If any of it fails, what was staged is
 * removed and the old outputs were never touched.
 */
export function stage(folder: string, names: readonly string[], files: Readonly<Record<string, string | Uint8Array>>, fs: Disk): string {
  let staging = join(folder, hiddenName("staging"));
  // A fresh staging folder of our own: one found under the name (planted or left over) is never reused.
  for (;;) {
    try {
      fs.mkdirSync(staging);
      break;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      staging = join(folder, hiddenName("staging"));
    }
  }
  try {
    fs.mkdirSync(join(staging, "new"));
    const made = new Set<string>([join(staging, "new")]);
    for (const name of names) {
      const path = join(staging, "new", name);
      if (!made.has(dirname(path))) {
        fs.mkdirSync(dirname(path), { recursive: true });
        made.add(dirname(path));
      }
      fs.writeFileSync(path, files[name]!, { flag: "wx" });
    }
    const sha = Object.fromEntries(names.map((name) => [name, sha256(files[name]!)]));
    fs.writeFileSync(join(staging, "plan.json"), JSON.stringify({ files: names, sha256: sha }), { flag: "wx" });
  } catch (cause) {
    try {
      removeStaging(staging, fs);
    } catch {
      // The next write removes an uncommitted staging folder.
    }
    throw cause;
  }
  return staging;
}

/**
 * Steps 2 to 4 of a write this process staged: the plan renamed to `COMMIT` (from here on a
 * crash is finished by the next write), then applied. `known` holds the folders on the way
 * already found to be real folders.
 */
export function commit(folder: string, staging: string, fs: Disk, known: Set<string>): void {
  fs.renameSync(join(staging, "plan.json"), join(staging, "COMMIT"));
  apply(folder, staging, fs, true, known);
}
