/**
 * Dates in the pages as people in England write them (issue 28): report.html and plan.html show
 * "Tue 7 Oct 2025", never 2025-10-07 (the CSV files and data attributes keep ISO dates). The
 * pages are read as a person sees them: their text in Chromium (where installed; CI installs it),
 * and the same text with the tags taken out everywhere.
 */
import { existsSync } from "node:fs";
import fc from "fast-check";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain.js";
import { readYearFolder } from "../../src/io/files.js";
import { readDate } from "../../src/io/read-date.js";
import { renderPlan } from "../../src/io/report-plan.js";
import { renderReport } from "../../src/io/report/index.js";
import { formatUkDay, parseDay } from "../../src/model/dates.js";
import { plan } from "../../src/plan/index.js";
import { solve } from "../../src/solver/index.js";
import { checkAllocation } from "../../src/check.js";
import { pushedYear } from "../helpers/windows.js";

const CHROMIUM = "/usr/bin/chromium";
const TINY = new URL("../../fixtures/years/tiny", import.meta.url).pathname;
const ISO = /\b\d{4}-\d{2}-\d{2}\b/;
const UK = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/;

/** What a reader sees of a page without a browser: the body's text, tags, styles and tooltips taken out. */
const visibleText = (html: string) =>
  html
    .replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&");

async function pages(): Promise<{ report: string; plan: string; firstSpan: string; moveFrom: string }> {
  const year = readYearFolder(TINY);
  if (!year.ok) throw new Error("tiny must read");
  const result = await solve(year.value, { seed: 1, exactBound: false });
  const check = checkAllocation(year.value, result.allocation);
  expect(check.valid).toBe(true);
  const report = renderReport({ year: result.year, allocation: result.allocation, check, solve: result, explanation: explain(result.year, result.allocation) });
  const first = result.year.reviews[0]!;
  const { problem } = pushedYear(3, 8, 2);
  const planned = await plan(problem, { exact: false });
  expect(planned.moves.length).toBeGreaterThan(0);
  return {
    report,
    plan: renderPlan(planned),
    firstSpan: `${formatUkDay(first.span.from)} – ${formatUkDay(first.span.to)}`,
    moveFrom: formatUkDay(parseDay(planned.moves[0]!.fromStart)!),
  };
}

describe("UK dates in pages", () => {
  it("formatUkDay writes Tue 7 Oct 2025, and the CSV reader reads it back as the same day (property)", () => {
    expect(formatUkDay(parseDay("2025-10-07")!)).toBe("Tue 7 Oct 2025");
    expect(formatUkDay(parseDay("2024-02-29")!, { weekday: false })).toBe("29 Feb 2024");
    fc.assert(
      fc.property(fc.integer({ min: 10_957, max: 47_482 }), (day) => {
        expect(readDate(formatUkDay(day))).toMatchObject({ day });
        expect(readDate(formatUkDay(day, { weekday: false }))).toMatchObject({ day });
      }),
    );
  });

  it("report.html and plan.html show no ISO date; the report shows each review's span, the plan each move, the UK way", async () => {
    const { report, plan: planPage, firstSpan, moveFrom } = await pages();
    for (const [name, html] of [["report.html", report], ["plan.html", planPage]] as const) {
      expect(visibleText(html), name).not.toMatch(ISO);
      expect(visibleText(html), name).toMatch(UK);
    }
    expect(visibleText(report)).toContain(firstSpan);
    expect(visibleText(planPage)).toContain(moveFrom);

    if (!existsSync(CHROMIUM)) return;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      for (const [name, html] of [["report.html", report], ["plan.html", planPage]] as const) {
        const page = await browser.newPage();
        await page.setContent(html);
        const text = await page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
        expect(text, name).not.toMatch(ISO);
        expect(text, name).toMatch(UK);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
