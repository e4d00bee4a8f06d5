import loadHighs from "highs";

/**
 * A mixed-integer linear model in the solver-neutral shape the engines build: columns with
 * bounds and costs, rows as sparse sums with bounds. Kept apart from any one solver so that a
 * neighbourhood can be solved by HiGHS or cross-checked by another engine.
 */
export interface LinearModel {
  readonly sense: "maximize" | "minimize";
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export interface Column {
  readonly cost: number;
  readonly lower: number;
  readonly upper: number;
  readonly integer: boolean;
}

export interface Row {
  readonly lower: number;
  readonly upper: number;
  readonly indices: readonly number[];
  readonly values: readonly number[];
}

export interface LinearSolution {
  /** `optimal`: proven; `limit`: stopped at a limit with a feasible point; `infeasible`; `failed`. */
  readonly status: "optimal" | "limit" | "infeasible" | "failed";
  readonly values: Float64Array;
  readonly objective: number;
  /** The solver's proven bound on the objective (the MIP dual bound, or the LP optimum). */
  readonly bound: number;
  /** Why HiGHS failed (`failed` only): an abort such as running out of WebAssembly memory. */
  readonly error?: string;
  /** True when `shouldStop` interrupted the solve. */
  readonly interrupted?: boolean;
}

export interface LinearSolveOptions {
  readonly timeLimitSeconds?: number;
  /** Solve the LP relaxation only. */
  readonly relax?: boolean;
  /** A known feasible point to start branch and bound from. */
  readonly start?: readonly number[];
  readonly relativeGap?: number;
  /** Branch-and-bound node limit: a work limit, so that a limited solve is still reproducible. */
  readonly maxNodes?: number;
  /**
   * `false` skips HiGHS's presolve: faster on models whose start is near optimal and whose LP
   * bound meets it at the root (repair's keep models), where presolve costs more than it saves.
   */
  readonly presolve?: boolean;
  /** Asked at HiGHS's own checkpoints (simplex, interior point, branch and bound): true interrupts the solve. */
  readonly shouldStop?: () => boolean;
}

/** One turn of the event loop: `setImmediate` in Node (no 1 ms clamp), a zero timeout elsewhere. */
export const breathe = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));

type HighsRuntime = Awaited<ReturnType<typeof loadHighs>>;

/** HiGHS's model status codes that the solver reads (`HighsModelStatus` in HiGHS). */
const MODEL_STATUS = { optimal: 7, infeasible: 8 } as const;
let runtime: Promise<HighsRuntime> | undefined;
let wasm: { locateFile: () => string } | { wasmBinary: ArrayBuffer } | undefined;

/**
 * Where HiGHS's WebAssembly comes from, in a browser or worker: a URL to `highs.wasm` (shipped
 * as `qar-allocator/highs.wasm`), or its bytes. Without it the file is looked for beside the
 * script, as `new URL("highs.wasm", import.meta.url)`; Node needs nothing.
 *
 * @example useHighsWasm("/assets/highs.wasm");
 */
export function useHighsWasm(source: string | URL | ArrayBuffer | Uint8Array): void {
  wasm = typeof source === "string" || source instanceof URL
    ? { locateFile: () => String(source) }
    : { wasmBinary: source instanceof Uint8Array ? (source.slice().buffer as ArrayBuffer) : source };
  runtime = undefined;
}

/**
 * HiGHS's WebAssembly could not be loaded (in a browser: `highs.wasm` not served where it was
 * looked for). `solve` rejects with it rather than carrying on without the solver, which would
 * give fewer seats with no more than `solver-failed` to say why.
 */
export class SolverUnavailableError extends Error {
  constructor(cause: unknown) {
    const where = wasm && "locateFile" in wasm ? wasm.locateFile() : "highs.wasm beside the script";
    super(
      `HiGHS's WebAssembly could not be loaded from ${where} (${cause instanceof Error ? cause.message : String(cause)}); ` +
        "serve qar-allocator's dist/highs.wasm (import it as qar-allocator/highs.wasm) at that address, or call useHighsWasm(url or bytes) before solving",
    );
    this.name = "SolverUnavailableError";
  }
}

