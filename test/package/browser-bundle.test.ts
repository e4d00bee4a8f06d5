/**
 * The packed package in a browser (issue 19 item 4): `npm pack`, the tarball unpacked as a
 * dependency, `import { ... } from "qar-allocator"` bundled by esbuild for the browser (which
 * fails on any Node built-in), and a solve of the tiny year run in headless Chromium, with no
 * `Buffer` or `process` there. Packs the built `dist/` (`npm run build` first; `npm ci` builds).
 * CI installs Debian's chromium (.ci/run); a machine without it skips this test.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { readYearFolder } from "../../src/io/files.js";
import { solve } from "../../src/solver/index.js";
import { installPacked, ROOT } from "../helpers/packed.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TINY = join(ROOT, "fixtures/years/tiny");
const ORIGIN = "http://qar.test";

const dir = mkdtempSync(join(tmpdir(), "qar-browser-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = `
import { parseYear, solve, checkAllocation, InvalidInputError } from "qar-allocator";
window.runSolve = async (files) => {
  const year = parseYear(files);
  if (!year.ok) return { errors: year.errors };
  const result = await solve(year.value, { seed: 1 });
  const check = checkAllocation(year.value, result.allocation);
  let refused = "";
  try {
    await solve({ ...year.value, reviews: [...year.value.reviews, { id: "RX", schoolId: "S9999", start: "2024-03-04", days: 3 }] });
  } catch (error) {
    refused = error instanceof InvalidInputError ? error.errors.map((e) => e.code + " " + e.file + " " + e.row + " " + e.message).join("; ") : String(error);
  }
  return { valid: check.valid, filled: check.metrics.filled.total, engine: result.engine, refused, node: typeof process !== "undefined" || typeof Buffer !== "undefined" };
};
`;

describe("the packed package in a browser", () => {
  it.skipIf(!existsSync(CHROMIUM))("bundles with esbuild --platform=browser and solves the tiny year in headless Chromium", { timeout: 90_000 }, async () => {
    const installed = installPacked(dir);
    expect(readdirSync(join(installed, "dist")).filter((f) => f.endsWith(".map"))).toEqual([]);
    writeFileSync(join(dir, "entry.js"), ENTRY);
    await build({ entryPoints: [join(dir, "entry.js")], bundle: true, platform: "browser", format: "esm", outfile: join(dir, "www", "bundle.js"), absWorkingDir: dir, logLevel: "silent" });
    const files = Object.fromEntries(["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"].map((f) => [f, readFileSync(join(TINY, f), "utf8")]));
    const assets: Record<string, { body: Buffer; type: string }> = {
      "/": { body: Buffer.from('<!doctype html><script type="module" src="/bundle.js"></script>'), type: "text/html" },
      "/bundle.js": { body: readFileSync(join(dir, "www", "bundle.js")), type: "text/javascript" },
      "/highs.wasm": { body: readFileSync(join(installed, "dist", "highs.wasm")), type: "application/wasm" },
    };

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.route(`${ORIGIN}/**`, (route) => {
        const asset = assets[new URL(route.request().url()).pathname];
        return asset ? route.fulfill({ body: asset.body, contentType: asset.type }) : route.fulfill({ status: 404 });
      });
      await page.goto(`${ORIGIN}/`);
      // Run in the page, where `globalThis` is its window.
      await page.waitForFunction(() => typeof (globalThis as unknown as { runSolve?: unknown }).runSolve === "function");
      const outcome = (await page.evaluate((f) => (globalThis as unknown as { runSolve: (files: unknown) => Promise<unknown> }).runSolve(f), files)) as {
        valid: boolean;
        filled: number;
        engine: string;
        refused: string;
        node: boolean;
      };
      expect(errors).toEqual([]);
      expect(outcome.node).toBe(false);
      expect(outcome.valid).toBe(true);
      expect(outcome.refused).toContain('unknown-reference reviews.csv 10 unknown school "S9999"');

      // The same solve in Node fills the same seats.
      const year = readYearFolder(TINY);
      if (!year.ok) throw new Error("tiny must read");
      const inNode = await solve(year.value, { seed: 1 });
      expect(outcome.engine).toBe(inNode.engine);
      expect(outcome.filled).toBe(checkAllocation(year.value, inNode.allocation).metrics.filled.total);
    } finally {
      await browser.close();
    }
  });
});
