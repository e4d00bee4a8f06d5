import { describe, expect, it } from "vitest";
import { generateYear, smallMixedSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { renderReport } from "../../src/io/report/index.js";
import { solveOutputs } from "../../src/io/write-outputs.js";
import { indexYear } from "../../src/model/year.js";
import { personCalendars } from "../../src/season/calendar.js";
import { lettersOf } from "../../src/season/letters.js";
import { noticesOf } from "../../src/season/notices.js";
import { solve } from "../../src/solver/index.js";
import { lead, problem, reviewer, school } from "../helpers/build.js";
import { leadSeat, peerSeat } from "../rules/fixture.js";

// explain, the output files and the report for a year with kinds.

/** A TPR of trust OAK (6 seats): trust leaders PB1, PB2 of ELM and PC of ASH; an MLQAR at M1 (hub H) with nobody to serve it. */
const year = () =>
  problem({
    schools: [school("A", { trust: "OAK" }), school("B1", { trust: "ELM" }), school("B2", { trust: "ELM" }), school("C", { trust: "ASH" }), school("M1", { hub: "H" }), school("M2", { hub: "X" })],
    reviews: [
      { id: "T1", kind: "tpr", trustId: "OAK", start: "2024-03-04", days: 3 },
      { id: "M1", kind: "mlqar", schoolId: "M1", start: "2024-03-11", days: 3, seats: 1 },
    ],
    reviewers: [reviewer("PB1", "B1", { kinds: ["tpr"] }), reviewer("PB2", "B2", { kinds: ["tpr"] }), reviewer("PC", "C", { kinds: ["tpr"] }), reviewer("PM", "M2", { kinds: ["mlqar"] })],
    leads: [lead("LT", { kinds: ["tpr"] })],
  });
const allocation = { assignments: [leadSeat("T1", "LT"), peerSeat("T1", "PB1"), peerSeat("T1", "PC")] };

describe("explain in a year with kinds", () => {
  it("funnels name the rules of the seat's kind: review-kind and the trust cap for a TPR, host-hub for an MLQAR", () => {
    const { seats } = explain(year(), allocation);
    const funnel = (reviewId: string, role: string) => seats.find((s) => s.reviewId === reviewId && s.role === role)!.funnel.map((step) => step.rule);
    expect(funnel("T1", "peer")).toEqual(["reviewers", "review-kind", "same-trust", "availability", "home-review", "conflicts", "no-repeat", "capacity", "max-per-trust"]);
    expect(funnel("M1", "peer")).toEqual(["reviewers", "review-kind", "own-school", "host-hub", "availability", "home-review", "conflicts", "no-repeat", "capacity", "advanced-level"]);
    expect(funnel("M1", "lead")).toEqual(["lead-reviewers", "review-kind", "availability", "conflicts", "capacity"]);
  });

  it("says when the trust cap is what keeps the last free trust leader off, and whom to recruit", () => {
    const t1 = explain(year(), allocation).seats.find((s) => s.reviewId === "T1")!;
    expect(t1.funnel.slice(-2)).toEqual([{ rule: "capacity", remaining: 1 }, { rule: "max-per-trust", remaining: 0 }]);
    expect(t1.reason).toContain("max-per-trust");
    expect(t1.remedies.join(" ")).toContain("who serves tpr reviews");
    expect(t1.remedies.join(" ")).toContain("from outside the trust OAK");
    const m1 = explain(year(), allocation).seats.find((s) => s.reviewId === "M1" && s.role === "peer")!;
    expect(m1.reason).toContain("host-hub");
    expect(m1.remedies.join(" ")).toContain("from the H hub (not M1 itself)");
  });
});

describe("output files and the report in a year with kinds", () => {
  it("allocation.csv and unfilled.csv add kind and host trust, a TPR's host school is blank; trust-ledger.csv and summary.json's trust figures appear", async () => {
    const result = await solve(year(), { seed: 1, engine: "greedy", exactBound: false });
    expect(checkAllocation(year(), result.allocation).valid).toBe(true);
    const files = solveOutputs(result, explain(result.year, result.allocation));
    const rows = files["allocation.csv"]!.trim().split("\n");
    expect(rows[0]).toBe("review_id,host_school_id,start,end,role,person_id,person_name,person_school_id,level,status,sequence,kind,host_trust_id");
    expect(rows.filter((row) => row.startsWith("T1,"))).toEqual(expect.arrayContaining([expect.stringMatching(/^T1,,2024-03-04,2024-03-06,lead,LT,.*,tpr,OAK$/)]));
    expect(files["unfilled.csv"]!.split("\n")[0]).toBe("\uFEFFreview_id,host_school_id,role,missing,reason,kind,host_trust_id");
    expect(files["unfilled.csv"]).toMatch(/\nM1,M1,peer,1,.*,mlqar,\n/);
    expect(files["trust-ledger.csv"]!.split("\n").slice(0, 2)).toEqual(["\uFEFFtrust_id,seats_received,places_sent,balance,target", "ASH,0,1,1,0"]);
    const summary = JSON.parse(files["summary.json"]!) as { trustReciprocity: { trusts: number; totalDeviation: number } };
    expect(summary.trustReciprocity.trusts).toBe(3);
    expect(summary.trustReciprocity.totalDeviation).toBe(result.check.metrics.trustReciprocity!.totalDeviation);
  });

  it("the report shows each card's kind, round calendar squares for other kinds, and a section of the other kinds with the trusts' ledger", () => {
    const indexed = indexYear(year());
    const html = renderReport({ year: indexed, allocation, check: checkAllocation(indexed, allocation), explanation: explain(indexed, allocation) });
    expect(html).toContain('<a href="#kinds">Kinds</a>');
    expect(html).toContain('<section id="kinds"><h2>Trust Peer Reviews and other kinds</h2>');
    expect(html).toMatch(/<span title="Trust Peer Review">TPR<\/span> · trust OAK/);
    expect(html).toMatch(/rx="6.5"[^>]*><title>TPR T1 trust OAK/);
    expect(html).toContain("<h3>Trust reciprocity</h3>");
    // Target, seats received (the peers placed at its TPR), places sent, balance.
    expect(html).toMatch(/<td data-v="OAK">OAK<\/td><td class="num">6<\/td><td class="num">\d+<\/td><td class="num">0<\/td><td class="num owe">-6<\/td>/);
  });

  it("a year of QARs keeps its files: no kind columns, no trust ledger, no kinds section", async () => {
    const plain = generateYear({ ...smallMixedSpec(1, 8), kinds: undefined }).problem;
    const result = await solve(plain, { seed: 1, engine: "greedy", exactBound: false });
    expect(result.year.mixed).toBe(false);
    const files = solveOutputs(result, explain(result.year, result.allocation));
    expect(files["allocation.csv"]!.split("\n")[0]).toBe("\uFEFFreview_id,host_school_id,start,end,role,person_id,person_name,person_school_id,level,status,sequence");
    expect(Object.keys(files)).not.toContain("trust-ledger.csv");
    expect(files["summary.json"]).not.toContain("trustReciprocity");
    expect(files["report.html"]).not.toContain('id="kinds"');
  });
});

describe("the season's messages in a year with kinds", () => {
  it("a TPR's team change is told to its trust; calendar entries name the kind; a school's letter lists only what it hosts itself", () => {
    const indexed = indexYear(year());
    const after = { assignments: [...allocation.assignments, peerSeat("T1", "PB2")] };
    const notices = noticesOf({ year: indexed, allocation }, { year: indexed, allocation: after });
    expect(notices.map((n) => [n.recipientType, n.recipientId, n.change])).toEqual([
      ["reviewer", "PB2", "added"],
      ["trust", "OAK", "team-changed"],
    ]);
    const calendar = personCalendars({ year: indexed, allocation }).find((c) => c.personId === "PC")!;
    expect(calendar.events[0]!.summary).toBe("Trust Peer Review: OAK (T1), peer reviewer");
    expect(calendar.events[0]!.description).toContain("Trust Peer Review T1 at OAK");
    const letters = lettersOf({ year: indexed, allocation });
    expect(letters.some((l) => l.recipientId === "OAK")).toBe(false);
    expect(letters.find((l) => l.recipientId === "C")!.sending.join(" ")).toContain("the Trust Peer Review of OAK");
  });
});
