import { parseDay } from "../model/dates.js";
import type { Problem } from "../model/problem.js";
import type { Allocation, Assignment } from "../model/schema.js";
import { indexYear, type Year } from "../model/year.js";
import { solve, type SolveOptions, type SolveResult } from "../solver/index.js";
import { freezePins, frozenReviews } from "./freeze.js";
import { applyResponses, type Response } from "./responses.js";
import { carryState, lostConfirmations, seatKey, statePins } from "./status.js";
import { tellStep, type Step } from "./step.js";

export interface RespondOptions extends SolveOptions {
  /** Reviews starting before this date (ISO `YYYY-MM-DD`) keep their teams except for removals: too close to change. */
  readonly freezeBefore?: string;
  /**
   * The user's explicit word that confirmed seats which cannot be kept are released: a team
   * left with no advanced reviewer that anyone could fill, or a seat the year's rules no longer
   * allow. Without it, such a case is an issue and nothing changes.
   */
  readonly releaseStranded?: boolean;
}

/**
 * Why responses cannot be applied: in a response (by its position in the list) or in a seat of
 * the allocation (by its position in `assignments`), with the column to look at.
 */
export interface RespondIssue {
  readonly source: "responses" | "allocation";
  readonly index: number;
  readonly field: string;
  readonly message: string;
}

export type RespondOutcome =
  | ({
      readonly ok: true;
      readonly result: SolveResult;
      /** Ids of the reviews kept as they were (`freezeBefore`). */
      readonly frozen: readonly string[];
      /** Confirmed seats released because they could not be kept (only with `releaseStranded`). */
      readonly released: readonly Assignment[];
    } & Step)
  | { readonly ok: false; readonly issues: readonly RespondIssue[] };

/** Where to point the user for a confirmed seat that cannot be kept, and why it cannot. */
function blocked(lost: Assignment, context: { year: Year; allocation: Allocation; responses: readonly Response[]; answeredBy: ReadonlyMap<string, number>; result: SolveResult; frozen: ReadonlySet<string> }): RespondIssue {
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
  const frozen = context.frozen.has(lost.reviewId) ? " (the review is frozen, so nobody may join it)" : "";
  return {
    ...(decline >= 0 ? { source: "responses" as const, index: decline, field: "response" } : atSeat),
    message: `${lost.reviewId}: ${why}the team keeps ${lost.personId}, who confirmed, but has no advanced reviewer and none can join${frozen}; add an advanced reviewer to the year, or release ${lost.personId} from it (--release-stranded)`,
  };
}

/**
 * Applies people's answers to a published allocation and re-plans with the least change:
 * confirmed seats are pinned and never move; declined seats are refilled (the decliner is
 * never offered that review again), moving only proposed seats; reviews starting before
 * `freezeBefore` keep their teams except for removals. The result says what to tell whom.
 * A confirmed seat that cannot be kept (its team lost the only advanced reviewer anyone could
 * be) is an issue, never a silent removal, unless the user releases it (`releaseStranded`).
 *
 * @example
 * const outcome = await respond(problem, published, [{ reviewId: "R2", personId: "P3", response: "declined" }], { seed: 1 });
 * if (outcome.ok) for (const n of outcome.notices) console.log(n.message);
 */
export async function respond(problem: Problem, allocation: Allocation, responses: readonly Response[], options: RespondOptions = {}): Promise<RespondOutcome> {
  const { freezeBefore, releaseStranded, ...solveOptions } = options;
  if (freezeBefore !== undefined && parseDay(freezeBefore) === undefined) throw new RangeError(`freezeBefore "${freezeBefore}" is not a real date written YYYY-MM-DD`);
  const year = indexYear(problem);
  const answered = applyResponses(year, allocation, responses);
  if (answered.issues.length > 0) return { ok: false, issues: answered.issues.map((issue) => ({ source: "responses", ...issue })) };
  const frozen = freezeBefore !== undefined ? frozenReviews(year, freezeBefore) : [];
  const pins = [...problem.pins, ...statePins(answered.allocation), ...freezePins(year, answered.allocation, frozen)];
  const result = await solve({ ...problem, pins }, { ...solveOptions, start: answered.allocation });
  const solved = carryState(answered.allocation, result.allocation);
  const lost = lostConfirmations(answered.allocation, solved);
  if (lost.length > 0 && !releaseStranded) {
    const context = { year, allocation, responses, answeredBy: answered.answeredBy, result, frozen: new Set(frozen.map((r) => r.id)) };
    return { ok: false, issues: lost.map((seat) => blocked(seat, context)) };
  }
  const step = tellStep({ year, allocation }, { year, allocation: solved });
  return { ok: true, result: { ...result, allocation: step.allocation }, frozen: frozen.map((r) => r.id), released: lost, ...step };
}
