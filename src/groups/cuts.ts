import type { CohortIndex, MemberInfo } from "./cohort.js";
import type { Block } from "./enumerate.js";
import { largestSplit } from "./policy.js";

/**
 * A valid inequality of a block's model: true of every grouping, so adding it changes no
 * integer solution, only the LP bound. `onGroup` is a candidate group's coefficient,
 * `onUnplaced` that of a school's left-out column.
 */
export interface Cut {
  readonly lower: number;
  readonly upper: number;
  readonly onGroup: (members: readonly MemberInfo[]) => number;
  readonly onUnplaced: (member: MemberInfo) => number;
}

/**
 * The cuts of a block, for the block and for each of its phases when phases may mix: groups
 * within a scope of n schools number at most n / minGroupSize (the LP likes fractions of small
 * groups); they hold at most the largest number of the n that the policy's sizes can hold, R
 * (4 of 5 with groups of 3–4: the LP would place five secondary schools in sixths of ten trios);
 * and when R < n, at least n − R of the block's schools are left out, or, for a phase, at
 * least one of its schools is left out or in a mixed group.
 */
export function blockCuts(index: CohortIndex, block: Block): Cut[] {
  const policy = index.policy;
  const phases = [...new Set(block.members.map((m) => m.school.phase))].sort();
  const scopes = [
    { whole: true, within: (_m: MemberInfo) => true, n: block.members.length },
    ...(phases.length > 1 ? phases.map((phase) => ({ whole: false, within: (m: MemberInfo) => m.school.phase === phase, n: block.members.filter((m) => m.school.phase === phase).length })) : []),
  ];
  return scopes.flatMap(({ whole, within, n }): Cut[] => {
    const inside = (members: readonly MemberInfo[]) => members.every(within);
    const cuts: Cut[] = [{ lower: -Infinity, upper: Math.floor(n / policy.minGroupSize), onGroup: (g) => (inside(g) ? 1 : 0), onUnplaced: () => 0 }];
    const most = largestSplit(n, policy);
    if (most === n) return cuts;
    cuts.push({ lower: -Infinity, upper: most, onGroup: (g) => (inside(g) ? g.length : 0), onUnplaced: () => 0 });
    cuts.push({
      lower: whole ? n - most : 1,
      upper: Infinity,
      onGroup: (g) => (!whole && !inside(g) && g.some(within) ? 1 : 0),
      onUnplaced: (m) => (within(m) ? 1 : 0),
    });
    return cuts;
  });
}
