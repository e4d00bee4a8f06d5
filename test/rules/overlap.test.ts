import { describe, expect, it } from "vitest";
import { overlap } from "../../src/rules/overlap.js";
import type { Assignment } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { place } from "../../src/rules/placement.js";
import { baseYear, expectExactly, leadSeat, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

/**
 * RA runs 2024-03-04..2024-03-06; D hosts RD (1 seat) from `start`. PB may sit on two reviews
 * (maxReviews 2) and L1 on ten, so only dates matter here.
 */
const withRD = (start: string, days = 3) =>
  baseYear({
    schools: [school("D")],
    reviewers: [reviewer("PB", "B", { maxReviews: 2 })],
    reviews: [review("RD", "D", start, { seats: 1, days })],
  });
const both = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PC"), leadSeat("RD", "L1"), peerSeat("RD", "PB")];

describe("overlap", () => {
  it("passes the clean allocation: the same people on back-to-back reviews", () => {
    expect(violationsOf(withRD("2024-03-07"), both)).toEqual([]);
    expect(violationsOf(withRD("2024-03-11"), both)).toEqual([]);
  });

  it("reports everyone on two reviews that share one day, naming the later review, the person and both reviews", () => {
    expectExactly(violationsOf(withRD("2024-03-06"), both), [
      { rule: "overlap", reviewId: "RD", personId: "L1", mentions: ["RA"] },
      { rule: "overlap", reviewId: "RD", personId: "PB", mentions: ["RA"] },
    ]);
  });

  it("a review ending on the other's first day overlaps too", () => {
    expectExactly(violationsOf(withRD("2024-03-02"), [leadSeat("RA", "L1"), leadSeat("RD", "L1")]), [{ rule: "overlap", reviewId: "RD", personId: "L1", mentions: ["RA"] }]);
  });

  it("reports a person sitting twice on the same review", () => {
    expectExactly(violationsOf(withRD("2024-03-11"), [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PB")]), [
      { rule: "overlap", reviewId: "RA", personId: "PB", mentions: ["twice"] },
    ]);
  });

  it("reports each overlapping pair once: three reviews on the same days give three violations", () => {
    const year = baseYear({
      schools: [school("D"), school("E")],
      reviews: [review("RD", "D", "2024-03-04", { seats: 1 }), review("RE", "E", "2024-03-05", { seats: 1 })],
    });
    const found = violationsOf(year, [leadSeat("RA", "L1"), leadSeat("RD", "L1"), leadSeat("RE", "L1")]);
    expect(found.map((v) => [v.rule, v.reviewId, v.personId])).toEqual([
      ["overlap", "RD", "L1"],
      ["overlap", "RE", "L1"],
      ["overlap", "RE", "L1"],
    ]);
  });

  it("judges a person's whole programme: a seat fine on its own is broken beside an overlapping one", () => {
    const year = indexYear(withRD("2024-03-06"));
    const found = (...assignments: Assignment[]) => overlap.check(place(year, { assignments })).map((v) => [v.rule, v.reviewId, v.personId]);
    expect(found(leadSeat("RD", "L1"))).toEqual([]);
    expect(found(leadSeat("RA", "L1"), leadSeat("RD", "L1"))).toEqual([["overlap", "RD", "L1"]]);
  });
});
