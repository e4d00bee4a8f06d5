import { parseDay } from "./model/dates.js";
import type { Problem } from "./model/problem.js";
import type { Allocation, Assignment, Decline, Pin, Role } from "./model/schema.js";
import { indexYear, type ReviewInfo, type Year } from "./model/year.js";
import { frozenWords, unfreezeHint, type FrozenIssue } from "./season/freeze.js";
import { checkStepDates, replan } from "./season/replan.js";
import { lostConfirmations, noNewSeats, seatKey, withState } from "./season/status.js";
import type { Step } from "./season/step.js";
import type { SolveOptions, SolveResult } from "./solver/index.js";
import type { RepairOption } from "./solver/steps/trade-off.js";

export type { FrozenIssue, RepairOption };

/**
 * A change to a year after its allocation was published. A `withdraw` with a `reviewId` takes
 * the person off that one review; without one, off every review from the freeze date on.
 *
 * @example
 * const changes: Change[] = [{ change: "withdraw", id: "P0193" }, { change: "move", id: "R0412", start: "2025-03-10" }];
 * const outcome = await repair(problem, published, changes, { seed: 1 });
 */
export type Change =
  | { readonly change: "withdraw"; readonly id: string; readonly reviewId?: string }
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

/**
 * Why a repair was refused: a change that cannot be applied, a `maxChanges` no repair meets, or a frozen row that cannot stay.
 *
 * @example
 * if (!outcome.ok) for (const issue of outcome.issues) console.log(issue.field, issue.message);
 */
export type RepairIssue = ChangeIssue | MaxChangesIssue | FrozenIssue;

/**
 * `solve`'s options (seed, time limit, signal, progress; the repair engine always runs), and the repair's own.
 *
 * @example
 * const outcome = await repair(problem, published, changes, { seed: 1, freezeBefore: "2025-01-20", maxChanges: 8 } satisfies RepairOptions);
 */
export interface RepairOptions extends Omit<SolveOptions, "start" | "engine"> {
  /** The user's explicit word that confirmed seats a withdrawal leaves without any possible advanced reviewer are released. */
  readonly releaseStranded?: boolean;
  /** At most this many changed rows: the repair returns the most seats reachable within them. */
  readonly maxChanges?: number;
  /**
   * The as-of date (ISO `YYYY-MM-DD`): no row of a review starting before it is added, moved or
   * removed, and a withdrawal from the rest of the year takes effect on it. Absent: nothing is
   * frozen (the library has no clock; `qar repair` passes today's date unless told otherwise).
   */
  readonly freezeBefore?: string;
  /** The day answers are due (ISO), in the notices' words; absent: "as soon as you can". */
  readonly replyBy?: string;
}

/**
 * What `repair` gives: the re-planned year with its diff, notices and trade-off, or the issues that refused it.
 *
 * @example
 * const outcome: RepairOutcome = await repair(problem, published, changes, { seed: 1 });
 * if (outcome.ok) console.log(`${outcome.changes} changed rows`, outcome.diff, outcome.notices.length);
 */
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
      /** Ids of the reviews kept as they were (`freezeBefore`). */
      readonly frozen: readonly string[];
      /** The allocation with the changes applied, before the re-plan (withdrawn seats given up): what the re-plan disturbs. */
      readonly start: Allocation;
    } & Step)
  | { readonly ok: false; readonly issues: readonly RepairIssue[] };

/** A year and an allocation with changes applied, and the changes that could not be. */
export interface Applied {
  /** The year without cancelled reviews, moved reviews on their new dates, pins the withdrawals contradict dropped. */
  readonly problem: Problem;
  /** The allocation with the withdrawn seats given up (status `withdrawn`) and the withdrawals from the rest of the year. */
  readonly allocation: Allocation;
  /** People who withdrew in this step: they are offered no new seat in it. */
  readonly withdrawing: readonly { readonly personId: string; readonly role: Role }[];
  readonly issues: readonly ChangeIssue[];
}

/**
 * Applies changes to a year and its allocation. A withdrawn reviewer or Lead Reviewer gives up
 * the seat named (or every seat from `freezeBefore` on: their earlier seats took place and
 * stay), and stays in the year so that those seats stay valid; a cancelled review goes; a moved
 * review gets its new start date. Nothing may touch a review that starts before `freezeBefore`.
 * New people and schools come as rows of the year's own files, not as changes.
 *
 * @example
 * const applied = applyChanges(problem, published, [{ change: "withdraw", id: "P0193", reviewId: "R0412" }], "2025-01-20");
 * if (applied.issues.length === 0) console.log(applied.allocation.declined);
 */
