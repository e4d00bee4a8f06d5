import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { renderReport } from "../../src/io/report/index.js";
import { summaryTable } from "../../src/io/terminal.js";
import { solve } from "../../src/solver/index.js";
import { fixtureYear } from "../helpers/years.js";

describe("the goals in words", () => {
  it("the terminal and the report say each goal with how far these seats let it go, from the result's own figures", async () => {
    const problem = fixtureYear("tiny");
    const result = await solve(problem, { seed: 1 });
    const check = checkAllocation(problem, result.allocation);
    expect(check.violations).toEqual([]);
    const phase = result.goals.find((g) => g.id === "phase")!;
    const filled = check.metrics.filled.total;
    expect(phase.best).toBeDefined();
    const line = `phase match ${((100 * (filled - phase.value)) / filled).toFixed(1)}% of seats, Lead Reviewers' included (at most ${((100 * (filled - phase.best!)) / filled).toFixed(1)}% possible with these seats)`;
    expect(summaryTable(check, result)).toContain(line);
    const html = renderReport({ year: result.year, allocation: result.allocation, check, solve: result, explanation: explain(result.year, result.allocation) });
    const words = /<ul class="goal-words">(.*?)<\/ul>/s.exec(html)?.[1] ?? "";
    expect(words).toContain(`<li>${line.replaceAll("'", "&#39;")}</li>`);
    // Not a degenerate year: some seats match the host's phase.
    expect(phase.value).toBeLessThan(filled);
    // Plain words: no solver's terms on the page.
    expect(words).not.toMatch(/\b(lns|mip|flow|lp|bound-met)\b/i);
  });
});
