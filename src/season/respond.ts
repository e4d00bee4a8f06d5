import type { Problem } from "../model/problem.js";
import type { Allocation, Assignment, Withdrawal } from "../model/schema.js";
import { indexYear, type Year } from "../model/year.js";
import { maxChangesIssue, type RepairOption } from "../repair.js";
import type { SolveOptions, SolveResult } from "../solver/index.js";
import { checkStepDates, replan } from "./replan.js";
import { applyResponses, type Response } from "./responses.js";
import { isWithdrawn, seatKey, withState } from "./status.js";
import type { Step } from "./step.js";

/**
 * `solve`'s options and the season step's own: the as-of date, the reply-by date, released seats, no re-offers.
 *
 * @example
 * const outcome = await respond(problem, published, responses, { seed: 1, freezeBefore: "2024-02-01", replyBy: "2024-02-16", noReoffer: true } satisfies RespondOptions);
 */
export interface RespondOptions extends Omit<SolveOptions, "start" | "engine"> {
  /**
   * The as-of date (ISO `YYYY-MM-DD`): no row of a review starting before it is added, moved or
   * removed (a decline there is refused). Absent: nothing is frozen (the library has no clock;
   * `qar respond` passes today's date unless told otherwise).
   */
  readonly freezeBefore?: string;
  /**
   * The user's explicit word that confirmed seats which cannot be kept are released: a team
   * left with no advanced reviewer that anyone could fill, or a seat the year's rules no longer
   * allow. Without it, such a case is an issue and nothing changes.
   */
  readonly releaseStranded?: boolean;
  /**
   * Offer nothing new to anyone who declined a seat, from `freezeBefore` on, this step and every
   * later one (kept in the allocation as a `declined` withdrawal entry); they keep the seats they hold.
   */
  readonly noReoffer?: boolean;
  /** The day answers are due (ISO), in the notices' words; absent: "as soon as you can". */
  readonly replyBy?: string;
}

/**
 * Why responses cannot be applied: in a response (by its position in the list), in a seat of
 * the allocation (by its position in `assignments`), or an option (`maxChanges`, or a frozen
 * row that cannot stay), with the column or option to look at.
 *
 * @example
 * if (!outcome.ok) for (const i of outcome.issues) console.log(`${i.source} #${i.index} ${i.field}: ${i.message}`);
 */
export interface RespondIssue {
  readonly source: "responses" | "allocation" | "options";
  readonly index: number;
  readonly field: string;
  readonly message: string;
}

/**
 * What `respond` gives: the re-planned year with its diff, notices and trade-off, or the issues that refused it.
 *
 * @example
 * const outcome: RespondOutcome = await respond(problem, published, responses, { seed: 1 });
 * if (outcome.ok) console.log(outcome.diff, outcome.notices.map((n) => n.message));
 */
export type RespondOutcome =
  | ({
      readonly ok: true;
      readonly result: SolveResult;
      /** Ids of the reviews kept as they were (`freezeBefore`). */
      readonly frozen: readonly string[];
      /** Confirmed seats released because they could not be kept (only with `releaseStranded`). */
      readonly released: readonly Assignment[];
      /** Changed rows against the allocation with the answers in. */
      readonly changes: number;
      /** The trade-off, as `repair` gives it: the most seats for each number of changed rows. */
      readonly options: readonly RepairOption[];
      /** The allocation with the answers in, before the re-plan: what the changes are counted against. */
      readonly answered: Allocation;
    } & Step)
  | { readonly ok: false; readonly issues: readonly RespondIssue[] };

/** Where to point the user for a confirmed seat that cannot be kept, and why it cannot. */
function blocked(lost: Assignment, context: { year: Year; allocation: Allocation; responses: readonly Response[]; answeredBy: ReadonlyMap<string, number>; result: SolveResult }): RespondIssue {
  const key = seatKey(lost);
  const confirmedNow = context.answeredBy.get(key);
  const atSeat = confirmedNow !== undefined
    ? { source: "responses" as const, index: confirmedNow, field: "response" }
    : { source: "allocation" as const, index: context.allocation.assignments.findIndex((a) => seatKey(a) === key), field: "status" };
  const rejected = context.result.rejectedPins.find((pin) => seatKey(pin.assignment) === key);
  // A seat refused for want of an advanced reviewer is stranded by a decline: named below.
  if (rejected && rejected.rule !== "advanced-seat") {
    return { ...atSeat, message: `${lost.personId} confirmed review ${lost.reviewId}, but that seat breaks a rule (${rejected.reason}); correct the year's data, or release the seat (--release-stranded)` };
  }
  // Otherwise the team had no advanced reviewer left.
  // The decline to name: one on this team in this step, an advanced reviewer's first.
  const declines = context.responses
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => r.reviewId === lost.reviewId && r.response === "declined" && context.answeredBy.get(seatKey({ reviewId: r.reviewId, role: "peer", personId: r.personId })) === i);
  const decline = (declines.find(({ r }) => context.year.people.peer.get(r.personId)?.level === "advanced") ?? declines[0])?.i ?? -1;
  const why = decline >= 0 ? `once ${context.responses[decline]!.personId} declines, ` : "";
  return {
    ...(decline >= 0 ? { source: "responses" as const, index: decline, field: "response" } : atSeat),
    message: `${lost.reviewId}: ${why}the team keeps ${lost.personId}, who confirmed, but has no advanced reviewer and none can join; add an advanced reviewer to the year, or release ${lost.personId} from it (--release-stranded)`,
  };
}