export function applyChanges(problem: Problem, allocation: Allocation, changes: readonly Change[], freezeBefore?: string): Applied {
  const issues: ChangeIssue[] = [];
  const year = indexYear(problem);
  const freezeDay = freezeBefore !== undefined ? parseDay(freezeBefore) : undefined;
  const frozen = (review: ReviewInfo) => freezeDay !== undefined && review.span.from < freezeDay;
  const frozenIssue = (index: number, review: ReviewInfo, what: string, field: ChangeIssue["field"] = "id") =>
    issues.push({ index, field, message: `${frozenWords(review, freezeBefore!)}: it cannot be ${what}; ${unfreezeHint(review)}` });
  const cancelled = new Set<string>();
  const moved = new Map<string, string>();
  const givenUp = new Map<string, Decline>();
  const withdrawals = new Map((allocation.withdrawals ?? []).map((w) => [`${w.role}:${w.personId}`, w]));
  const withdrawing = new Map<string, { personId: string; role: Role }>();
  const seatsOf = (personId: string) => allocation.assignments.filter((a) => a.personId === personId);
  changes.forEach((c, index) => {
    if (c.change === "withdraw") {
      const roles = (["peer", "lead"] as const).filter((role) => year.people[role].has(c.id));
      if (roles.length === 0) {
        issues.push({ index, field: "id", message: `no reviewer or Lead Reviewer has the id "${c.id}"` });
        return;
      }
      const leaving = (a: Assignment) => {
        givenUp.set(seatKey(a), { reviewId: a.reviewId, role: a.role, personId: a.personId, ...(a.sequence !== undefined ? { sequence: a.sequence } : {}), status: "withdrawn" });
        withdrawing.set(`${a.role}:${a.personId}`, { personId: a.personId, role: a.role });
      };
      if (c.reviewId !== undefined) {
        const review = year.reviewById.get(c.reviewId);
        const seat = seatsOf(c.id).find((a) => a.reviewId === c.reviewId);
        if (!review) issues.push({ index, field: "value", message: `no review has the id "${c.reviewId}"` });
        else if (frozen(review)) frozenIssue(index, review, `withdrawn from (record an absence in attendance.csv when closing the year)`, "value");
        else if (seat) leaving(seat);
        else if (!(allocation.declined ?? []).some((d) => d.reviewId === c.reviewId && d.personId === c.id)) {
          issues.push({ index, field: "value", message: `${c.id} is not on review ${c.reviewId} in the allocation; nothing to withdraw from (to keep them off it, add a forbid pin to pins.csv)` });
        }
        return;
      }
      for (const a of seatsOf(c.id)) if (!frozen(year.reviewById.get(a.reviewId)!)) leaving(a);
      for (const role of roles) {
        const key = `${role}:${c.id}`;
        const earlier = withdrawals.get(key);
        // The earliest withdrawal holds: a later one cannot give back reviews already given up.
        // (A decliner asked nothing more who now withdraws gives up their seats too.)
        if (earlier && earlier.status !== "declined" && (earlier.from === undefined || (freezeBefore !== undefined && earlier.from <= freezeBefore))) continue;
        withdrawals.set(key, { personId: c.id, role, ...(freezeBefore !== undefined ? { from: freezeBefore } : {}) });
        withdrawing.set(key, { personId: c.id, role });
      }
      return;
    }
    const review = year.reviewById.get(c.id);
    if (!review) {
      issues.push({ index, field: "id", message: `no review has the id "${c.id}"` });
    } else if (frozen(review)) {
      frozenIssue(index, review, c.change === "cancel" ? "cancelled" : "moved");
    } else if (c.change === "cancel") {
      cancelled.add(c.id);
    } else if (parseDay(c.start) === undefined) {
      issues.push({ index, field: "value", message: `"${c.start}" is not a real date written YYYY-MM-DD (the review's new start)` });
    } else if (freezeDay !== undefined && parseDay(c.start)! < freezeDay) {
      issues.push({ index, field: "value", message: `${c.id} cannot move to ${c.start}, before the freeze date ${freezeBefore}; ${unfreezeHint(review)}` });
    } else {
      moved.set(c.id, c.start);
    }
  });
  const away = (p: Pin) => givenUp.has(seatKey(p)) || (withdrawn(p) && !isFrozenPin(p));
  const withdrawn = (p: Pin) => {
    const w = withdrawals.get(`${p.role}:${p.personId}`);
    const review = year.reviewById.get(p.reviewId);
    return w !== undefined && w.status !== "declined" && review !== undefined && (w.from === undefined || review.span.from >= parseDay(w.from)!);
  };
  const isFrozenPin = (p: Pin) => {
    const review = year.reviewById.get(p.reviewId);
    return review !== undefined && frozen(review);
  };
  const declined = [...(allocation.declined ?? []).filter((d) => !cancelled.has(d.reviewId)), ...givenUp.values()];
  return {
    issues,
    problem: {
      ...problem,
      reviews: problem.reviews.filter((r) => !cancelled.has(r.id)).map((r) => (moved.has(r.id) ? { ...r, start: moved.get(r.id)! } : r)),
      // A withdrawal is a later word than a pin fixing the same person there.
      pins: problem.pins.filter((p) => !cancelled.has(p.reviewId) && !(p.kind === "fix" && away(p))),
    },
    allocation: withState({ assignments: allocation.assignments.filter((a) => !givenUp.has(seatKey(a))) }, declined, [...withdrawals.values()]),
    withdrawing: [...withdrawing.values()],
  };
}

