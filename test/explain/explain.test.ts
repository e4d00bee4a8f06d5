import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { deficiencies, explain } from "../../src/explain.js";
import { indexYear, type ReviewInfo, type Year } from "../../src/model/year.js";
import { allowedPair } from "../../src/rules/index.js";
import { solve } from "../../src/solver/index.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
import { randomYear } from "../helpers/random-year.js";

/** Most reviews of a list one person can sit on with no two sharing a day (earliest end first). */
function mostApart(reviews: readonly ReviewInfo[]): number {
  let count = 0;
  let end = -Infinity;
  for (const r of [...reviews].sort((a, b) => a.span.to - b.span.to)) {
    if (r.span.from > end) {
      count += 1;
      end = r.span.to;
    }
  }
  return count;
}

/**
 * A peer certificate's figures recounted from the year and the pair rules: the listed reviews'
 * seats, the reviewers who may serve any of them, what those reviewers can give there (their
 * maximum, their reviews there that do not overlap), and the seats that must stay empty.
 */
function recount(year: Year, reviewIds: readonly string[]): { seats: number; people: number; capacity: number; shortfall: number } {
  const listed = year.reviews.filter((r) => reviewIds.includes(r.id));
  const seats = listed.reduce((n, r) => n + r.peerSeats, 0);
  let people = 0;
  let capacity = 0;
  for (const person of year.reviewers) {
    const serves = listed.filter((r) => allowedPair(year, person, r));
    if (serves.length === 0 || person.maxReviews === 0) continue;
    people += 1;
    capacity += Math.min(person.maxReviews, mostApart(serves));
  }
  return { seats, people, capacity, shortfall: seats - capacity };
}

describe("explain", () => {
  it("names the rule that removes the last candidate", async () => {
    const year = problem({
      schools: [school("A", { hub: "H1" }), school("B", { hub: "H1" })],
      reviewers: [reviewer("PB", "B")],
      leads: [lead("L1")],
      reviews: [review("RA", "A", "2024-03-04")],
    });
    const result = await solve(year, { seed: 1 });
    const { seats } = explain(year, result.allocation);
    const peer = seats.find((s) => s.role === "peer")!;
    expect(peer.missing).toBe(2);
    expect(peer.reason).toContain("same-hub");
    expect(peer.funnel.map((s) => s.rule)).toEqual(["reviewers", "own-school", "same-hub", "same-locality", "same-trust", "distance", "availability", "home-review", "conflicts", "no-repeat", "capacity", "advanced-level"]);
    expect(peer.funnel.find((s) => s.rule === "same-hub")!.remaining).toBe(0);
    expect(peer.remedies.join(" ")).toContain("outside the H1 hub");
  });

  it("counts the free advanced reviewers last when the team still needs one", async () => {
    const year = problem({
      schools: [school("A"), school("B"), school("C")],
      reviewers: [reviewer("PB", "B"), reviewer("PC", "C", { level: "reviewer" })],
      leads: [lead("L1")],
      reviews: [review("RA", "A", "2024-03-04", { seats: 1 }), review("RB", "B", "2024-03-18", { seats: 1 })],
    });
    // PB (advanced) can serve RA only; PC (not advanced) can serve RA and RB. Put PB nowhere.
    const allocation = { assignments: [{ reviewId: "RA", role: "lead" as const, personId: "L1" }] };
    expect(checkAllocation(year, allocation).valid).toBe(true);
    const { seats } = explain(year, allocation);
    const ra = seats.find((s) => s.reviewId === "RA" && s.role === "peer")!;
    expect(ra.funnel.at(-1)).toEqual({ rule: "advanced-level", remaining: 1 });
  });

  it("says when the advanced seat is what is missing, and suggests a move that fills it", () => {
    // RA needs an advanced peer. PN is free but not advanced; PB is advanced but at its maximum
    // on RC, whose seat PD (advanced, but from RA's own school) could take instead.
    const year = problem({
      schools: [school("A"), school("B"), school("C"), school("E")],
      reviewers: [reviewer("PB", "B", { maxReviews: 1 }), reviewer("PN", "E", { level: "reviewer", maxReviews: 1 }), reviewer("PD", "A", { maxReviews: 1 })],
      leads: [lead("L1")],
      reviews: [review("RA", "A", "2024-03-04", { seats: 1 }), review("RC", "C", "2024-03-18", { seats: 1 })],
    });
    const seat = (reviewId: string, role: "lead" | "peer", personId: string) => ({ reviewId, role, personId });
    const allocation = { assignments: [seat("RA", "lead", "L1"), seat("RC", "lead", "L1"), seat("RC", "peer", "PB")] };
    const before = checkAllocation(year, allocation);
    expect(before.valid).toBe(true);
    const ra = explain(year, allocation).seats.find((s) => s.reviewId === "RA" && s.role === "peer")!;
    expect(ra.reason).toContain("needs an advanced reviewer first");
    expect(ra.funnel.at(-1)).toEqual({ rule: "advanced-level", remaining: 0 });
    // Apply the suggested move and check it: RA's seat fills, nothing else empties, no rule breaks.
    const move = ra.remedies.map((r) => /(\S+) could move from (\S+) \(.*\), whose seat (\S+) could then fill/.exec(r)).find(Boolean);
    expect(move, ra.remedies.join(" | ")).toBeTruthy();
    const [, mover, from, replacement] = move!;
    const after = checkAllocation(year, {
      assignments: [
        ...allocation.assignments.filter((a) => !(a.personId === mover && a.reviewId === from)),
        seat("RA", "peer", mover!),
        seat(from!, "peer", replacement!),
      ],
    });
    expect(after.violations).toEqual([]);
    expect(after.unfilled.filter((u) => u.reviewId === "RA")).toEqual([]);
    expect(after.metrics.filled.total).toBe(before.metrics.filled.total + 1);
  });

  it("every funnel number agrees with the rules, counted independently", async () => {
    const p = randomYear(5, { reviews: 25, advancedShare: 0.15 });
    const result = await solve(p, { engine: "greedy", seed: 1, exactBound: false });
    const year = indexYear(p);
    const { seats } = explain(year, result.allocation);
    expect(seats.length).toBeGreaterThan(0);
    for (const seat of seats) {
      const r = year.reviewById.get(seat.reviewId)!;
      const pool = seat.role === "lead" ? year.leads : year.reviewers;
      const eligible = pool.filter((person) => allowedPair(year, person, r)).length;
      const conflictsStep = seat.funnel.find((s) => s.rule === "conflicts")!;
      expect(conflictsStep.remaining).toBe(eligible);
      // A funnel only narrows.
      seat.funnel.forEach((step, i) => i > 0 && expect(step.remaining).toBeLessThanOrEqual(seat.funnel[i - 1]!.remaining));
    }
  });

  it("certifies a real shortage: the listed reviews' seats exceed what their reviewers can give", async () => {
    const p = randomYear(9, { reviews: 30, reviewersPerSchool: 1.2 });
    const year = indexYear(p);
    const certificates = deficiencies(year);
    const result = await solve(p, { seed: 1 });
    const peer = certificates.find((c) => c.role === "peer");
    expect(peer).toBeDefined();
    const listed = new Set(peer!.reviewIds);
    // The figures, recounted here from the year and the pair rules.
    const { seats, people, capacity, shortfall } = peer!;
    expect({ seats, people, capacity, shortfall }).toEqual(recount(year, peer!.reviewIds));
    expect(shortfall).toBeGreaterThan(0);
    // No allocation, the solver's included, fills more of those seats than the capacity.
    const filledThere = result.allocation.assignments.filter((a) => a.role === "peer" && listed.has(a.reviewId)).length;
    expect(filledThere).toBeLessThanOrEqual(peer!.capacity);
    expect(result.bound.filledSeats).toBeLessThanOrEqual(checkAllocation(p, result.allocation).metrics.seats.total - peer!.shortfall);
  });
});

