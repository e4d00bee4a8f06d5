import { solveWithHighs, type Column, type LinearModel, type Row } from "../solver/lp.js";

/** A bounded row `lower <= sum <= upper` of the column model (entries live on the columns). */
export interface RowBounds {
  readonly lower: number;
  readonly upper: number;
}

/** A variable that is always in the model (slacks, facilitator counts, load steps). */
export interface FixedColumn extends Column {
  readonly rows: readonly number[];
  readonly values: readonly number[];
}

/**
 * A minimisation model of binary candidate columns (groups) beside a few fixed columns. Every
 * candidate covers at least one equality row with right-hand side 1 (its schools), so its
 * upper bound of 1 is implied; every column's lower bound is 0.
 */
export interface ColumnModel {
  readonly rows: readonly RowBounds[];
  readonly fixed: readonly FixedColumn[];
  readonly candidates: {
    readonly count: number;
    readonly start: Int32Array;
    readonly row: Int32Array;
    readonly value: Float64Array;
    readonly cost: Float64Array;
  };
}

export interface ExactOptions {
  /** Fixed and candidate values of a known solution (warm start; its columns are always kept). */
  readonly start?: { readonly fixed: readonly number[]; readonly candidates: readonly number[] };
  readonly timeLimitSeconds?: number;
  /** Branch-and-bound nodes per MIP: a work limit, so that a limited run is reproducible. */
  readonly maxNodes?: number;
}

export interface ExactSolution {
  readonly status: "optimal" | "limit";
  readonly fixed: Float64Array;
  /** Indices of the candidates with value 1, ascending. */
  readonly chosen: readonly number[];
  readonly objective: number;
  /** Proven lower bound on the objective over every candidate, not only those kept. */
  readonly bound: number;
  /** The LP relaxation's optimum over every candidate (column generation). */
  readonly lpBound: number;
  /** Candidates in the last MIP: those whose reduced cost could still improve on the incumbent. */
  readonly kept: number;
  readonly mips: number;
}

/** Above this many candidates the LP is solved by column generation rather than whole. */
const WHOLE_LP = 20_000;
const INTEGRAL_TRY = 2_000;
const PER_MEMBER = 25;
const ADD_PER_ROUND = 4_000;
const EPS = 1e-6;
const BEST_PER_ROW = 8;

/** The dual LP of the model restricted to `active` candidates (see docs/groups.md, "The model"). */
function dualModel(model: ColumnModel, active: readonly number[]): { lp: LinearModel; rowVars: number[][] } {
  const columns: Column[] = [];
  const rowVars: number[][] = model.rows.map(() => []);
  model.rows.forEach((row, i) => {
    const lowerFinite = Number.isFinite(row.lower);
    const upperFinite = Number.isFinite(row.upper);
    if (lowerFinite && upperFinite && row.lower === row.upper) {
      rowVars[i]!.push(columns.push({ cost: row.lower, lower: -Infinity, upper: Infinity, integer: false }) - 1);
      return;
    }
    if (lowerFinite) rowVars[i]!.push(columns.push({ cost: row.lower, lower: 0, upper: Infinity, integer: false }) - 1);
    if (upperFinite) rowVars[i]!.push(columns.push({ cost: row.upper, lower: -Infinity, upper: 0, integer: false }) - 1);
  });
  const rows: Row[] = [];
  const constraint = (entries: Iterable<[number, number]>, cost: number, upperVar?: number) => {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [r, v] of entries) for (const y of rowVars[r]!) indices.push(y), values.push(v);
    if (upperVar !== undefined) indices.push(upperVar), values.push(1);
    rows.push({ lower: -Infinity, upper: cost, indices, values });
  };
  for (const f of model.fixed) {
    const w = Number.isFinite(f.upper) ? columns.push({ cost: f.upper, lower: -Infinity, upper: 0, integer: false }) - 1 : undefined;
    constraint(f.rows.map((r, k): [number, number] => [r, f.values[k]!]), f.cost, w);
  }
  const { start, row, value, cost } = model.candidates;
  for (const c of active) {
    const entries: [number, number][] = [];
    for (let k = start[c]!; k < start[c + 1]!; k += 1) entries.push([row[k]!, value[k]!]);
    constraint(entries, cost[c]!);
  }
  return { lp: { sense: "maximize", columns, rows }, rowVars };
}

