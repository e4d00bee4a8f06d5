/**
 * The checks a command makes on `--out` before any work is done, so that a long solve never
 * ends in a write that cannot happen or that would touch an input.
 */
import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { InputError } from "../errors.js";
import { hiddenName, LOCK, MANIFEST, type Disk } from "./disk.js";
import { inTheWay, isSafeOutputName, realPathOf, sameFile, within } from "./paths.js";

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
    const probe = join(existing, hiddenName("probe"));
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
