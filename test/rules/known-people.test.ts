import { describe, expect, it } from "vitest";
import { knownPeople } from "../../src/rules/known-people.js";
import { baseYear, CLEAN, expectExactly, leadSeat, peerSeat, violationsOf } from "./fixture.js";

describe("known-people", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("reports a peer reviewer put in the lead seat", () => {
    expectExactly(violationsOf(baseYear(), [...CLEAN, leadSeat("RA", "PC")]), [{ rule: "known-people", reviewId: "RA", personId: "PC", mentions: ["peer reviewer"] }]);
  });

  it("reports a Lead Reviewer put in a peer seat", () => {
    expectExactly(violationsOf(baseYear(), [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "L1")]), [
      { rule: "known-people", reviewId: "RA", personId: "L1", mentions: ["Lead Reviewer"] },
    ]);
  });

  it("reports a review id the year does not have, with the review and person ids", () => {
    const found = violationsOf(baseYear(), [...CLEAN, leadSeat("RZ", "L1")]);
    expect(found.map(({ rule, reviewId, personId }) => ({ rule, reviewId, personId }))).toEqual([{ rule: "known-people", reviewId: "RZ", personId: "L1" }]);
    expect(found[0]!.message).toContain("RZ");
  });

  // Every violation's message names the review and the person (STYLE.md).
  it("names the person in the message for an unknown review id", () => {
    expectExactly(violationsOf(baseYear(), [...CLEAN, leadSeat("RZ", "L1")]), [{ rule: "known-people", reviewId: "RZ", personId: "L1", mentions: ["not in the year"] }]);
  });

  it("reports a person id the year does not have, in either seat", () => {
    expectExactly(violationsOf(baseYear(), [...CLEAN, peerSeat("RA", "PZ"), leadSeat("RA", "LZ")]), [
      { rule: "known-people", reviewId: "RA", personId: "PZ" },
      { rule: "known-people", reviewId: "RA", personId: "LZ" },
    ]);
  });

  it("an unknown assignment fills no seat and counts towards nothing else", () => {
    // PB in the lead seat is not a second lead, and does not spend PB's one review
    expectExactly(violationsOf(baseYear(), [...CLEAN, leadSeat("RA", "PB")]), [{ rule: "known-people", reviewId: "RA", personId: "PB" }]);
    expect(knownPeople.id).toBe("known-people");
  });
});
