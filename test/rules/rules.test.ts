import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import type { Assignment, Problem } from "../../src/index.js";
import { RULES } from "../../src/rules/index.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

/**
 * One clean and one violating case per hard rule, titled with the rule's id. The base year:
 * school A hosts RA (2 seats) from 2024-03-04; B and C send reviewers; L1 leads.
 */
const base = (extra: Partial<Problem> & { policy?: Record<string, unknown> } = {}): Problem =>
  problem({
    schools: [school("A", { lat: 51.5, lon: -0.1 }), school("B", { lat: 52.5, lon: -1.9 }), school("C", { lat: 53.4, lon: -2.2 }), ...(extra.schools ?? [])],
    reviewers: [reviewer("PB", "B"), reviewer("PC", "C", { level: "reviewer" }), ...(extra.reviewers ?? [])],
    leads: [lead("L1"), ...(extra.leads ?? [])],
    reviews: [review("RA", "A", "2024-03-04", { seats: 2 }), ...(extra.reviews ?? [])],
    ...(extra.policy ? { policy: extra.policy } : {}),
  });
const seat = (reviewId: string, role: "lead" | "peer", personId: string): Assignment => ({ reviewId, role, personId });
const clean = [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PC")];

const cases: Record<string, { year: Problem; allocation: Assignment[]; expect: { reviewId?: string; personId?: string } }> = {
  "known-people": { year: base(), allocation: [...clean, seat("RA", "lead", "PB")], expect: { reviewId: "RA", personId: "PB" } },
  "own-school": { year: base({ reviewers: [reviewer("PA", "A")] }), allocation: [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PA")], expect: { reviewId: "RA", personId: "PA" } },
  "same-hub": { year: base({ schools: [school("D", { hub: "H-A", lat: 54, lon: -1 })], reviewers: [reviewer("PD", "D")] }), allocation: [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PD")], expect: { reviewId: "RA", personId: "PD" } },
  "same-locality": { year: base({ schools: [school("D", { locality: "L-A", lat: 54, lon: -1 })], reviewers: [reviewer("PD", "D")] }), allocation: [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PD")], expect: { reviewId: "RA", personId: "PD" } },
  "same-trust": { year: problem({ schools: [school("A", { trust: "T1" }), school("B", { trust: "t1 " }), school("C")], reviewers: [reviewer("PB", "B"), reviewer("PC", "C")], leads: [lead("L1")], reviews: [review("RA", "A", "2024-03-04", { seats: 2 })] }), allocation: clean, expect: { reviewId: "RA", personId: "PB" } },
  distance: { year: base({ schools: [school("D", { lat: 51.51, lon: -0.11 })], reviewers: [reviewer("PD", "D")] }), allocation: [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PD")], expect: { reviewId: "RA", personId: "PD" } },
  availability: { year: base({ reviewers: [reviewer("PX", "C", { available: [{ from: "2024-03-04", to: "2024-03-05" }] })] }), allocation: [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PX")], expect: { reviewId: "RA", personId: "PX" } },
  "home-review": { year: base({ reviews: [review("RC", "C", "2024-03-05", { seats: 1 })] }), allocation: clean, expect: { reviewId: "RA", personId: "PC" } },
  conflicts: { year: base({ reviewers: [reviewer("PX", "C", { conflicts: ["A"] })] }), allocation: [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PX")], expect: { reviewId: "RA", personId: "PX" } },
  overlap: { year: base({ schools: [school("D", { lat: 50, lon: -4 })], reviews: [review("RD", "D", "2024-03-06", { seats: 1 })], reviewers: [reviewer("PB2", "B", { maxReviews: 2 })] }), allocation: [...clean, seat("RD", "peer", "PB"), seat("RD", "lead", "L1")], expect: { personId: "L1" } },
  capacity: { year: base({ schools: [school("D", { lat: 50, lon: -4 })], reviews: [review("RD", "D", "2024-04-08", { seats: 1 })] }), allocation: [...clean, seat("RD", "lead", "L1"), seat("RD", "peer", "PB")], expect: { personId: "PB" } },
  "team-size": { year: base({ schools: [school("D", { lat: 54, lon: -1 })], reviewers: [reviewer("PD", "D")] }), allocation: [...clean, seat("RA", "peer", "PD")], expect: { reviewId: "RA" } },
  "one-lead": { year: base({ leads: [lead("L2")] }), allocation: [...clean, seat("RA", "lead", "L2")], expect: { reviewId: "RA" } },
  "advanced-seat": { year: base(), allocation: [seat("RA", "lead", "L1"), seat("RA", "peer", "PC")], expect: { reviewId: "RA" } },
};

describe.each(RULES.map((rule) => rule.id))("%s", (id) => {
  const c = cases[id]!;
  it("has a case in this file", () => expect(c).toBeDefined());

  it("passes the clean allocation", () => {
    expect(checkAllocation(base(), { assignments: clean }).violations).toEqual([]);
  });

  it("reports the planted violation under its own id, naming review and person", () => {
    const found = checkAllocation(c.year, { assignments: c.allocation }).violations.filter((v) => v.rule === id);
    expect(found.length).toBeGreaterThan(0);
    const v = found[0]!;
    if (c.expect.reviewId) expect(v.reviewId).toBe(c.expect.reviewId);
    if (c.expect.personId) expect(v.personId).toBe(c.expect.personId);
    expect(v.message.length).toBeGreaterThan(10);
  });
});

describe("clarified edge cases", () => {
  it("blank hubs equal nothing, another blank included", () => {
    const year = problem({ schools: [school("A", { hub: "" }), school("B", { hub: "" })], reviewers: [reviewer("PB", "B")], leads: [lead("L1")], reviews: [review("RA", "A", "2024-03-04", { seats: 1 })] });
    expect(checkAllocation(year, { assignments: [seat("RA", "peer", "PB")] }).violations).toEqual([]);
  });

  it("an empty Lead seat is unfilled, not a violation; a team with no peers breaks nothing", () => {
    const result = checkAllocation(base(), { assignments: [] });
    expect(result.violations).toEqual([]);
    expect(result.unfilled.map((u) => `${u.role}:${u.missing}`)).toEqual(["lead:1", "peer:2"]);
  });

  it("availability ranges that touch are joined; back-to-back reviews do not overlap", () => {
    const year = base({
      schools: [school("D", { lat: 50, lon: -4 })],
      reviews: [review("RD", "D", "2024-03-07", { seats: 1 })],
      reviewers: [reviewer("PX", "C", { maxReviews: 2, available: [{ from: "2024-03-04", to: "2024-03-05" }, { from: "2024-03-06", to: "2024-03-09" }] })],
    });
    expect(checkAllocation(year, { assignments: [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PX"), seat("RD", "peer", "PX"), seat("RD", "lead", "L1")] }).violations.filter((v) => v.rule !== "advanced-seat")).toEqual([]);
  });

  it("minDistanceKm 0 turns the distance rule off", () => {
    const c = cases.distance!;
    const off = { ...c.year, policy: { ...c.year.policy, minDistanceKm: 0 } };
    expect(checkAllocation(off, { assignments: c.allocation }).violations.filter((v) => v.rule === "distance")).toEqual([]);
  });
});
