import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { renderReport } from "../../src/io/report/index.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation, HistoryEntry, LedgerYear } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { standings } from "../../src/years/ledger.js";
import { pathwayOf } from "../../src/years/pathway.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

const EVIL = `<img src=x onerror="alert(1)">`;
const peer = (year: string, personId: string): HistoryEntry => ({ year, reviewSchoolId: "C", personId, role: "peer" });
const ledgerRow = (year: string, schoolId: string, received: number, sent: number, carryOverAfter: number): LedgerYear => ({ year, schoolId, received, sent, balance: sent - received, carryOverAfter });

function year(extra: Partial<Problem> = {}): Problem {
  return {
    ...problem({
      schools: [school("A", { carryOver: 2 }), school("B", { carryOver: -1 }), school("C")],
      reviewers: [reviewer("P1", "B", { level: "reviewer", name: EVIL }), reviewer("P2", "B", { level: "trainee" }), reviewer("P3", "C", { level: "advanced" }), reviewer("P4", "C", { level: "reviewer" })],
      leads: [lead("L1")],
      reviews: [review("RA", "A", "2025-03-03", { seats: 2 })],
      history: [peer("2022-23", "P1"), peer("2023-24", "P1"), peer("2023-24", "P1"), peer("2023-24", "P3")],
    }),
    ...extra,
  };
}
const ALLOCATION: Allocation = { assignments: [{ reviewId: "RA", role: "lead", personId: "L1" }, { reviewId: "RA", role: "peer", personId: "P2" }, { reviewId: "RA", role: "peer", personId: "P3" }] };
const render = (p: Problem) => {
  const indexed = indexYear(p);
  return renderReport({ year: indexed, allocation: ALLOCATION, check: checkAllocation(indexed, ALLOCATION), explanation: explain(indexed, ALLOCATION) });
};
const attr = (html: string, name: string) => html.match(new RegExp(`data-pathway="${name}">(\\d+)<`))?.[1];

describe("report: the years", () => {
  it("counts the pathway as pathwayOf does: eligible, waiting, and the waiting placed by this allocation", () => {
    const p = year();
    const html = render(p);
    const rows = pathwayOf(p.reviewers, p.history, p.policy);
    expect(attr(html, "eligible")).toBe(String(rows.filter((r) => r.eligibleForAdvanced).length));
    expect(attr(html, "waiting")).toBe(String(rows.filter((r) => r.waitingForFirstReview).length));
    // P2 and P4 wait; P2 is placed.
    expect(attr(html, "waiting-placed")).toBe("1");
    expect(html).not.toContain(EVIL);
    expect(html).toContain("&lt;img src=x");
  });

  it("says so when there is no history, instead of calling everyone waiting", () => {
    const html = render(year({ history: [] }));
    expect(html).toContain("No history.csv");
    expect(attr(html, "waiting")).toBeUndefined();
  });

  it("shows each school's closed years, total and what it owes now, as standings computes them, only with a ledger", () => {
    expect(render(year())).not.toContain(`id="years"`);
    const ledgerYears = [ledgerRow("2022-23", "A", 2, 1, 1), ledgerRow("2023-24", "A", 3, 2, 2), ledgerRow("2023-24", "B", 0, 1, -1), ledgerRow("2022-23", "C", 0, 0, 0)];
    const html = render(year({ ledgerYears }));
    expect(html).toContain(`<a href="#years">`);
    for (const s of standings(ledgerYears)) {
      const row = html.match(new RegExp(`<tr data-school="${s.schoolId}">.*?</tr>`))?.[0] ?? "";
      expect(row).toContain(`data-total>${s.balance}<`);
      expect(row).toContain(`data-owes>${s.carryOver}<`);
    }
    expect(attr(html.replace(/data-years/g, "data-pathway"), "owing")).toBe("1");
    // Oldest year first in the header.
    expect(html.indexOf(">2022-23</th>")).toBeLessThan(html.indexOf(">2023-24</th>"));
  });
});
