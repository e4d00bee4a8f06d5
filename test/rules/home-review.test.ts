import { describe, expect, it } from "vitest";
import { homeReview } from "../../src/rules/home-review.js";
import { baseYear, CLEAN, expectExactly, leadSeat, pairOf, peerSeat, review, violationsOf } from "./fixture.js";

/** B (PB's school) hosts RB from `start` for 3 days; RA runs 2024-03-04..2024-03-06. */
const bHosts = (start: string, days = 3) => baseYear({ reviews: [review("RB", "B", start, { seats: 2, days })] });

describe("home-review", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("passes when the reviewer's school hosts in another week", () => {
    expect(violationsOf(bHosts("2024-03-11"), CLEAN)).toEqual([]);
  });

  it("reports a reviewer away while their own school hosts, naming review, person and school", () => {
    expectExactly(violationsOf(bHosts("2024-03-05"), CLEAN), [{ rule: "home-review", reviewId: "RA", personId: "PB", mentions: ["B", "2024-03-05"] }]);
  });

  it("one shared day is a clash, at either end", () => {
    // RB 2024-03-06..2024-03-08 shares RA's last day
    expectExactly(violationsOf(bHosts("2024-03-06"), CLEAN), [{ rule: "home-review", reviewId: "RA", personId: "PB" }]);
    // RB 2024-03-02..2024-03-04 shares RA's first day
    expectExactly(violationsOf(bHosts("2024-03-02"), CLEAN), [{ rule: "home-review", reviewId: "RA", personId: "PB" }]);
  });

  it("back-to-back is no clash: the host's review ends the day before or starts the day after", () => {
    expect(violationsOf(bHosts("2024-03-07"), CLEAN)).toEqual([]);
    expect(violationsOf(bHosts("2024-03-01"), CLEAN)).toEqual([]);
  });

  it("a long home review that surrounds the away review clashes", () => {
    expectExactly(violationsOf(bHosts("2024-03-01", 10), CLEAN), [{ rule: "home-review", reviewId: "RA", personId: "PB" }]);
  });

  it("does not touch reviewers of other schools or Lead Reviewers", () => {
    const year = bHosts("2024-03-05");
    const team = [leadSeat("RA", "L1"), peerSeat("RA", "PC")];
    // PC alone is not advanced: only advanced-seat may appear, never home-review
    expect(violationsOf(year, team).map((v) => v.rule)).toEqual(["advanced-seat"]);
    expect(homeReview.roles).toEqual(["peer"]);
    const { year: indexed, review: info, person } = pairOf(year, "RA", "L1", "lead");
    expect(homeReview.refuse(indexed, person, info)).toBeUndefined();
  });

  describe("refuse", () => {
    it("returns undefined when the reviewer's school hosts nothing on those days", () => {
      const { year, review: info, person } = pairOf(bHosts("2024-03-11"), "RA", "PB");
      expect(homeReview.refuse(year, person, info)).toBeUndefined();
      const other = pairOf(bHosts("2024-03-05"), "RA", "PC");
      expect(homeReview.refuse(other.year, other.person, other.review)).toBeUndefined();
    });

    it("returns a reason naming the school and the home review's dates", () => {
      const { year, review: info, person } = pairOf(bHosts("2024-03-05"), "RA", "PB");
      const reason = homeReview.refuse(year, person, info);
      expect(reason).toContain("B");
      expect(reason).toContain("2024-03-05..2024-03-07");
    });
  });
});
