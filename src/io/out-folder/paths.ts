/**
 * Where an output may go without costing the user a file: names that stay inside the folder,
 * and no link, file or folder of the user's on the way. Nothing here follows a link.
 */
import * as nodeFs from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { OutputInTheWay, type Disk } from "./disk.js";

/** Whether `child` is `parent` or lies inside it (both real, absolute paths). */
export function within(child: string, parent: string): boolean {
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
export function inTheWay(folder: string, name: string, fs: Pick<Disk, "lstatSync">, known?: Set<string>): string | undefined {
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

/** Creates the folders on the way to `name` one by one, refusing any link or file there; `known` holds those found already. */
export function makeWay(folder: string, name: string, fs: Disk, known: Set<string>): string {
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

/** Whether two paths name one existing file: the same real path, or the same file by identity (a hard link). */
export function sameFile(a: string, b: string): boolean {
  if (realPathOf(a) === realPathOf(b)) return true;
  try {
    const [x, y] = [nodeFs.statSync(a), nodeFs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}
