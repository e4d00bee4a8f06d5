import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { applyChanges, repair } from "../../src/repair.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

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
