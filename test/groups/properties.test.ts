import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGroups } from "../../src/groups/check.js";
import { group } from "../../src/groups/group.js";
import { indexCohort } from "../../src/groups/cohort.js";
import type { Cohort } from "../../src/groups/model.js";
import { groupOutputs } from "../../src/io/groups/write-groups.js";
import { bruteForceBest } from "./helpers/brute-force.js";
import { independentCheck } from "./helpers/independent-check.js";
import { arbitraryCohort } from "./helpers/random-cohort.js";

/** The engine's run, checked by the independent checker before anything else is asserted. */
async function grouped(cohort: Cohort, method: "auto" | "mip" = "auto") {
  const result = await group(cohort, { remedies: false, method });
  const verdict = independentCheck(cohort, result.grouping);
  expect(verdict.problems).toEqual([]);
  expect(result.check.valid).toBe(true);
  return result;
}

const withoutTiming = (files: Record<string, string>) => ({ ...files, "summary.json": files["summary.json"]!.replace(/"(elapsedMs|ms)": [\d.e+-]+/g, '"$1": 0') });

describe("group properties on random cohorts", () => {
  it("every grouping passes the independent checker and the rules' checker", async () => {
    await fc.assert(fc.asyncProperty(arbitraryCohort(12), async (cohort) => void (await grouped(cohort))), { numRuns: 25, seed: 11 });
  });

  it.each(["auto", "mip"] as const)("the grouping is optimal (method %s): its goals equal the exhaustive search's best (placed, exceptions, repeats, km)", async (method) => {
    await fc.assert(
      fc.asyncProperty(arbitraryCohort(8), async (cohort) => {
        const result = await grouped(cohort, method);
        if (method === "mip") expect(result.blocks.every((b) => b.method === "mip")).toBe(true);
        const g = result.check.metrics.goals;
        expect([g.placed, g.exceptions, g["fresh-pairs"], g.journeys]).toEqual(bruteForceBest(cohort));
        expect(result.proven).toBe(true);
        expect(result.bound.placed).toBe(result.check.metrics.placed);
      }),
      { numRuns: method === "mip" ? 12 : 25, seed: 12 },
    );
  });

  it("every placeable school is placed: as many as an exhaustive search places, and never fewer under a more lenient policy", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCohort(10), async (cohort) => {
        const strict = await grouped({ ...cohort, policy: { ...cohort.policy, oversizeGroups: 0, mixedPhaseGroups: 0 } });
        const lenient = await grouped({ ...cohort, policy: { ...cohort.policy, oversizeGroups: 1, mixedPhaseGroups: 1 } });
        expect(lenient.check.metrics.placed).toBeGreaterThanOrEqual(strict.check.metrics.placed);
        const [unplaced] = bruteForceBest(cohort);
        expect(cohort.members.length - unplaced).toBe((await grouped(cohort)).check.metrics.placed);
      }),
      { numRuns: 15, seed: 13 },
    );
  });

  it("the same cohort gives the same files, byte for byte (timing aside), whatever the order of its rows", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCohort(10), async (cohort) => {
        const first = withoutTiming(groupOutputs(indexCohort(cohort), await grouped(cohort)));
        const shuffled: Cohort = { ...cohort, schools: [...cohort.schools].reverse(), members: [...cohort.members].reverse(), facilitators: [...cohort.facilitators].reverse() };
        const second = withoutTiming(groupOutputs(indexCohort(shuffled), await grouped(shuffled)));
        expect(second).toEqual(first);
      }),
      { numRuns: 10, seed: 14 },
    );
  });

  it("every unplaced school has a reason naming its phase or programme", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCohort(9), async (cohort) => {
        const result = await group(cohort);
        expect(independentCheck(cohort, result.grouping).problems).toEqual([]);
        for (const u of result.grouping.unplaced) expect(u.reason).toMatch(/school|group/);
      }),
      { numRuns: 10, seed: 15 },
    );
  });

  it("the rules' checker agrees with the independent checker on hand-shuffled groupings", () => {
    fc.assert(
      fc.property(arbitraryCohort(10), fc.integer({ min: 2, max: 5 }), fc.array(fc.nat(), { maxLength: 12 }), (cohort, size, picks) => {
        // Random groups of random schools: often invalid, and both checkers must say so alike.
        const ids = cohort.members.map((m) => m.schoolId);
        const groups = ids.length === 0 ? [] : [0, 1].map((n) => ({ programme: "P1", groupId: `G${n}`, schoolIds: picks.slice(n * size, (n + 1) * size).map((p) => ids[p % ids.length]!), facilitatorIds: cohort.facilitators[n] ? [cohort.facilitators[n]!.id] : [] }));
        const grouping = { groups: groups.filter((g) => g.schoolIds.length > 0), unplaced: [] };
        const independent = independentCheck(cohort, grouping, false).problems.length === 0;
        expect(checkGroups(cohort, grouping).valid).toBe(independent);
      }),
      { numRuns: 100, seed: 16 },
    );
  });
});
