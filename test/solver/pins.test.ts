import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import { parseYear } from "../../src/io/read-year.js";
import { serializeYear } from "../../src/io/write-year.js";
import type { Pin } from "../../src/model/schema.js";
import { solve } from "../../src/solver/index.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

/** A three-seat review R1 at school A; B, C, D send one reviewer each, none advanced unless asked. */
function year(pins: Pin[], options: { advancedAvailable?: boolean } = {}) {
  return problem({
    schools: [school("A"), school("B"), school("C"), school("D"), school("E")],
    reviewers: [
      reviewer("PB", "B", { level: "reviewer" }),
      reviewer("PC", "C", { level: "reviewer" }),
      reviewer("PD", "D", { level: "trainee" }),
      reviewer("PE", "E", { level: "advanced", available: options.advancedAvailable ? [{ from: "2024-01-01", to: "2024-12-31" }] : [] }),
    ],
    leads: [lead("L1")],
    reviews: [review("R1", "A", "2024-03-04", { seats: 3 })],
    pins,
  });
}
const fix = (personId: string, role: "peer" | "lead" = "peer"): Pin => ({ reviewId: "R1", personId, role, kind: "fix" });
const forbid = (personId: string, role: "peer" | "lead" = "peer"): Pin => ({ reviewId: "R1", personId, role, kind: "forbid" });
const keyOf = (a: { reviewId: string; role: string; personId: string }) => `${a.reviewId}/${a.role}/${a.personId}`;

describe("pins", () => {
  it("three non-advanced reviewers fixed to a three-seat review with no advanced reviewer: every pin refused aloud, and explain blames the pins", async () => {
    const p = year([fix("PB"), fix("PC"), fix("PD")]);
    const result = await solve(p, { seed: 1 });
    const check = checkAllocation(p, result.allocation);
    expect(check.valid).toBe(true);
    const placed = new Set(result.allocation.assignments.map(keyOf));
    // Every fix pin is in the allocation or refused with a reason; here none can stay.
    for (const pin of p.pins) {
      const refused = result.rejectedPins.find((r) => keyOf(r.assignment) === keyOf(pin));
      expect(placed.has(keyOf(pin)) || refused !== undefined, pin.personId).toBe(true);
    }
    expect(result.rejectedPins.map((r) => r.rule).sort()).toEqual(["advanced-seat", "advanced-seat", "advanced-seat"]);
    const seat = explain(result.year, result.allocation).seats.find((s) => s.reviewId === "R1" && s.role === "peer")!;
    expect(seat.reason).toMatch(/pins? fixing .*could not be honoured/);
    expect(seat.reason).not.toMatch(/cost/);
  });

  it("with an advanced reviewer free, two of the three pins stay beside them and the third is refused for want of room", async () => {
    const p = year([fix("PB"), fix("PC"), fix("PD")], { advancedAvailable: true });
    const result = await solve(p, { seed: 1 });
    expect(checkAllocation(p, result.allocation).valid).toBe(true);
    const placed = new Set(result.allocation.assignments.map(keyOf));
    expect(placed.has("R1/peer/PB") && placed.has("R1/peer/PC") && placed.has("R1/peer/PE")).toBe(true);
    expect(result.rejectedPins.map((r) => `${r.assignment.personId}:${r.rule}`)).toEqual(["PD:advanced-seat"]);
  });

  it.each(["greedy", "lns", "mip", "self-selection"] as const)("two pinned teams competing for the one advanced reviewer (%s): one is staffed, the other's pin is refused with the reason, nothing dropped", async (engine) => {
    // R1 and R2 run on the same days; PE (advanced, one review at most) could join either, not both.
    const p = problem({
      schools: [school("A"), school("B"), school("C"), school("D"), school("E")],
      reviewers: [reviewer("PC", "C", { level: "reviewer" }), reviewer("PD", "D", { level: "trainee" }), reviewer("PE", "E", { maxReviews: 1 })],
      leads: [lead("L1")],
      reviews: [review("R1", "A", "2024-03-04", { seats: 2 }), review("R2", "B", "2024-03-04", { seats: 2 })],
      pins: [
        { reviewId: "R1", personId: "PC", role: "peer", kind: "fix" },
        { reviewId: "R2", personId: "PD", role: "peer", kind: "fix" },
      ],
    });
    const result = await solve(p, { engine, seed: 1 });
    expect(result.dropped).toEqual([]);
    expect(checkAllocation(p, result.allocation).violations).toEqual([]);
    const placed = new Set(result.allocation.assignments.map(keyOf));
    expect([placed.has("R1/peer/PC"), placed.has("R2/peer/PD")].filter(Boolean)).toHaveLength(1);
    expect(result.rejectedPins).toHaveLength(1);
    expect(result.rejectedPins[0]!.rule).toBe("advanced-seat");
    expect(result.rejectedPins[0]!.reason).toMatch(/none was left free to join/);
  });

  it("a pin the rules refuse is listed with the rule's reason", async () => {
    const p = year([fix("PE")]); // PE gave no dates
    const result = await solve(p, { seed: 1 });
    expect(result.rejectedPins).toEqual([expect.objectContaining({ rule: "availability" })]);
    expect(result.allocation.assignments.some((a) => a.personId === "PE")).toBe(false);
  });

  it("pins.csv fixing and forbidding one seat, or fixing two Lead Reviewers to one review, is refused with both rows named", () => {
    const pinsCsv = ["review_id,role,person_id,pin", "R1,peer,PB,fix", "R1,peer,PB,forbid", "R1,lead,L1,fix", "R1,lead,L2,fix"].join("\n");
    const withLead = problem({ ...year([]), leads: [lead("L1"), lead("L2")] });
    const read = parseYear({ ...serializeYear(withLead), "pins.csv": pinsCsv });
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors.filter((e) => e.code === "conflicting-pins");
    expect(errors.map((e) => [e.file, e.row, e.column])).toEqual([
      ["pins.csv", 3, "pin"],
      ["pins.csv", 5, "person_id"],
    ]);
    expect(errors[0]!.message).toMatch(/row 2/);
    expect(errors[1]!.message).toMatch(/row 4/);
  });

  it("a forbid pin keeps the person off the seat and shows in explain's funnel", async () => {
    const p = year([forbid("PE")], { advancedAvailable: true });
    const result = await solve(p, { seed: 1 });
    expect(result.allocation.assignments.some((a) => a.personId === "PE")).toBe(false);
    const seat = explain(result.year, result.allocation).seats.find((s) => s.reviewId === "R1" && s.role === "peer");
    expect(seat?.funnel.map((s) => s.rule)).toContain("ruled-out");
  });
});