function reducedCosts(model: ColumnModel, duals: Float64Array): Float64Array {
  const { count, start, row, value, cost } = model.candidates;
  const rc = new Float64Array(count);
  for (let c = 0; c < count; c += 1) {
    let sum = cost[c]!;
    for (let k = start[c]!; k < start[c + 1]!; k += 1) sum -= value[k]! * duals[row[k]!]!;
    rc[c] = sum;
  }
  return rc;
}

/** The cheapest few candidates of each row, plus those of the start: the first restricted LP. */
function initialColumns(model: ColumnModel, options: ExactOptions): number[] {
  const { count, start, row, cost } = model.candidates;
  if (count <= WHOLE_LP) return Array.from({ length: count }, (_, c) => c);
  const byRow = new Map<number, number[]>();
  for (let c = 0; c < count; c += 1) {
    const r = row[start[c]!]!;
    const list = byRow.get(r) ?? [];
    list.push(c);
    byRow.set(r, list);
  }
  const chosen = new Set<number>(options.start?.candidates.flatMap((v, c) => (v > 0.5 ? [c] : [])) ?? []);
  for (const list of byRow.values()) for (const c of [...list].sort((a, b) => cost[a]! - cost[b]! || a - b).slice(0, PER_MEMBER)) chosen.add(c);
  return [...chosen].sort((a, b) => a - b);
}

/** The LP optimum over every candidate, by column generation on the dual; with its duals. */
async function lpOverAll(model: ColumnModel, options: ExactOptions): Promise<{ bound: number; rc: Float64Array }> {
  let active = initialColumns(model, options);
  const inActive = new Uint8Array(model.candidates.count);
  for (const c of active) inActive[c] = 1;
  for (;;) {
    const { lp, rowVars } = dualModel(model, active);
    const solution = await solveWithHighs(lp, { relax: true });
    const duals = Float64Array.from(rowVars, (vars) => vars.reduce((s, v) => s + (solution.values[v] ?? 0), 0));
    const rc = reducedCosts(model, duals);
    const entering = [];
    for (let c = 0; c < rc.length; c += 1) if (!inActive[c] && rc[c]! < -EPS) entering.push(c);
    if (entering.length === 0) return { bound: solution.objective, rc };
    entering.sort((a, b) => rc[a]! - rc[b]! || a - b);
    for (const c of entering.slice(0, ADD_PER_ROUND)) inActive[c] = 1;
    active = [...active, ...entering.slice(0, ADD_PER_ROUND)].sort((a, b) => a - b);
  }
}

function restrictedMip(model: ColumnModel, kept: readonly number[]): LinearModel {
  const rows = model.rows.map((r) => ({ lower: r.lower, upper: r.upper, indices: [] as number[], values: [] as number[] }));
  const columns: Column[] = model.fixed.map((f, j) => {
    f.rows.forEach((r, k) => (rows[r]!.indices.push(j), rows[r]!.values.push(f.values[k]!)));
    return { cost: f.cost, lower: f.lower, upper: f.upper, integer: f.integer };
  });
  const { start, row, value, cost } = model.candidates;
  for (const c of kept) {
    const j = columns.push({ cost: cost[c]!, lower: 0, upper: 1, integer: true }) - 1;
    for (let k = start[c]!; k < start[c + 1]!; k += 1) rows[row[k]!]!.indices.push(j), rows[row[k]!]!.values.push(value[k]!);
  }
  return { sense: "minimize", columns, rows };
}

/**
 * The candidates a MIP gets: every one whose reduced cost is within `delta` (the proof needs
 * exactly these), the start's, and the few best of each row, so that early rounds can
 * already place every school.
 */
function keptColumns(model: ColumnModel, rc: Float64Array, delta: number, start: ExactOptions["start"]): number[] {
  const { count, start: first, row } = model.candidates;
  const keep = new Uint8Array(count);
  const best = new Map<number, number[]>();
  for (let c = 0; c < count; c += 1) {
    if (rc[c]! <= delta || (start?.candidates[c] ?? 0) > 0.5) keep[c] = 1;
    for (let k = first[c]!; k < first[c + 1]!; k += 1) {
      const list = best.get(row[k]!) ?? [];
      list.push(c);
      if (list.length > 4 * BEST_PER_ROW) list.sort((a, b) => rc[a]! - rc[b]! || a - b).length = BEST_PER_ROW;
      best.set(row[k]!, list);
    }
  }
  for (const list of best.values()) for (const c of list.sort((a, b) => rc[a]! - rc[b]! || a - b).slice(0, BEST_PER_ROW)) keep[c] = 1;
  const kept: number[] = [];
  for (let c = 0; c < count; c += 1) if (keep[c]) kept.push(c);
  return kept;
}

