import type { CohortIndex } from "./cohort.js";
import { EXCEPTION_KINDS, membersOf, type Block, type CandidateGroups } from "./enumerate.js";
import type { ColumnModel, RowBounds } from "./exact.js";
import { GROUP_GOALS, type GroupGoal } from "./goals.js";
import type { ExceptionKind } from "./rules/types.js";
import { blockCuts } from "./cuts.js";

/** A block's grouping as a column model, with the weight of each goal in its objective. */
export interface BlockModel {
  readonly model: ColumnModel;
  /** Goal id → weight: each goal outweighs every later grouping goal together. */
  readonly weights: Readonly<Record<string, number>>;
  /** Rows after the schools' that a solution must respect beyond the LP (the exception counts); the rest are cuts. */
  readonly limitRows: number;
}

export const exceptionsOf = (bits: number): ExceptionKind[] => EXCEPTION_KINDS.filter((_, k) => (bits & (1 << k)) !== 0);

/** The goals that choose the groups, in priority order. */
export const GROUPING_GOALS = GROUP_GOALS.filter((g) => g.part === "grouping");


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
export function buildBlockModel(index: CohortIndex, block: Block, candidates: CandidateGroups): BlockModel {
  const n = block.members.length;
  const limits: Record<ExceptionKind, number> = { oversize: index.policy.oversizeGroups, "mixed-phase": index.policy.mixedPhaseGroups };
  const cuts = blockCuts(index, block);
  const cutRow = n + EXCEPTION_KINDS.length;
  const rows: RowBounds[] = [
    ...block.members.map(() => ({ lower: 1, upper: 1 })),
    ...EXCEPTION_KINDS.map((kind) => ({ lower: -Infinity, upper: limits[kind] })),
    ...cuts.map((cut) => ({ lower: cut.lower, upper: cut.upper })),
  ];
  const weights: Record<string, number> = {};
  const cost = new Float64Array(candidates.count);
  let unplacedCost = 0;
  let weight = 1;
  for (const goal of [...GROUPING_GOALS].reverse()) {
    const own = goalCosts(index, block, candidates, goal);
    weights[goal.id] = weight;
    own.forEach((v, c) => (cost[c]! += weight * v));
    unplacedCost += weight * (goal.unplacedCost ?? 0);
    weight += weight * goalCeiling(block, candidates, own, goal);
  }
  const start = new Int32Array(candidates.count + 1);
  const row: number[] = [];
  const value: number[] = [];
  for (let c = 0; c < candidates.count; c += 1) {
    start[c] = row.length;
    for (const m of membersOf(candidates, c)) row.push(m), value.push(1);
    for (const kind of exceptionsOf(candidates.exceptions[c]!)) row.push(n + EXCEPTION_KINDS.indexOf(kind)), value.push(1);
    const members = membersOf(candidates, c).map((m) => block.members[m]!);
    cuts.forEach((cut, i) => {
      const v = cut.onGroup(members);
      if (v !== 0) row.push(cutRow + i), value.push(v);
    });
  }
  start[candidates.count] = row.length;
  const fixed = block.members.map((member, m) => {
    const onCuts = cuts.flatMap((cut, i) => (cut.onUnplaced(member) !== 0 ? [[cutRow + i, cut.onUnplaced(member)] as const] : []));
    return { cost: unplacedCost, lower: 0, upper: 1, integer: true, rows: [m, ...onCuts.map(([r]) => r)], values: [1, ...onCuts.map(([, v]) => v)] };
  });
  const model = { rows, fixed, candidates: { count: candidates.count, start, row: Int32Array.from(row), value: Float64Array.from(value), cost } };
  return { model, weights, limitRows: EXCEPTION_KINDS.length };
}
