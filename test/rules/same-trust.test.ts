import { describe, expect, it } from "vitest";
import { sameTrust } from "../../src/rules/same-trust.js";
import { baseYear, CLEAN, expectExactly, leadSeat, pairOf, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

/** The base year with A's trust set to "T-A" and D (no review) beside it, sending PD. */
const withD = (hostValue: string | undefined, dValue: string | undefined) =>
  baseYear({
    schools: [school("A", { trust: hostValue }), school("D", { trust: dValue })],
    reviewers: [reviewer("PD", "D")],
  });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PD")];

describe("same-trust", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
    expect(violationsOf(withD("T-A", "OTHER"), team)).toEqual([]);
  });

  it("reports a reviewer whose school shares the host's trust, naming review, person and trust", () => {
    expectExactly(violationsOf(withD("T-A", "T-A"), team), [{ rule: "same-trust", reviewId: "RA", personId: "PD", mentions: ["T-A"] }]);
  });

  it("matches the trust case-insensitively and ignores surrounding spaces", () => {
    expectExactly(violationsOf(withD("T-A", " t-a "), team), [{ rule: "same-trust", reviewId: "RA", personId: "PD" }]);
    expectExactly(violationsOf(withD("t-a", "T-A"), team), [{ rule: "same-trust", reviewId: "RA", personId: "PD" }]);
  });

  it("treats a blank trust as none: two blanks are not the same trust", () => {
    expect(violationsOf(withD(undefined, undefined), team)).toEqual([]);
    expect(violationsOf(withD("", ""), team)).toEqual([]);
    expect(violationsOf(withD("  ", "  "), team)).toEqual([]);
    expect(violationsOf(withD("", "  "), team)).toEqual([]);
  });

  it("a blank on one side never matches a trust on the other", () => {
    expect(violationsOf(withD("T-A", ""), team)).toEqual([]);
    expect(violationsOf(withD(undefined, "T-A"), team)).toEqual([]);
  });

  it("only concerns the host's trust: a reviewer of that trust may review a school elsewhere", () => {
    const year = baseYear({
      schools: [school("A", { trust: "T-A" }), school("D", { trust: "T-A" })],
      reviewers: [reviewer("PD", "D")],
      reviews: [review("RB", "B", "2024-04-15", { seats: 1 })],
    });
    expect(violationsOf(year, [leadSeat("RB", "L1"), peerSeat("RB", "PD")])).toEqual([]);
  });

  it("does not apply to Lead Reviewers (they belong to no school)", () => {
    expect(sameTrust.roles).toEqual(["peer"]);
    const { year, review: info, person } = pairOf(withD("T-A", "T-A"), "RA", "L1", "lead");
    expect(sameTrust.refuse(year, person, info)).toBeUndefined();
  });

  describe("refuse", () => {
    it("returns undefined when the trust differs or is blank", () => {
      for (const [host, own] of [["T-A", "OTHER"], [undefined, undefined], ["", ""]] as const) {
        const { year, review: info, person } = pairOf(withD(host, own), "RA", "PD");
        expect(sameTrust.refuse(year, person, info)).toBeUndefined();
      }
    });

    it("returns a reason naming the trust when it is shared", () => {
      const { year, review: info, person } = pairOf(withD("T-A", "t-a"), "RA", "PD");
      const reason = sameTrust.refuse(year, person, info);
      expect(typeof reason).toBe("string");
      expect(reason).toContain("T-A");
    });
  });
});
