/**
 * Each goal against an independent count: its units of an allocation (what the metrics report),
 * its marginal cost (one more seat), and its MIP terms (the model's goals tier at that allocation).
 * The counts below are written from DOMAIN.md's words, apart from src/goals.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { GOALS, type Goal } from "../../src/goals/index.js";
import { DEFAULT_WEIGHTS, type Weights } from "../../src/model/policy.js";
import type { Allocation } from "../../src/model/schema.js";
import { indexYear, travelKm, type PersonInfo, type ReviewInfo, type Year } from "../../src/model/year.js";
import { place } from "../../src/rules/placement.js";
import { CANDIDATE_LIMITS, findCandidates } from "../../src/solver/candidates.js";
import { solve } from "../../src/solver/index.js";
import { buildScopeModel } from "../../src/solver/mip-model.js";
import { createRoster, rosterOf } from "../../src/solver/roster.js";
import { randomYear } from "../helpers/random-year.js";

/** Peers and leads of every review, from the allocation rows alone. */
function teams(year: Year, allocation: Allocation) {
  const byReview = new Map<string, { lead: PersonInfo[]; peer: PersonInfo[] }>();
  for (const a of allocation.assignments) {
    const team = byReview.get(a.reviewId) ?? { lead: [], peer: [] };
    team[a.role].push(year.people[a.role].get(a.personId)!);
    byReview.set(a.reviewId, team);
  }
  return year.reviews.map((review) => ({ review, ...(byReview.get(review.id) ?? { lead: [], peer: [] }) }));
}

const schoolOf = (p: PersonInfo) => p.school?.id;

/** The independent counts, goal by goal. */
const COUNT: Record<string, (year: Year, allocation: Allocation) => number> = {
  // Protected teams' first peers, each up to its minimum (policy.md, Fairness); none when off.
  fairness: (year, a) => {
    const { protectedPhases, minPeersPerTeam } = year.policy;
    if (protectedPhases.length === 0 && minPeersPerTeam === 0) return 0;
    return teams(year, a).reduce((n, t) => {
      const phase = t.review.host.phase;
      const guarded = protectedPhases.length === 0 || (phase !== undefined && protectedPhases.includes(phase));
      return n + (guarded && t.review.peerSeats > 0 ? Math.min(t.peer.length, Math.min(t.review.peerSeats, Math.max(1, minPeersPerTeam))) : 0);
    }, 0);
  },
  "lead-seat": (year, a) => teams(year, a).filter((t) => t.lead.length > 0).length,
  "peer-seat": (year, a) => teams(year, a).reduce((n, t) => n + Math.min(t.peer.length, t.review.peerSeats), 0),
  "advanced-seat": (year, a) =>
    teams(year, a).reduce((n, t) => {
      const need = t.peer.length === 0 ? 0 : Math.min(t.review.kind.minAdvancedPerTeam, t.review.peerSeats);
      return n + (need > 0 && t.peer.filter((p) => p.level === "advanced").length >= need ? need : 0);
    }, 0),
  reciprocity: (year, a) => {
    const sent = new Map<string, number>();
    for (const t of teams(year, a)) for (const p of t.peer) sent.set(schoolOf(p)!, (sent.get(schoolOf(p)!) ?? 0) + 1);
    return year.problem.schools.reduce((n, s) => n + Math.abs((sent.get(s.id) ?? 0) - (year.target.get(s.id) ?? 0)), 0);
  },
  // A seat whose holder does not list the host's phase: a reviewer listing none suits any; a Lead
  // Reviewer listing none is not known to (issue 25).
  phase: (year, a) =>
    teams(year, a).reduce((n, t) => {
      const phase = t.review.host.phase;
      if (phase === undefined) return n;
      return n + t.lead.filter((p) => !p.phases.has(phase)).length + t.peer.filter((p) => p.phases.size > 0 && !p.phases.has(phase)).length;
    }, 0),
  preference: (year, a) => teams(year, a).reduce((n, t) => n + t.peer.filter((p) => p.prefers.size > 0 && !p.prefers.has(t.review.id) && !(t.review.host.hub && p.prefers.has(t.review.host.hub))).length, 0),
  travel: (year, a) => teams(year, a).reduce((n, t) => n + [...t.lead, ...t.peer].reduce((km, p) => km + (travelKm(p, t.review.host) ?? 0), 0), 0),
  repeat: (year, a) => teams(year, a).reduce((n, t) => n + [...t.lead, ...t.peer].filter((p) => year.history.get(t.review.host.id)?.has(p.id)).length, 0),
  "first-review": () => 0, // random years carry no history: nobody has had a review yet
  "same-school": (year, a) =>
    teams(year, a).reduce((n, t) => {
      let pairs = 0;
      t.peer.forEach((p, i) => t.peer.slice(i + 1).forEach((q) => (pairs += schoolOf(p) === schoolOf(q) ? 1 : 0)));
      return n + pairs;
    }, 0),
  "reciprocal-pairs": (year, a) => {
    const reviews = new Set<string>();
    for (const t of teams(year, a)) for (const p of t.peer) if (t.review.hostSchool) reviews.add(`${schoolOf(p)}>${t.review.hostSchool.id}`);
    let pairs = 0;
    for (const edge of reviews) {
      const [x, y] = edge.split(">");
      if (x! < y! && reviews.has(`${y}>${x}`)) pairs += 1;
    }
    return pairs;
  },
};

