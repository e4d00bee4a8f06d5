import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { applyChanges, repair } from "../../src/repair.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
import type { Allocation } from "../../src/model/schema.js";

describe("repair", () => {
  it("after one withdrawal keeps almost every seat, stays valid and keeps every pin", async () => {
    const p = randomYear(21, { reviews: 30, reviewersPerSchool: 4 });
    const first = await solve(p, { seed: 1 });
    const pins = first.allocation.assignments.slice(0, 5).map((a) => ({ ...a, kind: "fix" as const }));
    const pinned = { ...p, pins };
    const published = (await solve(pinned, { seed: 1 })).allocation;
    const leaver = published.assignments.find((a) => a.role === "peer" && !pins.some((pin) => pin.personId === a.personId))!;
    const outcome = await repair(pinned, published, [{ change: "withdraw", id: leaver.personId }], { seed: 1 });
    if (!outcome.ok) throw new Error("repair refused the change");
    expect(checkAllocation(outcome.problem, outcome.result.allocation).violations).toEqual([]);
    for (const pin of pins) expect(outcome.result.allocation.assignments).toContainEqual(expect.objectContaining({ reviewId: pin.reviewId, role: pin.role, personId: pin.personId }));
    expect(outcome.result.allocation.assignments.some((a) => a.personId === leaver.personId)).toBe(false);
    const changed = outcome.diff.length;
    expect(changed).toBeGreaterThanOrEqual(1);
    expect(changed).toBeLessThanOrEqual(6);
    expect(outcome.result.check.metrics.filled.total).toBeGreaterThanOrEqual(first.check.metrics.filled.total - 1);
  });

  it("cancelling a review frees its people; moving one re-checks its dates", async () => {
    const p = randomYear(22, { reviews: 20 });
    const published = (await solve(p, { seed: 1 })).allocation;
    const [cancelled, moved] = [p.reviews[0]!, p.reviews[1]!];
    const outcome = await repair(p, published, [{ change: "cancel", id: cancelled.id }, { change: "move", id: moved.id, start: "2024-06-03" }], { seed: 1 });
    if (!outcome.ok) throw new Error("repair refused the changes");
    expect(outcome.problem.reviews.some((r) => r.id === cancelled.id)).toBe(false);
    expect(outcome.problem.reviews.find((r) => r.id === moved.id)!.start).toBe("2024-06-03");
    expect(checkAllocation(outcome.problem, outcome.result.allocation).valid).toBe(true);
    expect(outcome.result.allocation.assignments.some((a) => a.reviewId === cancelled.id)).toBe(false);
  });

  it("refuses unknown ids and impossible dates, naming the change", () => {
    const p = randomYear(23, { reviews: 5 });
    const { issues } = applyChanges(p, [{ change: "withdraw", id: "NOBODY" }, { change: "move", id: p.reviews[0]!.id, start: "2024-02-30" }]);
    expect(issues).toEqual([
      { index: 0, field: "id", message: 'no reviewer or Lead Reviewer has the id "NOBODY"' },
      { index: 1, field: "value", message: '"2024-02-30" is not a real date written YYYY-MM-DD (the review\'s new start)' },
    ]);
  });
});

describe("repair keeps the season's state", () => {
  // R1 (March) has A (advanced) and B; R2 (May) has D (advanced) and C. E is a spare advanced reviewer.
  const year = (withSpare: boolean) =>
    problem({
      schools: ["S1", "S2", "S3", "S4", "S5", "S6", "S7"].map((id) => school(id)),
      reviewers: [reviewer("A", "S3"), reviewer("B", "S4", { level: "reviewer" }), reviewer("C", "S5", { level: "reviewer" }), reviewer("D", "S6"), ...(withSpare ? [reviewer("E", "S7")] : [])],
      leads: [lead("L1")],
      reviews: [review("R1", "S1", "2024-03-04", { seats: 2 }), review("R2", "S2", "2024-05-06", { seats: 2 })],
    });
  const published: Allocation = {
    assignments: [
      { reviewId: "R1", role: "lead", personId: "L1" },
      { reviewId: "R1", role: "peer", personId: "A" },
      { reviewId: "R1", role: "peer", personId: "B", status: "confirmed" },
      { reviewId: "R2", role: "lead", personId: "L1" },
      { reviewId: "R2", role: "peer", personId: "D", status: "confirmed" },
    ],
    declined: [{ reviewId: "R2", role: "peer", personId: "C" }],
  };

  it("a withdrawal is refilled without moving a confirmed seat or offering a declined review again", async () => {
    const p = year(true);
    const outcome = await repair(p, published, [{ change: "withdraw", id: "A" }], { seed: 1 });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const after = outcome.result.allocation;
    expect(checkAllocation(outcome.problem, after).violations).toEqual([]);
    for (const seat of published.assignments.filter((a) => a.status === "confirmed")) expect(after.assignments).toContainEqual(expect.objectContaining({ ...seat }));
    expect(after.assignments.some((a) => a.personId === "C" && a.reviewId === "R2")).toBe(false);
    expect(after.declined).toEqual([{ reviewId: "R2", role: "peer", personId: "C" }]);
    expect(outcome.notices.some((n) => n.recipientId === "A" && n.change === "removed")).toBe(true);
    expect(outcome.cancelled.map((e) => [e.personId, e.reviewId, e.status])).toEqual([["A", "R1", "cancelled"]]);
  });

  it("a withdrawal that strands a confirmed peer is refused, naming the change, unless releaseStranded", async () => {
    const p = year(false);
    const refused = await repair(p, published, [{ change: "withdraw", id: "A" }], { seed: 1 });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues).toEqual([{ index: 0, field: "id", message: "R1: once A leaves, the team keeps B, who confirmed, but has no advanced reviewer and none can join; add an advanced reviewer to the year, or release B from it (--release-stranded)" }]);
    const released = await repair(p, published, [{ change: "withdraw", id: "A" }], { seed: 1, releaseStranded: true });
    if (!released.ok) throw new Error(JSON.stringify(released.issues));
    expect(checkAllocation(released.problem, released.result.allocation).valid).toBe(true);
    expect(released.result.allocation.assignments.some((a) => a.personId === "B")).toBe(false);
    expect(released.notices.find((n) => n.recipientId === "B")?.message).toContain("released from it although you had confirmed");
  });
});
