/**
 * Writing an output folder without ever costing the user a file.
 *
 * The folder given as `--out` may already hold the user's own files (notes, a spreadsheet, a
 * read-only subfolder, a mount point). A write only ever adds or replaces the files it owns
 * (those it is given, and those a previous write listed in its manifest); nothing else in the
 * folder is moved, renamed or deleted, whatever fails and whenever the process dies.
 *
 * POSIX has no atomic replacement of several files inside a folder that holds other files (a
 * folder swap would move the user's files; Node has no `renameat2(RENAME_EXCHANGE)`), so a
 * write is a small journal in a hidden staging folder `.qar-write-<pid>-<n>` inside `--out`:
 *
 * 1. stage: every new file is written under `new/`, with the new manifest and the plan;
 * 2. commit: the plan is renamed to `COMMIT` (one atomic rename);
 * 3. apply: each new file is hard-linked (or copied) to a temporary name and renamed over its
 *    target, one atomic rename per file, so the complete new set stays in `new/` throughout;
 *    files of the previous manifest that are not written again are removed;
 * 4. finish: the manifest `.qar-outputs.json` is replaced, the staging folder removed.
 *
 * A kill before 2 leaves the old outputs untouched (the next write removes the staging
 * folder). A kill after 2 leaves every output file whole, in its old or its new version, and
 * the complete new set under the staging folder; the next write, or `recoverOutputFolder`,
 * finishes the apply. Pure of policy: this module knows nothing of years or allocations.
 */
import * as nodeFs from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { InputError } from "./errors.js";

/** The file system calls a write makes: node:fs by default, replaceable to test crashes. */
export interface Disk {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: string | Uint8Array, options?: { flag?: string }): void;
  readFileSync(path: string, encoding: "utf8"): string;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, path: string): void;
  copyFileSync(from: string, to: string): void;
  rmSync(path: string, options: { recursive?: boolean; force?: boolean }): void;
  readdirSync(path: string): string[];
  lstatSync(path: string, options: { throwIfNoEntry: false }): nodeFs.Stats | undefined;
}

const STAGING_PREFIX = ".qar-write-";
const LOCK = ".qar-lock";
/** The list of files the last write put in the folder: what the next write may replace or remove. */
export const MANIFEST = ".qar-outputs.json";
/** A lock older than this is left by a dead process (a write takes well under a second). */
const STALE_LOCK_MS = 60_000;

let counter = 0;

/** Whether `child` is `parent` or lies inside it (both real, absolute paths). */
function within(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * The real path of `path` even when its last parts do not exist yet: the real path of the
 * nearest existing ancestor (symbolic links resolved) joined with the rest.
 */
export function realPathOf(path: string): string {
  let head = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(nodeFs.realpathSync(head), ...rest.reverse());
    } catch {
      const parent = dirname(head);
      if (parent === head) return join(head, ...rest.reverse());
      rest.push(head.slice(parent.length).replace(/^[\\/]/, ""));
      head = parent;
    }
  }
}

