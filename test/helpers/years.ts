/**
 * Helpers for the tests across years: seeded no-shows, next year's reviews and availability,
 * and the carry-over counted independently of `closeYear` (from the raw rows only).
 */
import seedrandom from "seedrandom";
import { readYearFolder } from "../../src/io/files.js";
import { formatDay, parseDay } from "../../src/model/dates.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation, DateRange } from "../../src/model/schema.js";
import type { Attendance } from "../../src/years/close-year.js";

/** A seeded share of the allocation's seats marked as missed (at least one when there are seats). */
export function noShows(allocation: Allocation, share: number, seed: string): Attendance[] {
  const random = seedrandom(seed);
  const seats = allocation.assignments;
  const missed = seats.filter(() => random() < share);
  const chosen = missed.length > 0 || seats.length === 0 ? missed : [seats[Math.floor(random() * seats.length)]!];
  return chosen.map((a) => ({ reviewId: a.reviewId, personId: a.personId, attended: false }));
}

const shiftDay = (text: string, days: number) => formatDay(parseDay(text)! + days);
const shiftRanges = (ranges: readonly DateRange[], days: number) => ranges.map((r) => ({ from: shiftDay(r.from, days), to: shiftDay(r.to, days) }));

/**
 * Next year from a closed year's starting problem: last year's reviews again, 52 weeks later
 * (same weekdays, the next academic year), and everyone's availability moved the same way.
 */
export function nextYearOf(start: Problem, last: Problem, days = 364): Problem {
  const reviewers = new Map(last.reviewers.map((r) => [r.id, r.available]));
  const leads = new Map(last.leads.map((l) => [l.id, l.available]));
  return {
    ...start,
    reviews: last.reviews.map((r) => ({ ...r, start: shiftDay(r.start, days) })),
    reviewers: start.reviewers.map((r) => ({ ...r, available: shiftRanges(reviewers.get(r.id) ?? [], days) })),
    leads: start.leads.map((l) => ({ ...l, available: shiftRanges(leads.get(l.id) ?? [], days) })),
  };
}

/** Each school's `carryOver + received − sent`, counted from the raw rows: reviews' hosts, reviewers' schools, who attended. */
export function expectedCarryOver(problem: Problem, allocation: Allocation, attendance: readonly Attendance[]): Map<string, number> {
  const hostOf = new Map(problem.reviews.map((r) => [r.id, r.schoolId]));
  const schoolOf = new Map(problem.reviewers.map((r) => [r.id, r.schoolId]));
  const absent = new Set(attendance.filter((a) => !a.attended).map((a) => `${a.reviewId}/${a.personId}`));
  const carry = new Map(problem.schools.map((s) => [s.id, s.carryOver]));
  for (const a of allocation.assignments) {
    if (a.role !== "peer" || absent.has(`${a.reviewId}/${a.personId}`)) continue;
    carry.set(hostOf.get(a.reviewId)!, carry.get(hostOf.get(a.reviewId)!)! + 1);
    carry.set(schoolOf.get(a.personId)!, carry.get(schoolOf.get(a.personId)!)! - 1);
  }
  return carry;
}

/** A committed fixture year (`fixtures/years/<name>`), read as `qar` reads it; throws if it does not read. */
export function fixtureYear(name: string): Problem {
  const year = readYearFolder(new URL(`../../fixtures/years/${name}`, import.meta.url).pathname);
  if (!year.ok) throw new Error(`fixtures/years/${name} must read`);
  return year.value;
}
