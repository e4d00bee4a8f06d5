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
 * years or allocations.
 */
import { createHash } from "node:crypto";
import * as nodeFs from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { InputError } from "./errors.js";

/** The file system calls a write makes: node:fs by default, replaceable to test crashes. */
export interface Disk {
  mkdirSync(path: string, options?: { recursive?: boolean }): unknown;
  writeFileSync(path: string, data: string | Uint8Array, options?: { flag?: string }): void;
  readFileSync(path: string, encoding: "utf8"): string;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, path: string): void;
  copyFileSync(from: string, to: string, mode?: number): void;
  rmSync(path: string, options: { recursive?: boolean; force?: boolean }): void;
  readdirSync(path: string): string[];
  lstatSync(path: string, options: { throwIfNoEntry: false }): nodeFs.Stats | undefined;
}

/** What a write tells its caller besides its files (a lock taken over from a dead writer). */
export interface WriteOptions {
  readonly notice?: (message: string) => void;
}

/**
 * Something in the output folder that a write may not go through or replace (a link where an
 * output folder goes, a file named like an output folder, a folder where an output file goes).
 * Thrown before anything is written; `message` says what to move.
 *
 * @example
 * try { writeOutputFolder("out", files); } catch (e) { if (e instanceof OutputInTheWay) console.error(`out ${e.message}`); }
 */
export class OutputInTheWay extends Error {
  override readonly name = "OutputInTheWay";
  readonly code = "bad-output";
}

const STAGING_PREFIX = ".qar-write-";
/** Names qar gives its staging folders and temporary files: nothing else starting `.qar-write-` is qar's. */
const STAGING = /^\.qar-write-(\d+)-(\d+)$/;
const TEMPORARY = /^\.qar-write-(?:file|probe)-(\d+)-(\d+)$/;
const LOCK = ".qar-lock";
/** The list of files the last write put in the folder: what the next write may replace or remove. */
export const MANIFEST = ".qar-outputs.json";
/** A lock older than this is left by a dead process (a write takes well under a second). */
const STALE_LOCK_MS = 60_000;

let counter = 0;

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

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

/**
 * What stands on the way to output `name` inside `folder`, or `undefined` when a file may go
 * there: a link or a file where a folder of the name goes, a folder where the file goes. Never
 * follows a link. The message says what to move.
 */
function inTheWay(folder: string, name: string, fs: Pick<Disk, "lstatSync">, known?: Set<string>): string | undefined {
  const parts = name.split("/");
  for (let i = 1; i <= parts.length; i += 1) {
    const shown = parts.slice(0, i).join("/");
    // A folder on the way already found to be a real folder (one `calendars/` for 50,000 calendars).
    if (i < parts.length && known?.has(shown)) continue;
    let found: nodeFs.Stats | undefined;
    try {
      found = fs.lstatSync(join(folder, ...parts.slice(0, i)), { throwIfNoEntry: false });
    } catch {
      return `cannot hold the output ${name}: ${shown} cannot be read`;
    }
    if (!found) return undefined;
    const last = i === parts.length;
    if (!last && found.isSymbolicLink()) return `holds a link named ${shown} where the output folder for ${name} goes; qar never writes through a link in its output folder: remove the link, or give --out the folder it points to`;
    if (!last && !found.isDirectory()) return `holds a file named ${shown} where the output folder for ${name} goes; rename or move that file`;
    if (last && found.isDirectory()) return `holds a folder named ${shown} where the output file ${name} goes; rename or move that folder`;
    if (!last) known?.add(shown);
  }
  return undefined;
}

export interface OutputFolderCheck {
  /** The `--out` value as the user wrote it (messages quote it). */
  readonly out: string;
  /** Folders no output may be written into or under (the year folder): compared by real path. */
  readonly protect?: readonly string[];
  /** The names the write will create, when known (checked for folders, files or links in the way). */
  readonly names?: readonly string[];
  /**
   * Subfolders the write creates whose files are not known yet (`calendars`): checked for a file
   * or a link standing there, and for a protected folder there.
   */
  readonly folders?: readonly string[];
  /** The option's name for messages, e.g. `--out`. */
  readonly option?: string;
  /** `out` names one file (a report), not a folder: the checks apply to the folder it goes in. */
  readonly file?: boolean;
  /** Input files `out` must not be (compared by real path and by identity, so no link or hard link gets round it). */
  readonly inputs?: readonly string[];
}

/** The protected folder `out` lies in (or is), by any route, or where one of its output folders would. */
function protectedPlace(check: OutputFolderCheck): string | undefined {
  const real = realPathOf(check.out);
  for (const folder of check.protect ?? []) {
    const protectedReal = realPathOf(folder);
    if (within(real, protectedReal)) {
      return `is ${real === protectedReal ? "" : "inside "}the year folder ${folder}${real === resolve(check.out) ? "" : ` (through a link to ${real})`}; choose a folder elsewhere so the inputs stay untouched`;
    }
    // The year folder inside --out, where an output folder goes: its files would land in the year.
    const sub = [...(check.folders ?? []), ...(check.names ?? []).map((n) => n.split("/")[0]!)].find((name) => within(protectedReal, realPathOf(join(check.out, name))));
    if (sub !== undefined) return `holds the year folder ${folder} as ${sub}, where the outputs go; choose a folder elsewhere so the inputs stay untouched`;
  }
  return undefined;
}

