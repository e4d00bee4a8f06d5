import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { trustAccount } from "../../src/model/accounts.js";
import { indexYear } from "../../src/model/year.js";
import { distance } from "../../src/rules/distance.js";
import { ownSchool } from "../../src/rules/own-school.js";
import { sameHub } from "../../src/rules/same-hub.js";
import { sameLocality } from "../../src/rules/same-locality.js";
import { sameTrust } from "../../src/rules/same-trust.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
import { expectExactly, leadSeat, peerSeat } from "../rules/fixture.js";

// Each kind's rules as the checker applies them, on small years built by hand: the locality
// rules by kind, the home-review rule by kind, and reciprocity by trust.

/** A TPR of trust OAK (its schools A1, A2 near B and C), trust leaders of B (ELM), C (ELM) and A2 (OAK). */
const tprYear = () =>
  problem({
    schools: [
      school("A1", { hub: "H", locality: "L", trust: "Oak", lat: 51, lon: 0 }),
      school("A2", { hub: "H", locality: "L", trust: "OAK", lat: 51, lon: 0.001 }),
      school("B", { hub: "H", locality: "L", trust: "Elm", lat: 51, lon: 0.002 }),
      school("C", { hub: "H", locality: "L", trust: "ELM", lat: 51, lon: 0.003 }),
      school("D", { hub: "H", locality: "L", lat: 51, lon: 0.004 }),
    ],
    reviews: [{ id: "T1", kind: "tpr", trustId: "oak", start: "2024-03-04", days: 3 }],
    reviewers: [reviewer("PB", "B", { kinds: ["tpr"] }), reviewer("PC", "C", { kinds: ["tpr"] }), reviewer("PA", "A2", { kinds: ["tpr"] }), reviewer("PD", "D", { kinds: ["tpr"] })],
    leads: [lead("LT", { kinds: ["tpr"] })],
  });

describe("a Trust Peer Review", () => {
  it("takes reviewers from the host's hub, locality and neighbourhood, but never from the host trust (at home during its TPR)", () => {
    const { violations } = checkAllocation(tprYear(), { assignments: [leadSeat("T1", "LT"), peerSeat("T1", "PB"), peerSeat("T1", "PD"), peerSeat("T1", "PA")] });
    expectExactly(violations, [
      { rule: "same-trust", reviewId: "T1", personId: "PA", mentions: ["oak"] },
      { rule: "home-review", reviewId: "T1", personId: "PA", mentions: ["trust OAK"] },
    ]);
  });

  it("takes one reviewer per trust; reviewers of no trust are each their own", () => {
    const { violations } = checkAllocation(tprYear(), { assignments: [leadSeat("T1", "LT"), peerSeat("T1", "PB"), peerSeat("T1", "PC"), peerSeat("T1", "PD")] });
    expectExactly(violations, [{ rule: "max-per-trust", reviewId: "T1", personId: "PC", mentions: ["Elm"] }]);
  });

  it("needs no advanced reviewer and has six seats; the locality rules a TPR does not list do not apply to it", () => {
    const year = indexYear(tprYear());
    const t1 = year.reviewById.get("T1")!;
    expect([t1.peerSeats, t1.kind.minAdvancedPerTeam, t1.host.id, t1.hostSchool]).toEqual([6, 0, "oak", undefined]);
    for (const rule of [ownSchool, sameHub, sameLocality, distance]) expect(rule.applies(year, t1)).toBe(false);
    expect(sameTrust.applies(year, t1)).toBe(true);
    const trainee = problem({ ...tprYear(), reviewers: [reviewer("PB", "B", { kinds: ["tpr"], level: "trainee" })] });
    expect(checkAllocation(trainee, { assignments: [peerSeat("T1", "PB")] }).violations).toEqual([]);
  });

  it("counts its reciprocity by trust: the host trust's target is its seats, places go to the reviewer's trust and not their school", () => {
    const year = tprYear();
    const check = checkAllocation(year, { assignments: [leadSeat("T1", "LT"), peerSeat("T1", "PB"), peerSeat("T1", "PD")] });
    expect(check.trustLedger).toEqual([
      { trustId: "Elm", target: 0, seatsReceived: 0, placesSent: 1, balance: 1 },
      { trustId: "oak", target: 6, seatsReceived: 2, placesSent: 0, balance: -6 },
    ]);
    expect(check.ledger.every((row) => row.placesSent === 0 && row.seatsReceived === 0)).toBe(true);
    expect(check.metrics.trustReciprocity).toMatchObject({ trusts: 2, inBalance: 0, meetingCommitment: 1, totalDeviation: 7 });
    expect(indexYear(year).target.get(trustAccount(" OAK ")!)).toBe(6);
  });

  it("keeps a trust's leaders at home during its own TPR, but not during a QAR at one of its schools", () => {
    const year = problem({
      ...tprYear(),
      reviews: [
        { id: "T1", kind: "tpr", trustId: "oak", start: "2024-03-04", days: 3 },
        { id: "T2", kind: "tpr", trustId: "elm", start: "2024-03-05", days: 3 },
        review("RD", "D", "2024-03-05"),
      ],
    });
    const { violations } = checkAllocation(year, { assignments: [peerSeat("T1", "PB"), peerSeat("T2", "PA")] });
    expectExactly(violations, [
      { rule: "home-review", reviewId: "T1", personId: "PB", mentions: ["trust Elm"] },
      { rule: "home-review", reviewId: "T2", personId: "PA", mentions: ["trust OAK"] },
    ]);
    expect(checkAllocation({ ...year, reviews: [year.reviews[0]!, { ...year.reviews[1]!, kind: "tpr", trustId: "elm", start: "2024-04-08" }, review("RA", "A2", "2024-03-05")] }, { assignments: [peerSeat("T1", "PB")] }).violations).toEqual([]);
  });
});