async function mipOver(model: ColumnModel, kept: readonly number[], start: ExactOptions["start"], options: ExactOptions) {
  const startValues = start ? [...start.fixed, ...kept.map((c) => start.candidates[c] ?? 0)] : undefined;
  const solution = await solveWithHighs(restrictedMip(model, kept), {
    relativeGap: 0,
    ...(startValues ? { start: startValues } : {}),
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.maxNodes !== undefined ? { maxNodes: options.maxNodes } : {}),
  });
  if (solution.status === "infeasible" || solution.status === "failed") throw new Error(`grouping MIP ${solution.status}`);
  const fixed = solution.values.slice(0, model.fixed.length);
  const chosen = kept.filter((_, i) => (solution.values[model.fixed.length + i] ?? 0) > 0.5);
  const candidates = new Array<number>(model.candidates.count).fill(0);
  for (const c of chosen) candidates[c] = 1;
  return { solution, fixed, chosen, start: { fixed: Array.from(fixed), candidates } };
}

/**
 * The LP relaxation over every candidate, when it is small enough to solve whole and its
 * optimum happens to be integral: then it is the MIP optimum too, and no MIP is needed.
 */
async function integralRelaxation(model: ColumnModel): Promise<ExactSolution | undefined> {
  const count = model.candidates.count;
  // Worth a try on small models only: a large one is seldom integral, and its LP takes a while.
  if (count > INTEGRAL_TRY) return undefined;
  const all = Array.from({ length: count }, (_, c) => c);
  const lp = await solveWithHighs(restrictedMip(model, all), { relax: true });
  if (lp.status !== "optimal") return undefined;
  const whole = (v: number) => Math.abs(v - Math.round(v)) <= 1e-7;
  if (!Array.from(lp.values).every(whole)) return undefined;
  const fixed = Float64Array.from(lp.values.slice(0, model.fixed.length), Math.round);
  const chosen = all.filter((c) => Math.round(lp.values[model.fixed.length + c] ?? 0) === 1);
  const objective = model.fixed.reduce((sum, f, j) => sum + f.cost * fixed[j]!, 0) + chosen.reduce((sum, c) => sum + model.candidates.cost[c]!, 0);
  return { status: "optimal", fixed, chosen, objective, bound: objective, lpBound: lp.objective, kept: count, mips: 0 };
}

/**
 * Solves a column model exactly: the LP over every candidate (column generation), then MIPs
 * over the candidates whose reduced cost is within a margin of the LP bound, the margin
 * doubling until it covers the gap between the LP bound and the best solution found, so no
 * candidate left out could improve it (reduced-cost fixing). Every cost is a whole number, so a
 * solution at the LP bound rounded up is optimal whatever was left out.
 */
export async function solveExactly(model: ColumnModel, options: ExactOptions = {}): Promise<ExactSolution> {
  const integral = await integralRelaxation(model);
  if (integral) return integral;
  const { bound: lpBound, rc } = await lpOverAll(model, options);
  const slack = EPS * Math.max(1, Math.abs(lpBound));
  const floor = Math.ceil(lpBound - slack);
  let delta = Math.max(1, 0.02 * Math.abs(lpBound));
  let start = options.start;
  let mips = 0;
  let kept = keptColumns(model, rc, delta + slack, start);
  for (;;) {
    const run = await mipOver(model, kept, start, options);
    mips += 1;
    const { solution } = run;
    const gap = solution.objective - lpBound;
    const everything = kept.length === model.candidates.count;
    const proven = solution.status === "optimal" && (solution.objective <= floor + slack || gap <= delta + slack || everything);
    if (proven || solution.status !== "optimal") {
      const bound = proven ? solution.objective : Math.max(floor, Math.min(solution.bound, lpBound + delta));
      return { status: proven ? "optimal" : "limit", fixed: run.fixed, chosen: run.chosen, objective: solution.objective, bound, lpBound, kept: kept.length, mips };
    }
    start = run.start;
    // Widen the margin until it lets in a candidate more (or reaches the gap, which proves).
    const before = kept.length;
    do {
      delta = Math.min(gap, 2 * delta);
      kept = keptColumns(model, rc, delta + slack, start);
    } while (kept.length === before && delta < gap);
  }
}
