import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { renderReport } from "../../src/io/report/index.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

// CI installs Debian's chromium (.ci/run); a machine without it skips this test.
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// Set QAR_REPORT_KEEP=1 to keep the report and its screenshot (the path is printed).
const keep = process.env.QAR_REPORT_KEEP === "1";

describe("report.html in a headless browser", () => {
  it.skipIf(!existsSync(CHROMIUM))("opens with no console errors and no network requests, and its charts render", { timeout: 30_000 }, async () => {
    const base = randomYear(5, { reviews: 40, reviewersPerSchool: 1.4 });
    // A hostile name must stay text: a script that ran would open a dialog.
    const problem = { ...base, schools: base.schools.map((s, i) => (i === 0 ? { ...s, name: `<script>alert("x")</script><img src="http://example.com/x.png">` } : s)) };
    const result = await solve(problem, { engine: "greedy", seed: 1 });
    const check = checkAllocation(problem, result.allocation);
    expect(check.unfilled.length).toBeGreaterThan(0);
    const html = renderReport({ year: result.year, allocation: result.allocation, check, solve: result, explanation: explain(result.year, result.allocation) });
    const dir = mkdtempSync(join(tmpdir(), "qar-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const errors: string[] = [];
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (request) => requests.push(request.url()));
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(url, { waitUntil: "load" });

      const boxes = await page.$$eval("svg", (svgs) => svgs.map((svg) => svg.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height })));
      expect(boxes.length).toBeGreaterThanOrEqual(3);
      for (const box of boxes) expect(box.width * box.height).toBeGreaterThan(0);
      // The charts have their marks: squares in the calendar, bars, matrix cells.
      expect(await page.locator("#calendar svg rect").count()).toBeGreaterThanOrEqual(check.metrics.reviews);
      expect(await page.locator("#reciprocity svg rect").count()).toBeGreaterThan(0);
      expect(await page.locator("#hubs svg rect").count()).toBeGreaterThan(0);
      // The hostile name is on the page as text.
      expect(await page.locator("#ledger").textContent()).toContain(`<script>alert("x")</script>`);

      // Sorting: twice on "balance" gives descending order.
      const balances = async () => (await page.locator("#ledger tbody tr td:nth-child(6)").allTextContents()).map(Number);
      const before = await balances();
      expect(before).toEqual([...before].sort((a, b) => a - b));
      const heading = page.locator("#ledger th", { hasText: "balance" });
      await heading.click();
      await heading.click();
      expect(await balances()).toEqual([...before].sort((a, b) => b - a));

      const screenshot = join(dir, "report.png");
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
      expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG");
      if (keep) console.log(`report and screenshot kept in ${dir}`);

      expect(errors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  });
});
