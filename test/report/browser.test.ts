import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { renderReport } from "../../src/io/report-html.js";
import { indexYear } from "../../src/model/year.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

const CHROMIUM = "/usr/bin/chromium";
// CI installs Debian's chromium (.ci/run); on a machine without it this test cannot run.
const haveBrowser = existsSync(CHROMIUM);

describe("report.html in a headless browser", () => {
  it.skipIf(!haveBrowser && process.env.CI !== "true")("opens with no console errors and no network requests, and its charts render", async () => {
    const problem = randomYear(5, { reviews: 30, reviewersPerSchool: 1.4 });
    const result = await solve(problem, { engine: "greedy", seed: 1 });
    const html = renderReport({ year: indexYear(problem), allocation: result.allocation, check: checkAllocation(problem, result.allocation), solve: result });
    const dir = mkdtempSync(join(tmpdir(), "qar-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (request) => requests.push(request.url()));
      await page.goto(url);
      const boxes = await page.$$eval("svg", (svgs) => svgs.map((svg) => svg.getBoundingClientRect()).map((r) => r.width * r.height));
      expect(boxes.length).toBeGreaterThanOrEqual(3);
      for (const area of boxes) expect(area).toBeGreaterThan(0);
      // Sorting works: clicking "balance" reorders the ledger without an error.
      await page.click("text=balance");
      const screenshot = join(dir, "report.png");
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