describe("a year of QARs and MLQARs", () => {
  /** School S in hub H hosts a QAR and an MLQAR the same week; its reviewers serve one kind each. */
  const year = () =>
    problem({
      schools: [school("S", { hub: "H" }), school("T", { hub: "H" }), school("U", { hub: "X" })],
      reviews: [review("RQ", "U", "2024-03-04", { seats: 1 }), review("RM", "T", "2024-03-04", { seats: 1, kind: "mlqar" }), review("RS", "S", "2024-03-04", { seats: 1 })],
      reviewers: [reviewer("PQ", "S"), reviewer("PM", "S", { kinds: ["mlqar"] })],
      leads: [lead("LQ"), lead("LM", { kinds: ["mlqar"] })],
    });

  it("a QAR at home keeps a school's QAR reviewers in, but not its middle leaders (home-review counts the same kind only)", () => {
    const { violations } = checkAllocation(year(), { assignments: [peerSeat("RQ", "PQ"), peerSeat("RM", "PM")] });
    expectExactly(violations, [{ rule: "home-review", reviewId: "RQ", personId: "PQ" }]);
  });

  it("an MLQAR takes its middle leaders from the host's hub, a QAR from beyond it", () => {
    const { violations } = checkAllocation(year(), { assignments: [leadSeat("RM", "LM"), peerSeat("RM", "PM"), leadSeat("RQ", "LQ")] });
    expect(violations).toEqual([]);
    expectExactly(checkAllocation(year(), { assignments: [peerSeat("RS", "PM")] }).violations, [
      { rule: "review-kind", reviewId: "RS", personId: "PM" },
      { rule: "own-school", reviewId: "RS", personId: "PM" },
      { rule: "same-hub", reviewId: "RS", personId: "PM" },
      { rule: "same-locality", reviewId: "RS", personId: "PM" },
      { rule: "home-review", reviewId: "RS", personId: "PM" },
    ]);
  });
});