/** Whether a relative output name stays inside its folder (`calendars/P1.ics` yes, `../x` no). */
export function isSafeOutputName(name: string): boolean {
  // Names are ours and use "/": a backslash (a separator elsewhere) or a NUL is a bug.
  if (name === "" || isAbsolute(name) || name.includes("\0") || name.includes("\\")) return false;
  return name.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

export interface OutputFolderCheck {
  /** The `--out` value as the user wrote it (messages quote it). */
  readonly out: string;
  /** Folders no output may be written into or under (the year folder): compared by real path. */
  readonly protect?: readonly string[];
  /** The names the write will create, when known (checked for folders or files in the way). */
  readonly names?: readonly string[];
  /** The option's name for messages, e.g. `--out`. */
  readonly option?: string;
}

/**
 * Everything that would make a write into `out` fail or harm an input, found before any work
 * is done: `out` (or any route to it through symbolic links) inside a protected folder, `out`
 * a file, a part of the path a file, a folder that cannot be written, an output name that a
 * folder of the same name already takes. Returns input errors (empty when the write can go).
 */
export function checkOutputFolder(check: OutputFolderCheck, fs: Pick<Disk, "lstatSync"> = nodeFs): InputError[] {
  const option = check.option ?? "--out";
  const fail = (message: string): InputError[] => [{ code: "bad-output", file: check.out, column: option, message }];
  const real = realPathOf(check.out);
  for (const folder of check.protect ?? []) {
    const protectedReal = realPathOf(folder);
    if (within(real, protectedReal)) {
      return fail(`is ${real === protectedReal ? "" : "inside "}the year folder ${folder}${real === resolve(check.out) ? "" : ` (through a link to ${real})`}; choose a folder elsewhere so the inputs stay untouched`);
    }
  }
  // The nearest part of the path that exists must be a folder we may write in.
  const exists = (path: string) => {
    try {
      return fs.lstatSync(path, { throwIfNoEntry: false }) !== undefined;
    } catch {
      return false; // ENOTDIR: a file on the way
    }
  };
  let existing = resolve(check.out);
  while (!exists(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let stat: nodeFs.Stats | undefined;
  try {
    stat = nodeFs.statSync(existing);
  } catch {
    return fail(`cannot be reached (${existing} is a broken link)`);
  }
  if (!stat.isDirectory()) {
    return fail(existing === resolve(check.out) ? "is a file, not a folder; give a folder for the results" : `cannot be created: ${existing} is a file`);
  }
  try {
    nodeFs.accessSync(existing, nodeFs.constants.W_OK | nodeFs.constants.X_OK);
    const probe = join(existing, `${STAGING_PREFIX}probe-${process.pid}-${counter++}`);
    nodeFs.mkdirSync(probe);
    nodeFs.rmdirSync(probe);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? "";
    const why = code === "EROFS" ? "is on a read-only file system" : code === "ENOSPC" ? "is on a full disk" : "is not writable";
    return fail(`cannot be written: ${existing} ${why}; choose another folder`);
  }
  for (const name of check.names ?? []) {
    if (!isSafeOutputName(name)) return fail(`cannot hold the output "${name}" (not a plain file name)`);
    const parts = name.split(/[\\/]/);
    for (let i = 1; i <= parts.length; i += 1) {
      const path = join(resolve(check.out), ...parts.slice(0, i));
      const found = fs.lstatSync(path, { throwIfNoEntry: false });
      if (!found) break;
      const last = i === parts.length;
      if (last && found.isDirectory()) return fail(`holds a folder named ${parts.slice(0, i).join("/")} where the output file ${name} goes; rename or move that folder`);
      if (!last && !found.isDirectory()) return fail(`holds a file named ${parts.slice(0, i).join("/")} where the output folder for ${name} goes; rename or move that file`);
    }
  }
  return [];
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the folder's write lock (one writer at a time), waiting for a live writer to finish. */
function lock(folder: string, fs: Disk): () => void {
  const path = join(folder, LOCK);
  for (let attempt = 0; ; attempt += 1) {
    try {
      fs.writeFileSync(path, JSON.stringify({ pid: process.pid, at: Date.now() }), { flag: "wx" });
      return () => {
        try {
          fs.rmSync(path, { force: true });
        } catch {
          // A dead disk: the next writer sees a lock of a dead process and takes it over.
        }
      };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      let holder: { pid?: number; at?: number } = {};
      try {
        holder = JSON.parse(fs.readFileSync(path, "utf8")) as typeof holder;
      } catch {
        // Half-written by a writer killed at that instant: stale.
      }
      // Writes are synchronous: a lock naming this very process was left by an interrupted write.
      const stale = holder.pid === process.pid || !pidAlive(holder.pid ?? 0) || Date.now() - (holder.at ?? 0) > STALE_LOCK_MS;
      if (stale) fs.rmSync(path, { force: true });
      else if (attempt > 600) throw new Error(`another qar process (pid ${holder.pid}) has been writing to ${folder} for a minute`);
      else sleep(100);
    }
  }
}

function readManifest(folder: string, fs: Disk): string[] {
  try {
    const names = JSON.parse(fs.readFileSync(join(folder, MANIFEST), "utf8")) as { files?: unknown };
    return Array.isArray(names.files) ? names.files.filter((n): n is string => typeof n === "string" && isSafeOutputName(n)) : [];
  } catch {
    return [];
  }
}

/**
 * Puts a copy of `from` at `to` in one rename, leaving `from` in place: a hard link (or a copy
 * where links fail) under a temporary name in `folder`, where recovery finds it.
 */
function placeCopy(folder: string, from: string, to: string, fs: Disk): void {
  const temp = join(folder, `${STAGING_PREFIX}file-${process.pid}-${counter++}`);
  try {
    fs.linkSync(from, temp);
  } catch {
    fs.copyFileSync(from, temp);
  }
  fs.renameSync(temp, to);
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

/** Step 3 and 4 of a committed write: every new file over its target, stale outputs removed. */
function apply(folder: string, staging: string, fs: Disk): void {
  const plan = JSON.parse(fs.readFileSync(join(staging, "COMMIT"), "utf8")) as { files: string[]; remove: string[] };
  for (const name of plan.files) {
    fs.mkdirSync(dirname(join(folder, name)), { recursive: true });
    placeCopy(folder, join(staging, "new", name), join(folder, name), fs);
  }
  for (const name of plan.remove) fs.rmSync(join(folder, name), { force: true });
  placeCopy(folder, join(staging, "manifest.json"), join(folder, MANIFEST), fs);
  fs.rmSync(staging, { recursive: true, force: true });
}

/**
 * Finishes or clears what an interrupted write left in `folder`: a committed staging folder is
 * applied (the new outputs complete), an uncommitted one removed (the old outputs were never
 * touched), stray temporary files of dead writers removed. Leaves live writers alone.
 */
export function recoverOutputFolder(folder: string, fs: Disk = nodeFs): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(/^\.qar-write-(?:file-)?(\d+)-/.exec(name)?.[1]);
    if (pid !== process.pid && pidAlive(pid)) continue;
    const path = join(folder, name);
    const committed = fs.lstatSync(path, { throwIfNoEntry: false })?.isDirectory() && fs.lstatSync(join(path, "COMMIT"), { throwIfNoEntry: false });
    if (committed) apply(folder, path, fs);
    else fs.rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Writes `files` (relative name → contents; names may hold subfolders such as
 * `calendars/P1.ics`) into `outDir`, replacing the files a previous write put there and
 * touching nothing else. See the module comment for what a crash at any instant leaves.
 *
 * @example
 * writeOutputFolder("out/2018-19", { "allocation.csv": csv, "summary.json": json });
 */
export function writeOutputFolder(outDir: string, files: Readonly<Record<string, string | Uint8Array>>, fs: Disk = nodeFs): void {
  const names = Object.keys(files).sort();
  for (const name of names) if (!isSafeOutputName(name)) throw new Error(`output name "${name}" is not a plain relative file name`);
  const folder = resolve(outDir);
  fs.mkdirSync(folder, { recursive: true });
  const unlock = lock(folder, fs);
  try {
    recoverOutputFolder(folder, fs);
    const staging = join(folder, `${STAGING_PREFIX}${process.pid}-${counter++}`);
    try {
      for (const name of names) {
        fs.mkdirSync(dirname(join(staging, "new", name)), { recursive: true });
        fs.writeFileSync(join(staging, "new", name), files[name]!);
      }
      const previous = readManifest(folder, fs);
      const remove = previous.filter((name) => !(name in files) && fs.lstatSync(join(folder, name), { throwIfNoEntry: false })?.isFile());
      fs.writeFileSync(join(staging, "manifest.json"), `${JSON.stringify({ writtenBy: "qar", files: names }, null, 2)}\n`);
      fs.writeFileSync(join(staging, "plan.json"), JSON.stringify({ files: names, remove }));
    } catch (cause) {
      try {
        fs.rmSync(staging, { recursive: true, force: true });
      } catch {
        // The next write removes an uncommitted staging folder.
      }
      throw cause;
    }
    fs.renameSync(join(staging, "plan.json"), join(staging, "COMMIT"));
    apply(folder, staging, fs);
  } finally {
    unlock();
  }
}

/**
 * Writes one file (a report) all or nothing: a temporary file beside it, renamed over it.
 * Temporary files that dead writers left beside it are removed first.
 */
export function writeOutputFile(path: string, contents: string | Uint8Array, fs: Disk = nodeFs): void {
  const target = resolve(path);
  const folder = dirname(target);
  fs.mkdirSync(folder, { recursive: true });
  for (const name of fs.readdirSync(folder)) {
    const pid = Number(/^\.qar-write-file-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && (pid === process.pid || !pidAlive(pid))) fs.rmSync(join(folder, name), { force: true });
  }
  const temp = join(folder, `${STAGING_PREFIX}file-${process.pid}-${counter++}`);
  try {
    fs.writeFileSync(temp, contents);
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

/** The names of every file under `folder`, relative and sorted (for tests and tools). */
export function filesUnder(folder: string, fs: Disk = nodeFs): string[] {
  return listFiles(folder, fs);
}
