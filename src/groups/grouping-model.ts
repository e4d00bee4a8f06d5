import type { CohortIndex } from "./cohort.js";
import { EXCEPTION_KINDS, membersOf, type Block, type CandidateGroups } from "./enumerate.js";
import type { ColumnModel, RowBounds } from "./exact.js";
import { GROUP_GOALS, type GroupGoal } from "./goals.js";
import type { ExceptionKind } from "./rules/types.js";

/** A block's grouping as a column model, with the weight of each goal in its objective. */
export interface BlockModel {
  readonly model: ColumnModel;
  /** Goal id → weight: each goal outweighs every later grouping goal together. */
  readonly weights: Readonly<Record<string, number>>;
}

export const exceptionsOf = (bits: number): ExceptionKind[] => EXCEPTION_KINDS.filter((_, k) => (bits & (1 << k)) !== 0);

/** The goals that choose the groups, in priority order. */
export const GROUPING_GOALS = GROUP_GOALS.filter((g) => g.part === "grouping");
/** The goals about who is placed at all: what a remedy is judged by. */
export const PLACEMENT_GOALS = GROUPING_GOALS.filter((g) => g.id === "placed" || g.id === "exceptions");

function goalCosts(index: CohortIndex, block: Block, candidates: CandidateGroups, goal: GroupGoal): Float64Array {
  const costs = new Float64Array(candidates.count);
  if (!goal.groupCost) return costs;
  for (let c = 0; c < candidates.count; c += 1) {
    const members = membersOf(candidates, c).map((m) => block.members[m]!);
    costs[c] = goal.groupCost(index, { members, exceptions: exceptionsOf(candidates.exceptions[c]!) });
  }
  return costs;
}

/**
 * Largest total a goal can reach in any grouping of the block: a group's cost shared out over
 * its schools, each school taking its dearest share; plus every school unplaced.
 */
function goalCeiling(block: Block, candidates: CandidateGroups, costs: Float64Array, goal: GroupGoal): number {
  const share = new Float64Array(block.members.length);
  for (let c = 0; c < candidates.count; c += 1) {
    const size = candidates.start[c + 1]! - candidates.start[c]!;
    for (let k = candidates.start[c]!; k < candidates.start[c + 1]!; k += 1) {
      const m = candidates.member[k]!;
      share[m] = Math.max(share[m]!, costs[c]! / size);
    }
  }
  return Math.ceil(share.reduce((a, b) => a + b, 0) + (goal.unplacedCost ?? 0) * block.members.length);
}

/**
 * Builds a block's model: a row per school (in one group, or unplaced), a row per exception
 * kind (the policy's count per programme), a column per candidate group and one per school
 * left out. The objective weighs the grouping goals so each outweighs all later ones together
 * (whole numbers throughout, so the LP bound rounds up).
 */
export function buildBlockModel(index: CohortIndex, block: Block, candidates: CandidateGroups, goals: readonly GroupGoal[] = GROUPING_GOALS): BlockModel {
  const n = block.members.length;
  const limits: Record<ExceptionKind, number> = { oversize: index.policy.oversizeGroups, "mixed-phase": index.policy.mixedPhaseGroups };
  // Every group holds at least minGroupSize schools, so there are at most n / minGroupSize
  // groups: a cut the LP alone misses (it likes fractions of small groups), that closes much of its gap.
  const mostGroups = Math.floor(n / index.policy.minGroupSize);
  const rows: RowBounds[] = [
    ...block.members.map(() => ({ lower: 1, upper: 1 })),
    ...EXCEPTION_KINDS.map((kind) => ({ lower: -Infinity, upper: limits[kind] })),
    { lower: -Infinity, upper: mostGroups },
  ];
  const weights: Record<string, number> = {};
  const cost = new Float64Array(candidates.count);
  let unplacedCost = 0;
  let weight = 1;
  for (const goal of [...goals].reverse()) {
    const own = goalCosts(index, block, candidates, goal);
    weights[goal.id] = weight;
    own.forEach((v, c) => (cost[c]! += weight * v));
    unplacedCost += weight * (goal.unplacedCost ?? 0);
    weight += weight * goalCeiling(block, candidates, own, goal);
  }
  const start = new Int32Array(candidates.count + 1);
  const row: number[] = [];
  for (let c = 0; c < candidates.count; c += 1) {
    start[c] = row.length;
    row.push(...membersOf(candidates, c));
    for (const kind of exceptionsOf(candidates.exceptions[c]!)) row.push(n + EXCEPTION_KINDS.indexOf(kind));
    row.push(n + EXCEPTION_KINDS.length);
  }
  start[candidates.count] = row.length;
  const fixed = block.members.map((_, m) => ({ cost: unplacedCost, lower: 0, upper: 1, integer: true, rows: [m], values: [1] }));
  return { model: { rows, fixed, candidates: { count: candidates.count, start, row: Int32Array.from(row), value: new Float64Array(row.length).fill(1), cost } }, weights };
}
