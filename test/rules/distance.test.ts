import { describe, expect, it } from "vitest";
import { distanceKm } from "../../src/model/geo.js";
import { distance } from "../../src/rules/distance.js";
import { refusal } from "../../src/rules/index.js";
import { baseYear, CLEAN, expectExactly, lead, leadSeat, pairOf, peerSeat, reviewer, school, violationsOf, type YearParts } from "./fixture.js";

/**
 * A in central London, B in Birmingham (about 160 km), C in Manchester; D about 1.3 km from A.
 * The default policy's minimum distance is 10 km.
 */
const AT = { A: { lat: 51.5, lon: -0.1 }, B: { lat: 52.5, lon: -1.9 }, C: { lat: 53.4, lon: -2.2 }, D: { lat: 51.51, lon: -0.11 } };
const mapped = (parts: YearParts = {}) => {
  const placed = [school("A", AT.A), school("B", AT.B), school("C", AT.C), school("D", AT.D)];
  return baseYear({
    ...parts,
    // a school in `parts` replaces the mapped one of the same id
    schools: placed.map((s) => parts.schools?.find((o) => o.id === s.id) ?? s),
    reviewers: [reviewer("PD", "D"), ...(parts.reviewers ?? [])],
  });
};
const withPD = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PD")];

describe("distance", () => {
  it("passes the clean allocation (every reviewer well beyond the minimum)", () => {
    expect(violationsOf(mapped(), CLEAN)).toEqual([]);
  });

  it("reports a reviewer whose school is within the minimum distance, naming review, person and km", () => {
    expectExactly(violationsOf(mapped(), withPD), [{ rule: "distance", reviewId: "RA", personId: "PD", mentions: ["km", "10"] }]);
  });

  it("minDistanceKm 0 turns the rule off", () => {
    expect(violationsOf(mapped({ policy: { minDistanceKm: 0 } }), withPD)).toEqual([]);
  });

  it("uses the policy's minimum: B at about 160 km is too close under a 200 km minimum, fine under 150", () => {
    const km = distanceKm(AT.A, AT.B);
    expect(km).toBeGreaterThan(150);
    expect(km).toBeLessThan(200);
    expectExactly(violationsOf(mapped({ policy: { minDistanceKm: 200 } }), [leadSeat("RA", "L1"), peerSeat("RA", "PB")]), [
      { rule: "distance", reviewId: "RA", personId: "PB", mentions: ["200"] },
    ]);
    expect(violationsOf(mapped({ policy: { minDistanceKm: 150 } }), [leadSeat("RA", "L1"), peerSeat("RA", "PB")])).toEqual([]);
  });

  it("never refuses a reviewer whose school has no coordinates", () => {
    const year = mapped({ schools: [school("D")] });
    expect(violationsOf(year, withPD)).toEqual([]);
  });

  it("never refuses anyone when the host has no coordinates", () => {
    const year = mapped({ schools: [school("A")] });
    expect(violationsOf(year, withPD)).toEqual([]);
  });

  it("does not apply to Lead Reviewers, even one based at the host's door", () => {
    const year = mapped({ leads: [lead("L1", AT.A)] });
    expect(violationsOf(year, CLEAN)).toEqual([]);
    // The rule lists only the peer seat; `refusal` (what engines and explain ask) skips it for a lead.
    expect(distance.roles).toEqual(["peer"]);
    const { year: indexed, review, person } = pairOf(year, "RA", "L1", "lead");
    expect(refusal(indexed, person, review)).toBeUndefined();
  });

  describe("refuse", () => {
    it("returns undefined for a distant reviewer and for a reviewer without coordinates", () => {
      const far = pairOf(mapped(), "RA", "PB");
      expect(distance.refuse(far.year, far.person, far.review)).toBeUndefined();
      const unmapped = pairOf(mapped({ schools: [school("D")] }), "RA", "PD");
      expect(distance.refuse(unmapped.year, unmapped.person, unmapped.review)).toBeUndefined();
    });

    it("returns a reason with the distance and the minimum for a close reviewer", () => {
      const { year, review, person } = pairOf(mapped(), "RA", "PD");
      const reason = distance.refuse(year, person, review);
      expect(reason).toEqual(expect.any(String));
      expect(reason).toContain(`${distanceKm(AT.D, AT.A).toFixed(1)} km`);
      expect(reason).toContain("10 km");
    });

    it("returns undefined for a close reviewer when the minimum is 0", () => {
      const { year, review, person } = pairOf(mapped({ policy: { minDistanceKm: 0 } }), "RA", "PD");
      expect(distance.refuse(year, person, review)).toBeUndefined();
    });
  });
});
