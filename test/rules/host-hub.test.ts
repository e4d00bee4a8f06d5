import { describe, expect, it } from "vitest";
import { hostHub } from "../../src/rules/host-hub.js";
import { sameHub } from "../../src/rules/same-hub.js";
import { baseYear, expectExactly, lead, leadSeat, pairOf, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

/** An mlqar at A (hub H) with middle leaders PD (school D, hub `dHub`) and PE (school E, hub H). */
const mlqar = (dHub: string | undefined, hostHub: string | undefined = "H") =>
  baseYear({
    schools: [school("A", { hub: hostHub }), school("D", { hub: dHub }), school("E", { hub: "H" })],
    reviews: [review("RA", "A", "2024-03-04", { seats: 2, kind: "mlqar" })],
    reviewers: [reviewer("PD", "D", { kinds: ["mlqar"] }), reviewer("PE", "E", { kinds: ["mlqar"] })],
    leads: [lead("L1", { kinds: ["mlqar"] })],
  });
const team = [leadSeat("RA", "L1"), peerSeat("RA", "PD"), peerSeat("RA", "PE")];

describe("host-hub", () => {
  it("passes an mlqar team drawn from the host's hub (case and spaces aside)", () => {
    expect(violationsOf(mlqar("H"), team)).toEqual([]);
    expect(violationsOf(mlqar(" h "), team)).toEqual([]);
  });

  it("reports an mlqar reviewer from another hub, naming both hubs", () => {
    expectExactly(violationsOf(mlqar("OTHER"), team), [{ rule: "host-hub", reviewId: "RA", personId: "PD", mentions: ["OTHER", "H", "mlqar"] }]);
  });

  it("a blank hub matches no hub, the host's blank hub included", () => {
    expectExactly(violationsOf(mlqar(undefined), team), [{ rule: "host-hub", reviewId: "RA", personId: "PD", mentions: ["no hub"] }]);
    expectExactly(violationsOf(mlqar(undefined, ""), team), [
      { rule: "host-hub", reviewId: "RA", personId: "PD" },
      { rule: "host-hub", reviewId: "RA", personId: "PE" },
    ]);
  });

  it("applies only to kinds that require the hub: same-hub does not apply to an mlqar, host-hub not to a qar", () => {
    const onMlqar = pairOf(mlqar("H"), "RA", "PD");
    expect(hostHub.applies(onMlqar.year, onMlqar.review)).toBe(true);
    expect(sameHub.applies(onMlqar.year, onMlqar.review)).toBe(false);
    const onQar = pairOf(baseYear(), "RA", "PB");
    expect(hostHub.applies(onQar.year, onQar.review)).toBe(false);
    expect(hostHub.refuse(onQar.year, onQar.person, onQar.review)).toBeUndefined();
  });

  it("still never lets a middle leader review their own school (own-school applies to mlqar; so does home-review)", () => {
    const year = baseYear({
      schools: [school("A", { hub: "H" })],
      reviews: [review("RA", "A", "2024-03-04", { seats: 1, kind: "mlqar" })],
      reviewers: [reviewer("PA", "A", { kinds: ["mlqar"] })],
      leads: [lead("L1", { kinds: ["mlqar"] })],
    });
    expectExactly(violationsOf(year, [leadSeat("RA", "L1"), peerSeat("RA", "PA")]), [
      { rule: "own-school", reviewId: "RA", personId: "PA" },
      { rule: "home-review", reviewId: "RA", personId: "PA" },
    ]);
  });
});
