import { describe, expect, it } from "vitest";
import { conflicts } from "../../src/rules/conflicts.js";
import { baseYear, CLEAN, expectExactly, lead, leadSeat, pairOf, peerSeat, reviewer, violationsOf } from "./fixture.js";

const withPX = (declared: string[]) => baseYear({ reviewers: [reviewer("PX", "C", { conflicts: declared })] });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PX")];

describe("conflicts", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("passes a reviewer whose declared conflicts are with other schools", () => {
    expect(violationsOf(withPX(["B"]), team)).toEqual([]);
  });

  it("reports a reviewer on a school they declared a conflict with, naming review, person and school", () => {
    expectExactly(violationsOf(withPX(["B", "A"]), team), [{ rule: "conflicts", reviewId: "RA", personId: "PX", mentions: ["A"] }]);
  });

  it("applies to Lead Reviewers too", () => {
    const year = baseYear({ leads: [lead("L1", { conflicts: ["A"] })] });
    expectExactly(violationsOf(year, CLEAN), [{ rule: "conflicts", reviewId: "RA", personId: "L1", mentions: ["Lead Reviewer"] }]);
    expect(conflicts.roles).toEqual(expect.arrayContaining(["lead", "peer"]));
  });

  describe("refuse", () => {
    it("returns undefined without a conflict with the host", () => {
      const peer = pairOf(withPX(["B"]), "RA", "PX");
      expect(conflicts.refuse(peer.year, peer.person, peer.review)).toBeUndefined();
      const asLead = pairOf(baseYear({ leads: [lead("L1", { conflicts: ["C"] })] }), "RA", "L1", "lead");
      expect(conflicts.refuse(asLead.year, asLead.person, asLead.review)).toBeUndefined();
    });

    it("returns a reason naming the host for a declared conflict", () => {
      const peer = pairOf(withPX(["A"]), "RA", "PX");
      expect(conflicts.refuse(peer.year, peer.person, peer.review)).toContain("A");
      const asLead = pairOf(baseYear({ leads: [lead("L1", { conflicts: ["A"] })] }), "RA", "L1", "lead");
      expect(conflicts.refuse(asLead.year, asLead.person, asLead.review)).toContain("A");
    });
  });
});
