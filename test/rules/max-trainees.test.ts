import { describe, expect, it } from "vitest";
import { indexYear } from "../../src/model/year.js";
import { maxTrainees } from "../../src/rules/max-trainees.js";
import { createRoster } from "../../src/solver/roster.js";
import { baseYear, expectExactly, leadSeat, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

/** RA (3 seats): PB advanced, PD and PE trainees; the qar kind capped at `cap` trainees. */
const year = (cap: number | null) =>
  baseYear({
    schools: [school("D"), school("E")],
    reviews: [review("RA", "A", "2024-03-04", { seats: 3 })],
    reviewers: [reviewer("PD", "D", { level: "trainee" }), reviewer("PE", "E", { level: "trainee" })],
    policy: { kinds: { qar: { maxTraineesPerTeam: cap } } },
  });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PB"), peerSeat("RA", "PD"), peerSeat("RA", "PE")];

describe("max-trainees", () => {
  it("passes any team without a cap (the default) and a team within its cap", () => {
    expect(violationsOf(year(null), team)).toEqual([]);
    expect(violationsOf(year(2), team)).toEqual([]);
  });

  it("reports first-timers crowding a team, naming the cap", () => {
    expectExactly(violationsOf(year(1), team), [{ rule: "max-trainees", reviewId: "RA", personId: "PE", mentions: ["trainees", "PD", "maxTraineesPerTeam"] }]);
    expectExactly(violationsOf(year(0), team), [{ rule: "max-trainees", reviewId: "RA", personId: "PD" }]);
  });

  it("counts trainees only: a team of advanced reviewers is never over the cap", () => {
    expect(violationsOf(year(0), [leadSeat("RA", "L1"), peerSeat("RA", "PB")])).toEqual([]);
  });

  it("admits a trainee while there is room, and anyone else always", () => {
    const indexed = indexYear(year(1));
    const roster = createRoster(indexed);
    const ra = indexed.reviews[0]!;
    roster.add("peer", indexed.people.peer.get("PD")!, ra);
    expect(maxTrainees.admits!(roster, indexed.people.peer.get("PE")!, ra, "peer")).toBe(false);
    expect(maxTrainees.admits!(roster, indexed.people.peer.get("PB")!, ra, "peer")).toBe(true);
    expect(maxTrainees.applies!(ra)).toBe(true);
    expect(maxTrainees.applies!(indexYear(year(null)).reviews[0]!)).toBe(false);
  });
});
