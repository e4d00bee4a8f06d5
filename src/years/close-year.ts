import { yearNumber } from "../model/history.js";
import type { Problem } from "../model/problem.js";
import { CARRY_OVER_LIMIT, type Assignment, type HistoryEntry, type LedgerYear, type School } from "../model/schema.js";
import { accountOf } from "../model/accounts.js";
import { indexYear, type PersonInfo, type ReviewInfo, type Year } from "../model/year.js";
import { unknownSeat } from "../rules/known-people.js";
import { reciprocityReach } from "./reach.js";
import { pathwayOf, type PathwayRow } from "./pathway.js";

/**
 * Whether one person turned up to one review (`attendance.csv`).
 *
 * @example
 * const attendance: Attendance[] = [{ reviewId: "R0012", personId: "P0193", attended: false }];
 * const closed = closeYear(problem, allocation, { yearLabel: "2024-25", attendance });
 */
export interface Attendance {
  readonly reviewId: string;
  readonly personId: string;
  readonly attended: boolean;
}

/**
 * How a year is closed: its label, who attended, and the pathway written the year before.
 *
 * @example
 * const closed = closeYear(problem, allocation, { yearLabel: "2024-25" } satisfies CloseYearOptions);
 */
export interface CloseYearOptions {
  /** The label of the year being closed, e.g. `2024-25`: it must start with the year it begins in. */
  readonly yearLabel: string;
  /** Who did not turn up (or did); assignments it does not list count as attended. */
  readonly attendance?: readonly Attendance[];
  /** The pathway written when the previous year was closed, for how long reviewers have waited. */
  readonly previousPathway?: readonly { readonly reviewerId: string; readonly waitingSince?: string | undefined }[];
}

/**
 * Why a year cannot be closed: where (the allocation's or attendance's item index, or the label) and what.
 *
 * @example
 * if (!closed.ok) for (const i of closed.issues) console.log(i.source, i.index ?? "", i.message);
 */
export interface CloseYearIssue {
  readonly source: "allocation" | "attendance" | "year-label";
  readonly index?: number;
  readonly field?: "review_id" | "person_id" | "role";
  readonly message: string;
}

/**
 * A closed year: the next year's starting problem and what was counted.
 *
 * @example
 * const closed = closeYear(problem, allocation, { yearLabel: "2024-25" });
 * if (closed.ok) console.log(closed.value.ledger.length, closed.value.next.schools.map((s) => s.carryOver));
 */
export interface ClosedYear {
  /**
   * The next year's start: schools with their new `carryOver`, reviewers and Lead Reviewers
   * with availability cleared, the history and the ledger across years extended, no reviews and
   * no pins (next year's dates are new), the policy without `yearLabel`.
   */
  readonly next: Problem;
  /** This year's rows of the ledger across years, in schools' order. */
  readonly ledger: readonly LedgerYear[];
  /** Every reviewer's place on the pathway, the closed year counted. */
  readonly pathway: readonly PathwayRow[];
  /** Assignments that took place (they went into the history) and those that did not. */
  readonly attended: readonly Assignment[];
  readonly missed: readonly Assignment[];
  /** The closed year as it was (its reviews, everyone's availability): what `newYear` rolls forward. */
  readonly previous: Problem;
  /** People whose availability was cleared (it is per year), as the summary says. */
  readonly cleared: { readonly reviewers: number; readonly leads: number };
  /**
   * Schools whose carry-over went past the ±`CARRY_OVER_LIMIT` a schools.csv may hold (and the
   * policy's `maxCarryOver` did not limit it first): `value` is what it came to, `carryOver` what was written.
   */
  readonly limited: readonly { readonly schoolId: string; readonly value: number; readonly carryOver: number }[];
}

/**
 * What `closeYear` gives: the closed year, or the issues that refused it.
 *
 * @example
 * const closed: CloseYearOutcome = closeYear(problem, allocation, { yearLabel: "2024-25" });
 * if (closed.ok) writeFolderAtomically("2025-26", closedYearFiles(closed.value));
 */
export type CloseYearOutcome = { readonly ok: true; readonly value: ClosedYear } | { readonly ok: false; readonly issues: readonly CloseYearIssue[] };

const pairKey = (reviewId: string, personId: string) => `${reviewId}\u0000${personId}`;

