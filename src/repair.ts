import { parseDay } from "./model/dates.js";
import type { Problem } from "./model/problem.js";
import type { Allocation } from "./model/schema.js";
import { indexYear, type Year } from "./model/year.js";
import { carryState, lostConfirmations, statePins } from "./season/status.js";
import { tellStep, type Step } from "./season/step.js";
import { changedRows } from "./solver/diff.js";
import { solve, type SolveOptions, type SolveResult } from "./solver/index.js";
import type { RepairOption } from "./solver/steps/trade-off.js";

export type { RepairOption };

/** A change to a year after its allocation was published. */
export type Change =
  | { readonly change: "withdraw"; readonly id: string }
  | { readonly change: "cancel"; readonly id: string }
  | { readonly change: "move"; readonly id: string; readonly start: string };

/** A change that cannot be applied, and why (the index is the change's position in the list). */
export interface ChangeIssue {
  readonly index: number;
  readonly field: "id" | "value";
  readonly message: string;
}

/** `maxChanges` below the fewest changed rows any valid repair needs. */
export interface MaxChangesIssue {
  readonly field: "maxChanges";
  readonly message: string;
  /** The option with the fewest changed rows. */
  readonly fewest: RepairOption;
}

/** Why a repair was refused: a change that cannot be applied, or a `maxChanges` no repair meets. */
export type RepairIssue = ChangeIssue | MaxChangesIssue;

/** `solve`'s options (seed, time limit, signal, progress; the repair engine always runs), and the repair's own. */
export interface RepairOptions extends Omit<SolveOptions, "start" | "engine"> {
  /** The user's explicit word that confirmed seats a withdrawal leaves without any possible advanced reviewer are released. */
  readonly releaseStranded?: boolean;
  /** At most this many changed rows: the repair returns the most seats reachable within them. */
  readonly maxChanges?: number;
}

export type RepairOutcome =
  | ({
      readonly ok: true;
      readonly problem: Problem;
      readonly result: SolveResult;
      /** Changed rows: the symmetric difference of the published and the repaired (review, role, person) rows. */
      readonly changes: number;
      /**
       * The trade-off: for each number of changed rows at which one more seat becomes reachable,
       * the most seats (fewest changes first, most seats last); the returned one is `chosen`.
       */
      readonly options: readonly RepairOption[];
    } & Step)
  | { readonly ok: false; readonly issues: readonly RepairIssue[] };

/**
 * Applies changes to a year: a withdrawn reviewer or Lead Reviewer leaves (with any pins
 * naming them), a cancelled review goes, a moved review gets its new start date. New people and
 * schools come as rows of the year's own files, not as changes.
 */
export function applyChanges(problem: Problem, changes: readonly Change[]): { problem: Problem; issues: ChangeIssue[] } {
  const issues: ChangeIssue[] = [];
  const withdrawn = new Set<string>();
  const cancelled = new Set<string>();
  const moved = new Map<string, string>();
  const people = new Set([...problem.reviewers.map((p) => p.id), ...problem.leads.map((p) => p.id)]);
  const reviews = new Set(problem.reviews.map((r) => r.id));
  changes.forEach((c, index) => {
    if (c.change === "withdraw") {
      if (!people.has(c.id)) issues.push({ index, field: "id", message: `no reviewer or Lead Reviewer has the id "${c.id}"` });
      else withdrawn.add(c.id);
    } else if (!reviews.has(c.id)) {
      issues.push({ index, field: "id", message: `no review has the id "${c.id}"` });
    } else if (c.change === "cancel") {
      cancelled.add(c.id);
    } else if (parseDay(c.start) === undefined) {
      issues.push({ index, field: "value", message: `"${c.start}" is not a real date written YYYY-MM-DD (the review's new start)` });
    } else {
      moved.set(c.id, c.start);
    }
  });
  return {
    issues,
    problem: {
      ...problem,
      reviewers: problem.reviewers.filter((p) => !withdrawn.has(p.id)),
      leads: problem.leads.filter((p) => !withdrawn.has(p.id)),
      reviews: problem.reviews.filter((r) => !cancelled.has(r.id)).map((r) => (moved.has(r.id) ? { ...r, start: moved.get(r.id)! } : r)),
      pins: problem.pins.filter((p) => !withdrawn.has(p.personId) && !cancelled.has(p.reviewId)),
    },
  };
}

