import { describe, expect, it } from "vitest";
import { ownSchool } from "../../src/rules/own-school.js";
import { baseYear, CLEAN, expectExactly, leadSeat, pairOf, peerSeat, reviewer, school, violationsOf } from "./fixture.js";

describe("own-school", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("reports a reviewer on their own school's team (with the hub, locality and home review that come with it)", () => {
    const year = baseYear({ reviewers: [reviewer("PA", "A")] });
    const found = violationsOf(year, [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PA")]);
    expect(found.filter((v) => v.rule === "own-school")).toHaveLength(1);
    expectExactly(found, [
      { rule: "own-school", reviewId: "RA", personId: "PA", mentions: ["A"] },
      { rule: "same-hub", reviewId: "RA", personId: "PA" },
      { rule: "same-locality", reviewId: "RA", personId: "PA" },
      // The reviewer's own school hosts this very review, so home-review is broken as well.
      { rule: "home-review", reviewId: "RA", personId: "PA" },
    ]);
  });

  it("reports own-school alone when the host has no hub, locality or trust (apart from the home review)", () => {
    const year = baseYear({ schools: [school("A", { hub: undefined, locality: undefined })], reviewers: [reviewer("PA", "A")] });
    expectExactly(violationsOf(year, [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PA")]), [
      { rule: "own-school", reviewId: "RA", personId: "PA" },
      { rule: "home-review", reviewId: "RA", personId: "PA" },
    ]);
  });

  it("does not apply to Lead Reviewers (they belong to no school)", () => {
    expect(ownSchool.roles).toEqual(["peer"]);
    const { year, review, person } = pairOf(baseYear(), "RA", "L1", "lead");
    expect(ownSchool.refuse(year, person, review)).toBeUndefined();
  });

  describe("refuse", () => {
    it("allows a reviewer from another school", () => {
      const { year, review, person } = pairOf(baseYear(), "RA", "PB");
      expect(ownSchool.refuse(year, person, review)).toBeUndefined();
      expect(ownSchool.allows(year, person, review)).toBe(true);
    });

    it("refuses a reviewer from the host school, naming it", () => {
      const { year, review, person } = pairOf(baseYear({ reviewers: [reviewer("PA", "A")] }), "RA", "PA");
      const reason = ownSchool.refuse(year, person, review);
      expect(typeof reason).toBe("string");
      expect(reason).toContain("A");
      expect(ownSchool.allows(year, person, review)).toBe(false);
    });

    it("does not care about trainees or levels: a trainee from the host is refused too", () => {
      const { year, review, person } = pairOf(baseYear({ reviewers: [reviewer("PA", "A", { level: "trainee" })] }), "RA", "PA");
      expect(ownSchool.refuse(year, person, review)).toEqual(expect.any(String));
    });
  });

  it("uses the same id as its file", () => {
    expect(ownSchool.id).toBe("own-school");
  });
});