/**
 * Checks the label: it orders the years, and a year closes once whatever its spelling (`2025-26`,
 * `2025/26`, `2025` and `2025-2026` are one year, the one starting in 2025).
 */
function labelIssues(problem: Problem, label: string): CloseYearIssue[] {
  const year = yearNumber(label);
  if (year === undefined) {
    return [{ source: "year-label", message: `"${label}" does not start with the year it begins in (e.g. 2024-25); the years are ordered by it` }];
  }
  const closedAs = [...(problem.ledgerYears ?? []).map((l) => l.year), ...problem.history.map((h) => h.year)].find((other) => yearNumber(other) === year);
  if (closedAs === undefined) return [];
  const spelt = closedAs.trim() === label ? "" : ` (as ${closedAs.trim()}: the same year, starting in ${year})`;
  return [{ source: "year-label", message: `${label} was closed already${spelt}: history.csv or ledger-years.csv holds it; a year closes once` }];
}

/** The allocation's seats, resolved; unknown names and repeated seats are issues. */
function resolveSeats(year: Year, assignments: readonly Assignment[], issues: CloseYearIssue[]) {
  const seats = new Map<string, { assignment: Assignment; review: ReviewInfo; person: PersonInfo }>();
  assignments.forEach((assignment, index) => {
    const review = year.reviewById.get(assignment.reviewId);
    const person = year.people[assignment.role].get(assignment.personId);
    const key = pairKey(assignment.reviewId, assignment.personId);
    // Another year's allocation is refused as every command refuses it (the known-people test).
    const unknown = unknownSeat(year, assignment);
    if (unknown || !review || !person) issues.push({ source: "allocation", index, field: unknown?.column ?? "review_id", message: unknown?.message ?? "" });
    else if (seats.has(key)) issues.push({ source: "allocation", index, field: "person_id", message: `${assignment.personId} is listed twice on ${assignment.reviewId}` });
    else seats.set(key, { assignment, review, person });
  });
  return seats;
}

/** Who missed which seat, from the attendance list; rows naming no seat are issues. */
function missedSeats(attendance: readonly Attendance[], seats: ReadonlyMap<string, unknown>, issues: CloseYearIssue[]): Set<string> {
  const missed = new Set<string>();
  const listed = new Set<string>();
  attendance.forEach((row, index) => {
    const key = pairKey(row.reviewId, row.personId);
    if (!seats.has(key)) issues.push({ source: "attendance", index, field: "person_id", message: `${row.personId} has no seat on ${row.reviewId} in the allocation` });
    else if (listed.has(key)) issues.push({ source: "attendance", index, field: "person_id", message: `${row.personId} on ${row.reviewId} is listed twice` });
    listed.add(key);
    if (!row.attended) missed.add(key);
  });
  return missed;
}

/**
 * `previous + received − sent`, limited to ±cap when the policy sets one, and always to the
 * ±`CARRY_OVER_LIMIT` that schools.csv may hold, so the next year's folder reads back; with
 * `payable` (what the school's reviewers could give beyond its own seats), a debt grows only up
 * to that: a debt already above it stays as it was, never forgiven and never larger.
 */
function carryOverAfter(previous: number, received: number, sent: number, cap: number | null, payable?: number): number {
  let value = previous + received - sent;
  if (payable !== undefined && value > previous) value = Math.max(previous, Math.min(value, payable));
  const limit = Math.min(cap ?? CARRY_OVER_LIMIT, CARRY_OVER_LIMIT);
  // `|| 0`: a cap of 0 gives −0 for debts, which JSON and equality tests would carry along.
  return Math.max(-limit, Math.min(limit, value)) || 0;
}

/**
 * What each school could pay of a debt in a year like this one: the places its reviewers can
 * give (`reciprocityReach`) beyond the peer seats it hosts itself.
 */
function payableDebts(year: Year): Map<string, number> {
  const hosted = new Map<string, number>();
  for (const review of year.reviews) if (review.kind.reciprocity === "school" && review.hostSchool) hosted.set(review.hostSchool.id, (hosted.get(review.hostSchool.id) ?? 0) + review.peerSeats);
  return new Map(reciprocityReach(year).map((r) => [r.schoolId, r.reachable - (hosted.get(r.schoolId) ?? 0)]));
}

