import { describe, expect, it } from "vitest";
import { sameLocality } from "../../src/rules/same-locality.js";
import { baseYear, CLEAN, expectExactly, leadSeat, pairOf, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

/** The base year with A's locality set to "L-A" and D (no review) beside it, sending PD. */
const withD = (hostValue: string | undefined, dValue: string | undefined) =>
  baseYear({
    schools: [school("A", { locality: hostValue }), school("D", { locality: dValue })],
    reviewers: [reviewer("PD", "D")],
  });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PD")];

describe("same-locality", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
    expect(violationsOf(withD("L-A", "OTHER"), team)).toEqual([]);
  });

  it("reports a reviewer whose school shares the host's locality, naming review, person and locality", () => {
    expectExactly(violationsOf(withD("L-A", "L-A"), team), [{ rule: "same-locality", reviewId: "RA", personId: "PD", mentions: ["L-A"] }]);
  });

  it("matches the locality case-insensitively and ignores surrounding spaces", () => {
    expectExactly(violationsOf(withD("L-A", " l-a "), team), [{ rule: "same-locality", reviewId: "RA", personId: "PD" }]);
    expectExactly(violationsOf(withD("l-a", "L-A"), team), [{ rule: "same-locality", reviewId: "RA", personId: "PD" }]);
  });

  it("treats a blank locality as none: two blanks are not the same locality", () => {
    expect(violationsOf(withD(undefined, undefined), team)).toEqual([]);
    expect(violationsOf(withD("", ""), team)).toEqual([]);
    expect(violationsOf(withD("  ", "  "), team)).toEqual([]);
    expect(violationsOf(withD("", "  "), team)).toEqual([]);
  });

  it("a blank on one side never matches a locality on the other", () => {
    expect(violationsOf(withD("L-A", ""), team)).toEqual([]);
    expect(violationsOf(withD(undefined, "L-A"), team)).toEqual([]);
  });

  it("only concerns the host's locality: a reviewer of that locality may review a school elsewhere", () => {
    const year = baseYear({
      schools: [school("A", { locality: "L-A" }), school("D", { locality: "L-A" })],
      reviewers: [reviewer("PD", "D")],
      reviews: [review("RB", "B", "2024-04-15", { seats: 1 })],
    });
    expect(violationsOf(year, [leadSeat("RB", "L1"), peerSeat("RB", "PD")])).toEqual([]);
  });

  it("does not apply to Lead Reviewers (they belong to no school)", () => {
    expect(sameLocality.roles).toEqual(["peer"]);
    const { year, review: info, person } = pairOf(withD("L-A", "L-A"), "RA", "L1", "lead");
    expect(sameLocality.refuse(year, person, info)).toBeUndefined();
  });

  describe("refuse", () => {
    it("returns undefined when the locality differs or is blank", () => {
      for (const [host, own] of [["L-A", "OTHER"], [undefined, undefined], ["", ""]] as const) {
        const { year, review: info, person } = pairOf(withD(host, own), "RA", "PD");
        expect(sameLocality.refuse(year, person, info)).toBeUndefined();
      }
    });

    it("returns a reason naming the locality when it is shared", () => {
      const { year, review: info, person } = pairOf(withD("L-A", "l-a"), "RA", "PD");
      const reason = sameLocality.refuse(year, person, info);
      expect(typeof reason).toBe("string");
      expect(reason).toContain("L-A");
    });
  });
});