describe("explain on the short fixture", () => {
  it("every unfilled seat's funnel agrees with the rules, and the certificate's arithmetic holds", async () => {
    const { readYearFolder } = await import("../../src/io/files.js");
    const read = readYearFolder(new URL("../../fixtures/years/short", import.meta.url).pathname);
    if (!read.ok) throw new Error("short fixture unreadable");
    const result = await solve(read.value, { seed: 1 });
    const year = indexYear(read.value);
    const { seats, certificates } = explain(year, result.allocation);
    const check = checkAllocation(year, result.allocation);
    // One explanation per review and role the checker lists as short, with the same count.
    expect(seats.map((s) => `${s.reviewId}:${s.role}:${s.missing}`)).toEqual(check.unfilled.map((u) => `${u.reviewId}:${u.role}:${u.missing}`));
    for (const seat of seats) {
      const review = year.reviewById.get(seat.reviewId)!;
      const pool = seat.role === "lead" ? year.leads : year.reviewers;
      // Each pair-rule step, recounted from the rule objects in the same order.
      let remaining = [...pool];
      for (const step of seat.funnel.slice(1)) {
        const rule = (await import("../../src/rules/index.js")).PAIR_RULES.find((r) => r.id === step.rule);
        if (!rule) break;
        remaining = remaining.filter((p) => rule.allows(year, p, review));
        expect(step.remaining).toBe(remaining.length);
      }
      expect(seat.reason.length).toBeGreaterThan(10);
      expect(seat.remedies.length).toBeGreaterThan(0);
    }
    const peer = certificates.find((c) => c.role === "peer")!;
    const { seats: certified, people, capacity, shortfall } = peer;
    expect({ seats: certified, people, capacity, shortfall }).toEqual(recount(year, peer.reviewIds));
    expect(shortfall).toBeGreaterThan(0);
    const listed = new Set(peer.reviewIds);
    const filledThere = result.allocation.assignments.filter((a) => a.role === "peer" && listed.has(a.reviewId)).length;
    expect(filledThere).toBeLessThanOrEqual(peer.capacity);
  });
});
