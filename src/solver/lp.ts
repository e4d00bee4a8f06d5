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
/** HiGHS's callback channels the solver uses (`highs.constants.callbackType`). */
const CALLBACK = { simplexInterrupt: 1, ipmInterrupt: 2, mipImprovingSolution: 4, mipInterrupt: 6 } as const;
let runtime: Promise<HighsRuntime> | undefined;
let wasm: { locateFile: () => string } | { wasmBinary: ArrayBuffer } | undefined;
/** Where the HiGHS WebAssembly was said to be (`useHighsWasm`), for hosts that load their own. */
let wasmSource: string | ArrayBuffer | undefined;

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
  wasmSource = "wasmBinary" in wasm ? wasm.wasmBinary : String(source);
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

/** What `useHighsWasm` was given (a URL or the bytes), or `undefined` for the default place. */
export const highsWasmSource = (): string | ArrayBuffer | undefined => wasmSource;

/** The HiGHS WebAssembly runtime, loaded on first use and shared (it holds no model state); a failed load is tried again next time. */
export function highsRuntime(): Promise<HighsRuntime> {
  runtime ??= loadHighs(wasm).catch((cause: unknown) => {
    runtime = undefined;
    throw new SolverUnavailableError(cause);
  });
  return runtime;
}

/** Drops the runtime after HiGHS aborted (an aborted instance cannot be used again). */
export function dropHighsRuntime(): void {
  runtime = undefined;
}

/**
 * One HiGHS job in HiGHS's own input shape, made of plain data and typed arrays so that it can
 * be run in this thread or handed to another (`HighsHost`): the model, the options, an optional
 * start, and for `minimiseEach` the objectives to minimise in turn.
 */
export interface HighsJob {
  readonly numCols: number;
  readonly numRows: number;
  readonly sense: "maximize" | "minimize";
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** Absent for an LP. */
  readonly integrality?: Int32Array;
  /** HiGHS options (`time_limit`, `mip_max_nodes`, ...). */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  readonly start?: Float64Array;
  /** Minimise each of these in turn from the last one's basis, instead of one run of `colCost`. */
  readonly objectives?: readonly Float64Array[];
}

/** One HiGHS run of a job, as HiGHS left it. */
export interface HighsRun {
  readonly status: number;
  readonly values?: Float64Array;
  readonly objective: number;
  /** The MIP dual bound (NaN for an LP or when HiGHS gave none). */
  readonly dualBound: number;
  readonly primalFeasible: boolean;
}

/** What a job gave: one run per objective (or one), whether it was interrupted, and the last incumbent HiGHS reported. */
export interface HighsOutcome {
  readonly runs: readonly HighsRun[];
  readonly interrupted: boolean;
  /** Set when HiGHS itself failed (its WebAssembly aborted, e.g. out of memory) or the host lost it. */
  readonly error?: string;
  /** The best solution HiGHS reported before a host stopped it from outside (its runs are then empty). */
  readonly incumbent?: { readonly values: Float64Array; readonly objective: number };
}

/**
 * Runs a job on a loaded HiGHS, in whatever thread this is: `interrupt` is asked at HiGHS's own
 * checkpoints (simplex, interior point, branch and bound), `improving` hears each new MIP
 * incumbent. Throws only when HiGHS's WebAssembly aborts.
 */
export function runHighsJob(
  highs: HighsRuntime,
  job: HighsJob,
  hooks: { readonly interrupt?: () => boolean; readonly improving?: (values: Float64Array, objective: number) => void } = {},
): HighsOutcome {
  const data = {
    numCols: job.numCols,
    numRows: job.numRows,
    sense: job.sense === "maximize" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: job.colCost,
    colLower: job.colLower,
    colUpper: job.colUpper,
    rowLower: job.rowLower,
    rowUpper: job.rowUpper,
    matrix: { format: "csr" as const, numRows: job.numRows, numCols: job.numCols, starts: job.starts, indices: job.indices, values: job.values },
    ...(job.integrality ? { integrality: job.integrality } : {}),
  };
  let interrupted = false;
  const check = (event: { interrupt(): void }): undefined => {
    if (hooks.interrupt?.()) {
      interrupted = true;
      event.interrupt();
    }
    return undefined;
  };
  const callbacks = {
    ...(hooks.interrupt ? { [CALLBACK.simplexInterrupt]: check, [CALLBACK.ipmInterrupt]: check, [CALLBACK.mipInterrupt]: check } : {}),
    ...(hooks.improving && job.integrality
      ? {
          [CALLBACK.mipImprovingSolution]: (event: { data: { mip_solution?: Float64Array; objective_function_value?: number } }): undefined => {
            if (event.data.mip_solution) hooks.improving!(event.data.mip_solution, event.data.objective_function_value ?? Number.NaN);
            return undefined;
          },
        }
      : {}),
  };
  return highs.withModel(data as Parameters<HighsRuntime["createModel"]>[0] & object, (m): HighsOutcome => {
    m.options.set(job.settings as Parameters<typeof m.options.set>[0]);
    if (job.start && job.integrality) m.setSolution({ colValue: job.start });
    const read = (): HighsRun => {
      const status = m.getModelStatus();
      const solution = m.getSolution();
      const dual = job.integrality ? Number(m.info.get("mip_dual_bound")) : Number.NaN;
      return {
        status,
        ...(solution.colValue && solution.colValue.length === job.numCols ? { values: Float64Array.from(solution.colValue) } : {}),
        objective: m.getObjectiveValue(),
        dualBound: dual,
        primalFeasible: solution.colValue !== undefined && Number(m.info.get("primal_solution_status")) === 2,
      };
    };
    const runs: HighsRun[] = [];
    for (const objective of job.objectives ?? [undefined]) {
      if (objective) m.changeColsCost({ kind: "range", from: 0, to: job.numCols - 1 }, objective);
      m.run(callbacks as Parameters<typeof m.run>[0]);
      runs.push(read());
      if (interrupted) break;
    }
    return { runs, interrupted };
  });
}

