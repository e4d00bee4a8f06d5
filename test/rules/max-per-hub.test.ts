import { describe, expect, it } from "vitest";
import { indexYear } from "../../src/model/year.js";
import { maxPerHub } from "../../src/rules/max-per-hub.js";
import { createRoster } from "../../src/solver/roster.js";
import { baseYear, expectExactly, leadSeat, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

/** RA (3 seats) and three reviewers of schools D, E, F in hubs `d`, `e` and X; a cap of 2 per hub when given. */
const year = (d: string | undefined, e: string | undefined, cap: number | null = 1) =>
  baseYear({
    schools: [school("D", { hub: d }), school("E", { hub: e }), school("F", { hub: "X" })],
    reviews: [review("RA", "A", "2024-03-04", { seats: 3 })],
    reviewers: ["D", "E", "F"].map((s) => reviewer(`P${s}`, s)),
    policy: { kinds: { qar: { maxPerHubPerTeam: cap } } },
  });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PD"), peerSeat("RA", "PE"), peerSeat("RA", "PF")];

describe("max-per-hub", () => {
  it("passes a team from different hubs, and any team without a cap", () => {
    expect(violationsOf(year("H1", "H2"), team)).toEqual([]);
    expect(violationsOf(year("H1", "H1", null), team)).toEqual([]);
  });

  it("reports a team over its kind's cap of one hub, naming the hub and the people", () => {
    expectExactly(violationsOf(year("H1", "h1"), team), [{ rule: "max-per-hub", reviewId: "RA", personId: "PE", mentions: ["H1", "PD", "maxPerHubPerTeam"] }]);
    expect(violationsOf(year("H1", "H1", 2), team)).toEqual([]);
  });

  it("blank hubs are no hub", () => {
    expect(violationsOf(year(undefined, undefined), team)).toEqual([]);
  });

  it("admits seat by seat as the team fills", () => {
    const indexed = indexYear(year("H1", "H1"));
    const roster = createRoster(indexed);
    const ra = indexed.reviews[0]!;
    roster.add("peer", indexed.people.peer.get("PD")!, ra);
    expect(maxPerHub.admits!(roster, indexed.people.peer.get("PE")!, ra, "peer")).toBe(false);
    expect(maxPerHub.admits!(roster, indexed.people.peer.get("PF")!, ra, "peer")).toBe(true);
    expect(maxPerHub.admits!(roster, indexed.people.peer.get("PE")!, ra, "lead")).toBe(true);
  });
});
