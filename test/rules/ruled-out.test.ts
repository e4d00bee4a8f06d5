import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { explain } from "../../src/explain.js";
import type { Pin } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { standbyFor } from "../../src/plan/standby.js";
import { ruledOut } from "../../src/rules/ruled-out.js";
import { findCandidates } from "../../src/solver/candidates.js";
import { statePins } from "../../src/season/status.js";
import { baseYear, CLEAN, expectExactly, leadSeat, pairOf, peerSeat, reviewer, violationsOf } from "./fixture.js";

const forbid = (personId: string, role: "lead" | "peer" = "peer", reviewId = "RA"): Pin => ({ reviewId, personId, role, kind: "forbid" });
const withPins = (pins: Pin[]) => ({ ...baseYear({ reviewers: [reviewer("PD", "C")] }), pins });

describe("ruled-out", () => {
  it("passes the clean allocation, and a forbid pin on someone not on the team", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
    expect(violationsOf(withPins([forbid("PD")]), CLEAN)).toEqual([]);
  });

  it("reports a reviewer on a seat a forbid pin rules out, naming review and person", () => {
    expectExactly(violationsOf(withPins([forbid("PC")]), CLEAN), [{ rule: "ruled-out", reviewId: "RA", personId: "PC", mentions: ["ruled out"] }]);
  });

  it("applies to Lead Reviewers, and to the role the pin names only", () => {
    expectExactly(violationsOf(withPins([forbid("L1", "lead")]), CLEAN), [{ rule: "ruled-out", reviewId: "RA", personId: "L1", mentions: ["Lead Reviewer"] }]);
    // A pin on another review leaves RA alone.
    const other = { ...baseYear({ reviews: [{ id: "RB", schoolId: "B", start: "2024-05-06", days: 3, seats: 1 }] }), pins: [forbid("PC", "peer", "RB")] };
    expect(violationsOf(other, CLEAN)).toEqual([]);
  });

  it("reports a declined offer placed again: the season's declines become forbid pins", () => {
    const declined = { assignments: [leadSeat("RA", "L1"), peerSeat("RA", "PB")], declined: [{ reviewId: "RA", role: "peer" as const, personId: "PC" }] };
    const year = { ...withPins([]), pins: statePins(declined, indexYear(withPins([]))) };
    expectExactly(violationsOf(year, CLEAN), [{ rule: "ruled-out", reviewId: "RA", personId: "PC" }]);
  });

  it("keeps the pair out of the candidate lists, explain's funnel and the standby list (the engine side of the same rule)", () => {
    const problem = withPins([forbid("PD")]);
    const year = indexYear(problem);
    expect(findCandidates(year).peer.get("RA")!.map((c) => c.person.id)).toEqual(["PB", "PC"]);
    const open = [leadSeat("RA", "L1"), peerSeat("RA", "PB")];
    expect(checkAllocation(year, { assignments: open }).valid).toBe(true);
    const seat = explain(year, { assignments: open }).seats.find((s) => s.role === "peer")!;
    const step = seat.funnel.findIndex((s) => s.rule === "ruled-out");
    expect(seat.funnel[step]!.remaining).toBe(seat.funnel[step - 1]!.remaining - 1);
    const standbys = standbyFor(year, { assignments: open }, year.reviewById.get("RA")!, { role: "peer" });
    expect(standbys.map((s) => s.personId)).toEqual(["PC"]);
  });

  it("explain names the rule where it removes a seat's last candidate, and lifting the pin as a remedy", () => {
    const year = indexYear({ ...baseYear(), pins: [forbid("L1", "lead")] });
    const seat = explain(year, { assignments: [peerSeat("RA", "PB"), peerSeat("RA", "PC")] }).seats.find((s) => s.role === "lead")!;
    expect(seat.reason).toContain("ruled-out rule");
    expect(seat.remedies[0]).toContain("forbid pin on RA");
  });

  describe("refuse", () => {
    it("returns undefined for a pair no pin rules out, a reason for one a pin does", () => {
      const free = pairOf(withPins([forbid("PD")]), "RA", "PC");
      expect(ruledOut.refuse(free.year, free.person, free.review)).toBeUndefined();
      const barred = pairOf(withPins([forbid("PD")]), "RA", "PD");
      expect(ruledOut.refuse(barred.year, barred.person, barred.review)).toContain("ruled out of RA");
      expect(ruledOut.applies(barred.year, barred.review)).toBe(true);
      expect(ruledOut.applies(pairOf(baseYear(), "RA", "PC").year, barred.review)).toBe(false);
    });
  });
});