/**
 * Where a HiGHS job that may be stopped runs. By default in the calling thread, where HiGHS
 * stops only at its own checkpoints (some phases, such as presolve on a large model, have none
 * for many seconds). A host runs it elsewhere (a worker thread, `src/worker/highs-host.ts`) and
 * can stop it from outside: when `shouldStop` turns true or `seconds` pass, it asks HiGHS to
 * stop, and ends the job outright if HiGHS has not stopped soon after, answering with the last
 * incumbent HiGHS reported. The calling thread stays free meanwhile.
 */
export interface HighsHost {
  readonly run: (job: HighsJob, control: { readonly shouldStop: () => boolean; readonly seconds?: number }) => Promise<HighsOutcome>;
  /** Gets ready for a first job (loads its worker) while the caller does other work. */
  readonly warm?: () => void;
}

let host: HighsHost | undefined;

/**
 * Runs HiGHS's solves that can be stopped (those given `shouldStop`) in `chosen`, or in the
 * calling thread again with `undefined`. The Node entries of the package install a worker-thread
 * host; the core and the browser build run HiGHS in the calling thread.
 */
export function useHighsHost(chosen: HighsHost | undefined): void {
  host = chosen;
}

/** Lets a host load ahead of the first solve (see `HighsHost.warm`). */
export function warmHighs(): void {
  host?.warm?.();
}

/** The CSR arrays of a model's rows. */
function csr(rows: readonly Row[]): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  const starts = new Int32Array(rows.length + 1);
  let nonZeros = 0;
  rows.forEach((row, r) => {
    starts[r] = nonZeros;
    nonZeros += row.indices.length;
  });
  starts[rows.length] = nonZeros;
  const indices = new Int32Array(nonZeros);
  const values = new Float64Array(nonZeros);
  let at = 0;
  for (const row of rows) {
    indices.set(row.indices, at);
    values.set(row.values, at);
    at += row.indices.length;
  }
  return { starts, indices, values };
}

/** A model as a job for HiGHS. */
function jobOf(model: Omit<LinearModel, "sense"> & { readonly sense?: LinearModel["sense"] }, settings: HighsJob["settings"], extra: { integer: boolean; start?: readonly number[]; objectives?: readonly Float64Array[] }): HighsJob {
  return {
    numCols: model.columns.length,
    numRows: model.rows.length,
    sense: model.sense ?? "minimize",
    colCost: Float64Array.from(model.columns, (c) => c.cost),
    colLower: Float64Array.from(model.columns, (c) => c.lower),
    colUpper: Float64Array.from(model.columns, (c) => c.upper),
    rowLower: Float64Array.from(model.rows, (r) => r.lower),
    rowUpper: Float64Array.from(model.rows, (r) => r.upper),
    ...csr(model.rows),
    ...(extra.integer ? { integrality: Int32Array.from(model.columns, (c) => (c.integer ? 1 : 0)) } : {}),
    settings,
    ...(extra.start && extra.integer ? { start: Float64Array.from(extra.start) } : {}),
    ...(extra.objectives ? { objectives: extra.objectives } : {}),
  };
}

/**
 * Runs a job: in the host when one is installed and the job may be stopped, else here. A host
 * that cannot run it (its worker would not start) leaves it to this thread. Never throws.
 */
