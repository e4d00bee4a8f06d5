import { describe, expect, it } from "vitest";
import { availability } from "../../src/rules/availability.js";
import { baseYear, CLEAN, expectExactly, lead, leadSeat, pairOf, peerSeat, review, reviewer, violationsOf } from "./fixture.js";

/** RA runs 2024-03-04..2024-03-06 (3 days). PX from C fills the second seat with `available`. */
const withPX = (available: { from: string; to: string }[]) => baseYear({ reviewers: [reviewer("PX", "C", { available })] });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PX")];
const day = (d: string) => ({ from: d, to: d });

describe("availability", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("passes a reviewer available exactly on the review's days", () => {
    expect(violationsOf(withPX([{ from: "2024-03-04", to: "2024-03-06" }]), team)).toEqual([]);
  });

  it("reports a reviewer available for only part of the review, naming review, person and dates", () => {
    expectExactly(violationsOf(withPX([{ from: "2024-03-04", to: "2024-03-05" }]), team), [
      { rule: "availability", reviewId: "RA", personId: "PX", mentions: ["2024-03-04..2024-03-06"] },
    ]);
  });

  it("needs every day: missing the first day is enough to refuse", () => {
    expectExactly(violationsOf(withPX([{ from: "2024-03-05", to: "2024-03-31" }]), team), [{ rule: "availability", reviewId: "RA", personId: "PX" }]);
  });

  it("joins ranges: 2024-03-04..2024-03-05 plus 2024-03-06 covers the 3-day review", () => {
    expect(violationsOf(withPX([{ from: "2024-03-04", to: "2024-03-05" }, day("2024-03-06")]), team)).toEqual([]);
    // in any order, and single days one after another
    expect(violationsOf(withPX([day("2024-03-06"), day("2024-03-04"), day("2024-03-05")]), team)).toEqual([]);
  });

  it("does not bridge a gap: 2024-03-04 and 2024-03-06 without 2024-03-05 do not cover the review", () => {
    expectExactly(violationsOf(withPX([day("2024-03-04"), day("2024-03-06")]), team), [{ rule: "availability", reviewId: "RA", personId: "PX" }]);
  });

  it("never assigns a person with blank availability", () => {
    expectExactly(violationsOf(withPX([]), team), [{ rule: "availability", reviewId: "RA", personId: "PX", mentions: ["no available dates"] }]);
  });

  it("covers a one-day review with a single available day", () => {
    const year = baseYear({ reviews: [review("RA", "A", "2024-03-04", { seats: 2, days: 1 })], reviewers: [reviewer("PX", "C", { available: [day("2024-03-04")] })] });
    expect(violationsOf(year, team)).toEqual([]);
  });

  it("applies to Lead Reviewers too", () => {
    const year = baseYear({ leads: [lead("L1", { available: [{ from: "2024-03-05", to: "2024-03-08" }] })] });
    expectExactly(violationsOf(year, CLEAN), [{ rule: "availability", reviewId: "RA", personId: "L1", mentions: ["Lead Reviewer"] }]);
    const blank = baseYear({ leads: [lead("L1", { available: [] })] });
    expectExactly(violationsOf(blank, CLEAN), [{ rule: "availability", reviewId: "RA", personId: "L1" }]);
  });

  describe("refuse", () => {
    it("returns undefined when every day is covered", () => {
      const { year, review: info, person } = pairOf(withPX([{ from: "2024-03-01", to: "2024-03-04" }, { from: "2024-03-05", to: "2024-03-06" }]), "RA", "PX");
      expect(availability.refuse(year, person, info)).toBeUndefined();
      const asLead = pairOf(baseYear(), "RA", "L1", "lead");
      expect(availability.refuse(asLead.year, asLead.person, asLead.review)).toBeUndefined();
    });

    it("returns a reason naming the review's days when a day is missing", () => {
      const { year, review: info, person } = pairOf(withPX([{ from: "2024-03-04", to: "2024-03-05" }]), "RA", "PX");
      expect(availability.refuse(year, person, info)).toContain("2024-03-04..2024-03-06");
    });

    it("returns a reason for a blank availability, for a reviewer and for a Lead Reviewer", () => {
      const peer = pairOf(withPX([]), "RA", "PX");
      expect(availability.refuse(peer.year, peer.person, peer.review)).toEqual(expect.any(String));
      const asLead = pairOf(baseYear({ leads: [lead("L1", { available: [] })] }), "RA", "L1", "lead");
      expect(availability.refuse(asLead.year, asLead.person, asLead.review)).toEqual(expect.any(String));
    });
  });
});
