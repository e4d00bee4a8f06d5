import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { baseYear, CLEAN, expectExactly, lead, leadSeat, peerSeat, violationsOf } from "./fixture.js";

describe("one-lead", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("reports two Lead Reviewers on one review, naming the review and both leads", () => {
    const year = baseYear({ leads: [lead("L2")] });
    expectExactly(violationsOf(year, [...CLEAN, leadSeat("RA", "L2")]), [{ rule: "one-lead", reviewId: "RA", mentions: ["L1", "L2"] }]);
  });

  it("a missing Lead Reviewer is an unfilled seat, not a violation", () => {
    const result = checkAllocation(baseYear(), { assignments: [peerSeat("RA", "PB"), peerSeat("RA", "PC")] });
    expect(result.violations).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.unfilled).toEqual([{ reviewId: "RA", hostSchoolId: "A", role: "lead", missing: 1 }]);
  });

  it("a Lead Reviewer with no peers breaks nothing", () => {
    expect(violationsOf(baseYear(), [leadSeat("RA", "L1")])).toEqual([]);
  });
});
