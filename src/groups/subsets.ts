import type { ColumnModel, ExactSolution } from "./exact.js";

/** Blocks up to this many schools are solved by `solveBySubsets` (4 096 sets of schools at most). */
export const SUBSETS_MAX_SCHOOLS = 12;

interface Option {
  readonly candidate: number;
  readonly mask: number;
  /** Use of each count row (exceptions, groups) by the candidate. */
  readonly uses: readonly number[];
}

/**
 * Solves a block's model exactly by dynamic programming over the sets of schools still to
 * place: the first school of the set is either left out or placed in one of its candidate
 * groups within the set, whichever costs least with the best of the rest. The model's first
 * `schools` rows are the schools' (each with its own left-out column); the others are count
 * limits. Small blocks (the trios of 6 special schools) need no MIP at all.
 */
export function solveBySubsets(model: ColumnModel, schools: number): ExactSolution | undefined {
  if (schools > SUBSETS_MAX_SCHOOLS) return undefined;
  const limits = model.rows.slice(schools).map((r) => r.upper);
  if (model.rows.slice(schools).some((r) => Number.isFinite(r.lower) || !Number.isFinite(r.upper))) return undefined;
  const { count, start, row, value, cost } = model.candidates;
  const byFirst: Option[][] = Array.from({ length: schools }, () => []);
  for (let c = 0; c < count; c += 1) {
    let mask = 0;
    const uses = limits.map(() => 0);
    for (let k = start[c]!; k < start[c + 1]!; k += 1) {
      if (row[k]! < schools) mask |= 1 << row[k]!;
      else uses[row[k]! - schools]! += value[k]!;
    }
    byFirst[31 - Math.clz32(mask & -mask)]!.push({ candidate: c, mask, uses });
  }
  const memo = new Map<string, { cost: number; option?: Option }>();
  const best = (mask: number, used: readonly number[]): number => {
    if (mask === 0) return 0;
    const key = `${mask}|${used.join(",")}`;
    const known = memo.get(key);
    if (known) return known.cost;
    const first = 31 - Math.clz32(mask & -mask);
    let result: { cost: number; option?: Option } = { cost: model.fixed[first]!.cost + best(mask & ~(1 << first), used) };
    for (const option of byFirst[first]!) {
      if ((option.mask & mask) !== option.mask) continue;
      const next = used.map((u, i) => u + option.uses[i]!);
      if (next.some((u, i) => u > limits[i]!)) continue;
      const total = cost[option.candidate]! + best(mask & ~option.mask, next);
      if (total < result.cost) result = { cost: total, option };
    }
    memo.set(key, result);
    return result.cost;
  };
  const all = schools === 0 ? 0 : 2 ** schools - 1;
  const objective = best(all, limits.map(() => 0));
  const fixed = new Float64Array(model.fixed.length);
  const chosen: number[] = [];
  let mask = all;
  let used = limits.map(() => 0);
  while (mask !== 0) {
    const step = memo.get(`${mask}|${used.join(",")}`)!;
    const first = 31 - Math.clz32(mask & -mask);
    if (step.option) {
      chosen.push(step.option.candidate);
      used = used.map((u, i) => u + step.option!.uses[i]!);
      mask &= ~step.option.mask;
    } else {
      fixed[first] = 1;
      mask &= ~(1 << first);
    }
  }
  return { status: "optimal", fixed, chosen: chosen.sort((a, b) => a - b), objective, bound: objective, lpBound: objective, kept: count, mips: 0 };
}
