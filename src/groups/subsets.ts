import type { ColumnModel, ExactSolution } from "./exact.js";

/** Blocks up to this many schools may be solved by `solveBySubsets`. */
export const SUBSETS_MAX_SCHOOLS = 17;
/** ...when the states times the candidate groups per school stay under this (about a second). */
export const SUBSETS_MAX_WORK = 150_000_000;

interface Option {
  readonly candidate: number;
  readonly mask: number;
  /** The candidate's use of the count limits, as an offset in the packed use index. */
  readonly use: number;
  readonly uses: readonly number[];
}

/** Uses of the count limits packed into one index (mixed radix, limit + 1 per row). */
function packer(limits: readonly number[]) {
  const radix = limits.map((l) => l + 1);
  const states = radix.reduce((a, b) => a * b, 1);
  const place = radix.map((_, i) => radix.slice(0, i).reduce((a, b) => a * b, 1));
  return {
    states,
    offset: (uses: readonly number[]) => uses.reduce((sum, u, i) => sum + u * place[i]!, 0),
    fits: (packed: number, uses: readonly number[]) => uses.every((u, i) => Math.floor(packed / place[i]!) % radix[i]! + u <= limits[i]!),
  };
}

/**
 * Solves a block's model exactly by dynamic programming over the sets of schools still to
 * place (and the count limits used so far): the first school of the set is either left out or
 * placed in one of its candidate groups within the set, whichever costs least with the best of
 * the rest. The model's first `schools` rows are the schools' (each with its own left-out
 * column); the next `limitRows` are count limits; later rows are cuts, true of every grouping,
 * so ignored here. Undefined when the block is too large for it.
 */
export function solveBySubsets(model: ColumnModel, schools: number, limitRows: number): ExactSolution | undefined {
  if (schools > SUBSETS_MAX_SCHOOLS) return undefined;
  const limits = model.rows.slice(schools, schools + limitRows).map((r) => Math.max(0, Math.min(r.upper, schools)));
  const pack = packer(limits);
  const { count, start, row, value, cost } = model.candidates;
  const byFirst: Option[][] = Array.from({ length: schools }, () => []);
  for (let c = 0; c < count; c += 1) {
    let mask = 0;
    const uses = limits.map(() => 0);
    for (let k = start[c]!; k < start[c + 1]!; k += 1) {
      if (row[k]! < schools) mask |= 1 << row[k]!;
      else if (row[k]! < schools + limitRows) uses[row[k]! - schools]! += value[k]!;
    }
    if (uses.some((u, i) => u > limits[i]!)) continue;
    byFirst[31 - Math.clz32(mask & -mask)]!.push({ candidate: c, mask, use: pack.offset(uses), uses });
  }
  const masks = 2 ** schools;
  if (masks * pack.states * Math.max(1, count / Math.max(1, schools)) > SUBSETS_MAX_WORK) return undefined;
  const best = new Float64Array(masks * pack.states).fill(NaN);
  const choice = new Int32Array(masks * pack.states).fill(-1);
  const solve = (mask: number, used: number): number => {
    if (mask === 0) return 0;
    const at = mask * pack.states + used;
    if (!Number.isNaN(best[at]!)) return best[at]!;
    const first = 31 - Math.clz32(mask & -mask);
    let result = model.fixed[first]!.cost + solve(mask & ~(1 << first), used);
    let chosen = -1;
    const options = byFirst[first]!;
    for (let i = 0; i < options.length; i += 1) {
      const option = options[i]!;
      if ((option.mask & mask) !== option.mask || !pack.fits(used, option.uses)) continue;
      const total = cost[option.candidate]! + solve(mask & ~option.mask, used + option.use);
      if (total < result) [result, chosen] = [total, i];
    }
    best[at] = result;
    choice[at] = chosen;
    return result;
  };
  const objective = solve(masks - 1, 0);
  const fixed = new Float64Array(model.fixed.length);
  const chosen: number[] = [];
  for (let mask = masks - 1, used = 0; mask !== 0; ) {
    const first = 31 - Math.clz32(mask & -mask);
    const option = byFirst[first]![choice[mask * pack.states + used]!];
    if (option) {
      chosen.push(option.candidate);
      used += option.use;
      mask &= ~option.mask;
    } else {
      fixed[first] = 1;
      mask &= ~(1 << first);
    }
  }
  return { status: "optimal", fixed, chosen: chosen.sort((a, b) => a - b), objective, bound: objective, lpBound: objective, kept: count, mips: 0 };
}
