import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../src/model/policy.js";
import type { HistoryEntry } from "../../src/model/schema.js";
import { pathwayOf } from "../../src/years/pathway.js";
import { reviewer } from "../helpers/build.js";

const peer = (year: string, personId: string, schoolId = "X"): HistoryEntry => ({ year, reviewSchoolId: schoolId, personId, role: "peer" });

describe("pathwayOf", () => {
  const reviewers = [reviewer("P1", "A", { level: "reviewer" }), reviewer("P2", "A", { level: "advanced" }), reviewer("P3", "B", { level: "trainee" }), reviewer("P4", "B", { level: "reviewer" })];
  const history = [
    peer("2021-22", "P1"),
    peer("2023-24", "P1"),
    peer("2022-23", "P1"),
    peer("2022-23", "P2"),
    peer("2022-23", "P2"),
    peer("2023-24", "P2"),
    peer("2023-24", "P4"),
    { year: "2023-24", reviewSchoolId: "X", personId: "P3", role: "lead" as const },
  ];

  it("counts peer reviews completed in every year and names the latest year by its number", () => {
    const rows = pathwayOf(reviewers, history, DEFAULT_POLICY);
    expect(rows.map((r) => [r.reviewerId, r.reviewsCompleted, r.lastReviewYear])).toEqual([
      ["P1", 3, "2023-24"],
      ["P2", 3, "2023-24"],
      ["P3", 0, undefined],
      ["P4", 1, "2023-24"],
    ]);
  });

  it("makes a reviewer eligible to train as advanced at reviewsForAdvanced reviews, unless advanced already", () => {
    expect(pathwayOf(reviewers, history, DEFAULT_POLICY).map((r) => r.eligibleForAdvanced)).toEqual([true, false, false, false]);
    expect(pathwayOf(reviewers, history, { reviewsForAdvanced: 1 }).map((r) => r.eligibleForAdvanced)).toEqual([true, false, false, true]);
    expect(pathwayOf(reviewers, history, { reviewsForAdvanced: 4 }).map((r) => r.eligibleForAdvanced)).toEqual([false, false, false, false]);
  });

  it("lists who waits for a first review, since the first closed year that found them waiting", () => {
    const fresh = pathwayOf(reviewers, history, DEFAULT_POLICY, { yearLabel: "2023-24" });
    expect(fresh.filter((r) => r.waitingForFirstReview).map((r) => [r.reviewerId, r.waitingSince])).toEqual([["P3", "2023-24"]]);
    const carried = pathwayOf(reviewers, history, DEFAULT_POLICY, { yearLabel: "2024-25", previous: [{ reviewerId: "P3", waitingSince: "2022-23" }] });
    expect(carried.find((r) => r.reviewerId === "P3")?.waitingSince).toBe("2022-23");
    expect(carried.find((r) => r.reviewerId === "P1")?.waitingSince).toBeUndefined();
  });
});
