/**
 * Vitest's global setup: `npm pack` once for the whole run (about 1.5 s each time), shared by the
 * package tests through `inject("packed")`: the tarball's path and the files it ships.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

export interface Packed {
  /** The tarball `npm pack` wrote. */
  readonly tarball: string;
  /** Every file it ships, by its path in the package. */
  readonly files: readonly string[];
}

declare module "vitest" {
  export interface ProvidedContext {
    packed: Packed;
  }
}

const ROOT = new URL("../../", import.meta.url).pathname;

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "qar-packed-"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" })) as { filename: string; files: { path: string }[] }[];
  project.provide("packed", { tarball: join(dir, packed!.filename), files: packed!.files.map((f) => f.path) });
  return () => rmSync(dir, { recursive: true, force: true });
}
