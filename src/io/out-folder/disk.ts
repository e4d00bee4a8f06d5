/**
 * What every part of an output write shares: the file system calls it makes, the names qar
 * keeps for itself inside an output folder, and the error for something standing in the way.
 */
import { createHash } from "node:crypto";
import type * as nodeFs from "node:fs";

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
export const STAGING = /^\.qar-write-(\d+)-(\d+)$/;
export const TEMPORARY = /^\.qar-write-(?:file|probe)-(\d+)-(\d+)$/;
/** A temporary file a write left beside a report (`writeOutputFile`), with the writer's pid. */
export const TEMPORARY_FILE = /^\.qar-write-file-(\d+)-\d+$/;
export const LOCK = ".qar-lock";
/** The list of files the last write put in the folder: what the next write may replace or remove. */
export const MANIFEST = ".qar-outputs.json";

let counter = 0;

/**
 * A name of qar's own, new in this process: a staging folder (`.qar-write-<pid>-<n>`), a
 * temporary file (`.qar-write-file-…`) or a writability probe (`.qar-write-probe-…`).
 */
export function hiddenName(kind: "staging" | "file" | "probe"): string {
  return `${STAGING_PREFIX}${kind === "staging" ? "" : `${kind}-`}${process.pid}-${counter++}`;
}

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