/**
 * The change that costs a confirmed seat: a withdrawal from its team that leaves the team
 * without an advanced reviewer. Losses that follow from the changed year itself (a moved
 * review, edited availability) are the user's explicit doing and are not refused.
 */
function costlyChanges(allocation: Allocation, solved: Allocation, changes: readonly Change[], year: Year): ChangeIssue[] {
  return lostConfirmations(allocation, solved).flatMap((seat) => {
    if (!year.reviewById.has(seat.reviewId) || !year.people[seat.role].has(seat.personId)) return [];
    const index = changes.findIndex((c) => c.change === "withdraw" && allocation.assignments.some((a) => a.reviewId === seat.reviewId && a.personId === c.id));
    if (index < 0) return [];
    return [{ index, field: "id" as const, message: `${seat.reviewId}: once ${changes[index]!.id} leaves, the team keeps ${seat.personId}, who confirmed, but has no advanced reviewer and none can join; add an advanced reviewer to the year, or release ${seat.personId} from it (--release-stranded)` }];
  });
}

/** `maxChanges` no option meets: the fewest rows the repair found, and whether it knows that is the fewest. */
function maxChangesIssue(result: SolveResult, maxChanges: number): MaxChangesIssue {
  const fewest = result.tradeOff![0]!;
  // Only a complete sweep knows the fewest; one cut short by a limit knows what it found.
  const fewestIs = result.stoppedBy === "complete" ? "the fewest is" : "the fewest found is";
  const message = `no valid repair changes ${maxChanges} row${maxChanges === 1 ? "" : "s"} or fewer; ${fewestIs} ${fewest.changes} (${fewest.seats} seats)`;
  return { field: "maxChanges", message, fewest };
}

/**
 * Re-plans a published allocation after changes, changing as little as possible: the most seats
 * first, then the fewest changed rows (the symmetric difference of (review, role, person) rows,
 * the rows the change removes included), then the policy's other goals. Pins are honoured,
 * confirmed seats stay where they are (the year allowing) and declined offers are never made
 * again. The result says who was added, moved or removed and what to tell whom; `options` lists
 * the most seats reachable for each number of changed rows, and `maxChanges` picks one of them.
 *
 * @example
 * const outcome = await repair(problem, published, [{ change: "withdraw", id: "P0193" }], { seed: 1 });
 * if (outcome.ok) {
 *   console.log(outcome.options.map((o) => `${o.seats} seats with ${o.changes} changes`).join(", "));
 *   console.log(outcome.diff);
 * }
 */
export async function repair(problem: Problem, allocation: Allocation, changes: readonly Change[], options: RepairOptions = {}): Promise<RepairOutcome> {
  const { releaseStranded, ...solveOptions } = options;
  const applied = applyChanges({ ...problem, pins: [...problem.pins, ...statePins(allocation)] }, changes);
  if (applied.issues.length > 0) return { ok: false, issues: applied.issues };
  const result = await solve(applied.problem, { ...solveOptions, engine: "auto", start: allocation });
  const changed = changedRows(allocation, result.allocation);
  if (options.maxChanges !== undefined && changed > options.maxChanges) return { ok: false, issues: [maxChangesIssue(result, options.maxChanges)] };
  const year = indexYear(applied.problem);
  const declined = (allocation.declined ?? []).filter((d) => year.reviewById.has(d.reviewId) && year.people[d.role].has(d.personId));
  const solved = carryState(allocation, result.allocation, declined);
  const issues = releaseStranded ? [] : costlyChanges(allocation, solved, changes, year);
  if (issues.length > 0) return { ok: false, issues };
  const step = tellStep({ year: indexYear(problem), allocation }, { year, allocation: solved });
  return { ok: true, problem: applied.problem, result: { ...result, allocation: step.allocation }, ...step, changes: changed, options: result.tradeOff ?? [] };
}
