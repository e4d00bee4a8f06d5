import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { applyChanges, repair } from "../../src/repair.js";
import { solve } from "../../src/solver/index.js";
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { randomYear } from "../helpers/random-year.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";
import type { Allocation } from "../../src/model/schema.js";
import { CHAIN_PUBLISHED, chainYear } from "./chain-year.js";

const rows = (allocation: { assignments: readonly { reviewId: string; role: string; personId: string }[] }) => allocation.assignments.map((a) => `${a.reviewId}:${a.role}:${a.personId}`).sort();

describe("repair", () => {
  it("after one withdrawal stays valid, keeps every pin and every seat it can", async () => {
    const p = randomYear(21, { reviews: 12, reviewersPerSchool: 4 });
    const first = await solve(p, { seed: 1, engine: "greedy", exactBound: false });
    const pins = first.allocation.assignments.slice(0, 5).map((a) => ({ ...a, kind: "fix" as const }));
    const pinned = { ...p, pins };
    const published = (await solve(pinned, { seed: 1, engine: "greedy", exactBound: false })).allocation;
    const leaver = published.assignments.find((a) => a.role === "peer" && !pins.some((pin) => pin.personId === a.personId))!;
    const outcome = await repair(pinned, published, [{ change: "withdraw", id: leaver.personId }], { seed: 1 });
    if (!outcome.ok) throw new Error("repair refused the change");
    expect(checkAllocation(outcome.problem, outcome.result.allocation).violations).toEqual([]);
    for (const pin of pins) expect(outcome.result.allocation.assignments).toContainEqual(expect.objectContaining({ reviewId: pin.reviewId, role: pin.role, personId: pin.personId }));
    expect(outcome.result.allocation.assignments.some((a) => a.personId === leaver.personId)).toBe(false);
    const leaverRows = published.assignments.filter((a) => a.personId === leaver.personId).length;
    expect(outcome.changes).toBeGreaterThanOrEqual(leaverRows);
    // Seats come first: never fewer than keeping every other seat (which may have to disband a team, hence the team's size).
    expect(outcome.result.check.metrics.filled.total).toBeGreaterThanOrEqual(published.assignments.length - leaverRows - 5);
  });

  it("cancelling a review frees its people; moving one re-checks its dates", async () => {
    const p = randomYear(22, { reviews: 20 });
    const published = (await solve(p, { seed: 1, engine: "greedy", exactBound: false })).allocation;
    const [cancelled, moved] = [p.reviews[0]!, p.reviews[1]!];
    const outcome = await repair(p, published, [{ change: "cancel", id: cancelled.id }, { change: "move", id: moved.id, start: "2024-06-03" }], { seed: 1 });
    if (!outcome.ok) throw new Error("repair refused the changes");
    expect(outcome.problem.reviews.some((r) => r.id === cancelled.id)).toBe(false);
    expect(outcome.problem.reviews.find((r) => r.id === moved.id)!.start).toBe("2024-06-03");
    expect(checkAllocation(outcome.problem, outcome.result.allocation).valid).toBe(true);
    expect(outcome.result.allocation.assignments.some((a) => a.reviewId === cancelled.id)).toBe(false);
  });

  it("gives a team that lost its advanced reviewer a free advanced reviewer before anyone disbands it", async () => {
    const outcome = await repair(chainYear({ standby: true }), CHAIN_PUBLISHED, [{ change: "withdraw", id: "A" }], { seed: 1 });
    if (!outcome.ok) throw new Error("repair refused the change");
    expect(checkAllocation(outcome.problem, outcome.result.allocation).violations).toEqual([]);
    expect(outcome.diff).toEqual([
      { change: "removed", role: "peer", personId: "A", fromReviewId: "R1" },
      { change: "added", role: "peer", personId: "H", toReviewId: "R1" },
    ]);
    expect(outcome.changes).toBe(2);
    expect(outcome.options.map(({ changes, seats, chosen }) => ({ changes, seats, chosen }))).toEqual([{ changes: 2, seats: 8, chosen: true }]);
  });

  it("moves an advanced reviewer in rather than disband the team, and lists the trade-off: 7 seats with 3 changes, 8 with 4", async () => {
    const outcome = await repair(chainYear(), CHAIN_PUBLISHED, [{ change: "withdraw", id: "A" }], { seed: 1 });
    if (!outcome.ok) throw new Error("repair refused the change");
    const check = checkAllocation(outcome.problem, outcome.result.allocation);
    expect(check.violations).toEqual([]);
    expect(check.metrics.filled.total).toBe(8);
    expect(rows(outcome.result.allocation)).toEqual(["R1:lead:L1", "R1:peer:B", "R1:peer:C", "R1:peer:D", "R2:lead:L2", "R2:peer:E", "R2:peer:F", "R2:peer:G"]);
    expect(outcome.changes).toBe(4);
    expect(outcome.options.map(({ changes, seats, fullTeams, proven, chosen }) => ({ changes, seats, fullTeams, proven, chosen }))).toEqual([
      { changes: 3, seats: 7, fullTeams: 1, proven: true, chosen: false },
      { changes: 4, seats: 8, fullTeams: 2, proven: true, chosen: true },
    ]);
    for (const option of outcome.options) expect(checkAllocation(outcome.problem, option.allocation).metrics.filled.total).toBe(option.seats);
    expect(outcome.result.tradeOff).toEqual(outcome.options);
  });

  it("maxChanges picks the most seats within that many changed rows", async () => {
    const outcome = await repair(chainYear(), CHAIN_PUBLISHED, [{ change: "withdraw", id: "A" }], { seed: 1, maxChanges: 3 });
    if (!outcome.ok) throw new Error("repair refused the change");
    expect(checkAllocation(outcome.problem, outcome.result.allocation).violations).toEqual([]);
    expect(rows(outcome.result.allocation)).toEqual(["R1:lead:L1", "R1:peer:B", "R1:peer:C", "R1:peer:D", "R2:lead:L2", "R2:peer:E", "R2:peer:G"]);
    expect(outcome.changes).toBe(3);
    expect(outcome.options.map((o) => [o.changes, o.seats, o.chosen])).toEqual([
      [3, 7, true],
      [4, 8, false],
    ]);
  });

  it("maxChanges below the fewest changes any valid repair needs is refused, naming the fewest", async () => {
    const outcome = await repair(chainYear(), CHAIN_PUBLISHED, [{ change: "withdraw", id: "A" }], { seed: 1, maxChanges: 2 });
    if (outcome.ok) throw new Error("a repair within 2 rows was returned");
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.issues[0]).toMatchObject({ field: "maxChanges", message: "no valid repair changes 2 rows or fewer; the fewest is 3 (7 seats)", fewest: { changes: 3, seats: 7 } });
  });

  it("the same input and seed give the same repair and the same options", async () => {
    const { problem: p } = generateYear(smallRandomSpec(24, 10));
    const published = (await solve(p, { seed: 1, engine: "greedy", exactBound: false })).allocation;
    const leaver = published.assignments.find((a) => a.role === "peer")!.personId;
    const run = async () => {
      const outcome = await repair(p, published, [{ change: "withdraw", id: leaver }], { seed: 3 });
      if (!outcome.ok) throw new Error("repair refused the change");
      return { allocation: outcome.result.allocation, diff: outcome.diff, options: outcome.options, stoppedBy: outcome.result.stoppedBy };
    };
    const first = await run();
    expect(checkAllocation(applyChanges(p, published, [{ change: "withdraw", id: leaver }]).problem, first.allocation).valid).toBe(true);
    expect(await run()).toEqual(first);
  });

  it("refuses unknown ids and impossible dates, naming the change", () => {
    const p = randomYear(23, { reviews: 5 });
    const { issues } = applyChanges(p, { assignments: [] }, [{ change: "withdraw", id: "NOBODY" }, { change: "move", id: p.reviews[0]!.id, start: "2024-02-30" }]);
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
    expect(after.declined).toEqual([{ reviewId: "R2", role: "peer", personId: "C" }, { reviewId: "R1", role: "peer", personId: "A", sequence: 1, status: "withdrawn" }]);
    expect(after.withdrawals).toEqual([{ personId: "A", role: "peer" }]);
    expect(outcome.notices.find((n) => n.recipientId === "A")).toMatchObject({ change: "withdrew", message: expect.stringContaining("you have withdrawn from the review of School S1") });
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
    // Released from R1, B is free again: the re-plan may ask B to R2 in its place.
    expect(released.result.allocation.assignments.some((a) => a.personId === "B" && a.reviewId === "R1")).toBe(false);
    expect(released.notices.find((n) => n.recipientId === "B")).toMatchObject({ change: "released", message: expect.stringContaining("although you had confirmed, we have had to release you") });
  });
});
