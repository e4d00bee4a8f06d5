/**
 * A service bundled with esbuild for Node (issue 26 item 4): docs/examples/service.ts, importing
 * the packed package by name, bundled into one file outside the repository (where no tsx can be
 * found), run with plain `node`, solves a year posted to it in `solveInWorker`'s worker thread.
 * The worker script resolves to the package's built JavaScript in node_modules.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { readYearFolder } from "../../src/io/files.js";
import { installPacked, ROOT } from "../helpers/packed.js";

const TINY = join(ROOT, "fixtures/years/tiny");
const dir = mkdtempSync(join(tmpdir(), "qar-bundled-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a service bundled with esbuild for Node", () => {
  it("docs/examples/service.ts bundled into one ES module solves a posted year in a worker thread, run by plain node", { timeout: 90_000 }, async () => {
    installPacked(dir);
    copyFileSync(join(ROOT, "docs/examples/service.ts"), join(dir, "service.ts"));
    const outfile = join(dir, "app", "service.mjs");
    await build({
      entryPoints: [join(dir, "service.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      absWorkingDir: dir,
      // The package's own dependencies, as an install would have them.
      nodePaths: [join(ROOT, "node_modules")],
      // The usual banner of an ES-module bundle for Node: its CommonJS parts may require built-ins.
      banner: { js: 'import { createRequire as bannerRequire } from "node:module"; const require = bannerRequire(import.meta.url);' },
      logLevel: "silent",
    });
    const server = spawn(process.execPath, [outfile], { cwd: dir, env: { ...process.env, PORT: "0", NODE_OPTIONS: "" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = "";
        server.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const found = /http:\/\/\S+\/solve/.exec(stdout);
          if (found) resolve(found[0]);
        });
        server.on("exit", (code) => reject(new Error(`the service stopped (${code}): ${stderr}`)));
      });
      const files = Object.fromEntries(["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"].map((f) => [f, readFileSync(join(TINY, f), "utf8")]));
      const response = await fetch(url, { method: "POST", body: JSON.stringify({ files, seed: 1 }) });
      const body = (await response.json()) as { allocation: { reviewId: string; role: "lead" | "peer"; personId: string }[]; filled: { total: number } };
      expect(response.status, stderr).toBe(200);
      const year = readYearFolder(TINY);
      if (!year.ok) throw new Error("tiny must read");
      const check = checkAllocation(year.value, { assignments: body.allocation });
      expect(check.valid).toBe(true);
      expect(check.metrics.filled.total).toBe(body.filled.total);
      expect(body.filled.total).toBeGreaterThan(0);
      expect(stderr).not.toContain("tsx");
    } finally {
      server.kill();
    }
  });
});
