import { formatDay, parseDay, type Day } from "../model/dates.js";
import { yearNumber } from "../model/history.js";
import type { Problem } from "../model/problem.js";
import type { DateRange, Review } from "../model/schema.js";

/** One row of the availability template: a person, the dates proposed for them (last year's, moved on), last year's as given. */
export interface AvailabilityRow {
  readonly role: "reviewer" | "lead";
  readonly personId: string;
  readonly name: string;
  readonly schoolId?: string;
  readonly email?: string;
  /** Last year's dates moved on by the year's shift: the proposal to confirm. */
  readonly available: readonly DateRange[];
  /** Last year's dates as they were (blank: none given). */
  readonly lastYear: readonly DateRange[];
}

/** A review rolled forward: the new review and where its dates came from. */
export interface RolledReview {
  readonly review: Review;
  /** Last year's start (ISO). */
  readonly lastStart: string;
}

/**
 * What `newYear` returns: the next year's problem, ready to solve, and what to confirm.
 *
 * @example
 * const start: NewYear = newYear(closed.value.next, closed.value.previous);
 * console.log(start.yearLabel, start.shiftDays, start.reviews.length);
 */
export interface NewYear {
  /** The next year: the closed folder's schools, people, history and ledger, last year's reviews and availability moved on. */
  readonly next: Problem;
  /** Days every date moved on: 364 or 371 (whole weeks, so each review keeps its weekday). */
  readonly shiftDays: number;
  /** Each review with last year's start: every date is to confirm with its school. */
  readonly reviews: readonly RolledReview[];
  /** One row per reviewer and Lead Reviewer: the availability template to send round. */
  readonly availability: readonly AvailabilityRow[];
  /** The next year's label (`2025-26`), from the last closed year's, when there is one. */
  readonly yearLabel?: string;
  /** Reviews of last year whose school is no longer in the partnership, left out. */
  readonly dropped: readonly string[];
}

/**
 * How far to move last year's dates: whole weeks, so a review on a Tuesday stays on a Tuesday,
 * and the nearer of 52 or 53 weeks to the same date a year on (52 weeks drift a day or two
 * earlier each year; a 53rd week catches that up).
 *
 * @example shiftFor([parseDay("2024-09-24")!]) // 364: 2025-09-23, a Tuesday
 */
export function shiftFor(starts: readonly Day[]): number {
  if (starts.length === 0) return 364;
  const first = Math.min(...starts);
  const [y, m, d] = formatDay(first).split("-").map(Number) as [number, number, number];
  // 29 February a year on is 28 February.
  const sameDate = parseDay(`${y + 1}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`) ?? parseDay(`${y + 1}-${String(m).padStart(2, "0")}-28`)!;
  return Math.abs(first + 364 - sameDate) <= Math.abs(first + 371 - sameDate) ? 364 : 371;
}

const moved = (ranges: readonly DateRange[], days: number): DateRange[] => ranges.map((r) => ({ from: formatDay(parseDay(r.from)! + days), to: formatDay(parseDay(r.to)! + days) }));

/** `2025-26` after `2024-25` (`2025` after `2024`), keeping the label's form. */
export function nextLabel(label: string): string | undefined {
  const year = yearNumber(label);
  if (year === undefined) return undefined;
  const short = /^\d{4}([-/])(\d{2})$/.exec(label.trim());
  if (short) return `${year + 1}${short[1]}${String((year + 2) % 100).padStart(2, "0")}`;
  const long = /^\d{4}([-/])\d{4}$/.exec(label.trim());
  if (long) return `${year + 1}${long[1]}${year + 2}`;
  return String(year + 1);
}

/**
 * Starts the next year from a closed one: the closed folder's schools (with their carry-over),
 * people (levels, phases, conflicts), history, ledger and policy, with last year's reviews
 * rolled forward (same schools, same ids, every date moved on by whole weeks; each to confirm
 * with its school) and each person's availability moved on the same way (to confirm with them:
 * the availability template). The result is a year that solves as it stands. Pure: data in,
 * data out.
 *
 * @example
 * const started = newYear(closedFolder, closedYear);
 * console.log(started.shiftDays, started.next.reviews.length, started.availability.length);
 */
export function newYear(start: Problem, previous: Problem): NewYear {
  const shiftDays = shiftFor(previous.reviews.map((r) => parseDay(r.start)!));
  const schools = new Set(start.schools.map((s) => s.id));
  const trusts = new Set(start.schools.map((s) => s.trust).filter((t): t is string => t !== undefined));
  const kept = previous.reviews.filter((r) => (r.schoolId !== undefined ? schools.has(r.schoolId) : r.trustId !== undefined && trusts.has(r.trustId)));
  const rolled = kept.map((r) => ({
    review: { ...r, start: formatDay(parseDay(r.start)! + shiftDays), ...(r.window ? { window: moved(r.window, shiftDays) } : {}) },
    lastStart: r.start,
  }));
  const lastReviewers = new Map(previous.reviewers.map((r) => [r.id, r.available]));
  const lastLeads = new Map(previous.leads.map((l) => [l.id, l.available]));
  const reviewers = start.reviewers.map((r) => ({ ...r, available: moved(lastReviewers.get(r.id) ?? [], shiftDays) }));
  const leads = start.leads.map((l) => ({ ...l, available: moved(lastLeads.get(l.id) ?? [], shiftDays) }));
  const availability: AvailabilityRow[] = [
    ...reviewers.map((r) => ({ role: "reviewer" as const, personId: r.id, name: r.name, schoolId: r.schoolId, ...(r.email ? { email: r.email } : {}), available: r.available, lastYear: lastReviewers.get(r.id) ?? [] })),
    ...leads.map((l) => ({ role: "lead" as const, personId: l.id, name: l.name, ...(l.email ? { email: l.email } : {}), available: l.available, lastYear: lastLeads.get(l.id) ?? [] })),
  ];
  const labels = [...start.history.map((h) => h.year), ...(start.ledgerYears ?? []).map((l) => l.year)].filter((label) => yearNumber(label) !== undefined);
  const last = labels.sort((a, b) => yearNumber(a)! - yearNumber(b)!).at(-1);
  const yearLabel = last !== undefined ? nextLabel(last) : undefined;
  return {
    next: { ...start, reviewers, leads, reviews: rolled.map((r) => r.review), pins: [] },
    shiftDays,
    reviews: rolled,
    availability,
    ...(yearLabel !== undefined ? { yearLabel } : {}),
    dropped: previous.reviews.filter((r) => !kept.includes(r)).map((r) => r.id),
  };
}
