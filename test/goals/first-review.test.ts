import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { firstReviewGoal, waitingForFirstReview } from "../../src/goals/first-review.js";
import type { Problem } from "../../src/model/problem.js";
import type { HistoryEntry } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { solve } from "../../src/solver/index.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

/** One review of one seat; P1 and P2 are alike in every way but the history. */
function oneSeat(historyOf: string[], weights: { firstReview?: number } = {}): Problem {
  const history: HistoryEntry[] = historyOf.map((personId) => ({ year: "2022-23", reviewSchoolId: "Z", personId, role: "peer" }));
  return problem({
    schools: [school("A"), school("B"), school("Z")],
    reviewers: [reviewer("P1", "B"), reviewer("P2", "B")],
    leads: [lead("L1")],
    reviews: [review("RA", "A", "2024-03-04", { seats: 1 })],
    history,
    policy: { weights },
  });
}

async function placedPeer(p: Problem): Promise<string | undefined> {
  const result = await solve(p, { engine: "mip", seed: 1 });
  expect(checkAllocation(p, result.allocation).violations).toEqual([]);
  return result.allocation.assignments.find((a) => a.role === "peer")?.personId;
}

describe("first-review", () => {
  it("costs 1 for a reviewer who has had a review, 0 for one waiting and for everyone without a history", () => {
    const year = indexYear(oneSeat(["P1"]));
    const [p1, p2] = year.reviewers;
    const review = year.reviews[0]!;
    const cost = firstReviewGoal.pair!;
    expect(cost(year, p1!, review)).toBe(1);
    expect(cost(year, p2!, review)).toBe(0);
    expect(waitingForFirstReview(year, p2!)).toBe(true);
    expect(cost(year, year.leads[0]!, review)).toBe(0);
    const fresh = indexYear(oneSeat([]));
    expect(fresh.reviewers.map((p) => cost(fresh, p, fresh.reviews[0]!))).toEqual([0, 0]);
  });

  it("gives the seat to whoever waits for a first review (the exact engine, either way round)", async () => {
    expect(await placedPeer(oneSeat(["P1"]))).toBe("P2");
    expect(await placedPeer(oneSeat(["P2"]))).toBe("P1");
  });

  it("weighs nothing at weight 0: the placed reviewer then does not follow the history", async () => {
    const [a, b] = [await placedPeer(oneSeat(["P1"], { firstReview: 0 })), await placedPeer(oneSeat(["P2"], { firstReview: 0 }))];
    expect(a).toBe(b);
  });
});
