/**
 * Node 20 (issue 28): package.json promises `engines.node >= 20`, so every package an install of
 * qar-allocator brings (the production tree in package-lock.json, not the dev tools) must accept
 * the oldest Node that promise admits. ical-generator 11 asked for Node 22 or 24 and broke
 * `npm install --engine-strict` of the tarball on Node 20; this test names any package that
 * would do it again. `.ci/run` also installs with `npm ci --engine-strict` on CI's own Node.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string }; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: unknown } | unknown[] }>;
};

/** The packages an install of the tarball brings: every lock entry that is not for development only. */
const production = Object.entries(lock.packages).filter(([path, entry]) => path !== "" && entry.dev !== true);

describe("the dependencies accept the Node versions package.json promises", () => {
  const oldest = semver.minVersion(pkg.engines.node)!.version;

  it(`package.json promises Node ${pkg.engines.node}, whose oldest release is 20`, () => {
    expect(semver.major(oldest)).toBe(20);
  });

  it("the production tree holds every runtime dependency of package.json", () => {
    const names = new Set(production.map(([path]) => path.replace(/^.*node_modules\//, "")));
    for (const name of Object.keys(pkg.dependencies)) expect(names, name).toContain(name);
    expect(production.length).toBeGreaterThan(Object.keys(pkg.dependencies).length);
  });

  it(`every production package's engines.node accepts Node ${oldest} and the Node running the tests`, () => {
    const refused: string[] = [];
    for (const [path, entry] of production) {
      const engines = entry.engines;
      const range = engines !== undefined && !Array.isArray(engines) ? engines.node : undefined;
      if (range === undefined) continue;
      if (typeof range !== "string" || semver.validRange(range) === null) {
        refused.push(`${path}@${entry.version}: engines.node ${JSON.stringify(range)} is not a version range`);
        continue;
      }
      for (const version of [oldest, process.versions.node]) {
        if (!semver.satisfies(version, range)) refused.push(`${path}@${entry.version} requires Node ${range}, not ${version}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("the check would have caught ical-generator 11 (its engines.node refuses Node 20)", () => {
    expect(semver.satisfies(oldest, "22 || >=24.0.0")).toBe(false);
    const ical = lock.packages["node_modules/ical-generator"]!;
    expect(semver.satisfies(oldest, (ical.engines as { node: string }).node), `ical-generator@${ical.version}`).toBe(true);
  });
});
