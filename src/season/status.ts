import { parseDay } from "../model/dates.js";
import type { Allocation, Assignment, AssignmentStatus, Decline, Pin, Role } from "../model/schema.js";
import type { Year } from "../model/year.js";
import { rowKey } from "../solver/diff.js";

/** An allocation with the year it belongs to: the state before or after one step of the season. */
export interface Snapshot {
  readonly year: Year;
  readonly allocation: Allocation;
}

/** One seat of one person as every list of them holds it (a team's, a declined one, a withdrawn one). */
export type Seat = Pick<Assignment, "reviewId" | "role" | "personId" | "sequence">;

/** One seat of one person: `role:person@review`, the key pins and the solver use too (`rowKey`). */
export const seatKey: (entry: { readonly reviewId: string; readonly role: Role; readonly personId: string }) => string = rowKey;

/** An assignment's status; none written means `proposed`. */
export function statusOf(assignment: Assignment): AssignmentStatus {
  return assignment.status ?? "proposed";
}

/**
 * The pins an allocation's state asks of the solver, in one place: every confirmed seat is
 * fixed; every declined or withdrawn seat is forbidden, so nobody is offered again a review they
 * gave up; and a person who withdrew from the rest of the year, or a decliner not to be asked
 * again, is forbidden every review from the day it took effect that they do not hold.
 *
 * @example
 * const problem2 = { ...problem, pins: [...problem.pins, ...statePins(allocation, indexYear(problem))] };
 */
export function statePins(allocation: Allocation, year: Year): Pin[] {
  const held = new Set(allocation.assignments.map(seatKey));
  // Nothing new from the day on; a seat still held (a decliner's other reviews) is not new.
  const away = (allocation.withdrawals ?? []).flatMap((w) => {
    const from = w.from !== undefined ? (parseDay(w.from) ?? -Infinity) : -Infinity;
    return year.reviews
      .filter((r) => r.span.from >= from && !held.has(seatKey({ reviewId: r.id, role: w.role, personId: w.personId })))
      .map((r) => ({ reviewId: r.id, role: w.role, personId: w.personId, kind: "forbid" as const }));
  });
  return [
    ...allocation.assignments.filter((a) => statusOf(a) === "confirmed").map((a) => ({ reviewId: a.reviewId, role: a.role, personId: a.personId, kind: "fix" as const })),
    ...(allocation.declined ?? []).map((d) => ({ reviewId: d.reviewId, role: d.role, personId: d.personId, kind: "forbid" as const })),
    ...away,
  ];
}

/** Forbids new seats to people who gave up seats in this step: they are not offered another at once. */
export function noNewSeats(year: Year, allocation: Allocation, people: readonly { readonly personId: string; readonly role: Role }[]): Pin[] {
  const held = new Set(allocation.assignments.map(seatKey));
  return people.flatMap(({ personId, role }) =>
    year.reviews.filter((r) => !held.has(seatKey({ reviewId: r.id, role, personId }))).map((r) => ({ reviewId: r.id, role, personId, kind: "forbid" as const })),
  );
}

/**
 * The seats nobody may be offered again, by `seatKey`: every declined or withdrawn seat, and
 * every review a person withdrew from for the rest of the year (the `forbid` pins of `statePins`).
 *
 * @example givenUpSeats(allocation, year).has(seatKey({ reviewId: "R1", role: "peer", personId: "P7" }))
 */
export function givenUpSeats(allocation: Allocation, year: Year): Set<string> {
  return new Set(statePins(allocation, year).filter((p) => p.kind === "forbid").map(seatKey));
}

/** Whether a given-up seat was withdrawn from (rather than declined). */
export const isWithdrawn = (seat: Decline): boolean => seat.status === "withdrawn";

/**
 * The solver's allocation with the state of `before` put back: a seat kept from before keeps
 * its status and sequence, a new seat is `proposed`; the declined and withdrawn seats and the
 * withdrawals are carried over.
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
  return withState({ assignments }, declined, before.withdrawals);
}

/** An allocation with its given-up seats and withdrawals, each list only when it has entries. */
export function withState(allocation: Allocation, declined: Allocation["declined"], withdrawals: Allocation["withdrawals"]): Allocation {
  return {
    assignments: allocation.assignments,
    ...(declined && declined.length > 0 ? { declined } : {}),
    ...(withdrawals && withdrawals.length > 0 ? { withdrawals } : {}),
  };
}

/** The allocation with `seats` no longer confirmed (released: proposed again, so a re-plan may move them). */
export function unconfirmed(allocation: Allocation, seats: readonly Assignment[]): Allocation {
  const released = new Set(seats.map(seatKey));
  const assignments = allocation.assignments.map((a) => {
    if (!released.has(seatKey(a))) return a;
    const { status: _confirmed, ...rest } = a;
    return rest;
  });
  return withState({ assignments }, allocation.declined, allocation.withdrawals);
}

/** The confirmed seats of `before` that `after` no longer holds. */
export function lostConfirmations(before: Allocation, after: Allocation): Assignment[] {
  const kept = new Set(after.assignments.map(seatKey));
  return before.assignments.filter((a) => statusOf(a) === "confirmed" && !kept.has(seatKey(a)));
}
