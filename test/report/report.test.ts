import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { renderReport } from "../../src/io/report-html.js";
import { indexYear } from "../../src/model/year.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

async function report(seed: number, mutate?: (p: ReturnType<typeof randomYear>) => ReturnType<typeof randomYear>) {
  const base = randomYear(seed, { reviews: 20, reviewersPerSchool: 1.5 });
  const problem = mutate ? mutate(base) : base;
  const result = await solve(problem, { engine: "greedy", seed: 1 });
  const check = checkAllocation(problem, result.allocation);
  return { html: renderReport({ year: indexYear(problem), allocation: result.allocation, check, solve: result }), check, result };
}

const metric = (html: string, name: string) => Number(new RegExp(`data-metric="${name}">(\\d+)<`).exec(html)?.[1]);

describe("report.html", () => {
  it("shows every headline number exactly as the checker computes it", async () => {
    const { html, check, result } = await report(1);
    const m = check.metrics;
    expect(metric(html, "filled")).toBe(m.filled.total);
    expect(metric(html, "seats")).toBe(m.seats.total);
    expect(metric(html, "leadFilled")).toBe(m.filled.lead);
    expect(metric(html, "peerFilled")).toBe(m.filled.peer);
    expect(metric(html, "fullTeams")).toBe(m.fullTeams);
    expect(metric(html, "reviews")).toBe(m.reviews);
    expect(metric(html, "inBalance")).toBe(m.reciprocity.inBalance);
    expect(metric(html, "meetingCommitment")).toBe(m.reciprocity.meetingCommitment);
    expect(metric(html, "schools")).toBe(m.reciprocity.schools);
    expect(metric(html, "phaseMatched")).toBe(m.phaseMatch.matched);
    expect(metric(html, "bound")).toBe(result.bound.filledSeats);
  });

  it("loads nothing from the network: no external scripts, styles, images or fonts", async () => {
    const { html } = await report(2);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it("escapes names: a school called <script> or =HYPERLINK stays inert text", async () => {
    const { html } = await report(3, (p) => ({
      ...p,
      schools: p.schools.map((s, i) => (i === 0 ? { ...s, name: `<script>alert("x")</script>` } : i === 1 ? { ...s, name: `=HYPERLINK("x") & 'y'` } : s)),
    }));
    expect(html).not.toContain(`<script>alert`);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("=HYPERLINK(&quot;x&quot;) &amp; &#39;y&#39;");
  });

  it("is the same bytes for the same input", async () => {
    expect((await report(4)).html).toBe((await report(4)).html);
  });
});