/**
 * The change that costs a confirmed seat: a withdrawal from its team that leaves the team
 * without an advanced reviewer. Losses that follow from the changed year itself (a moved
 * review, edited availability) are the user's explicit doing and are not refused.
 */
function costlyChanges(allocation: Allocation, applied: Allocation, solved: Allocation, changes: readonly Change[], year: Year): ChangeIssue[] {
  // Counted against the allocation with the withdrawals applied: a withdrawer's own seat is theirs to give up.
  return lostConfirmations(applied, solved).flatMap((seat) => {
    if (!year.reviewById.has(seat.reviewId) || !year.people[seat.role].has(seat.personId)) return [];
    const index = changes.findIndex(
      (c) => c.change === "withdraw" && (c.reviewId === undefined || c.reviewId === seat.reviewId) && allocation.assignments.some((a) => a.reviewId === seat.reviewId && a.personId === c.id),
    );
    if (index < 0) return [];
    return [{ index, field: "id" as const, message: `${seat.reviewId}: once ${changes[index]!.id} leaves, the team keeps ${seat.personId}, who confirmed, but has no advanced reviewer and none can join; add an advanced reviewer to the year, or release ${seat.personId} from it (--release-stranded)` }];
  });
}

/** `maxChanges` no option meets: the fewest rows the repair found, and whether it knows that is the fewest. */
export function maxChangesIssue(result: SolveResult, maxChanges: number): MaxChangesIssue {
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
 * confirmed seats stay where they are (the year allowing), declined and withdrawn seats are
 * never offered again, and no row of a review starting before `freezeBefore` changes. Whoever
 * withdraws is offered no new seat in the same step. The result says who was added, moved or
 * removed and what to tell whom; `options` lists the most seats reachable for each number of
 * changed rows, and `maxChanges` picks one of them.
 *
 * @example
 * const outcome = await repair(problem, published, [{ change: "withdraw", id: "P0193" }], { seed: 1, freezeBefore: "2025-01-20" });
 * if (outcome.ok) {
 *   console.log(outcome.options.map((o) => `${o.seats} seats with ${o.changes} changes`).join(", "));
 *   console.log(outcome.diff);
 * }
 */
export async function repair(problem: Problem, allocation: Allocation, changes: readonly Change[], options: RepairOptions = {}): Promise<RepairOutcome> {
  checkStepDates(options);
  const applied = applyChanges(problem, allocation, changes, options.freezeBefore);
  if (applied.issues.length > 0) return { ok: false, issues: applied.issues };
  const step = await replan({
    before: { year: indexYear(problem), allocation },
    year: indexYear(applied.problem),
    state: applied.allocation,
    // The start is the published allocation: the seats the changes remove count as changed rows.
    start: { assignments: allocation.assignments },
    stepPins: (state, year) => noNewSeats(year, state, applied.withdrawing),
    options,
  });
  if (!step.ok) return { ok: false, issues: [maxChangesIssue(step.result, step.maxChanges)] };
  const issues = [...(options.releaseStranded ? [] : costlyChanges(allocation, applied.allocation, step.solved, changes, step.year)), ...step.frozenIssues];
  if (issues.length > 0) return { ok: false, issues };
  return {
    ...step.told,
    ok: true,
    start: applied.allocation,
    problem: applied.problem,
    result: step.result,
    changes: step.changes,
    options: step.result.tradeOff ?? [],
    frozen: step.frozen.map((r) => r.id),
  };
}
