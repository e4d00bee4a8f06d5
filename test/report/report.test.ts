import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { checkAllocation, emptySeatCounts, type CheckResult } from "../../src/check.js";
import { explain, explainSeats } from "../../src/explain.js";
import { escapeHtml, renderReport } from "../../src/io/report/index.js";
import type { Problem } from "../../src/model/problem.js";
import { indexYear } from "../../src/model/year.js";
import { solve, type SolveResult } from "../../src/solver/index.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
import { randomYear } from "../helpers/random-year.js";

const EVIL_SCHOOL = `<script>alert(1)</script> "Quoted" & 'Co'`;
const FORMULA_SCHOOL = `=HYPERLINK("http://x.example/","click")`;
const EVIL_HUB = `<b onmouseover="alert(2)">Hub</b>`;

/**
 * A small year with something on every part of the report: hostile names, a blank hub, a Lead
 * Reviewer too few (two reviews in one week), and a review no peer reviewer may serve.
 */
function plantedYear(): Problem {
  return problem({
    schools: [
      school("S1", { name: EVIL_SCHOOL, hub: EVIL_HUB, lat: 51.5, lon: -0.1 }),
      school("S2", { name: FORMULA_SCHOOL, hub: "North", lat: 51.6, lon: -0.2 }),
      school("S3", { name: "Oak Primary", hub: "South", lat: 51.4, lon: 0.1 }),
      school("S4", { name: "Elm Academy", hub: undefined, lat: 51.7, lon: 0.0 }),
      school("S5", { name: "Lonely School", hub: "Island", locality: "Isle" }),
    ],
    reviewers: [
      reviewer("P1", "S1", { name: `Ann <i>"the reviewer"</i>` }),
      reviewer("P2", "S2", { name: "Ben O'Neil" }),
      reviewer("P3", "S3"),
      reviewer("P4", "S4"),
      reviewer("P5", "S1", { level: "reviewer" }),
      reviewer("P6", "S2", { level: "trainee" }),
      // Everyone who could review S5 is in its locality.
    ],
    leads: [lead("L1", { name: `Lead <Lucy> & "Co"` }), lead("L2", { available: [{ from: "2024-03-18", to: "2024-03-31" }] })],
    reviews: [
      review("R1", "S1", "2024-03-04", { seats: 2 }),
      review("R2", "S2", "2024-03-04", { seats: 2 }),
      review("R3", "S3", "2024-03-18", { seats: 2 }),
      review("R4", "S4", "2024-03-25", { seats: 2 }),
      review("R5", "S5", "2024-04-15", { seats: 2 }),
    ],
  });
}

async function render(p: Problem): Promise<{ html: string; check: CheckResult; result: SolveResult }> {
  const result = await solve(p, { engine: "greedy", seed: 1, exactBound: false });
  const check = checkAllocation(p, result.allocation);
  const explanation = explain(result.year, result.allocation);
  return { html: renderReport({ year: result.year, allocation: result.allocation, check, solve: result, explanation, title: "Report of <the year>" }), check, result };
}

/** Every `data-metric` element of the page, by name (a name repeated must hold the same value). */
function metricsOf(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, value] of html.matchAll(/data-metric="([^"]+)">([^<]*)</g)) {
    if (found.has(name!)) expect(found.get(name!), `data-metric ${name} shown twice with different values`).toBe(value);
    found.set(name!, value!);
  }
  return found;
}

/** The checker's figure for every metric the report may show. */
function expectedMetrics(check: CheckResult, result?: SolveResult): Map<string, string> {
  const m = check.metrics;
  const r = m.reciprocity;
  const entries: [string, number | string][] = [
    ["filled", m.filled.total],
    ["seats", m.seats.total],
    ["leadFilled", m.filled.lead],
    ["leadSeats", m.seats.lead],
    ["peerFilled", m.filled.peer],
    ["peerSeats", m.seats.peer],
    ["fullTeams", m.fullTeams],
    ["reviews", m.reviews],
    ["inBalance", r.inBalance],
    ["meetingCommitment", r.meetingCommitment],
    ["schools", r.schools],
    ["withinTolerance", r.withinTolerance],
    ["tolerance", r.tolerance],
    ["totalDeviation", r.totalDeviation],
    ["worstDeviation", r.worstDeviation],
    ["peerPhaseMatched", m.phaseMatch.peers.matched],
    ["peersAssigned", m.phaseMatch.peers.assigned],
    ["leadPhaseMatched", m.phaseMatch.leads.matched],
    ["leadsAssigned", m.phaseMatch.leads.assigned],
    ["leadsWithoutPhases", m.phaseMatch.leads.noPhases],
    ["travelMeasured", m.travel.measured],
    ["meanTravelKm", m.travel.meanKm.toFixed(1)],
    ["totalTravelKm", Math.round(m.travel.totalKm)],
    ["preferencesHonoured", m.preferences.honoured],
    ["preferencesStated", m.preferences.stated],
    ["sameSchoolPairs", m.variety.sameSchoolPairs],
    ["reciprocalPairs", m.variety.reciprocalPairs],
    ["repeats", m.variety.repeats],
  ];
  if (result) {
    entries.push(
      ["bound", result.bound.filledSeats],
      ["leadBound", result.bound.leadSeats],
      ["peerBound", result.bound.peerSeats],
      ["deviationBound", result.bound.reciprocityDeviation],
      ["gapPercent", (100 * result.gap).toFixed(2)],
      ["boundMissing", result.bound.filledSeats - m.filled.total],
      ["seatsNeverFilled", m.seats.total - result.bound.filledSeats],
    );
  }
  return new Map(entries.map(([name, value]) => [name, String(value)]));
}

