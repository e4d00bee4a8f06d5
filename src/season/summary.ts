import { formatDay, parseDay } from "../model/dates.js";
import type { Allocation, Role } from "../model/schema.js";
import type { Year } from "../model/year.js";
import { emailOf } from "./notices.js";
import { isWithdrawn, statusOf, type Snapshot } from "./status.js";
import { personName, schoolName } from "./words.js";

/** One seat still awaiting its person's answer (`chase.csv`), with the school to ask through. */
export interface ChaseRow {
  /** The person's school (blank for a Lead Reviewer, who belongs to none). */
  readonly schoolId?: string;
  readonly schoolName?: string;
  readonly personId: string;
  readonly name: string;
  readonly role: Role;
  readonly email?: string;
  readonly reviewId: string;
  readonly hostName: string;
  /** The review's first day (ISO). */
  readonly start: string;
}

/**
 * Who has not answered: every proposed seat of a review from `freezeBefore` (ISO) on, grouped by
 * the person's school (schools by name, Lead Reviewers last), then by person and date, so a
 * coordinator can chase a school's people in one call.
 *
 * @example
 * for (const row of chaseList({ year, allocation }, "2025-01-20")) console.log(row.schoolName, row.name, row.reviewId);
 */
export function chaseList(snapshot: Snapshot, freezeBefore?: string): ChaseRow[] {
  const { year, allocation } = snapshot;
  const from = freezeBefore !== undefined ? (parseDay(freezeBefore) ?? -Infinity) : -Infinity;
  const rows: ChaseRow[] = [];
  for (const a of allocation.assignments) {
    const review = year.reviewById.get(a.reviewId);
    if (!review || statusOf(a) !== "proposed" || review.span.from < from) continue;
    const school = year.people[a.role].get(a.personId)?.school;
    const email = emailOf(year, a.role === "lead" ? "lead" : "reviewer", a.personId);
    rows.push({
      ...(school ? { schoolId: school.id, schoolName: schoolName(school) } : {}),
      personId: a.personId,
      name: personName(year, a.role, a.personId),
      role: a.role,
      ...(email ? { email } : {}),
      reviewId: review.id,
      hostName: schoolName(review.host),
      start: formatDay(review.span.from),
    });
  }
  const text = (value: string | undefined) => value ?? "\uffff";
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) =>
      compare(text(a.schoolName), text(b.schoolName)) || compare(text(a.schoolId), text(b.schoolId)) || compare(a.name, b.name) || compare(a.personId, b.personId) || compare(a.start, b.start) || compare(a.reviewId, b.reviewId),
  );
}

/** Where the season stands, in the users' words: seats confirmed and awaiting an answer, seats given up, people to chase. */
export interface SeasonCounts {
  /** Seats whose people said yes. */
  readonly confirmed: number;
  /** Seats offered and not yet answered (from the freeze date on: earlier ones are past asking). */
  readonly awaitingAnswer: number;
  readonly declined: number;
  readonly withdrawn: number;
  /** People who withdrew from the rest of the year. */
  readonly withdrawals: number;
  /** People who declined and are to be asked nothing more this year (`--no-reoffer`). */
  readonly askedNoMore: number;
  /** People with at least one seat awaiting their answer. */
  readonly toChase: number;
}

/**
 * Counts an allocation's season state.
 *
 * @example seasonCounts({ year, allocation }, "2025-01-20").awaitingAnswer
 */
export function seasonCounts(snapshot: Snapshot, freezeBefore?: string): SeasonCounts {
  const { allocation } = snapshot;
  const chase = chaseList(snapshot, freezeBefore);
  const given = allocation.declined ?? [];
  return {
    confirmed: allocation.assignments.filter((a) => statusOf(a) === "confirmed").length,
    awaitingAnswer: chase.length,
    declined: given.filter((d) => !isWithdrawn(d)).length,
    withdrawn: given.filter(isWithdrawn).length,
    withdrawals: (allocation.withdrawals ?? []).filter((w) => w.status !== "declined").length,
    askedNoMore: (allocation.withdrawals ?? []).filter((w) => w.status === "declined").length,
    toChase: new Set(chase.map((row) => `${row.role}:${row.personId}`)).size,
  };
}

/**
 * People a step moved or took off who had not asked for it: seats of `before` (after the
 * answers and withdrawals were applied) that `after` no longer holds. The repair takes them
 * only where that fills a seat (seats come first, then the fewest changed rows).
 *
 * @example disturbed(outcome.answered, outcome.result.allocation).length
 */
export function disturbed(before: Allocation, after: Allocation): Allocation["assignments"] {
  const kept = new Set(after.assignments.map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
  return before.assignments.filter((a) => !kept.has(`${a.role}:${a.personId}@${a.reviewId}`));
}

/** The season's words for a year with no review left to change: every review starts before the freeze date. */
export function allFrozen(year: Year, freezeBefore: string): boolean {
  const day = parseDay(freezeBefore);
  return day !== undefined && year.reviews.length > 0 && year.reviews.every((r) => r.span.from < day);
}
