import { describe, expect, it } from "vitest";
import { reviewKind } from "../../src/rules/review-kind.js";
import { baseYear, CLEAN, expectExactly, lead, leadSeat, pairOf, peerSeat, review, reviewer, violationsOf } from "./fixture.js";

/**
 * The base year with RA of `kind` and PB, PC and L1 serving `served` (undefined = blank, qar).
 * The policy adds a kind `send` with QAR's rules (a policy may add kinds).
 */
const withKinds = (kind: string | undefined, served: string[] | undefined, leadServes: string[] | undefined = served) =>
  baseYear({
    policy: { kinds: { send: { name: "SEND Developmental Peer Review" } } },
    reviews: [review("RA", "A", "2024-03-04", { seats: 2, ...(kind ? { kind } : {}) })],
    reviewers: [reviewer("PB", "B", served ? { kinds: served } : {}), reviewer("PC", "C", { level: "reviewer", ...(served ? { kinds: served } : {}) })],
    leads: [lead("L1", leadServes ? { kinds: leadServes } : {})],
  });

describe("review-kind", () => {
  it("passes the clean allocation: blank kinds serve a blank (qar) review", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
    expect(violationsOf(withKinds("qar", ["qar"]), CLEAN)).toEqual([]);
    expect(violationsOf(withKinds("send", ["qar", "send"]), CLEAN)).toEqual([]);
  });

  it("reports a reviewer and a Lead Reviewer who do not serve the review's kind, naming both kinds", () => {
    expectExactly(violationsOf(withKinds("send", ["qar"]), CLEAN), [
      { rule: "review-kind", reviewId: "RA", personId: "L1", mentions: ["send", "qar"] },
      { rule: "review-kind", reviewId: "RA", personId: "PB", mentions: ["send"] },
      { rule: "review-kind", reviewId: "RA", personId: "PC", mentions: ["send"] },
    ]);
  });

  it("a blank kinds cell means qar only: such a person may not serve a send review", () => {
    expectExactly(violationsOf(withKinds("send", undefined), [leadSeat("RA", "L1")]), [{ rule: "review-kind", reviewId: "RA", personId: "L1" }]);
  });

  it("someone who serves only another kind may not sit on a QAR", () => {
    expectExactly(violationsOf(withKinds(undefined, ["qar"], ["tpr"]), [leadSeat("RA", "L1"), peerSeat("RA", "PB")]), [{ rule: "review-kind", reviewId: "RA", personId: "L1", mentions: ["tpr", "qar"] }]);
  });

  it("applies only where kinds matter: in a year of QARs served by everyone it refuses nobody and explain leaves it out", () => {
    const plain = pairOf(baseYear(), "RA", "PB");
    expect(reviewKind.applies(plain.year, plain.review)).toBe(false);
    const mixed = pairOf(withKinds("send", ["qar"]), "RA", "PB");
    expect(reviewKind.applies(mixed.year, mixed.review)).toBe(true);
    expect(reviewKind.refuse(mixed.year, mixed.person, mixed.review)).toContain("send");
  });
});