/** A busy random allocation: the greedy engine's, on a year with many reviewers per school. */
async function busy(seed: number): Promise<{ year: Year; allocation: Allocation }> {
  // Every other year protects special schools' teams, so that the fairness goal counts too.
  const problem = randomYear(seed, { reviews: 10, reviewersPerSchool: 3, ...(seed % 2 === 0 ? { policy: { protectedPhases: ["special"], minPeersPerTeam: 2 } } : {}) });
  const result = await solve(problem, { engine: "greedy", seed, exactBound: false });
  expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
  return { year: result.year, allocation: result.allocation };
}

/** A policy that weighs only `goal` among the goals (seats keep their weights). */
const only = (goal: Goal): Weights => ({ ...Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])), leadSeat: 1_000_000, seat: 10_000, [goal.weight]: 3 }) as Weights;

const seeds = fc.integer({ min: 1, max: 100_000 });

describe.each(GOALS.map((goal) => [goal.id, goal] as const))("%s", (id, goal) => {
  it(`${id}: its units of an allocation equal an independent count, and the metrics report them`, async () => {
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const { year, allocation } = await busy(seed);
        const units = goal.units(place(year, allocation));
        expect(units).toBeCloseTo(COUNT[id]!(year, allocation), 6);
        expect(checkAllocation(year, allocation).metrics.goals[id]).toBe(units);
      }),
      { numRuns: 8, seed: 11 },
    );
  });

  it(`${id}: one more seat adds the units its pair or marginal cost says`, async () => {
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const { year, allocation } = await busy(seed);
        const roster = rosterOf(year, allocation);
        const candidates = findCandidates(year, CANDIDATE_LIMITS);
        let checked = 0;
        for (const list of candidates.peer.values()) {
          for (const c of list) {
            if (!roster.canTake(c.person, c.review) || checked > 20) continue;
            checked += 1;
            const before = goal.units(place(year, roster.toAllocation()));
            const claimed = goal.pair ? ((goal.roles ?? ["lead", "peer"]).includes("peer") ? goal.pair(year, c.person, c.review) : 0) : goal.marginal?.(year, roster, c.person, c.review);
            roster.add("peer", c.person, c.review);
            const after = goal.units(place(year, roster.toAllocation()));
            roster.remove("peer", c.person, c.review);
            if (claimed !== undefined) expect(after - before).toBeCloseTo(claimed, 6);
          }
        }
      }),
      { numRuns: 6, seed: 12 },
    );
  });

  it.runIf(goal.tier === "goals")(`${id}: the MIP's goals tier at an allocation is its weighted units, every row holding`, async () => {
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const { year: base, allocation } = await busy(seed);
        const year = indexYear({ ...base.problem, policy: { ...base.problem.policy, weights: only(goal) } });
        const candidates = findCandidates(year, CANDIDATE_LIMITS);
        const built = buildScopeModel(year, candidates, createRoster(year), { reviews: year.reviews, leads: true, peers: true });
        const rows = new Set(allocation.assignments.map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
        const x = built.startFrom((j) => rows.has(`${built.seats[j]!.role}:${built.seats[j]!.person.id}@${built.seats[j]!.review.id}`));
        const empty = built.startFrom(() => false);
        const worth = (values: readonly number[]) => built.goalsTier.reduce((sum, c, j) => sum + c * values[j]!, 0);
        // Against the empty allocation, so that what no column can change (a school no reviewer
        // can leave, say) drops out on both sides.
        const units = COUNT[id]!(year, allocation) - COUNT[id]!(year, { assignments: [] });
        expect(worth(x) - worth(empty)).toBeCloseTo((goal.sense === "cost" ? -3 : 3) * units, 4);
        for (const row of built.model.rows) {
          const activity = row.indices.reduce((sum, j, k) => sum + row.values[k]! * x[j]!, 0);
          expect(activity).toBeGreaterThanOrEqual(row.lower - 1e-9);
          expect(activity).toBeLessThanOrEqual(row.upper + 1e-9);
        }
      }),
      { numRuns: 6, seed: 13 },
    );
  });
});

/** An id in the list above for every goal: a new goal needs its independent count. */
it("every goal has an independent count", () => {
  expect(GOALS.map((g) => g.id).filter((id) => !(id in COUNT))).toEqual([]);
});
export type { ReviewInfo };
