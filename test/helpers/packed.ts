import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
// The type of inject("packed"), declared where the global setup provides it.
import type {} from "./pack-once.js";

/** The repository's root folder. */
export const ROOT = new URL("../../", import.meta.url).pathname;

/**
 * The tarball `npm pack` made once for the run (of the built dist/: `npm run build` first; `npm ci`
 * builds; see test/helpers/pack-once.ts), unpacked as `<dir>/node_modules/qar-allocator`, where a bundler or Node finds a dependency.
 * Returns the installed package's folder.
 */
export function installPacked(dir: string): string {
  execFileSync("tar", ["-xzf", inject("packed").tarball, "-C", dir]);
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  const target = join(dir, "node_modules", "qar-allocator");
  renameSync(join(dir, "package"), target);
  return target;
}
