import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import type { Allocation, Assignment } from "../../src/model/schema.js";
import { indexYear, type Year } from "../../src/model/year.js";
import { STANDBY_LIMIT, standbyFor, standbyList, type StandbyRow } from "../../src/plan/standby.js";
import { solve } from "../../src/solver/index.js";
import { rosterOf } from "../../src/solver/roster.js";

/**
 * Applies a standby the way a coordinator would, without the library's help: into an empty seat
 * of the role, else in place of a peer who is not advanced (any, drawn at random), else of the
 * first advanced peer; a Lead Reviewer replaces the Lead Reviewer.
 */
function stepIn(year: Year, allocation: Allocation, row: { reviewId: string; role: "lead" | "peer"; personId: string }, random: () => number): Allocation {
  const team = allocation.assignments.filter((a) => a.reviewId === row.reviewId && a.role === row.role);
  const seats = row.role === "lead" ? 1 : year.reviewById.get(row.reviewId)!.peerSeats;
  let leaving: Assignment | undefined;
  if (team.length >= seats) {
    const plain = team.filter((a) => year.people.peer.get(a.personId)?.level !== "advanced");
    leaving = row.role === "peer" && plain.length > 0 ? plain[Math.floor(random() * plain.length)] : team[0];
  }
  return { assignments: [...allocation.assignments.filter((a) => a !== leaving), { reviewId: row.reviewId, role: row.role, personId: row.personId }] };
}

async function solvedYear(seed: number, reviews: number) {
  const { problem } = generateYear(smallRandomSpec(seed, reviews));
  const result = await solve(problem, { engine: "greedy", seed });
  expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
  return { year: indexYear(problem), allocation: result.allocation };
}

const advanced = (year: Year, row: StandbyRow) => row.role === "peer" && year.people.peer.get(row.personId)!.level === "advanced";

describe("standby lists", () => {
  it("every row of standby.csv, applied alone, leaves an allocation the checker accepts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 5, max: 16 }), async (seed, reviews) => {
        const { year, allocation } = await solvedYear(seed, reviews);
        const random = seedrandom(`standby-${seed}`);
        const rows = standbyList(year, allocation);
        for (const row of rows) {
          const violations = checkAllocation(year, stepIn(year, allocation, row, random)).violations;
          expect(violations, `${row.role} ${row.personId} on ${row.reviewId}`).toEqual([]);
        }
      }),
      { numRuns: 8, seed: 18 },
    );
  });

  it("lists at most three per review and role, ranked 1.., nobody already on the team, advanced first where the team has only the advanced reviewers it needs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 5, max: 16 }), async (seed, reviews) => {
        const { year, allocation } = await solvedYear(seed, reviews);
        const rows = standbyList(year, allocation);
        for (const review of year.reviews) {
          for (const role of ["lead", "peer"] as const) {
            const mine = rows.filter((r) => r.reviewId === review.id && r.role === role);
            expect(mine.length).toBeLessThanOrEqual(STANDBY_LIMIT);
            expect(mine.map((r) => r.rank)).toEqual(mine.map((_, i) => i + 1));
            const team = allocation.assignments.filter((a) => a.reviewId === review.id && a.role === role).map((a) => a.personId);
            for (const row of mine) expect(team).not.toContain(row.personId);
            const teamAdvanced = team.filter((id) => role === "peer" && year.people.peer.get(id)!.level === "advanced").length;
            if (role === "peer" && teamAdvanced <= Math.min(year.policy.minAdvancedPerTeam, review.peerSeats)) {
              const flags = mine.map((row) => advanced(year, row));
              expect(flags, review.id).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
            }
          }
        }
      }),
      { numRuns: 6, seed: 19 },
    );
  });

  it("misses nobody: where a review has fewer than three standbys of a role, nobody else of that role could step in", async () => {
    const { year, allocation } = await solvedYear(4242, 8);
    const rows = standbyList(year, allocation);
    const random = seedrandom("complete");
    let tried = 0;
    for (const review of year.reviews) {
      for (const role of ["lead", "peer"] as const) {
        const listed = new Set(rows.filter((r) => r.reviewId === review.id && r.role === role).map((r) => r.personId));
        if (listed.size >= STANDBY_LIMIT) continue;
        const onTeam = new Set(allocation.assignments.filter((a) => a.reviewId === review.id && a.role === role).map((a) => a.personId));
        for (const person of role === "lead" ? year.leads : year.reviewers) {
          if (listed.has(person.id) || onTeam.has(person.id)) continue;
          tried += 1;
          const applied = stepIn(year, allocation, { reviewId: review.id, role, personId: person.id }, random);
          expect(checkAllocation(year, applied).valid, `${person.id} could step into ${review.id}`).toBe(false);
        }
      }
    }
    expect(tried).toBeGreaterThan(0);
  });

  it("standbyFor gives the same rows from an engine's working roster as from the allocation (for repair)", async () => {
    const { year, allocation } = await solvedYear(77, 20);
    const roster = rosterOf(year, allocation);
    for (const review of year.reviews) expect(standbyFor(year, roster, review)).toEqual(standbyFor(year, allocation, review));
    expect(standbyList(year, allocation).length).toBeGreaterThan(0);
  });

  it("respects forbid pins: a person pinned off a review is never its standby", async () => {
    const { year, allocation } = await solvedYear(91, 12);
    const row = standbyList(year, allocation).find((r) => r.role === "peer");
    expect(row).toBeDefined();
    const pinned = indexYear({ ...year.problem, pins: [{ reviewId: row!.reviewId, personId: row!.personId, role: "peer", kind: "forbid" }] });
    const review = pinned.reviewById.get(row!.reviewId)!;
    expect(standbyFor(pinned, allocation, review, { role: "peer" }).map((r) => r.personId)).not.toContain(row!.personId);
  });
});
