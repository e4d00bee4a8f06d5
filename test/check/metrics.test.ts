import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import type { SeatBand } from "../../src/model/policy.js";
import type { Assignment, Phase } from "../../src/model/schema.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

const L = (reviewId: string, personId: string): Assignment => ({ reviewId, role: "lead", personId });
const P = (reviewId: string, personId: string): Assignment => ({ reviewId, role: "peer", personId });

/**
 * A hand-counted year.
 *   A primary 150 pupils  → 2 peer seats (band ≤210)       hosts RA 2024-03-04
 *   B primary 300 pupils  → 3 peer seats (band ≤420), carry-over +1, hosts RB 2024-03-11
 *   C secondary 1500      → 5 peer seats (open band)       hosts RC 2024-03-18
 *   D special 50, RD states seats 1 (the band would say 2)  hosts RD 2024-03-25
 *   E, F host nothing.
 * Seats: 4 lead + (2 + 3 + 5 + 1) = 11 peer = 15.
 */
const year = problem({
  schools: [
    school("A", { phase: "primary", pupils: 150 }),
    school("B", { phase: "primary", pupils: 300, carryOver: 1 }),
    school("C", { phase: "secondary", pupils: 1500 }),
    school("D", { phase: "special", pupils: 50 }),
    school("E"),
    school("F"),
  ],
  reviewers: [
    reviewer("A1", "A"),
    reviewer("A2", "A", { level: "reviewer" }),
    reviewer("B1", "B"),
    reviewer("C1", "C", { maxReviews: 2 }),
    reviewer("D1", "D"),
    reviewer("E1", "E"),
    reviewer("E2", "E", { level: "trainee" }),
  ],
  leads: [lead("L1"), lead("L2")],
  reviews: [
    review("RA", "A", "2024-03-04"),
    review("RB", "B", "2024-03-11"),
    review("RC", "C", "2024-03-18"),
    review("RD", "D", "2024-03-25", { seats: 1 }),
  ],
});

/**
 *   RA: L1 + C1, E2      lead 1, peers 2/2  full
 *   RB: L2 + E1, A1      lead 1, peers 2/3
 *   RC: B1, A2           lead 0, peers 2/5
 *   RD: C1               lead 0, peers 1/1
 */
const allocation = {
  assignments: [L("RA", "L1"), P("RA", "C1"), P("RA", "E2"), L("RB", "L2"), P("RB", "E1"), P("RB", "A1"), P("RC", "B1"), P("RC", "A2"), P("RD", "C1")],
};

