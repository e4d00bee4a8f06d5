import { parseDay } from "../model/dates.js";
import type { Allocation, Assignment, Pin } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { changedRows } from "../solver/diff.js";
import { solve, type SolveOptions, type SolveResult } from "../solver/index.js";
import { freezePins, frozenIssues, frozenReviews, type FrozenIssue } from "./freeze.js";
import { carryState, lostConfirmations, statePins, unconfirmed, type Snapshot } from "./status.js";
import { tellStep, type Step } from "./step.js";

/** The options every season step takes beside `solve`'s, `maxChanges` among those (see `RepairOptions`, `RespondOptions`). */
export interface StepOptions extends Omit<SolveOptions, "start" | "engine"> {
  readonly freezeBefore?: string;
  readonly releaseStranded?: boolean;
  readonly replyBy?: string;
}

/**
 * Refuses a step's dates that are not real days, before anything is read: a bad `freezeBefore`
 * read as "no freeze date" would let the step rewrite reviews already held.
 */
export function checkStepDates(options: { readonly freezeBefore?: string; readonly replyBy?: string }): void {
  for (const option of ["freezeBefore", "replyBy"] as const) {
    const day = options[option];
    if (day !== undefined && parseDay(day) === undefined) throw new RangeError(`${option} "${day}" is not a real date written YYYY-MM-DD`);
  }
}

/** One season step's re-plan, as `repair` (after changes) and `respond` (after answers) ask it. */
export interface Replan {
  /** The published allocation in its year: what the notices are told against. */
  readonly before: Snapshot;
  /** The year to re-plan, indexed: `before`'s, with the step's changes applied. */
  readonly year: Year;
  /** The published allocation with the step's changes or answers in: the seats held, confirmed, declined and withdrawn. */
  readonly state: Allocation;
  /**
   * What the solver starts from and the changed rows are counted against: `repair` gives the
   * published rows (a seat a change removes is a changed row); absent, the state (an answer is
   * not a change).
   */
  readonly start?: Allocation;
  /** The step's own pins beyond the state's (repair: nothing new for whoever withdraws in it). */
  readonly stepPins?: (state: Allocation, year: Year) => readonly Pin[];
  readonly options: StepOptions;
}

/** A re-plan that `maxChanges` refused: the option with the fewest changed rows is in `result.tradeOff`. */
export interface OverMaxChanges {
  readonly ok: false;
  readonly result: SolveResult;
  readonly maxChanges: number;
}

/** A re-plan done: the step told, and what the caller decides on (stranded seats, frozen rows). */
export interface Replanned {
  readonly ok: true;
  readonly year: Year;
  readonly result: SolveResult;
  /** The re-planned allocation with the state carried over (statuses, sequences, declines). */
  readonly solved: Allocation;
  /** Confirmed seats of the state that the re-plan could not keep (released with `releaseStranded`). */
  readonly lost: readonly Assignment[];
  /** Changed rows against `start`. */
  readonly changes: number;
  /** The reviews kept as they were (`freezeBefore`). */
  readonly frozen: readonly ReviewInfo[];
  /** Rows of frozen reviews the re-plan could not keep: the step must be refused. */
  readonly frozenIssues: readonly FrozenIssue[];
  /** The step told: the allocation with its calendar sequences, the diff, the notices. */
  readonly told: Step;
}

/**
 * The re-plan behind both season steps: the state's pins (confirmed seats stay, declined and
 * withdrawn seats are never offered again), the frozen reviews pinned as they are, and the
 * step's own pins; the least change from `start` (the repair engine); once more with the
 * stranded confirmed seats released when the user said so; then the state carried over and the
 * step told (`tellStep`). What to refuse stays with the caller, in its own words: `maxChanges`
 * missed, frozen rows not kept, confirmed seats lost.
 */
export async function replan(step: Replan): Promise<Replanned | OverMaxChanges> {
  // maxChanges goes to the repair engine too: it picks the most seats within it.
  const { freezeBefore, releaseStranded, replyBy, ...solveOptions } = step.options;
  const { maxChanges } = solveOptions;
  const { year } = step;
  const { problem } = year;
  const frozen = freezeBefore !== undefined ? frozenReviews(year, freezeBefore) : [];
  const plan = (state: Allocation) => {
    const pins = [...problem.pins, ...statePins(state, year), ...freezePins(year, state, frozen), ...(step.stepPins?.(state, year) ?? [])];
    return solve({ ...problem, pins }, { ...solveOptions, engine: "auto", start: step.start ?? state });
  };
  const lostIn = (result: SolveResult) => lostConfirmations(step.state, carryState(step.state, result.allocation));
  let result = await plan(step.state);
  let lost = lostIn(result);
  if (lost.length > 0 && releaseStranded) {
    // Released, they are free again: re-plan once with their seats no longer held for them, so
    // that they may be asked to another review like anyone else.
    result = await plan(unconfirmed(step.state, lost));
    lost = lostIn(result);
  }
  const changes = changedRows(step.start ?? step.state, result.allocation);
  if (maxChanges !== undefined && changes > maxChanges) return { ok: false, result, maxChanges };
  // Declines of reviews the changes cancelled, or of people no longer in the year, go with them.
  const declined = (step.state.declined ?? []).filter((d) => year.reviewById.has(d.reviewId) && year.people[d.role].has(d.personId));
  const solved = carryState(step.state, result.allocation, declined);
  const told = tellStep(step.before, { year, allocation: solved }, replyBy !== undefined ? { replyBy: parseDay(replyBy)! } : {});
  return {
    ok: true,
    year,
    result: { ...result, allocation: told.allocation },
    solved,
    lost,
    changes,
    frozen,
    frozenIssues: freezeBefore !== undefined ? frozenIssues(year, step.state, solved, frozen, result, freezeBefore) : [],
    told,
  };
}