const REQUIRED = ["filled", "seats", "fullTeams", "reviews", "inBalance", "meetingCommitment", "schools"];

describe("report.html", () => {
  it("shows every headline number exactly as the checker computes it", async () => {
    for (const p of [plantedYear(), randomYear(1, { reviews: 24, reviewersPerSchool: 1.5 })]) {
      const { html, check, result } = await render(p);
      const shown = metricsOf(html);
      const expected = expectedMetrics(check, result);
      for (const name of [...REQUIRED, "bound"]) expect(shown.has(name), `data-metric ${name}`).toBe(true);
      for (const [name, value] of shown) {
        expect(expected.has(name), `data-metric ${name} is a checker figure`).toBe(true);
        expect(value, `data-metric ${name}`).toBe(expected.get(name));
      }
      expect(Number(shown.get("bound"))).toBe(result.bound.filledSeats);
    }
  });

  it("without a solve shows the checker's figures and no bound", async () => {
    const p = plantedYear();
    const { result } = await render(p);
    const year = indexYear(p);
    const check = checkAllocation(year, result.allocation);
    const html = renderReport({ year, allocation: result.allocation, check, explanation: explain(year, result.allocation) });
    const shown = metricsOf(html);
    expect(shown.has("bound")).toBe(false);
    for (const name of REQUIRED) expect(shown.get(name)).toBe(expectedMetrics(check).get(name));
  });

  it("colours the calendar by the checker's team status: full squares equal full teams", async () => {
    const { html, check } = await render(plantedYear());
    const count = (status: string) => Number(new RegExp(`data-status-count="${status}">(\\d+)<`).exec(html)?.[1]);
    expect(count("full")).toBe(check.metrics.fullTeams);
    expect(count("full") + count("short") + count("no-peers") + count("no-lead") + count("none")).toBe(check.metrics.reviews);
    expect(count("full")).toBeLessThan(check.metrics.reviews);
    // "No peer team" and "short of peers" are apart, and agree with the one count of empty seats.
    const counts = emptySeatCounts(indexYear(plantedYear()), check.unfilled);
    expect(count("short")).toBeLessThanOrEqual(counts.shortOfPeers);
    expect(count("no-peers") + count("none")).toBe(counts.noPeerTeam);
    expect(count("no-lead") + count("none")).toBe(counts.withoutLead);
    expect(Number(/data-short-reviews="(\d+)"/.exec(html)?.[1])).toBe(counts.reviews);
    expect(check.metrics.reviews - count("full")).toBe(counts.reviews);
  });

  it("loads nothing from the network: no external scripts, styles, images, fonts or frames", async () => {
    const { html } = await render(randomYear(2, { reviews: 20, reviewersPerSchool: 1.5 }));
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/@import|url\(|@font-face/i);
    expect(html).not.toMatch(/\b(src|href|xlink:href)\s*=\s*["']?\s*(https?:)?\/\//i);
    // Every link is an anchor within the page.
    for (const [, target] of html.matchAll(/href="([^"]*)"/g)) expect(target).toMatch(/^#/);
    expect((html.match(/<script\b/g) ?? []).length).toBe(1);
    expect((html.match(/<svg\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).toMatch(/@media print/);
  });

  it("escapes every user text: a school called <script> or =HYPERLINK stays inert text", async () => {
    const { html } = await render(plantedYear());
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b onmouseover");
    expect(html).not.toContain("<i>");
    expect(html).not.toContain("<Lucy>");
    expect(html).toContain(escapeHtml(EVIL_SCHOOL));
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Quoted&quot; &amp; &#39;Co&#39;");
    expect(html).toContain("=HYPERLINK(&quot;http://x.example/&quot;,&quot;click&quot;)");
    expect(html).toContain(escapeHtml(EVIL_HUB));
    expect(html).toContain("Ben O&#39;Neil");
    expect(html).toContain("<title>Report of &lt;the year&gt;</title>");
    // The only script element is the report's own sorter, and it names no user text.
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).not.toMatch(/alert|HYPERLINK/);
  });

  it("explains every unfilled seat with the explainer's reason and funnel", async () => {
    const p = plantedYear();
    const { html, check, result } = await render(p);
    const year = indexYear(p);
    expect(check.unfilled.length).toBeGreaterThan(0);
    for (const seat of check.unfilled) {
      const e = explainSeats(year, result.allocation, { review: year.reviewById.get(seat.reviewId)!, role: seat.role, missing: seat.missing });
      expect(html).toContain(escapeHtml(e.reason));
      const steps = e.funnel.map((step) => `<span class="rule">${escapeHtml(step.rule)}</span> <span class="n">${step.remaining}</span>`).join("");
      expect(html.replace(/<\/li><li[^>]*>/g, "")).toContain(steps);
    }
    // The report only formats: the explanation handed in is what it shows, word for word.
    const given = explain(year, result.allocation);
    const marked = { ...given, seats: given.seats.map((s) => ({ ...s, reason: `handed-in reason for ${s.reviewId} <${s.role}>` })) };
    const shown = renderReport({ year, allocation: result.allocation, check, solve: result, title: "Report of <the year>", explanation: marked });
    for (const seat of check.unfilled) expect(shown).toContain(escapeHtml(`handed-in reason for ${seat.reviewId} <${seat.role}>`));
  });

  it("draws the hub-to-hub matrix from the peer places, with (no hub) for blank hubs", async () => {
    const p = plantedYear();
    const { html, result } = await render(p);
    const year = indexYear(p);
    const graph = new Graph({ type: "directed" });
    const hubOf = (hub: string | undefined) => hub ?? "(no hub)";
    for (const a of result.allocation.assignments.filter((x) => x.role === "peer")) {
      const from = hubOf(year.people.peer.get(a.personId)!.school!.hub);
      const to = hubOf(year.reviewById.get(a.reviewId)!.host.hub);
      graph.mergeNode(from);
      graph.mergeNode(to);
      graph.updateEdge(from, to, (attr) => ({ places: ((attr.places as number | undefined) ?? 0) + 1 }));
    }
    expect(graph.size).toBeGreaterThan(0);
    graph.forEachEdge((_e, attr, from, to) => {
      const places = attr.places as number;
      expect(html).toContain(escapeHtml(`${from} → ${to}: ${places} place${places === 1 ? "" : "s"}`));
    });
    expect(html).toContain("(no hub)");
  });

  it("orders team cards by start date then review id, and lists every school in the ledger", async () => {
    const p = randomYear(3, { reviews: 30, reviewersPerSchool: 1.5 });
    const { html, check } = await render(p);
    const year = indexYear(p);
    const cards = [...html.matchAll(/<article class="team" id="team-([^"]+)"/g)].map((m) => m[1]);
    const expected = [...year.reviews].sort((a, b) => a.span.from - b.span.from || (a.id < b.id ? -1 : 1)).map((r) => r.id);
    expect(cards).toEqual(expected);
    const ledger = html.slice(html.indexOf('<section id="ledger">'));
    expect((ledger.match(/<tr>/g) ?? []).length).toBe(check.ledger.length + 1);
  });

  it("is the same bytes for the same input", async () => {
    const first = await render(randomYear(4, { reviews: 20, reviewersPerSchool: 1.5 }));
    const second = await render(randomYear(4, { reviews: 20, reviewersPerSchool: 1.5 }));
    expect(second.html).toBe(first.html);
    const year = indexYear(randomYear(4, { reviews: 20, reviewersPerSchool: 1.5 }));
    const explanation = explain(year, first.result.allocation);
    const again = renderReport({ year, allocation: first.result.allocation, check: first.check, solve: first.result, explanation, title: "Report of <the year>" });
    expect(again).toBe(first.html);
  });

  it("stays small on a 400-review year", async () => {
    const { html } = await render(randomYear(1, { reviews: 400 }));
    expect(Buffer.byteLength(html)).toBeLessThan(1_500_000);
  });
});
