import { describe, expect, it } from "vitest";
import { sameHub } from "../../src/rules/same-hub.js";
import { baseYear, CLEAN, expectExactly, leadSeat, pairOf, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

/** The base year with A's hub set to "H-A" and D (no review) beside it, sending PD. */
const withD = (hostValue: string | undefined, dValue: string | undefined) =>
  baseYear({
    schools: [school("A", { hub: hostValue }), school("D", { hub: dValue })],
    reviewers: [reviewer("PD", "D")],
  });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PD")];

describe("same-hub", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
    expect(violationsOf(withD("H-A", "OTHER"), team)).toEqual([]);
  });

  it("reports a reviewer whose school shares the host's hub, naming review, person and hub", () => {
    expectExactly(violationsOf(withD("H-A", "H-A"), team), [{ rule: "same-hub", reviewId: "RA", personId: "PD", mentions: ["H-A"] }]);
  });

  it("matches the hub case-insensitively and ignores surrounding spaces", () => {
    expectExactly(violationsOf(withD("H-A", " h-a "), team), [{ rule: "same-hub", reviewId: "RA", personId: "PD" }]);
    expectExactly(violationsOf(withD("h-a", "H-A"), team), [{ rule: "same-hub", reviewId: "RA", personId: "PD" }]);
  });

  it("treats a blank hub as none: two blanks are not the same hub", () => {
    expect(violationsOf(withD(undefined, undefined), team)).toEqual([]);
    expect(violationsOf(withD("", ""), team)).toEqual([]);
    expect(violationsOf(withD("  ", "  "), team)).toEqual([]);
    expect(violationsOf(withD("", "  "), team)).toEqual([]);
  });

  it("a blank on one side never matches a hub on the other", () => {
    expect(violationsOf(withD("H-A", ""), team)).toEqual([]);
    expect(violationsOf(withD(undefined, "H-A"), team)).toEqual([]);
  });

  it("only concerns the host's hub: a reviewer of that hub may review a school elsewhere", () => {
    const year = baseYear({
      schools: [school("A", { hub: "H-A" }), school("D", { hub: "H-A" })],
      reviewers: [reviewer("PD", "D")],
      reviews: [review("RB", "B", "2024-04-15", { seats: 1 })],
    });
    expect(violationsOf(year, [leadSeat("RB", "L1"), peerSeat("RB", "PD")])).toEqual([]);
  });

  it("does not apply to Lead Reviewers (they belong to no school)", () => {
    expect(sameHub.roles).toEqual(["peer"]);
    const { year, review: info, person } = pairOf(withD("H-A", "H-A"), "RA", "L1", "lead");
    expect(sameHub.refuse(year, person, info)).toBeUndefined();
  });

  describe("refuse", () => {
    it("returns undefined when the hub differs or is blank", () => {
      for (const [host, own] of [["H-A", "OTHER"], [undefined, undefined], ["", ""]] as const) {
        const { year, review: info, person } = pairOf(withD(host, own), "RA", "PD");
        expect(sameHub.refuse(year, person, info)).toBeUndefined();
      }
    });

    it("returns a reason naming the hub when it is shared", () => {
      const { year, review: info, person } = pairOf(withD("H-A", "h-a"), "RA", "PD");
      const reason = sameHub.refuse(year, person, info);
      expect(typeof reason).toBe("string");
      expect(reason).toContain("H-A");
    });
  });
});
