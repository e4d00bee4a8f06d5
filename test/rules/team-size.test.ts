import { describe, expect, it } from "vitest";
import { teamSize } from "../../src/rules/team-size.js";
import { baseYear, CLEAN, expectExactly, leadSeat, peerSeat, review, reviewer, school, violationsOf } from "./fixture.js";

const withPD = baseYear({ schools: [school("D")], reviewers: [reviewer("PD", "D")] });
const three = [...CLEAN, peerSeat("RA", "PD")];

describe("team-size", () => {
  it("passes the clean allocation: a team exactly as large as its seats", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("reports more peers than seats, naming the review, the count and the seats", () => {
    expectExactly(violationsOf(withPD, three), [{ rule: "team-size", reviewId: "RA", mentions: ["3", "2"] }]);
  });

  it("takes the seats from the band table when the review states none", () => {
    // A primary school of 150 pupils has 2 seats; of 300 pupils, 3
    const small = baseYear({ schools: [school("A", { pupils: 150 }), school("D")], reviewers: [reviewer("PD", "D")], reviews: [review("RA", "A", "2024-03-04")] });
    expectExactly(violationsOf(small, three), [{ rule: "team-size", reviewId: "RA" }]);
    const large = baseYear({ schools: [school("A", { pupils: 300 }), school("D")], reviewers: [reviewer("PD", "D")], reviews: [review("RA", "A", "2024-03-04")] });
    expect(violationsOf(large, three)).toEqual([]);
  });

  it("a review of 0 seats takes no peer at all (and needs no advanced reviewer)", () => {
    const none = baseYear({ reviews: [review("RA", "A", "2024-03-04", { seats: 0 })] });
    expect(violationsOf(none, [leadSeat("RA", "L1")])).toEqual([]);
    expectExactly(violationsOf(none, [leadSeat("RA", "L1"), peerSeat("RA", "PB")]), [{ rule: "team-size", reviewId: "RA", mentions: ["1", "0"] }]);
  });

  it("does not count the Lead Reviewer", () => {
    expect(violationsOf(baseYear({ reviews: [review("RA", "A", "2024-03-04", { seats: 1 })] }), [leadSeat("RA", "L1"), peerSeat("RA", "PB")])).toEqual([]);
    expect(teamSize.id).toBe("team-size");
  });
});
