import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import type { Allocation, Assignment } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { respond } from "../../src/season/respond.js";
import { applyResponses, type Response } from "../../src/season/responses.js";
import { statePins } from "../../src/season/status.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

/**
 * A hand-made year: R1 in March (three peer seats), R2 in May (two). A, F, E and D are advanced;
 * D is free in May only; E is free all year and sits on nothing, so E can fill a seat on R1.
 * Without the spares (E and F), A is the only advanced reviewer R1 can have.
 */
const spring = (extra: { withoutSpare?: boolean } = {}) =>
  problem({
    schools: ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"].map((id) => school(id)),
    reviewers: [
      reviewer("A", "S3"),
      ...(extra.withoutSpare ? [] : [reviewer("F", "S4")]),
      reviewer("B", "S5", { level: "reviewer" }),
      ...(extra.withoutSpare ? [] : [reviewer("E", "S6")]),
      reviewer("C", "S7", { level: "reviewer" }),
      reviewer("D", "S8", { available: [{ from: "2024-05-01", to: "2024-05-31" }] }),
    ],
    leads: [lead("L1")],
    reviews: [review("R1", "S1", "2024-03-04", { seats: 3 }), review("R2", "S2", "2024-05-06", { seats: 2 })],
  });

const seat = (reviewId: string, role: "lead" | "peer", personId: string, status?: "confirmed"): Assignment => ({ reviewId, role, personId, ...(status ? { status } : {}) });
const published: Allocation = {
  assignments: [seat("R1", "lead", "L1"), seat("R1", "peer", "A"), seat("R1", "peer", "B"), seat("R1", "peer", "F"), seat("R2", "lead", "L1"), seat("R2", "peer", "C"), seat("R2", "peer", "D")],
};
const team = (allocation: Allocation, reviewId: string) => allocation.assignments.filter((a) => a.reviewId === reviewId && a.role === "peer").map((a) => a.personId).sort();

describe("applyResponses", () => {
  const year = indexYear(spring());

  it("confirms and declines seats: a declined seat leaves the team and is kept in declined", () => {
    const { allocation, issues } = applyResponses(year, published, [
      { reviewId: "R1", personId: "A", response: "declined" },
      { reviewId: "R2", personId: "C", response: "confirmed" },
    ]);
    expect(issues).toEqual([]);
    expect(team(allocation, "R1")).toEqual(["B", "F"]);
    expect(allocation.declined).toEqual([{ reviewId: "R1", role: "peer", personId: "A" }]);
    expect(allocation.assignments.find((a) => a.personId === "C")?.status).toBe("confirmed");
    expect(statePins(allocation, year)).toEqual([
      { reviewId: "R2", role: "peer", personId: "C", kind: "fix" },
      { reviewId: "R1", role: "peer", personId: "A", kind: "forbid" },
    ]);
  });

  it("names the column of every response it cannot apply", () => {
    const declined: Allocation = { ...published, declined: [{ reviewId: "R2", role: "peer", personId: "E" }] };
    const responses: Response[] = [
      { reviewId: "R9", personId: "A", response: "confirmed" },
      { reviewId: "R1", personId: "Z", response: "confirmed" },
      { reviewId: "R2", personId: "A", response: "confirmed" },
      { reviewId: "R2", personId: "E", response: "confirmed" },
      { reviewId: "R2", personId: "E", response: "declined" },
      { reviewId: "R1", personId: "B", response: "confirmed" },
      { reviewId: "R1", personId: "B", response: "declined" },
      { reviewId: "R1", personId: "F", response: "declined" },
      { reviewId: "R1", personId: "F", response: "declined" },
    ];
    const { issues } = applyResponses(year, declined, responses);
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [0, "review_id"],
      [1, "person_id"],
      [2, "person_id"],
      [3, "response"],
      [6, "response"],
    ]);
    expect(issues[2]!.message).toBe("A is not on review R2 in the allocation; a response answers an offered seat");
  });
});