/**
 * Everything that would make a write into `out` fail or harm an input, found before any work
 * is done: `out` (or any route to it through symbolic links) inside a protected folder, a
 * protected folder where an output folder goes, `out` a file, a part of the path a file, a
 * folder that cannot be written, an output name that a folder of the same name already takes,
 * an output folder that a file or a link takes. Returns input errors (empty when the write can go).
 */
export function checkOutputFolder(check: OutputFolderCheck, fs: Pick<Disk, "lstatSync"> = nodeFs): InputError[] {
  const option = check.option ?? "--out";
  const fail = (message: string): InputError[] => [{ code: "bad-output", file: check.out, column: option, message }];
  const inProtected = protectedPlace(check);
  if (inProtected !== undefined) return fail(inProtected);
  const input = (check.inputs ?? []).find((file) => sameFile(check.out, file));
  if (input !== undefined) return fail(`is the input ${input}; an output never overwrites an input: give another name`);
  if (check.file) {
    const target = resolve(check.out);
    return checkOutputFolder({ out: dirname(target), option, names: [basename(target)] }, fs).map((error) => ({ ...error, file: check.out }));
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
  const folder = resolve(check.out);
  for (const name of [...(check.names ?? []), ...(check.folders ?? []).map((f) => `${f}/file`)]) {
    if (!isSafeOutputName(name)) return fail(`cannot hold the output "${name}" (not a plain file name)`);
    const blocked = inTheWay(folder, name, fs);
    if (blocked !== undefined) return fail(blocked);
  }
  for (const special of [LOCK, MANIFEST]) {
    const found = fs.lstatSync(join(folder, special), { throwIfNoEntry: false });
    if (found && !found.isFile() && !found.isSymbolicLink()) return fail(`holds ${special}, which qar keeps for itself, as a ${found.isDirectory() ? "folder" : "special file"}; rename or move it`);
  }
  return [];
}

/** Whether two paths name one existing file: the same real path, or the same file by identity (a hard link). */
function sameFile(a: string, b: string): boolean {
  if (realPathOf(a) === realPathOf(b)) return true;
  try {
    const [x, y] = [nodeFs.statSync(a), nodeFs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** A process's state and start time from /proc (Linux), or `undefined` where there is none. */
function procStat(pid: number): { state: string; start: string } | undefined {
  try {
    const text = nodeFs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (command) state ppid ...": the command may hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", start: fields[19] ?? "" };
  } catch {
    return undefined;
  }
}

const hasProc = () => process.platform === "linux" && nodeFs.existsSync("/proc/self/stat");

/** This process's start time (Linux), written into its lock so that a reused pid is not taken for it. */
const ownStart = () => (hasProc() ? procStat(process.pid)?.start : undefined);

/** Whether the process that wrote a lock still runs: not a zombie, not a later process under the same pid. */
function holderAlive(holder: { pid?: unknown; start?: unknown }): boolean {
  const pid = holder.pid;
  if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0) return false;
  if (hasProc()) {
    const stat = procStat(pid);
    if (!stat || stat.state === "Z" || stat.state === "X") return false;
    if (typeof holder.start === "string") return stat.start === holder.start;
    // A lock without a start time (an older qar, or planted): alive only if a JavaScript runtime holds the pid.
    try {
      return /node|qar|bun|deno/i.test(nodeFs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  }
  return pidAlive(pid);
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

/**
 * Takes the folder's write lock (one writer at a time), waiting for a live writer to finish. A
 * lock its writer left behind (a process that died, was killed or is a zombie, or a lock older
 * than a minute) is taken over, and `notice` says so.
 */
function lock(folder: string, fs: Disk, notice?: (message: string) => void): () => void {
  const path = join(folder, LOCK);
  const start = ownStart();
  for (;;) {
    try {
      fs.writeFileSync(path, JSON.stringify({ pid: process.pid, at: Date.now(), ...(start !== undefined ? { start } : {}) }), { flag: "wx" });
      return () => {
        try {
          fs.rmSync(path, { force: true });
        } catch {
          // A dead disk: the next writer sees a lock of a dead process and takes it over.
        }
      };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      const found = fs.lstatSync(path, { throwIfNoEntry: false });
      if (found && !found.isFile() && !found.isSymbolicLink()) throw new OutputInTheWay(`holds ${LOCK}, which qar keeps for itself, as a folder; rename or move it`);
      let holder: { pid?: unknown; at?: unknown; start?: unknown } = {};
      try {
        // Read only a lock file of our own kind: a link is stale whatever it points to.
        if (found?.isFile()) holder = JSON.parse(fs.readFileSync(path, "utf8")) as typeof holder;
      } catch {
        // Half-written by a writer killed at that instant: stale.
      }
      const at = typeof holder.at === "number" ? holder.at : 0;
      const age = Date.now() - at;
      // Writes are synchronous: a lock naming this very process was left by an interrupted write.
      const dead = holder.pid === process.pid || !holderAlive(holder);
      if (dead || age > STALE_LOCK_MS || age < -STALE_LOCK_MS) {
        fs.rmSync(path, { force: true });
        const who = typeof holder.pid === "number" ? `process ${holder.pid}` : "a process";
        if (holder.pid !== process.pid) notice?.(`took over the write lock ${path}, left by ${who} that ${dead ? "is no longer running" : "has held it for over a minute"}`);
      } else {
        sleep(100);
      }
    }
  }
}

/** The previous write's outputs with the sha-256 of what it wrote; files listed without one are never removed. */
function readManifest(folder: string, fs: Disk): Map<string, string | undefined> {
  const listed = new Map<string, string | undefined>();
  try {
    if (!fs.lstatSync(join(folder, MANIFEST), { throwIfNoEntry: false })?.isFile()) return listed;
    const manifest = JSON.parse(fs.readFileSync(join(folder, MANIFEST), "utf8")) as { files?: unknown; sha256?: unknown };
    const hashes = typeof manifest.sha256 === "object" && manifest.sha256 !== null ? (manifest.sha256 as Record<string, unknown>) : {};
    if (!Array.isArray(manifest.files)) return listed;
    for (const name of manifest.files) {
      if (typeof name !== "string" || !isSafeOutputName(name)) continue;
      const hash = Object.hasOwn(hashes, name) ? hashes[name] : undefined;
      listed.set(name, typeof hash === "string" ? hash : undefined);
    }
  } catch {
    // An unreadable manifest lists nothing: no file is removed.
  }
  return listed;
}

/** Whether `name` in `folder` is a plain file reached without links, holding exactly what qar wrote (`hash`). */
function holdsWhatQarWrote(folder: string, name: string, hash: string | undefined, fs: Disk): boolean {
  if (hash === undefined || inTheWay(folder, name, fs) !== undefined) return false;
  const path = join(folder, name);
  if (!fs.lstatSync(path, { throwIfNoEntry: false })?.isFile()) return false;
  try {
    return sha256(nodeFs.readFileSync(path)) === hash;
  } catch {
    return false;
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
    fs.copyFileSync(from, temp, nodeFs.constants.COPYFILE_EXCL);
  }
  fs.renameSync(temp, to);
}

/** Creates the folders on the way to `name` one by one, refusing any link or file there; `known` holds those found already. */
function makeWay(folder: string, name: string, fs: Disk, known: Set<string>): string {
  const parts = name.split("/");
  for (let i = 1; i < parts.length; i += 1) {
    const shown = parts.slice(0, i).join("/");
    if (known.has(shown)) continue;
    const path = join(folder, ...parts.slice(0, i));
    const found = fs.lstatSync(path, { throwIfNoEntry: false });
    if (!found) fs.mkdirSync(path);
    else if (!found.isDirectory()) throw new OutputInTheWay(inTheWay(folder, name, fs) ?? `cannot hold the output ${name}`);
    known.add(shown);
  }
  const target = join(folder, ...parts);
  if (fs.lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) throw new OutputInTheWay(inTheWay(folder, name, fs) ?? `cannot hold the output ${name}`);
  return target;
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
  const sha = Object.fromEntries(placed.filter((name) => plan.sha256[name] !== undefined).map((name) => [name, plan.sha256[name]!]));
  // Whatever a staging folder found in the folder holds under the name is replaced, never written through.
  fs.rmSync(join(staging, "manifest.json"), { force: true });
  fs.writeFileSync(join(staging, "manifest.json"), `${JSON.stringify({ writtenBy: "qar", files: placed, sha256: sha }, null, 2)}\n`, { flag: "wx" });
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
    let staging = join(folder, `${STAGING_PREFIX}${process.pid}-${counter++}`);
    // A fresh staging folder of our own: one found under the name (planted or left over) is never reused.
    for (;;) {
      try {
        fs.mkdirSync(staging);
        break;
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
        staging = join(folder, `${STAGING_PREFIX}${process.pid}-${counter++}`);
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
    fs.renameSync(join(staging, "plan.json"), join(staging, "COMMIT"));
    apply(folder, staging, fs, true, known);
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
    const match = /^\.qar-write-file-(\d+)-\d+$/.exec(name);
    const pid = Number(match?.[1]);
    if (match && (pid === process.pid || !pidAlive(pid)) && fs.lstatSync(join(folder, name), { throwIfNoEntry: false })?.isFile()) fs.rmSync(join(folder, name), { force: true });
  }
  const temp = join(folder, `${STAGING_PREFIX}file-${process.pid}-${counter++}`);
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

/** The names of every file under `folder`, relative and sorted (for tests and tools). */
export function filesUnder(folder: string, fs: Disk = nodeFs): string[] {
  return listFiles(folder, fs);
}
