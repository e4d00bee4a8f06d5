import { describe, expect, it } from "vitest";
import type { PolicyOverrides } from "../../src/model/policy.js";
import type { HistoryEntry } from "../../src/model/schema.js";
import { noRepeat } from "../../src/rules/no-repeat.js";
import { solve } from "../../src/solver/index.js";
import { checkAllocation } from "../../src/check.js";
import { baseYear, CLEAN, expectExactly, pairOf, reviewer, violationsOf } from "./fixture.js";

/** RA (host A) starts 2024-03-04: academic year 2023-24, so its year number is 2023. */
const visit = (year: string, personId = "PB", schoolId = "A", role: "lead" | "peer" = "peer"): HistoryEntry => ({ year, reviewSchoolId: schoolId, personId, role });
const withHistory = (history: HistoryEntry[], policy: PolicyOverrides = {}) => ({ ...baseYear({ policy }), history });

describe("no-repeat", () => {
  it("passes the clean allocation", () => {
    expect(violationsOf(baseYear(), CLEAN)).toEqual([]);
  });

  it("is off by default (noRepeatYears 0): last year's visit is only a cost", () => {
    expect(violationsOf(withHistory([visit("2022-23")]), CLEAN)).toEqual([]);
  });

  it("reports a reviewer who reviewed the host last year when noRepeatYears is 1, naming review, person and host", () => {
    expectExactly(violationsOf(withHistory([visit("2022-23")], { noRepeatYears: 1 }), CLEAN), [
      { rule: "no-repeat", reviewId: "RA", personId: "PB", mentions: ["A", "noRepeatYears"] },
    ]);
  });

  it("counts whole years by the label's first year: with 2, a visit in 2021-22 bars 2023-24, one in 2020-21 does not", () => {
    expectExactly(violationsOf(withHistory([visit("2021-22")], { noRepeatYears: 2 }), CLEAN), [{ rule: "no-repeat", reviewId: "RA", personId: "PB" }]);
    expect(violationsOf(withHistory([visit("2020-21")], { noRepeatYears: 2 }), CLEAN)).toEqual([]);
    expect(violationsOf(withHistory([visit("2021-22")], { noRepeatYears: 1 }), CLEAN)).toEqual([]);
  });

  it("uses the latest visit when a reviewer reviewed the host in several years", () => {
    expectExactly(violationsOf(withHistory([visit("2015-16"), visit("2022-23"), visit("2018-19")], { noRepeatYears: 1 }), CLEAN), [{ rule: "no-repeat", reviewId: "RA", personId: "PB" }]);
  });

  it("takes this year from the policy's yearLabel when given, else from the first review's date", () => {
    // Labelled 2030-31, a 2022-23 visit is long past; labelled 2023 (calendar years), it is last year.
    expect(violationsOf(withHistory([visit("2022-23")], { noRepeatYears: 2, yearLabel: "2030-31" }), CLEAN)).toEqual([]);
    expectExactly(violationsOf(withHistory([visit("2022")], { noRepeatYears: 1, yearLabel: "2023" }), CLEAN), [{ rule: "no-repeat", reviewId: "RA", personId: "PB" }]);
  });

  it("bars a visit labelled with this year or a later one", () => {
    expectExactly(violationsOf(withHistory([visit("2023-24")], { noRepeatYears: 1 }), CLEAN), [{ rule: "no-repeat", reviewId: "RA", personId: "PB" }]);
  });

  it("concerns only peer reviewers, the same school and peer rows of the history", () => {
    const history = [visit("2022-23", "L1", "A", "lead"), visit("2022-23", "PB", "A", "lead"), visit("2022-23", "PC", "B")];
    expect(violationsOf(withHistory(history, { noRepeatYears: 3 }), CLEAN)).toEqual([]);
    expect(noRepeat.roles).toEqual(["peer"]);
  });

  describe("refuse", () => {
    it("returns undefined for a pairing outside the window", () => {
      const pair = pairOf(withHistory([visit("2019-20")], { noRepeatYears: 2 }), "RA", "PB");
      expect(noRepeat.refuse(pair.year, pair.person, pair.review)).toBeUndefined();
    });

    it("returns a reason naming the host and the setting for a recent visit", () => {
      const pair = pairOf(withHistory([visit("2022-23")], { noRepeatYears: 2 }), "RA", "PB");
      const reason = noRepeat.refuse(pair.year, pair.person, pair.review);
      expect(reason).toContain("A");
      expect(reason).toContain("noRepeatYears");
    });
  });

  it("keeps the solver off a barred pairing: PX fills the seat PB may not take", async () => {
    const year = { ...baseYear({ reviewers: [reviewer("PX", "C")], policy: { noRepeatYears: 1 } }), history: [visit("2022-23")] };
    const result = await solve(year, { engine: "greedy", seed: 1 });
    expect(checkAllocation(year, result.allocation).violations).toEqual([]);
    const peers = result.allocation.assignments.filter((a) => a.role === "peer").map((a) => a.personId);
    expect(peers).not.toContain("PB");
    expect(peers).toContain("PX");
  });
});
