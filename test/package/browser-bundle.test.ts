/**
 * The packed package in a browser (issue 19 item 4, issue 26 item 4): `npm pack`, the tarball
 * unpacked as a dependency, `import { ... } from "qar-allocator"` bundled by esbuild for the
 * browser (which fails on any Node built-in), and solves run in headless Chromium, with no
 * `Buffer` or `process` there: in the page, and in the package's Web Worker
 * (`qar-allocator/worker`, served beside `highs.wasm`) through `solveInWebWorker`. Packs the
 * built `dist/` (`npm run build` first; `npm ci` builds). CI installs Debian's chromium
 * (.ci/run); a machine without it skips these tests.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkAllocation } from "../../src/check.js";
import { readYearFolder } from "../../src/io/files.js";
import { solve } from "../../src/solver/index.js";
import { loadFactor } from "../helpers/load.js";
import { installPacked, ROOT } from "../helpers/packed.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TINY = join(ROOT, "fixtures/years/tiny");
const SMALL_TIGHT = join(ROOT, "fixtures/years/small-tight");
const ORIGIN = "http://qar.test";

const dir = mkdtempSync(join(tmpdir(), "qar-browser-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = `
import { parseYear, solve, solveInWebWorker, checkAllocation, InvalidInputError } from "qar-allocator";
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
// A solve whose errors come back as text (the page without highs.wasm).
window.trySolve = async (files) => {
  const year = parseYear(files);
  try {
    const result = await solve(year.value, { seed: 1 });
    return "solved: " + result.stoppedBy + " " + checkAllocation(year.value, result.allocation).metrics.filled.total;
  } catch (error) {
    return error.name + ": " + error.message;
  }
};
// In the package's Web Worker: how long the page's own timer goes without firing (the page stays
// free), the progress heard, and with abortAfterMs an abort that long after the first incumbent.
window.runInWorker = async (files, abortAfterMs) => {
  const year = parseYear(files);
  if (!year.ok) return { errors: year.errors };
  let last = performance.now();
  let longestStall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last);
    last = now;
  }, 10);
  const controller = new AbortController();
  let abortedAt;
  let progress = 0;
  try {
    const result = await solveInWebWorker("/worker.js", year.value, {
      seed: 1,
      signal: controller.signal,
      onProgress: () => (progress += 1),
      onIncumbent: () => {
        if (abortAfterMs !== undefined && abortedAt === undefined) {
          abortedAt = -1;
          setTimeout(() => {
            abortedAt = performance.now();
            controller.abort();
          }, abortAfterMs);
        }
      },
    });
    const answeredAfter = abortedAt > 0 ? performance.now() - abortedAt : undefined;
    clearInterval(timer);
    const check = checkAllocation(year.value, result.allocation);
    return { valid: check.valid, filled: check.metrics.filled.total, engine: result.engine, stoppedBy: result.stoppedBy, longestStall, progress, answeredAfter };
  } catch (error) {
    clearInterval(timer);
    return { error: String(error) };
  }
};
`;

const filesOf = (folder: string) => Object.fromEntries(["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"].map((f) => [f, readFileSync(join(folder, f), "utf8")]));

interface WorkerRun {
  readonly error?: string;
  readonly valid: boolean;
  readonly filled: number;
  readonly engine: string;
  readonly stoppedBy: string;
  readonly longestStall: number;
  readonly progress: number;
  readonly answeredAfter?: number;
}

describe.skipIf(!existsSync(CHROMIUM))("the packed package in a browser", () => {
  let browser: Browser;
  let page: Page;
  let assets: Record<string, { body: Buffer; type: string }>;
  const errors: string[] = [];

  beforeAll(async () => {
    const installed = installPacked(dir);
    expect(readdirSync(join(installed, "dist")).filter((f) => f.endsWith(".map"))).toEqual([]);
    writeFileSync(join(dir, "entry.js"), ENTRY);
    await build({ entryPoints: [join(dir, "entry.js")], bundle: true, platform: "browser", format: "esm", outfile: join(dir, "www", "bundle.js"), absWorkingDir: dir, logLevel: "silent" });
    assets = {
      "/": { body: Buffer.from('<!doctype html><script type="module" src="/bundle.js"></script>'), type: "text/html" },
      "/bundle.js": { body: readFileSync(join(dir, "www", "bundle.js")), type: "text/javascript" },
      // The package's files as a site serves them: the worker script with HiGHS beside it.
      "/worker.js": { body: readFileSync(join(installed, "dist", "worker.js")), type: "text/javascript" },
      "/highs.wasm": { body: readFileSync(join(installed, "dist", "highs.wasm")), type: "application/wasm" },
    };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route(`${ORIGIN}/**`, (route) => {
      const asset = assets[new URL(route.request().url()).pathname];
      return asset ? route.fulfill({ body: asset.body, contentType: asset.type }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);
    // Run in the page, where `globalThis` is its window.
    await page.waitForFunction(() => typeof (globalThis as unknown as { runSolve?: unknown }).runSolve === "function");
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("bundles with esbuild --platform=browser and solves the tiny year in headless Chromium", { timeout: 90_000 }, async () => {
    const outcome = (await page.evaluate((f) => (globalThis as unknown as { runSolve: (files: unknown) => Promise<unknown> }).runSolve(f), filesOf(TINY))) as {
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
  });

  it("without highs.wasm (a 404), solve rejects with a clear error, never fewer seats and solver-failed", { timeout: 90_000 }, async () => {
    const bare = await browser.newPage();
    await bare.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const asset = path === "/highs.wasm" ? undefined : assets[path];
      return asset ? route.fulfill({ body: asset.body, contentType: asset.type }) : route.fulfill({ status: 404 });
    });
    await bare.goto(`${ORIGIN}/`);
    await bare.waitForFunction(() => typeof (globalThis as unknown as { trySolve?: unknown }).trySolve === "function");
    const missing = (await bare.evaluate((f) => (globalThis as unknown as { trySolve: (files: unknown) => Promise<string> }).trySolve(f), filesOf(TINY))) as string;
    expect(missing).toMatch(/^SolverUnavailableError: HiGHS's WebAssembly could not be loaded from highs\.wasm beside the script .*useHighsWasm/);
    await bare.close();
  });

  it("solveInWebWorker runs solve in the package's Web Worker: the page stays free, progress comes, the seats Node fills, and an abort is answered at once with a valid allocation", { timeout: 90_000 }, async () => {
    const run = (folder: string, abortAfterMs?: number) =>
      page.evaluate(([f, after]) => (globalThis as unknown as { runInWorker: (files: unknown, after?: number) => Promise<unknown> }).runInWorker(f, after), [filesOf(folder), abortAfterMs] as const) as Promise<WorkerRun>;
    const whole = await run(TINY);
    expect(whole.error).toBeUndefined();
    expect(whole.valid).toBe(true);
    expect(whole.progress).toBeGreaterThan(0);
    const year = readYearFolder(TINY);
    if (!year.ok) throw new Error("tiny must read");
    const inNode = await solve(year.value, { seed: 1 });
    expect(whole.engine).toBe(inNode.engine);
    expect(whole.filled).toBe(inNode.check.metrics.filled.total);
    // The page's timer kept firing while the worker solved (HiGHS ran there, not here).
    expect(whole.longestStall).toBeLessThan(250 * loadFactor());

    const aborted = await run(SMALL_TIGHT, 300);
    expect(aborted.error).toBeUndefined();
    expect(aborted.valid).toBe(true);
    expect(aborted.stoppedBy).toBe("aborted");
    // 200 ms, and a margin of 100 ms for the test machine (more on a busy one).
    expect(aborted.answeredAfter).toBeLessThan(200 + 100 * loadFactor());
    expect(errors).toEqual([]);
  });
});
