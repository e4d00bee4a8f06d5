import type { Allocation, Assignment, AssignmentStatus, Pin, Role } from "../model/schema.js";
import type { Year } from "../model/year.js";
import { rowKey } from "../solver/diff.js";

/** An allocation with the year it belongs to: the state before or after one step of the season. */
export interface Snapshot {
  readonly year: Year;
  readonly allocation: Allocation;
}

/** One seat of one person: `role:person@review`, the key pins and the solver use too (`rowKey`). */
export const seatKey: (entry: { readonly reviewId: string; readonly role: Role; readonly personId: string }) => string = rowKey;

/** An assignment's status; none written means `proposed`. */
export function statusOf(assignment: Assignment): AssignmentStatus {
  return assignment.status ?? "proposed";
}

/**
 * The pins an allocation's state asks of the solver: every confirmed seat is fixed, and every
 * declined offer is forbidden, so no later step moves a confirmed person or offers a review
 * again to someone who declined it.
 *
 * @example
 * const problem2 = { ...problem, pins: [...problem.pins, ...statePins(allocation)] };
 */
export function statePins(allocation: Allocation): Pin[] {
  return [
    ...allocation.assignments.filter((a) => statusOf(a) === "confirmed").map((a) => ({ reviewId: a.reviewId, role: a.role, personId: a.personId, kind: "fix" as const })),
    ...(allocation.declined ?? []).map((d) => ({ reviewId: d.reviewId, role: d.role, personId: d.personId, kind: "forbid" as const })),
  ];
}

/**
 * The solver's allocation with the state of `before` put back: a seat kept from before keeps
 * its status and sequence, a new seat is `proposed`; the declined offers are carried over.
 */
export function carryState(before: Allocation, solved: Allocation, declined: Allocation["declined"] = before.declined): Allocation {
  const earlier = new Map(before.assignments.map((a) => [seatKey(a), a]));
  const assignments = solved.assignments.map((a) => {
    const old = earlier.get(seatKey(a));
    return {
      reviewId: a.reviewId,
      role: a.role,
      personId: a.personId,
      ...(old?.status !== undefined ? { status: old.status } : {}),
      ...(old?.sequence !== undefined ? { sequence: old.sequence } : {}),
    };
  });
  return declined && declined.length > 0 ? { assignments, declined } : { assignments };
}

/** The confirmed seats of `before` that `after` no longer holds. */
export function lostConfirmations(before: Allocation, after: Allocation): Assignment[] {
  const kept = new Set(after.assignments.map(seatKey));
  return before.assignments.filter((a) => statusOf(a) === "confirmed" && !kept.has(seatKey(a)));
}
