import type { Allocation } from "../model/schema.js";
import { allocationDiff, type SeatChange } from "../solver/diff.js";
import { stampSequences, type CalendarEvent } from "./calendar.js";
import { noticesOf, type Notice, type Wording } from "./notices.js";
import type { Snapshot } from "./status.js";

/** One step of the season told: the new allocation with its calendar sequences, and what changed for whom. */
export interface Step {
  /** The allocation after the step, each seat with its status and calendar sequence, declined offers kept. */
  readonly allocation: Allocation;
  /** Who was added, moved or removed (declines are removals). */
  readonly diff: readonly SeatChange[];
  /** What each person and host school must be told. */
  readonly notices: readonly Notice[];
  /** The calendar cancellations of the duties removed in this step. */
  readonly cancelled: readonly CalendarEvent[];
}

/**
 * Tells one step of the season (`respond` or `repair`): stamps the calendar sequences of the
 * new allocation against the old one, and lists the changes and the notices.
 *
 * @example
 * const step = tellStep({ year, allocation: published }, { year, allocation: next });
 * console.log(step.notices.length, step.cancelled.length);
 */
export function tellStep(before: Snapshot, after: Snapshot, wording: Wording = {}): Step {
  const stamped = stampSequences(before, after);
  const told = { year: after.year, allocation: stamped.allocation };
  return {
    allocation: stamped.allocation,
    diff: allocationDiff(before.allocation, stamped.allocation),
    notices: noticesOf(before, told, wording),
    cancelled: stamped.cancelled,
  };
}