describe("checkAllocation metrics on a hand-counted year", () => {
  const result = checkAllocation(year, allocation);

  it("is a valid allocation", () => {
    expect(result.violations).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("counts seats from the band table, a review's own seats overriding it", () => {
    expect(result.metrics.reviews).toBe(4);
    expect(result.metrics.seats).toEqual({ lead: 4, peer: 11, total: 15 });
  });

  it("counts filled seats and full teams (lead and every peer seat)", () => {
    expect(result.metrics.filled).toEqual({ lead: 2, peer: 7, total: 9 });
    expect(result.metrics.fullTeams).toBe(1);
    expect(result.metrics.fullTeamShare).toBe(1 / 4);
    expect(result.metrics.filledShare).toBe(9 / 15);
  });

  it("lists every empty seat: lead with missing 1, peer with the missing count", () => {
    expect(result.unfilled).toEqual([
      { reviewId: "RB", hostSchoolId: "B", role: "peer", missing: 1 },
      { reviewId: "RC", hostSchoolId: "C", role: "lead", missing: 1 },
      { reviewId: "RC", hostSchoolId: "C", role: "peer", missing: 3 },
      { reviewId: "RD", hostSchoolId: "D", role: "lead", missing: 1 },
    ]);
  });

  it("keeps the reciprocity ledger: target = peer seats hosted + carry-over (0 if none hosted), seats received = peers placed at its reviews, every level counts as sent", () => {
    expect(result.ledger).toEqual([
      { schoolId: "A", target: 2, seatsReceived: 2, placesSent: 2, balance: 0 },
      { schoolId: "B", target: 4, seatsReceived: 2, placesSent: 1, balance: -3 },
      { schoolId: "C", target: 5, seatsReceived: 2, placesSent: 2, balance: -3 },
      { schoolId: "D", target: 1, seatsReceived: 1, placesSent: 0, balance: -1 },
      { schoolId: "E", target: 0, seatsReceived: 0, placesSent: 2, balance: 2 },
      { schoolId: "F", target: 0, seatsReceived: 0, placesSent: 0, balance: 0 },
    ]);
  });

  it("counts schools in balance (sent = target) and meeting their commitment (sent >= target)", () => {
    expect(result.metrics.reciprocity).toEqual({
      schools: 6,
      inBalance: 2, // A, F
      meetingCommitment: 3, // A, E, F
      withinTolerance: 2,
      tolerance: 0,
      totalDeviation: 0 + 3 + 3 + 1 + 2 + 0,
      worstDeviation: 3,
    });
  });

  it("the empty allocation fills nothing and leaves every seat unfilled", () => {
    const empty = checkAllocation(year, { assignments: [] });
    expect(empty.violations).toEqual([]);
    expect(empty.metrics.filled).toEqual({ lead: 0, peer: 0, total: 0 });
    expect(empty.metrics.fullTeams).toBe(0);
    expect(empty.unfilled.map((u) => `${u.reviewId}:${u.role}:${u.missing}`)).toEqual([
      "RA:lead:1",
      "RA:peer:2",
      "RB:lead:1",
      "RB:peer:3",
      "RC:lead:1",
      "RC:peer:5",
      "RD:lead:1",
      "RD:peer:1",
    ]);
    expect(empty.ledger.map((row) => row.balance)).toEqual([-2, -4, -5, -1, 0, 0]);
    expect(empty.metrics.reciprocity.inBalance).toBe(2);
    expect(empty.metrics.reciprocity.meetingCommitment).toBe(2);
  });
});

describe("seats by the default band table", () => {
  const cases: [Phase, number, number][] = [
    ["nursery", 500, 2],
    ["primary", 210, 2],
    ["primary", 211, 3],
    ["primary", 420, 3],
    ["primary", 421, 4],
    ["middle", 420, 3],
    ["middle", 421, 4],
    ["secondary", 600, 3],
    ["secondary", 601, 4],
    ["secondary", 1200, 4],
    ["secondary", 1201, 5],
    ["all-through", 1200, 4],
    ["all-through", 1201, 5],
    ["special", 100, 2],
    ["special", 101, 3],
    ["ap", 100, 2],
    ["ap", 101, 3],
  ];
  it.each(cases)("%s school of %i pupils has %i peer seats", (phase, pupils, seats) => {
    const one = problem({ schools: [school("A", { phase, pupils })], reviews: [review("RA", "A", "2024-03-04")] });
    const result = checkAllocation(one, { assignments: [] });
    expect(result.metrics.seats).toEqual({ lead: 1, peer: seats, total: 1 + seats });
    expect(result.ledger[0]!.target).toBe(seats);
    expect(result.ledger[0]!.seatsReceived).toBe(0);
  });

  it("a review's own seats override the table, 0 included", () => {
    const two = problem({
      schools: [school("A", { phase: "special", pupils: 50 }), school("B", { phase: "secondary", pupils: 2000 })],
      reviews: [review("RA", "A", "2024-03-04", { seats: 4 }), review("RB", "B", "2024-03-11", { seats: 0 })],
    });
    const result = checkAllocation(two, { assignments: [] });
    expect(result.metrics.seats).toEqual({ lead: 2, peer: 4, total: 6 });
    expect(result.unfilled).toEqual([
      { reviewId: "RA", hostSchoolId: "A", role: "lead", missing: 1 },
      { reviewId: "RA", hostSchoolId: "A", role: "peer", missing: 4 },
      { reviewId: "RB", hostSchoolId: "B", role: "lead", missing: 1 },
    ]);
  });

  it("follows a policy's own table; a phase without a band gets 0 seats", () => {
    const seatBands: SeatBand[] = [
      { phase: "primary", maxPupils: 100, seats: 1 },
      { phase: "primary", seats: 6 },
    ];
    const custom = problem({
      schools: [school("A", { pupils: 100 }), school("B", { pupils: 101 }), school("C", { phase: "secondary", pupils: 900 })],
      reviews: [review("RA", "A", "2024-03-04"), review("RB", "B", "2024-03-11"), review("RC", "C", "2024-03-18")],
      policy: { seatBands },
    });
    expect(checkAllocation(custom, { assignments: [] }).metrics.seats).toEqual({ lead: 3, peer: 7, total: 10 });
  });
});

describe("full teams", () => {
  const small = problem({
    schools: [school("A"), school("B"), school("C"), school("D")],
    reviewers: [reviewer("PB", "B"), reviewer("PC", "C"), reviewer("PD", "D")],
    leads: [lead("L1"), lead("L2")],
    reviews: [review("RA", "A", "2024-03-04", { seats: 2 }), review("RZ", "B", "2024-05-06", { seats: 0 })],
  });

  it("a 0-seat review with its lead is a full team; without one it is not", () => {
    expect(checkAllocation(small, { assignments: [L("RZ", "L1")] }).metrics.fullTeams).toBe(1);
    expect(checkAllocation(small, { assignments: [] }).metrics.fullTeams).toBe(0);
  });

  it("all peer seats without the lead is not a full team", () => {
    const result = checkAllocation(small, { assignments: [P("RA", "PB"), P("RA", "PC")] });
    expect(result.metrics.fullTeams).toBe(0);
    expect(result.metrics.filled).toEqual({ lead: 0, peer: 2, total: 2 });
  });

  it("never counts more than the seats: a third peer or a second lead fills nothing more", () => {
    const result = checkAllocation(small, { assignments: [L("RA", "L1"), L("RA", "L2"), P("RA", "PB"), P("RA", "PC"), P("RA", "PD")] });
    expect(result.violations.map((v) => v.rule)).toEqual(["team-size", "one-lead"]);
    expect(result.metrics.filled).toEqual({ lead: 1, peer: 2, total: 3 });
    expect(result.metrics.fullTeams).toBe(1);
    expect(result.unfilled).toEqual([{ reviewId: "RZ", hostSchoolId: "B", role: "lead", missing: 1 }]);
  });
});

describe("reciprocity ledger details", () => {
  it("adds carry-over to the target of a hosting school, in either direction", () => {
    const owed = problem({
      schools: [school("A", { carryOver: -1 }), school("B", { carryOver: 2 })],
      reviews: [review("RA", "A", "2024-03-04", { seats: 2 }), review("RB", "B", "2024-03-11", { seats: 3 })],
    });
    expect(checkAllocation(owed, { assignments: [] }).ledger.map((row) => [row.schoolId, row.target])).toEqual([
      ["A", 1],
      ["B", 5],
    ]);
  });

  it("sums the peer seats of every review a school hosts", () => {
    const twice = problem({
      schools: [school("A"), school("B")],
      reviewers: [reviewer("PA", "A", { maxReviews: 2 })],
      reviews: [review("RB1", "B", "2024-03-04", { seats: 2 }), review("RB2", "B", "2024-06-03", { seats: 1 })],
    });
    const result = checkAllocation(twice, { assignments: [P("RB1", "PA"), P("RB2", "PA")] });
    expect(result.violations).toEqual([]);
    expect(result.ledger).toEqual([
      { schoolId: "A", target: 0, seatsReceived: 0, placesSent: 2, balance: 2 },
      { schoolId: "B", target: 3, seatsReceived: 2, placesSent: 0, balance: -3 },
    ]);
  });

  it("Lead Reviewers send no school's places", () => {
    const one = problem({ schools: [school("A"), school("B")], leads: [lead("L1")], reviews: [review("RA", "A", "2024-03-04", { seats: 1 })] });
    expect(checkAllocation(one, { assignments: [L("RA", "L1")] }).ledger.map((row) => row.placesSent)).toEqual([0, 0]);
  });
});

describe("phase match and travel", () => {
  // 1 degree of latitude along a meridian: 6371 km × π / 180
  const DEGREE_KM = (6371 * Math.PI) / 180;
  const year2 = problem({
    schools: [school("A", { phase: "primary", lat: 51, lon: 0 }), school("B", { lat: 52, lon: 0 }), school("C")],
    reviewers: [reviewer("PB", "B", { phases: ["primary"] }), reviewer("PC", "C", { phases: ["secondary"] })],
    leads: [lead("L1", { phases: ["special"], lat: 50, lon: 0 }), lead("L2")],
    reviews: [review("RA", "A", "2024-03-04", { seats: 2 })],
  });

  it("counts a peer matched when their phases include the host's or are blank, a Lead Reviewer only when theirs include it; a mismatch is no violation", () => {
    const mismatchedLead = checkAllocation(year2, { assignments: [L("RA", "L1"), P("RA", "PB"), P("RA", "PC")] });
    expect(mismatchedLead.violations).toEqual([]);
    expect(mismatchedLead.metrics.phaseMatch).toEqual({
      matched: 1,
      assigned: 3,
      share: 1 / 3,
      peers: { matched: 1, assigned: 2, share: 1 / 2 },
      leads: { matched: 0, assigned: 1, share: 0, noPhases: 0 },
    });
    // A Lead Reviewer who lists no phase is not known to have the host's: no match, counted apart.
    const blankLead = checkAllocation(year2, { assignments: [L("RA", "L2"), P("RA", "PB")] });
    expect(blankLead.metrics.phaseMatch).toEqual({
      matched: 1,
      assigned: 2,
      share: 1 / 2,
      peers: { matched: 1, assigned: 1, share: 1 },
      leads: { matched: 0, assigned: 1, share: 0, noPhases: 1 },
    });
  });

  it("measures travel only where both ends have coordinates", () => {
    const result = checkAllocation(year2, { assignments: [L("RA", "L1"), P("RA", "PB"), P("RA", "PC")] });
    expect(result.metrics.travel.measured).toBe(2);
    expect(result.metrics.travel.totalKm).toBeCloseTo(2 * DEGREE_KM, 6);
    expect(result.metrics.travel.meanKm).toBeCloseTo(DEGREE_KM, 6);
    const unmeasured = checkAllocation(year2, { assignments: [L("RA", "L2"), P("RA", "PC")] });
    expect(unmeasured.metrics.travel).toEqual({ measured: 0, totalKm: 0, meanKm: 0 });
  });
});
