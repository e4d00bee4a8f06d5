import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { deficiencies, explain } from "../../src/explain.js";
import { indexYear } from "../../src/model/year.js";
import { allowedPair } from "../../src/rules/index.js";
import { solve } from "../../src/solver/index.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
import { randomYear } from "../helpers/random-year.js";

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

  it("says when the advanced seat is what is missing, and suggests a move that fills it", async () => {
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

  it("every funnel number agrees with the rules, counted independently", async () => {
    const p = randomYear(5, { reviews: 25, advancedShare: 0.15 });
    const result = await solve(p, { engine: "greedy", seed: 1 });
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
    const reviews = year.reviews.filter((r) => listed.has(r.id));
    // The arithmetic, recomputed here from the rules.
    expect(peer!.seats).toBe(reviews.reduce((n, r) => n + r.peerSeats, 0));
    let capacity = 0;
    let people = 0;
    for (const person of year.reviewers) {
      const serves = reviews.filter((r) => allowedPair(year, person, r));
      if (serves.length === 0) continue;
      people += 1;
      capacity += Math.min(person.maxReviews, serves.length);
    }
    expect(peer!.people).toBe(people);
    expect(peer!.capacity).toBeLessThanOrEqual(capacity);
    expect(peer!.shortfall).toBe(peer!.seats - peer!.capacity);
    expect(peer!.shortfall).toBeGreaterThan(0);
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
    expect(peer.shortfall).toBe(peer.seats - peer.capacity);
    expect(peer.shortfall).toBeGreaterThan(0);
    const listed = new Set(peer.reviewIds);
    expect(peer.seats).toBe(year.reviews.filter((r) => listed.has(r.id)).reduce((n, r) => n + r.peerSeats, 0));
    const filledThere = result.allocation.assignments.filter((a) => a.role === "peer" && listed.has(a.reviewId)).length;
    expect(filledThere).toBeLessThanOrEqual(peer.capacity);
  });
});