/** The HiGHS WebAssembly runtime, loaded on first use and shared (it holds no model state); a failed load is tried again next time. */
export function highsRuntime(): Promise<HighsRuntime> {
  runtime ??= loadHighs(wasm).catch((cause: unknown) => {
    runtime = undefined;
    throw new SolverUnavailableError(cause);
  });
  return runtime;
}

/**
 * Solves a model with HiGHS (branch and cut). HiGHS in WebAssembly aborts when its heap nears
 * 2 GB: the abort comes back as `failed` with the reason, and the runtime is loaded afresh for
 * the next solve (an aborted instance cannot be used again). Throws only `SolverUnavailableError`,
 * when the WebAssembly cannot be loaded at all.
 */
export async function solveWithHighs(model: LinearModel, options: LinearSolveOptions = {}): Promise<LinearSolution> {
  // A solve that can be stopped first lets the event loop run, so that an AbortSignal aborted by a
  // timer or a closed request is seen (HiGHS then stops at its first checkpoint).
  if (options.shouldStop) await breathe();
  try {
    return await solveOnce(model, options);
  } catch (cause) {
    if (cause instanceof SolverUnavailableError) throw cause;
    runtime = undefined;
    const empty = new Float64Array(model.columns.length);
    return { status: "failed", values: empty, objective: 0, bound: Number.NaN, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

async function solveOnce(model: LinearModel, options: LinearSolveOptions): Promise<LinearSolution> {
  const highs = await highsRuntime();
  const numCols = model.columns.length;
  const numRows = model.rows.length;
  const starts = new Int32Array(numRows + 1);
  let nonZeros = 0;
  for (let r = 0; r < numRows; r += 1) {
    starts[r] = nonZeros;
    nonZeros += model.rows[r]!.indices.length;
  }
  starts[numRows] = nonZeros;
  const indices = new Int32Array(nonZeros);
  const values = new Float64Array(nonZeros);
  let at = 0;
  for (const row of model.rows) {
    indices.set(row.indices, at);
    values.set(row.values, at);
    at += row.indices.length;
  }
  const empty = new Float64Array(numCols);
  if (numCols === 0) return { status: "optimal", values: empty, objective: 0, bound: 0 };
  const maximize = model.sense === "maximize";
  const data = {
    numCols,
    numRows,
    sense: maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: Float64Array.from(model.columns, (c) => c.cost),
    colLower: Float64Array.from(model.columns, (c) => c.lower),
    colUpper: Float64Array.from(model.columns, (c) => c.upper),
    rowLower: Float64Array.from(model.rows, (r) => (Number.isFinite(r.lower) ? r.lower : -highs.infinity)),
    rowUpper: Float64Array.from(model.rows, (r) => (Number.isFinite(r.upper) ? r.upper : highs.infinity)),
    matrix: { format: "csr" as const, numRows, numCols, starts, indices, values },
    ...(options.relax ? {} : { integrality: Int32Array.from(model.columns, (c) => (c.integer ? 1 : 0)) }),
  };
  return highs.withModel(data as Parameters<HighsRuntime["createModel"]>[0] & object, (m): LinearSolution => {
    m.options.set({
      output_flag: false,
      random_seed: 0,
      ...(options.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.01, options.timeLimitSeconds) } : {}),
      ...(options.relativeGap !== undefined ? { mip_rel_gap: options.relativeGap } : {}),
      ...(options.maxNodes !== undefined ? { mip_max_nodes: options.maxNodes } : {}),
      ...(options.presolve === false ? { presolve: "off" } : {}),
    });
    if (options.start && !options.relax) m.setSolution({ colValue: Float64Array.from(options.start) });
    let interrupted = false;
    const check = (event: { interrupt(): void }): undefined => {
      if (options.shouldStop?.()) {
        interrupted = true;
        event.interrupt();
      }
      return undefined;
    };
    m.run(options.shouldStop ? { 1: check, 2: check, 6: check } : undefined);
    const status = m.getModelStatus();
    const solution = m.getSolution();
    const colValue = solution.colValue ? Float64Array.from(solution.colValue) : empty;
    const objective = m.getObjectiveValue();
    const mip = !options.relax && model.columns.some((c) => c.integer);
    let bound = objective;
    if (mip) {
      const dual = Number(m.info.get("mip_dual_bound"));
      if (Number.isFinite(dual)) bound = dual;
    }
    const feasible = solution.colValue !== undefined && solution.colValue.length === numCols && Number(m.info.get("primal_solution_status")) === 2;
    if (status === MODEL_STATUS.optimal) return { status: "optimal", values: colValue, objective, bound };
    if (interrupted) return feasible ? { status: "limit", values: colValue, objective, bound, interrupted } : { status: "failed", values: empty, objective: 0, bound, interrupted };
    if (status === MODEL_STATUS.infeasible) return { status: "infeasible", values: empty, objective: 0, bound: 0 };
    return feasible ? { status: "limit", values: colValue, objective, bound } : { status: "failed", values: empty, objective: 0, bound };
  });
}

/**
 * The LP relaxation of one model under several objectives in turn (each minimised), HiGHS
 * starting each from the last one's basis: a few iterations each after the first. Returns each
 * proven optimum, or `undefined` where HiGHS stopped short of one (never throws).
 */
export async function minimiseEach(
  model: Omit<LinearModel, "sense">,
  objectives: readonly Float64Array[],
  options: { readonly timeLimitSeconds?: number; readonly shouldStop?: () => boolean } = {},
): Promise<(number | undefined)[]> {
  if (options.shouldStop) await breathe();
  try {
    const highs = await highsRuntime();
    const numCols = model.columns.length;
    const numRows = model.rows.length;
    if (numCols === 0) return objectives.map(() => 0);
    const starts = new Int32Array(numRows + 1);
    let nonZeros = 0;
    model.rows.forEach((row, r) => {
      starts[r] = nonZeros;
      nonZeros += row.indices.length;
    });
    starts[numRows] = nonZeros;
    const indices = new Int32Array(nonZeros);
    const values = new Float64Array(nonZeros);
    let at = 0;
    for (const row of model.rows) {
      indices.set(row.indices, at);
      values.set(row.values, at);
      at += row.indices.length;
    }
    const data = {
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.minimize,
      colCost: new Float64Array(numCols),
      colLower: Float64Array.from(model.columns, (c) => c.lower),
      colUpper: Float64Array.from(model.columns, (c) => c.upper),
      rowLower: Float64Array.from(model.rows, (r) => (Number.isFinite(r.lower) ? r.lower : -highs.infinity)),
      rowUpper: Float64Array.from(model.rows, (r) => (Number.isFinite(r.upper) ? r.upper : highs.infinity)),
      matrix: { format: "csr" as const, numRows, numCols, starts, indices, values },
    };
    return highs.withModel(data as Parameters<HighsRuntime["createModel"]>[0] & object, (m) => {
      m.options.set({ output_flag: false, random_seed: 0, ...(options.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.01, options.timeLimitSeconds) } : {}) });
      const check = (event: { interrupt(): void }): undefined => {
        if (options.shouldStop?.()) event.interrupt();
        return undefined;
      };
      return objectives.map((objective) => {
        m.changeColsCost({ kind: "range", from: 0, to: numCols - 1 }, objective);
        m.run(options.shouldStop ? { 1: check, 2: check } : undefined);
        return m.getModelStatus() === MODEL_STATUS.optimal ? m.getObjectiveValue() : undefined;
      });
    });
  } catch {
    runtime = undefined;
    return objectives.map(() => undefined);
  }
}
