import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";

/** The repository's root folder. */
export const ROOT = new URL("../../", import.meta.url).pathname;

/**
 * The tarball `npm pack` makes (of the built dist/: `npm run build` first; `npm ci` builds),
 * unpacked as `<dir>/node_modules/qar-allocator`, where a bundler or Node finds a dependency.
 * Returns the installed package's folder.
 */
export function installPacked(dir: string): string {
  const packed = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8" })) as { filename: string }[];
  execFileSync("tar", ["-xzf", join(dir, packed[0]!.filename), "-C", dir]);
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  const target = join(dir, "node_modules", "qar-allocator");
  renameSync(join(dir, "package"), target);
  return target;
}