/**
 * Applies people's answers to a published allocation and re-plans with the least change:
 * confirmed seats are pinned and never move; declined seats are refilled (the decliner is
 * never offered that review again, nor any other with `noReoffer`), moving only proposed seats
 * where that fills a seat; no row of a review starting before `freezeBefore` changes. The
 * result says what to tell whom, and the trade-off between seats and changed rows
 * (`maxChanges` picks one). A confirmed seat that cannot be kept (its team lost the only
 * advanced reviewer anyone could be) is an issue, never a silent removal, unless the user
 * releases it (`releaseStranded`). Every problem of the responses is reported at once.
 *
 * @example
 * const outcome = await respond(problem, published, [{ reviewId: "R2", personId: "P3", response: "declined" }], { seed: 1, freezeBefore: "2025-01-20" });
 * if (outcome.ok) for (const n of outcome.notices) console.log(n.message);
 */
export async function respond(problem: Problem, allocation: Allocation, responses: readonly Response[], options: RespondOptions = {}): Promise<RespondOutcome> {
  checkStepDates(options);
  const { noReoffer, ...stepOptions } = options;
  const year = indexYear(problem);
  const answered = applyResponses(year, allocation, responses, options.freezeBefore);
  if (answered.issues.length > 0) return { ok: false, issues: answered.issues.map((issue) => ({ source: "responses", ...issue })) };
  // --no-reoffer is kept in the allocation, so that no later step asks them again this year.
  const start = noReoffer ? askNoMore(answered.allocation, options.freezeBefore) : answered.allocation;
  const step = await replan({ before: { year, allocation }, year, state: start, options: stepOptions });
  if (!step.ok) return { ok: false, issues: [{ source: "options", index: 0, ...maxChangesIssue(step.result, step.maxChanges) }] };
  if (step.frozenIssues.length > 0) return { ok: false, issues: step.frozenIssues.map((issue) => ({ source: "options", index: 0, ...issue })) };
  if (step.lost.length > 0 && !options.releaseStranded) {
    const context = { year, allocation, responses, answeredBy: answered.answeredBy, result: step.result };
    // With noReoffer the decliners of other reviews were kept off this team too: a third way out.
    const also = noReoffer ? "; or let people who declined other reviews be offered it (without --no-reoffer)" : "";
    return { ok: false, issues: step.lost.map((seat) => blocked(seat, context)).map((issue) => (issue.message.endsWith("(--release-stranded)") ? { ...issue, message: `${issue.message}${also}` } : issue)) };
  }
  return {
    ...step.told,
    ok: true,
    result: step.result,
    frozen: step.frozen.map((r) => r.id),
    released: step.lost,
    changes: step.changes,
    options: step.result.tradeOff ?? [],
    answered: start,
  };
}

/**
 * The allocation with every decliner marked to be offered nothing new from `from` on (a
 * `declined` withdrawal entry): they keep the seats they hold.
 */
function askNoMore(allocation: Allocation, from: string | undefined): Allocation {
  const marked = new Set((allocation.withdrawals ?? []).map((w) => `${w.role}:${w.personId}`));
  const added: Withdrawal[] = [];
  for (const { personId, role } of (allocation.declined ?? []).filter((d) => !isWithdrawn(d))) {
    if (marked.has(`${role}:${personId}`)) continue;
    marked.add(`${role}:${personId}`);
    added.push({ personId, role, ...(from !== undefined ? { from } : {}), status: "declined" });
  }
  return withState(allocation, allocation.declined, [...(allocation.withdrawals ?? []), ...added]);
}
