/**
 * Writing an output folder without ever costing the user a file.
 *
 * The folder given as `--out` may already hold the user's own files (notes, a spreadsheet, a
 * read-only subfolder, a mount point, links). A write only ever adds or replaces the files it
 * owns (those it is given, and those a previous write listed in its manifest with the contents
 * it wrote); nothing else in the folder is moved, renamed or deleted, whatever fails and
 * whenever the process dies, and nothing outside the folder is ever touched: no write or delete
 * goes through a symbolic link inside the folder (a link where an output folder such as
 * `calendars/` goes is refused; a link where an output file goes is replaced, never followed).
 *
 * POSIX has no atomic replacement of several files inside a folder that holds other files (a
 * folder swap would move the user's files; Node has no `renameat2(RENAME_EXCHANGE)`), so a
 * write is a small journal in a hidden staging folder `.qar-write-<pid>-<n>` inside `--out`:
 *
 * 1. stage: every new file is written under `new/`, with the plan; every place a file goes is
 *    checked (no link or file on the way, no folder where the file goes) before anything moves;
 * 2. commit: the plan is renamed to `COMMIT` (one atomic rename);
 * 3. apply: each new file is hard-linked (or copied) to a temporary name and renamed over its
 *    target, one atomic rename per file, so the complete new set stays in `new/` throughout;
 *    files of the previous manifest that are not written again, and still hold what qar wrote,
 *    are removed;
 * 4. finish: the manifest `.qar-outputs.json` is replaced, the staging folder removed.
 *
 * A kill before 2 leaves the old outputs untouched (the next write removes the staging
 * folder). A kill after 2 leaves every output file whole, in its old or its new version, and
 * the complete new set under the staging folder; the next write, or `recoverOutputFolder`,
 * finishes the apply. A staging folder is data found in the folder, so recovery trusts none of
 * it: it replaces only files that are qar's (in the manifest) or absent, and removes only files
 * the manifest lists with the contents qar wrote. Pure of policy: this module knows nothing of
 * years or allocations. The parts live in out-folder/: disk.ts (the calls and the names qar keeps),
 * paths.ts (where an output may go), check.ts (`--out` checked before work), lock.ts (one writer),
 * manifest.ts (which files are qar's), journal.ts (stage, commit, apply, recover).
 */
import * as nodeFs from "node:fs";
import { dirname, join, resolve } from "node:path";
import { hiddenName, LOCK, MANIFEST, OutputInTheWay, TEMPORARY_FILE, type Disk } from "./out-folder/disk.js";
import { commit, recoverOutputFolder, stage } from "./out-folder/journal.js";
import { lock, pidAlive } from "./out-folder/lock.js";
import { inTheWay, isSafeOutputName } from "./out-folder/paths.js";

export { checkOutputFolder, type OutputFolderCheck } from "./out-folder/check.js";
export { MANIFEST, OutputInTheWay, type Disk } from "./out-folder/disk.js";
export { recoverOutputFolder } from "./out-folder/journal.js";
export { isSafeOutputName, realPathOf } from "./out-folder/paths.js";

/** What a write tells its caller besides its files (a lock taken over from a dead writer). */
export interface WriteOptions {
  readonly notice?: (message: string) => void;
}

/**
 * Writes `files` (relative name → contents; names may hold subfolders such as
 * `calendars/P1.ics`) into `outDir`, replacing the files a previous write put there and
 * touching nothing else. See the module comment for what a crash at any instant leaves.
 * Throws `OutputInTheWay` before writing anything when a link, a file or a folder stands where
 * an output goes.
 *
 * @example
 * writeOutputFolder("out/2018-19", { "allocation.csv": csv, "summary.json": json });
 */
export function writeOutputFolder(outDir: string, files: Readonly<Record<string, string | Uint8Array>>, fs: Disk = nodeFs, options: WriteOptions = {}): void {
  const names = Object.keys(files).sort();
  for (const name of names) if (!isSafeOutputName(name)) throw new Error(`output name "${name}" is not a plain relative file name`);
  const folder = resolve(outDir);
  fs.mkdirSync(folder, { recursive: true });
  for (const special of [LOCK, MANIFEST]) {
    const found = fs.lstatSync(join(folder, special), { throwIfNoEntry: false });
    if (found?.isDirectory()) throw new OutputInTheWay(`holds ${special}, which qar keeps for itself, as a folder; rename or move it`);
  }
  const unlock = lock(folder, fs, options.notice);
  try {
    recoverOutputFolder(folder, fs);
    // Everything in the way is found before anything is staged: a refused write leaves no trace.
    const known = new Set<string>();
    for (const name of names) {
      const blocked = inTheWay(folder, name, fs, known);
      if (blocked !== undefined) throw new OutputInTheWay(blocked);
    }
    const staging = stage(folder, names, files, fs);
    commit(folder, staging, fs, known);
  } finally {
    unlock();
  }
}

/**
 * Writes one file (a report) all or nothing: a temporary file beside it, renamed over it (a
 * link at its place is replaced, never followed). Temporary files that dead writers left
 * beside it are removed first.
 */
export function writeOutputFile(path: string, contents: string | Uint8Array, fs: Disk = nodeFs): void {
  const target = resolve(path);
  const folder = dirname(target);
  fs.mkdirSync(folder, { recursive: true });
  if (fs.lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new OutputInTheWay(`is a folder; give a file name for the report`);
  for (const name of fs.readdirSync(folder)) {
    const match = TEMPORARY_FILE.exec(name);
    const pid = Number(match?.[1]);
    if (match && (pid === process.pid || !pidAlive(pid)) && fs.lstatSync(join(folder, name), { throwIfNoEntry: false })?.isFile()) fs.rmSync(join(folder, name), { force: true });
  }
  const temp = join(folder, hiddenName("file"));
  try {
    fs.writeFileSync(temp, contents, { flag: "wx" });
    fs.renameSync(temp, target);
  } catch (cause) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Removed by the next write beside it.
    }
    throw cause;
  }
}

function listFiles(root: string, fs: Disk, prefix = ""): string[] {
  const found: string[] = [];
  for (const name of fs.readdirSync(join(root, prefix)).sort()) {
    const rel = prefix === "" ? name : `${prefix}/${name}`;
    const stat = fs.lstatSync(join(root, rel), { throwIfNoEntry: false });
    if (stat?.isDirectory()) found.push(...listFiles(root, fs, rel));
    else if (stat) found.push(rel);
  }
  return found;
}

/** The names of every file under `folder`, relative and sorted (for tests and tools). */
export function filesUnder(folder: string, fs: Disk = nodeFs): string[] {
  return listFiles(folder, fs);
}