async function runJob(job: HighsJob, shouldStop: (() => boolean) | undefined, seconds: number | undefined): Promise<HighsOutcome> {
  // Past the limit (or aborted) already: HiGHS would stop at its first checkpoint; not started at all.
  if (shouldStop?.()) return { runs: [], interrupted: true };
  if (host && shouldStop) {
    const outcome = await host.run(job, { shouldStop, ...(seconds !== undefined ? { seconds } : {}) }).catch(() => undefined);
    if (outcome) return outcome;
  }
  try {
    return runHighsJob(await highsRuntime(), job, shouldStop ? { interrupt: shouldStop } : {});
  } catch (cause) {
    // No WebAssembly at all is the caller's to know, not a failed solve (`SolverUnavailableError`).
    if (cause instanceof SolverUnavailableError) throw cause;
    runtime = undefined;
    return { runs: [], interrupted: false, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** HiGHS options common to every job, and the time limit (HiGHS wants it positive). */
const settingsOf = (timeLimitSeconds: number | undefined, more: Record<string, string | number | boolean> = {}) => ({
  output_flag: false,
  random_seed: 0,
  ...(timeLimitSeconds !== undefined ? { time_limit: Math.max(0.01, timeLimitSeconds) } : {}),
  ...more,
});

/**
 * Solves a model with HiGHS (branch and cut). HiGHS in WebAssembly aborts when its heap nears
 * 2 GB: the abort comes back as `failed` with the reason, and the runtime is loaded afresh for
 * the next solve (an aborted instance cannot be used again). Throws only `SolverUnavailableError`,
 * when the WebAssembly cannot be loaded at all. A solve given `shouldStop` runs in the installed
 * `HighsHost`, if any, so that it can be stopped from outside.
 */
export async function solveWithHighs(model: LinearModel, options: LinearSolveOptions = {}): Promise<LinearSolution> {
  // A solve that can be stopped first lets the event loop run, so that an AbortSignal aborted by a
  // timer or a closed request is seen (HiGHS then stops at its first checkpoint).
  if (options.shouldStop) await breathe();
  const numCols = model.columns.length;
  const empty = new Float64Array(numCols);
  // Stopped already (the model's build may have been cut short too): no solve, and no optimum.
  if (options.shouldStop?.()) return { status: "failed", values: empty, objective: 0, bound: Number.NaN, interrupted: true };
  if (numCols === 0) return { status: "optimal", values: empty, objective: 0, bound: 0 };
  const integer = !options.relax;
  const settings = settingsOf(options.timeLimitSeconds, {
    ...(options.relativeGap !== undefined ? { mip_rel_gap: options.relativeGap } : {}),
    ...(options.maxNodes !== undefined ? { mip_max_nodes: options.maxNodes } : {}),
    ...(options.presolve === false ? { presolve: "off" } : {}),
  });
  const job = jobOf(model, settings, { integer, ...(options.start ? { start: options.start } : {}) });
  const outcome = await runJob(job, options.shouldStop, options.timeLimitSeconds);
  return solutionOf(outcome, numCols, integer && model.columns.some((c) => c.integer));
}

/** A job's outcome as the solver reads it (see `LinearSolution`). */
function solutionOf(outcome: HighsOutcome, numCols: number, mip: boolean): LinearSolution {
  const empty = new Float64Array(numCols);
  const run = outcome.runs[0];
  if (!run) {
    // Stopped from outside (or lost): the last incumbent HiGHS reported, if any.
    if (outcome.incumbent) return { status: "limit", values: outcome.incumbent.values, objective: outcome.incumbent.objective, bound: Number.NaN, interrupted: true };
    return { status: "failed", values: empty, objective: 0, bound: Number.NaN, ...(outcome.error ? { error: outcome.error } : {}), ...(outcome.interrupted ? { interrupted: true } : {}) };
  }
  const values = run.values ?? empty;
  const objective = run.objective;
  const bound = mip && Number.isFinite(run.dualBound) ? run.dualBound : objective;
  const feasible = run.values !== undefined && run.primalFeasible;
  if (run.status === MODEL_STATUS.optimal) return { status: "optimal", values, objective, bound };
  if (outcome.interrupted) return feasible ? { status: "limit", values, objective, bound, interrupted: true } : { status: "failed", values: empty, objective: 0, bound, interrupted: true };
  if (run.status === MODEL_STATUS.infeasible) return { status: "infeasible", values: empty, objective: 0, bound: 0 };
  return feasible ? { status: "limit", values, objective, bound } : { status: "failed", values: empty, objective: 0, bound };
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
  if (options.shouldStop?.()) return objectives.map(() => undefined);
  if (model.columns.length === 0) return objectives.map(() => 0);
  const job = jobOf({ ...model, columns: model.columns.map((c) => ({ ...c, cost: 0 })) }, settingsOf(options.timeLimitSeconds), { integer: false, objectives });
  const outcome = await runJob(job, options.shouldStop, options.timeLimitSeconds);
  return objectives.map((_, i) => {
    const run = outcome.runs[i];
    return run && run.status === MODEL_STATUS.optimal ? run.objective : undefined;
  });
}
