import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/model/problem.js";
import type { Assignment } from "../../src/model/schema.js";
import { closeYear } from "../../src/years/close-year.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

/**
 * A hand-counted year: A hosts RA (2 seats), B hosts RB (2 seats); C hosts nothing.
 * PA (from A), PB (from B) and PC1, PC2 (from C). Allocation: RA ← PB, PC1; RB ← PA, PC2.
 * Leads L1 on RA, L2 on RB. PC2 misses RB.
 *   received: A 2, B 1 (PC2 absent), C 0    sent: A 1, B 1, C 1 (PC1; PC2 absent)
 *   carry-over from A +1, B −2, C 0 → A 1+2−1 = 2, B −2+1−1 = −2, C 0+0−1 = −1
 */
// The arithmetic of carry-over on its own: no limit from what the schools could pay.
function handYear(policy: Parameters<typeof problem>[0]["policy"] = { carryOverWithinReach: false }): Problem {
  return problem({
    schools: [school("A", { carryOver: 1 }), school("B", { carryOver: -2 }), school("C")],
    reviewers: [reviewer("PA", "A"), reviewer("PB", "B", { prefers: ["RA", "H-C"] }), reviewer("PC1", "C"), reviewer("PC2", "C")],
    leads: [lead("L1"), lead("L2")],
    reviews: [review("RA", "A", "2024-03-04", { seats: 2 }), review("RB", "B", "2024-03-11", { seats: 2 })],
    history: [{ year: "2022-23", reviewSchoolId: "A", personId: "PC1", role: "peer" }],
    policy,
  });
}
const seat = (reviewId: string, role: "lead" | "peer", personId: string): Assignment => ({ reviewId, role, personId });
const ALLOCATION = {
  assignments: [seat("RA", "lead", "L1"), seat("RA", "peer", "PB"), seat("RA", "peer", "PC1"), seat("RB", "lead", "L2"), seat("RB", "peer", "PA"), seat("RB", "peer", "PC2")],
};
const ABSENT = [{ reviewId: "RB", personId: "PC2", attended: false }];

function closed(p: Problem = handYear(), attendance = ABSENT) {
  const outcome = closeYear(p, ALLOCATION, { yearLabel: "2023-24", attendance });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

describe("closeYear", () => {
  it("carries previous + received − sent into each school's carry_over, counted by attendance", () => {
    const value = closed();
    expect(value.next.schools.map((s) => [s.id, s.carryOver])).toEqual([["A", 2], ["B", -2], ["C", -1]]);
    expect(value.ledger).toEqual([
      { year: "2023-24", schoolId: "A", received: 2, sent: 1, balance: -1, carryOverAfter: 2 },
      { year: "2023-24", schoolId: "B", received: 1, sent: 1, balance: 0, carryOverAfter: -2 },
      { year: "2023-24", schoolId: "C", received: 0, sent: 1, balance: 1, carryOverAfter: -1 },
    ]);
    expect(value.missed).toEqual([seat("RB", "peer", "PC2")]);
    expect(value.attended).toHaveLength(5);
  });

  it("counts a seat attendance does not list as attended, and a yes as attended", () => {
    const everyone = closed(handYear(), []);
    const saidYes = closed(handYear(), [{ reviewId: "RB", personId: "PC2", attended: true }]);
    expect(everyone.next.schools.map((s) => s.carryOver)).toEqual([2, -1, -2]);
    expect(saidYes.next.schools).toEqual(everyone.next.schools);
  });

  it("appends one history row per attended seat, lead and peer, labelled with the year", () => {
    const value = closed();
    expect(value.next.history).toEqual([
      { year: "2022-23", reviewSchoolId: "A", personId: "PC1", role: "peer" },
      { year: "2023-24", reviewSchoolId: "A", personId: "L1", role: "lead" },
      { year: "2023-24", reviewSchoolId: "A", personId: "PB", role: "peer" },
      { year: "2023-24", reviewSchoolId: "A", personId: "PC1", role: "peer" },
      { year: "2023-24", reviewSchoolId: "B", personId: "L2", role: "lead" },
      { year: "2023-24", reviewSchoolId: "B", personId: "PA", role: "peer" },
    ]);
  });

  it("caps the carry-over both ways at maxCarryOver", () => {
    const value = closed(handYear({ maxCarryOver: 1, carryOverWithinReach: false }));
    expect(value.next.schools.map((s) => s.carryOver)).toEqual([1, -1, -1]);
    expect(value.ledger.map((row) => row.carryOverAfter)).toEqual([1, -1, -1]);
    // 0 forgives every debt and credit.
    expect(closed(handYear({ maxCarryOver: 0, carryOverWithinReach: false })).next.schools.map((s) => s.carryOver)).toEqual([0, 0, 0]);
  });

  it("starts next year with no reviews, no pins, no availability, this year's review ids out of the preferences", () => {
    const value = closed(handYear({ yearLabel: "2023-24", noRepeatYears: 2 }));
    expect(value.next.reviews).toEqual([]);
    expect(value.next.pins).toEqual([]);
    expect(value.next.reviewers.every((r) => r.available.length === 0)).toBe(true);
    expect(value.next.leads.every((l) => l.available.length === 0)).toBe(true);
    expect(value.next.reviewers.find((r) => r.id === "PB")?.prefers).toEqual(["H-C"]);
    expect(value.next.policy.yearLabel).toBe("");
    expect(value.next.policy.noRepeatYears).toBe(2);
  });

  it("extends the ledger across years and works out the pathway with the closed year counted", () => {
    const earlier = { year: "2022-23", schoolId: "A", received: 3, sent: 2, balance: -1, carryOverAfter: 1 };
    const value = closed({ ...handYear(), ledgerYears: [earlier] });
    expect(value.next.ledgerYears).toEqual([earlier, ...value.ledger]);
    const pc1 = value.pathway.find((row) => row.reviewerId === "PC1");
    expect(pc1).toMatchObject({ reviewsCompleted: 2, lastReviewYear: "2023-24", waitingForFirstReview: false });
    expect(value.pathway.find((row) => row.reviewerId === "PC2")).toMatchObject({ reviewsCompleted: 0, waitingForFirstReview: true, waitingSince: "2023-24" });
  });

  it("refuses a label without a year, and a year closed already", () => {
    const bad = closeYear(handYear(), ALLOCATION, { yearLabel: "this year" });
    expect(bad.ok ? [] : bad.issues.map((i) => i.source)).toEqual(["year-label"]);
    const again = closeYear(handYear(), ALLOCATION, { yearLabel: "2022-23" });
    expect(again.ok ? "" : again.issues[0]!.message).toContain("closed already");
  });

  it("lists every unknown review or person, repeated seat and attendance row naming no seat, by position", () => {
    const outcome = closeYear(
      handYear(),
      { assignments: [...ALLOCATION.assignments, seat("RZ", "peer", "PA"), seat("RA", "peer", "PZ"), seat("RA", "peer", "PB"), seat("RA", "lead", "PA")] },
      { yearLabel: "2023-24", attendance: [{ reviewId: "RA", personId: "PA", attended: false }, ...ABSENT, ...ABSENT] },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map(({ source, index, field }) => [source, index, field])).toEqual([
      ["allocation", 6, "review_id"],
      ["allocation", 7, "person_id"],
      ["allocation", 8, "person_id"],
      // A reviewer in the lead seat: the role is what is wrong, as qar check's known-people rule says.
      ["allocation", 9, "role"],
      ["attendance", 0, "person_id"],
      ["attendance", 2, "person_id"],
    ]);
  });
});
