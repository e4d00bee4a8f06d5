import { describe, expect, it } from "vitest";
import { indexYear } from "../../src/model/year.js";
import { maxPerTrust } from "../../src/rules/max-per-trust.js";
import { createRoster } from "../../src/solver/roster.js";
import { baseYear, expectExactly, lead, leadSeat, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

/** A TPR of trust HOST with trust leaders PD and PE of trusts `d` and `e`, and PF of trust F. */
const tpr = (d: string | undefined, e: string | undefined) =>
  baseYear({
    schools: [school("A", { trust: "HOST" }), school("D", { trust: d }), school("E", { trust: e }), school("F", { trust: "F" })],
    reviews: [review("RA", "A", "2024-03-04", { seats: 3, kind: "tpr" })].map(({ schoolId: _school, ...rest }) => ({ ...rest, trustId: "HOST" })),
    reviewers: ["D", "E", "F"].map((s) => reviewer(`P${s}`, s, { kinds: ["tpr"], level: "reviewer" })),
    leads: [lead("L1", { kinds: ["tpr"] })],
  });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PD"), peerSeat("RA", "PE"), peerSeat("RA", "PF")];

describe("max-per-trust", () => {
  it("passes a TPR team from three different trusts", () => {
    expect(violationsOf(tpr("T1", "T2"), team)).toEqual([]);
  });

  it("reports two reviewers of one trust on a TPR team, naming the trust, the people and the cap", () => {
    expectExactly(violationsOf(tpr("T1", " t1 "), team), [{ rule: "max-per-trust", reviewId: "RA", personId: "PE", mentions: ["T1", "PD", "maxPerTrustPerTeam", "1"] }]);
  });

  it("blank trusts are no trust: two reviewers of schools in no trust break nothing", () => {
    expect(violationsOf(tpr(undefined, undefined), team)).toEqual([]);
  });

  it("a QAR has no cap by default (the policy may set one)", () => {
    const qar = (policy?: object) =>
      baseYear({ schools: [school("D", { trust: "T1" }), school("E", { trust: "T1" })], reviewers: [reviewer("PD", "D"), reviewer("PE", "E")], reviews: [review("RA", "A", "2024-03-04", { seats: 2 })], ...(policy ? { policy } : {}) });
    const both = [leadSeat("RA", "L1"), peerSeat("RA", "PD"), peerSeat("RA", "PE")];
    expect(violationsOf(qar(), both)).toEqual([]);
    expectExactly(violationsOf(qar({ kinds: { qar: { maxPerTrustPerTeam: 1 } } }), both), [{ rule: "max-per-trust", reviewId: "RA", personId: "PE" }]);
  });

  it("admits a seat while the trust has room on the team, and its MIP rows cap each trust's columns", () => {
    const year = indexYear(tpr("T1", "T1"));
    const roster = createRoster(year);
    const [ra] = year.reviews;
    const [pd, pe, pf] = ["PD", "PE", "PF"].map((id) => year.people.peer.get(id)!);
    expect(maxPerTrust.admits!(roster, pd!, ra!, "peer")).toBe(true);
    roster.add("peer", pd!, ra!);
    expect(maxPerTrust.admits!(roster, pe!, ra!, "peer")).toBe(false);
    expect(maxPerTrust.admits!(roster, pf!, ra!, "peer")).toBe(true);
    expect(maxPerTrust.teamRows!(ra!, [{ column: 0, person: pd! }, { column: 1, person: pe! }, { column: 2, person: pf! }], [])).toEqual([{ columns: [0, 1], upper: 1 }]);
    expect(maxPerTrust.teamRows!(ra!, [{ column: 1, person: pe! }], [pd!])).toEqual([{ columns: [1], upper: 0 }]);
  });
});
