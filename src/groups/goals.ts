import { pairKey, pairKm, type CohortIndex, type MemberInfo } from "./cohort.js";
import type { ExceptionKind, GroupPlacement } from "./rules/types.js";

/** A candidate group as the engine prices it. */
export interface Candidate {
  readonly members: readonly MemberInfo[];
  readonly exceptions: readonly ExceptionKind[];
}

/**
 * A soft goal: its id, its words, the solve stage it belongs to, the costs the engine's
 * objective is built from (all whole numbers) and its measure of a finished grouping.
 */
export interface GroupGoal {
  readonly id: string;
  readonly summary: string;
  /** `grouping` goals choose the groups; `facilitators` goals then staff the chosen groups. */
  readonly part: "grouping" | "facilitators";
  readonly unplacedCost?: number;
  readonly groupCost?: (index: CohortIndex, candidate: Candidate) => number;
  /** Cost of a group left without a facilitator. */
  readonly uncoveredCost?: number;
  /** Cost of a facilitator's `n`-th group (increasing, so loads even out). */
  readonly loadCost?: (n: number) => number;
  readonly measure: (placement: GroupPlacement, unplaced: number) => number;
}

const pairs = <T>(items: readonly T[]): [T, T][] => items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));

/** Pair-years of the counted history among a group's schools. */
export function repeatPairs(index: CohortIndex, members: readonly MemberInfo[]): number {
  return pairs(members).reduce((n, [a, b]) => n + (index.pastPairs.get(pairKey(a.school.id, b.school.id)) ?? 0), 0);
}

/** Whole kilometres between each pair of a group's schools (pairs without coordinates add 0). */
export function groupKm(members: readonly MemberInfo[]): number {
  return pairs(members).reduce((n, [a, b]) => n + (pairKm(a, b) ?? 0), 0);
}

const loads = (placement: GroupPlacement) => {
  const count = new Map(placement.index.facilitators.map((f) => [f.id, 0]));
  for (const g of placement.groups) for (const f of g.facilitators) count.set(f.id, (count.get(f.id) ?? 0) + 1);
  return [...count.values()];
};

/** The soft goals in priority order; each outweighs every goal after it in its part. */
export const GROUP_GOALS: readonly GroupGoal[] = [
  {
    id: "placed",
    summary: "Every school of the cohort is placed in a group.",
    part: "grouping",
    unplacedCost: 1,
    measure: (_placement, unplaced) => unplaced,
  },
  {
    id: "exceptions",
    summary: "Groups of one more school, or of mixed phases, only where the policy allows them and they place schools.",
    part: "grouping",
    groupCost: (_index, candidate) => candidate.exceptions.length,
    measure: ({ index, groups }) => groups.filter((g) => g.phases.size > 1 || g.group.schoolIds.length > index.policy.maxGroupSize).length,
  },
  {
    id: "fresh-pairs",
    summary: "No two schools of a group were grouped together in the counted years of history.",
    part: "grouping",
    groupCost: (index, candidate) => repeatPairs(index, candidate.members),
    measure: ({ index, groups }) => groups.reduce((n, g) => n + repeatPairs(index, g.members), 0),
  },
  {
    id: "journeys",
    summary: "Short journeys: the kilometres between each pair of schools of a group, summed.",
    part: "grouping",
    groupCost: (_index, candidate) => groupKm(candidate.members),
    measure: ({ groups }) => groups.reduce((n, g) => n + groupKm(g.members), 0),
  },
  {
    id: "facilitated",
    summary: "Every group has a facilitator.",
    part: "facilitators",
    uncoveredCost: 1,
    measure: ({ groups }) => groups.filter((g) => g.group.facilitatorIds.length === 0).length,
  },
  {
    id: "balanced-loads",
    summary: "Facilitators' loads are even: a facilitator's n-th group costs n.",
    part: "facilitators",
    loadCost: (n) => n,
    measure: (placement) => loads(placement).reduce((sum, load) => sum + (load * (load + 1)) / 2, 0),
  },
];