/**
 * Closes a year: counts by attendance what each school received and sent, carries the
 * difference into next year's `carryOver` (positive: the school owes places, so next year's
 * reciprocity target rises by it), appends the attended seats to the history and this year's
 * rows to the ledger across years, and works out the reviewer pathway. Pure: data in, data out.
 *
 * A school's debt is limited to what its reviewers could give beyond its own seats
 * (`carryOverWithinReach`, the default), so a debt that can never be paid does not grow.
 * Without that and without a cap (`maxCarryOver: null`) the changes sum to zero over the
 * schools: every place attended is one school's received and another's sent.
 *
 * @example
 * const closed = closeYear(problem, allocation, { yearLabel: "2024-25", attendance: [{ reviewId: "R0001", personId: "P0193", attended: false }] });
 * if (closed.ok) console.log(closed.value.ledger.filter((row) => row.carryOverAfter > 0));
 */
export function closeYear(problem: Problem, allocation: { readonly assignments: readonly Assignment[] }, options: CloseYearOptions): CloseYearOutcome {
  const label = options.yearLabel.trim();
  const issues = labelIssues(problem, label);
  const year = indexYear(problem);
  const seats = resolveSeats(year, allocation.assignments, issues);
  const missedKeys = missedSeats(options.attendance ?? [], seats, issues);
  if (issues.length > 0) return { ok: false, issues };

  const attended: Assignment[] = [];
  const missed: Assignment[] = [];
  const received = new Map<string, number>();
  const sent = new Map<string, number>();
  const history: HistoryEntry[] = [...problem.history];
  for (const [key, { assignment, review, person }] of seats) {
    if (missedKeys.has(key)) {
      missed.push(assignment);
      continue;
    }
    attended.push(assignment);
    history.push({ year: label, reviewSchoolId: review.host.id, personId: person.id, role: assignment.role });
    // Only places counted by school carry over: a Trust Peer Review's count for the trusts,
    // which have no carry-over (docs/kinds.md).
    const account = accountOf(person, review);
    if (assignment.role === "peer" && review.kind.reciprocity === "school" && account !== undefined) {
      if (review.hostSchool) received.set(review.hostSchool.id, (received.get(review.hostSchool.id) ?? 0) + 1);
      sent.set(account, (sent.get(account) ?? 0) + 1);
    }
  }

  const ledger: LedgerYear[] = [];
  const limited: { schoolId: string; value: number; carryOver: number }[] = [];
  const payable = problem.policy.carryOverWithinReach ? payableDebts(year) : undefined;
  const schools: School[] = problem.schools.map((school) => {
    const r = received.get(school.id) ?? 0;
    const s = sent.get(school.id) ?? 0;
    const after = carryOverAfter(school.carryOver, r, s, problem.policy.maxCarryOver, payable?.get(school.id));
    const value = school.carryOver + r - s;
    if (Math.abs(value) > CARRY_OVER_LIMIT && Math.abs(after) === CARRY_OVER_LIMIT) limited.push({ schoolId: school.id, value, carryOver: after });
    ledger.push({ year: label, schoolId: school.id, received: r, sent: s, balance: s - r, carryOverAfter: after });
    return { ...school, carryOver: after };
  });
  // Preferences naming this year's reviews mean nothing next year (ids may even be reused); hubs stay.
  const reviewIds = new Set(problem.reviews.map((review) => review.id));
  const reviewers = problem.reviewers.map((reviewer) => ({ ...reviewer, available: [], prefers: reviewer.prefers.filter((p) => !reviewIds.has(p)) }));
  const next: Problem = {
    schools,
    reviewers,
    leads: problem.leads.map((lead) => ({ ...lead, available: [] })),
    reviews: [],
    policy: { ...problem.policy, yearLabel: "" },
    history,
    pins: [],
    ledgerYears: [...(problem.ledgerYears ?? []), ...ledger],
  };
  const pathway = pathwayOf(reviewers, history, problem.policy, { yearLabel: label, ...(options.previousPathway ? { previous: options.previousPathway } : {}) });
  const cleared = { reviewers: problem.reviewers.filter((r) => r.available.length > 0).length, leads: problem.leads.filter((l) => l.available.length > 0).length };
  return { ok: true, value: { next, ledger, pathway, attended, missed, previous: { ...problem, pins: [] }, cleared, limited } };
}
