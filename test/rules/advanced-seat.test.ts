import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { baseYear, CLEAN, expectExactly, leadSeat, peerSeat, review, reviewer, school, violationsOf, type YearParts } from "./fixture.js";

/** D sends PD (advanced) and PT (trainee) besides PB (advanced) and PC (reviewer). */
const more = (parts: YearParts = {}) =>
  baseYear({
    ...parts,
    schools: [school("D")],
    reviewers: [reviewer("PD", "D"), reviewer("PT", "D", { level: "trainee" }), ...(parts.reviewers ?? [])],
  });
const seats = (n: number) => ({ reviews: [review("RA", "A", "2024-03-04", { seats: n })] });

describe("advanced-seat", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("reports a team without an advanced peer, naming the review and the numbers", () => {
    expectExactly(violationsOf(baseYear(), [leadSeat("RA", "L1"), peerSeat("RA", "PC")]), [{ rule: "advanced-seat", reviewId: "RA", mentions: ["0", "1"] }]);
  });

  it("never counts the Lead Reviewer: a lead with a non-advanced peer still breaks it", () => {
    const found = violationsOf(more(), [leadSeat("RA", "L1"), peerSeat("RA", "PC"), peerSeat("RA", "PT")]);
    expectExactly(found, [{ rule: "advanced-seat", reviewId: "RA" }]);
  });

  it("a team with no peers breaks nothing, with or without a lead", () => {
    expect(violationsOf(baseYear(), [leadSeat("RA", "L1")])).toEqual([]);
    expect(violationsOf(baseYear(), [])).toEqual([]);
  });

  it("every level fills a peer seat: an advanced peer and a trainee make a full, valid team", () => {
    const result = checkAllocation(more(), { assignments: [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PT")] });
    expect(result.violations).toEqual([]);
    expect(result.metrics.filled.peer).toBe(2);
    expect(result.metrics.fullTeams).toBe(1);
  });

  it("a partly filled team with an advanced peer is fine", () => {
    expect(violationsOf(baseYear(), [leadSeat("RA", "L1"), peerSeat("RA", "PB")])).toEqual([]);
  });

  it("minAdvancedPerTeam 0 asks for none", () => {
    expect(violationsOf(baseYear({ policy: { minAdvancedPerTeam: 0 } }), [leadSeat("RA", "L1"), peerSeat("RA", "PC")])).toEqual([]);
  });

  it("minAdvancedPerTeam 2 needs two advanced peers on a 2-seat team", () => {
    const policy = { minAdvancedPerTeam: 2 };
    expectExactly(violationsOf(more({ policy }), CLEAN), [{ rule: "advanced-seat", reviewId: "RA", mentions: ["1", "2"] }]);
    expect(violationsOf(more({ policy }), [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PD")])).toEqual([]);
  });

  it("the minimum is capped at the review's seats: a 1-seat review needs one advanced peer under a minimum of 2", () => {
    const policy = { minAdvancedPerTeam: 2 };
    expect(violationsOf(more({ ...seats(1), policy }), [leadSeat("RA", "L1"), peerSeat("RA", "PB")])).toEqual([]);
    expectExactly(violationsOf(more({ ...seats(1), policy }), [leadSeat("RA", "L1"), peerSeat("RA", "PC")]), [{ rule: "advanced-seat", reviewId: "RA" }]);
  });

  it("a minimum of 3 on a 3-seat team counts only advanced peers", () => {
    const policy = { minAdvancedPerTeam: 3 };
    const year = more({ ...seats(3), policy, reviewers: [reviewer("PE", "D")] });
    expect(violationsOf(year, [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PD"), peerSeat("RA", "PE")])).toEqual([]);
    expectExactly(violationsOf(year, [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PD"), peerSeat("RA", "PT")]), [{ rule: "advanced-seat", reviewId: "RA", mentions: ["2", "3"] }]);
  });
});