describe("respond", () => {
  it("refills a declined seat, keeps the confirmed ones, and never offers the review again to the decliner", async () => {
    const p = spring();
    const outcome = await respond(p, published, [
      { reviewId: "R1", personId: "A", response: "declined" },
      { reviewId: "R1", personId: "B", response: "confirmed" },
    ]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const after = outcome.result.allocation;
    expect(checkAllocation(p, after).violations).toEqual([]);
    expect(team(after, "R1")).toEqual(["B", "E", "F"]);
    expect(after.assignments.find((a) => a.personId === "B")?.status).toBe("confirmed");
    expect(after.declined).toEqual([expect.objectContaining({ reviewId: "R1", personId: "A" })]);
    expect(outcome.diff.map((d) => [d.change, d.personId])).toEqual([["removed", "A"], ["added", "E"]]);
    expect(outcome.notices.map((n) => [n.recipientType, n.recipientId, n.change])).toEqual([
      ["reviewer", "A", "declined"],
      ["reviewer", "E", "added"],
      ["school", "S1", "team-changed"],
    ]);
    expect(outcome.notices[0]!.message).toBe("Thank you for letting us know that you cannot join the review of School S1 from Monday 4 March 2024 to Wednesday 6 March 2024. We have taken you off its team and will not ask you about it again.");
    expect(outcome.notices[2]!.message).toBe(
      "The team for your review from Monday 4 March 2024 to Wednesday 6 March 2024 has changed. The team is Lead Reviewer Lead L1 and peer reviewers Reviewer B (School S5), Reviewer E (School S6) and Reviewer F (School S4).",
    );
  });

  it("--freeze-before: a decline of a review before the date is refused, naming the way out; a yes there is kept", async () => {
    const p = spring();
    const refused = await respond(p, published, [{ reviewId: "R1", personId: "A", response: "declined" }], { freezeBefore: "2024-04-01" });
    expect(refused).toEqual({
      ok: false,
      issues: [
        {
          source: "responses",
          index: 0,
          field: "response",
          message: "R1 starts on 2024-03-04, before the freeze date 2024-04-01, so its team stays as it is: A's decline is not applied (record an absence in attendance.csv when closing the year); give --freeze-before 2024-03-04 or earlier to change it on purpose",
        },
      ],
    });
    const kept = await respond(p, published, [{ reviewId: "R1", personId: "A", response: "confirmed" }, { reviewId: "R2", personId: "C", response: "declined" }], { freezeBefore: "2024-04-01" });
    if (!kept.ok) throw new Error(JSON.stringify(kept.issues));
    expect(kept.frozen).toEqual(["R1"]);
    expect(team(kept.result.allocation, "R1")).toEqual(["A", "B", "F"]);
    expect(kept.result.allocation.assignments.find((a) => a.personId === "A")?.status).toBe("confirmed");
    expect(checkAllocation(p, kept.result.allocation).valid).toBe(true);
    await expect(respond(p, published, [], { freezeBefore: "2024-02-30" })).rejects.toThrow(RangeError);
  });

  it("noReoffer: a decliner is offered nothing new, though a seat they could fill stays empty", async () => {
    // A declines R1 (March); B can do one review; A could fill the other.
    const p = problem({
      schools: ["S1", "S2", "S3", "S4"].map((id) => school(id)),
      reviewers: [reviewer("A", "S3"), reviewer("B", "S4", { maxReviews: 1 })],
      leads: [lead("L1")],
      reviews: [review("R1", "S1", "2024-03-04", { seats: 1 }), review("R2", "S2", "2024-05-06", { seats: 1 })],
    });
    const start: Allocation = { assignments: [seat("R1", "lead", "L1"), seat("R1", "peer", "A"), seat("R2", "lead", "L1")] };
    const answers: Response[] = [{ reviewId: "R1", personId: "A", response: "declined" }];
    const reoffered = await respond(p, start, answers);
    if (!reoffered.ok) throw new Error(JSON.stringify(reoffered.issues));
    expect(reoffered.result.allocation.assignments.filter((a) => a.personId === "A").map((a) => a.reviewId)).toEqual(["R2"]);
    expect(reoffered.notices.filter((n) => n.recipientId === "A").map((n) => [n.change, n.reviewId])).toEqual([["declined", "R1"], ["added", "R2"]]);
    const left = await respond(p, start, answers, { noReoffer: true });
    if (!left.ok) throw new Error(JSON.stringify(left.issues));
    expect(left.result.allocation.assignments.some((a) => a.personId === "A")).toBe(false);
    // Kept for the year: a later step without the option asks A nothing new either.
    expect(left.result.allocation.withdrawals).toEqual([{ personId: "A", role: "peer", status: "declined" }]);
    const later = await respond(p, left.result.allocation, []);
    if (!later.ok) throw new Error(JSON.stringify(later.issues));
    expect(later.result.allocation.assignments.some((a) => a.personId === "A")).toBe(false);
    expect(left.result.allocation.assignments.filter((a) => a.personId === "B")).toHaveLength(1);
    expect(checkAllocation(p, left.result.allocation).valid).toBe(true);
  });

  it("maxChanges picks the most seats within that many changed rows from the trade-off; 0 changes nothing but the answers", async () => {
    const p = spring();
    const answers: Response[] = [{ reviewId: "R1", personId: "A", response: "declined" }];
    const most = await respond(p, published, answers);
    if (!most.ok) throw new Error(JSON.stringify(most.issues));
    expect(most.options.at(-1)).toMatchObject({ chosen: true, changes: most.changes });
    // Counted against the answered allocation, nothing is forced: leaving the seat empty is always an option.
    expect(most.options[0]).toMatchObject({ changes: 0, seats: checkAllocation(p, most.answered).metrics.filled.total });
    const none = await respond(p, published, answers, { maxChanges: 0 });
    if (!none.ok) throw new Error(JSON.stringify(none.issues));
    expect(none.diff.map((d) => [d.change, d.personId])).toEqual([["removed", "A"]]);
    expect(none.options.find((o) => o.chosen)?.changes).toBe(0);
    expect(checkAllocation(p, none.result.allocation).valid).toBe(true);
  });

  it("refuses, naming the decline, when a confirmed peer would be left with no possible advanced reviewer; releases only when told", async () => {
    const p = spring({ withoutSpare: true });
    const small: Allocation = { assignments: published.assignments.filter((a) => a.personId !== "F") };
    const responses: Response[] = [
      { reviewId: "R1", personId: "B", response: "confirmed" },
      { reviewId: "R1", personId: "A", response: "declined" },
    ];
    const refused = await respond(p, small, responses);
    expect(refused).toEqual({
      ok: false,
      issues: [{ source: "responses", index: 1, field: "response", message: "R1: once A declines, the team keeps B, who confirmed, but has no advanced reviewer and none can join; add an advanced reviewer to the year, or release B from it (--release-stranded)" }],
    });
    const released = await respond(p, small, responses, { releaseStranded: true });
    if (!released.ok) throw new Error(JSON.stringify(released.issues));
    expect(released.released).toEqual([{ reviewId: "R1", role: "peer", personId: "B", status: "confirmed" }]);
    expect(team(released.result.allocation, "R1")).toEqual([]);
    expect(checkAllocation(p, released.result.allocation).valid).toBe(true);
    expect(released.notices.find((n) => n.recipientId === "B")?.change).toBe("released");
  });

  it("the checker ignores declined offers: a declined row that would break every rule fills no seat", () => {
    const p = spring();
    const allocation: Allocation = { ...published, declined: [{ reviewId: "R1", role: "peer", personId: "A" }, { reviewId: "R1", role: "peer", personId: "NOBODY" }] };
    expect(checkAllocation(p, allocation)).toEqual(checkAllocation(p, { assignments: published.assignments }));
  });
});
