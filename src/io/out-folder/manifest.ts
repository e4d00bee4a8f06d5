/**
 * The manifest `.qar-outputs.json`: the files the last write put in the folder, with the
 * sha-256 of what it wrote. It is what lets the next write replace or remove qar's own files
 * and nothing else: a file is removed only while it still holds exactly what qar wrote.
 */
import * as nodeFs from "node:fs";
import { join } from "node:path";
import { MANIFEST, sha256, type Disk } from "./disk.js";
import { inTheWay, isSafeOutputName } from "./paths.js";

/** The previous write's outputs with the sha-256 of what it wrote; files listed without one are never removed. */
export function readManifest(folder: string, fs: Disk): Map<string, string | undefined> {
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
export function holdsWhatQarWrote(folder: string, name: string, hash: string | undefined, fs: Disk): boolean {
  if (hash === undefined || inTheWay(folder, name, fs) !== undefined) return false;
  const path = join(folder, name);
  if (!fs.lstatSync(path, { throwIfNoEntry: false })?.isFile()) return false;
  try {
    return sha256(nodeFs.readFileSync(path)) === hash;
  } catch {
    return false;
  }
}

/** The manifest's text for the files a write placed, with the sha-256 of those whose new version it knows. */
export function manifestText(files: readonly string[], hashes: Readonly<Record<string, string>>): string {
  const sha = Object.fromEntries(files.filter((name) => hashes[name] !== undefined).map((name) => [name, hashes[name]!]));
  return `${JSON.stringify({ writtenBy: "qar", files, sha256: sha }, null, 2)}\n`;
}
