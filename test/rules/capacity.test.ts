import { describe, expect, it } from "vitest";
import { baseYear, expectExactly, lead, leadSeat, peerSeat, review, reviewer, school, violationsOf, type YearParts } from "./fixture.js";

/** RA in March, RD in April and RE in May (1 seat each): nothing overlaps. */
const spread = (parts: YearParts = {}) =>
  baseYear({
    ...parts,
    schools: [school("D"), school("E")],
    reviews: [review("RD", "D", "2024-04-08", { seats: 1 }), review("RE", "E", "2024-05-13", { seats: 1 })],
  });
const twoForPB = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PC"), leadSeat("RD", "L1"), peerSeat("RD", "PB")];
const threeForPB = [...twoForPB, leadSeat("RE", "L1"), peerSeat("RE", "PB")];

describe("capacity", () => {
  it("passes the clean allocation: everyone within their maximum", () => {
    // PB has a blank max_reviews (policy default 1); L1 may lead 10 reviews
    expect(violationsOf(spread(), [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PC"), leadSeat("RD", "L1")])).toEqual([]);
  });

  it("reports a reviewer over their maximum, naming the person and their reviews", () => {
    expectExactly(violationsOf(spread(), twoForPB), [{ rule: "capacity", reviewId: "RD", personId: "PB", mentions: ["RA", "1"] }]);
  });

  it("a blank max_reviews uses the policy's defaultMaxReviews", () => {
    expect(violationsOf(spread({ policy: { defaultMaxReviews: 2 } }), twoForPB)).toEqual([]);
    expectExactly(violationsOf(spread({ policy: { defaultMaxReviews: 2 } }), threeForPB), [{ rule: "capacity", reviewId: "RE", personId: "PB", mentions: ["RA", "RD", "2"] }]);
  });

  it("a stated max_reviews wins over the default", () => {
    expect(violationsOf(spread({ reviewers: [reviewer("PB", "B", { maxReviews: 3 })] }), threeForPB)).toEqual([]);
    expectExactly(violationsOf(spread({ reviewers: [reviewer("PB", "B", { maxReviews: 1 })], policy: { defaultMaxReviews: 5 } }), twoForPB), [
      { rule: "capacity", reviewId: "RD", personId: "PB" },
    ]);
  });

  it("max_reviews 0 is a value, not a blank: any seat is one too many", () => {
    const year = spread({ reviewers: [reviewer("PB", "B", { maxReviews: 0 })], policy: { defaultMaxReviews: 5 } });
    expectExactly(violationsOf(year, [leadSeat("RA", "L1"), peerSeat("RA", "PB")]), [{ rule: "capacity", reviewId: "RA", personId: "PB" }]);
  });

  it("applies to Lead Reviewers too", () => {
    const year = spread({ leads: [lead("L1", { maxReviews: 1 })] });
    expectExactly(violationsOf(year, [leadSeat("RA", "L1"), peerSeat("RA", "PB"), leadSeat("RD", "L1")]), [{ rule: "capacity", reviewId: "RD", personId: "L1", mentions: ["RA"] }]);
    const byDefault = spread({ leads: [lead("L1", { maxReviews: undefined })], policy: { defaultMaxReviews: 1 } });
    expectExactly(violationsOf(byDefault, [leadSeat("RA", "L1"), peerSeat("RA", "PB"), leadSeat("RD", "L1")]), [{ rule: "capacity", reviewId: "RD", personId: "L1" }]);
  });

  it("reports a person once however far over the maximum", () => {
    const found = violationsOf(spread(), threeForPB).filter((v) => v.rule === "capacity");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("3");
  });
});
