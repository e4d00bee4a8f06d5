import seedrandom from "seedrandom";
import { formatDay, parseDay } from "../../src/model/dates.js";
import { DEFAULT_POLICY, makePolicy, type PolicyOverrides } from "../../src/model/policy.js";
import type { Problem } from "../../src/model/problem.js";
import type { DateRange, HistoryEntry, LeadReviewer, Level, Pin, Review, Reviewer, School } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { allowedPair } from "../../src/rules/index.js";

export interface RandomYearShape {
  readonly reviews: number;
  /** Reviewers per school, on average. */
  readonly reviewersPerSchool?: number;
  readonly advancedShare?: number;
  readonly hubs?: number;
  readonly weeks?: number;
  readonly leads?: number;
  readonly policy?: PolicyOverrides;
  /**
   * Widens the year (drawn from a stream of its own, so the narrow year stays as it was): blank
   * hubs and localities, reviews of 1 to 5 days, several availability ranges per person (some
   * touching, which join), history rows with a `noRepeatYears` window, and pins (fix and forbid,
   * mostly on pairs the rules allow, now and then on one they do not).
   */
  readonly wide?: boolean;
}

const MONDAY = parseDay("2024-01-08")!;

/**
 * A small random year, valid by construction (every reference resolves, every date is real),
 * for property tests: random hubs, trusts, coordinates, dates, availability windows, levels,
 * capacities, conflicts and preferences, all drawn from `seed`.
 */
export function randomYear(seed: number, shape: RandomYearShape): Problem {
  const random = seedrandom(`year-${seed}`);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const hubs = shape.hubs ?? Math.max(2, Math.ceil(shape.reviews / 5));
  const weeks = shape.weeks ?? Math.max(2, Math.ceil(shape.reviews / 3));
  const schools: School[] = [];
  const reviews: Review[] = [];
  const reviewers: Reviewer[] = [];
  for (let i = 0; i < shape.reviews; i += 1) {
    const hub = i % hubs;
    const phase = random() < 0.6 ? "primary" : random() < 0.7 ? "secondary" : "special";
    schools.push({
      id: `S${String(i).padStart(3, "0")}`,
      name: `School ${i}`,
      hub: `H${hub}`,
      locality: `A${Math.floor(hub / 2)}`,
      ...(random() < 0.3 ? { trust: `T${int(0, 3)}` } : {}),
      phase,
      pupils: int(60, phase === "secondary" ? 1600 : 500),
      ...(random() < 0.8 ? { lat: 51 + hub * 0.25 + random() * 0.05, lon: -1 + random() * 0.05 } : {}),
      carryOver: 0,
    });
    const startDay = MONDAY + 7 * int(0, weeks - 1) + int(0, 2);
    reviews.push({ id: `R${String(i).padStart(3, "0")}`, schoolId: schools[i]!.id, start: formatDay(startDay), days: 3, ...(random() < 0.1 ? { seats: int(1, 4) } : {}) });
  }
  let p = 0;
  for (const school of schools) {
    const count = int(1, Math.round(2 * (shape.reviewersPerSchool ?? 3)) - 1);
    for (let j = 0; j < count; j += 1) {
      const from = MONDAY + 7 * int(0, weeks - 1);
      const to = Math.min(from + 7 * int(1, weeks), MONDAY + 7 * weeks);
      const level: Level = random() < (shape.advancedShare ?? 0.35) ? "advanced" : random() < 0.7 ? "reviewer" : "trainee";
      reviewers.push({
        id: `P${String(p++).padStart(4, "0")}`,
        name: `Reviewer ${p}`,
        schoolId: school.id,
        level,
        phases: random() < 0.5 ? [school.phase] : [],
        available: random() < 0.05 ? [] : [{ from: formatDay(from), to: formatDay(to) }],
        ...(random() < 0.7 ? { maxReviews: int(1, 2) } : {}),
        conflicts: random() < 0.1 ? [schools[int(0, schools.length - 1)]!.id] : [],
        prefers: random() < 0.2 ? [reviews[int(0, reviews.length - 1)]!.id] : [],
      });
    }
  }
  const leads: LeadReviewer[] = [];
  for (let l = 0; l < (shape.leads ?? Math.max(1, Math.ceil(shape.reviews / 6))); l += 1) {
    const from = MONDAY + 7 * int(0, Math.floor(weeks / 2));
    leads.push({
      id: `L${String(l).padStart(2, "0")}`,
      name: `Lead ${l}`,
      available: [{ from: formatDay(from), to: formatDay(MONDAY + 7 * weeks + 6) }],
      maxReviews: int(2, 8),
      phases: random() < 0.3 ? ["special"] : [],
      conflicts: [],
    });
  }
  const policy = shape.policy ? makePolicy(shape.policy) : { success: true as const, data: DEFAULT_POLICY };
  if (!policy.success) throw new Error(policy.error.message);
  const narrow = { schools, reviewers, leads, reviews, policy: policy.data, history: [], pins: [] };
  return shape.wide ? widen(narrow, seed, shape) : narrow;
}

const LAST_YEARS = ["2022-23", "2021-22", "2020-21"];

/** `problem` widened as `RandomYearShape.wide` says, drawn from `seed`. */
function widen(problem: Problem, seed: number, shape: RandomYearShape): Problem {
  const random = seedrandom(`year-${seed}/wide`);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const weeks = shape.weeks ?? Math.max(2, Math.ceil(shape.reviews / 3));
  const day = () => MONDAY + int(0, 7 * weeks);
  // One to three ranges; a second range sometimes starts the day after the first ends (they join).
  const ranges = (count: number): DateRange[] => {
    const out: DateRange[] = [];
    for (let i = 0; i < count; i += 1) {
      const touching = out.length > 0 && random() < 0.3;
      const from = touching ? parseDay(out.at(-1)!.to)! + 1 : day();
      out.push({ from: formatDay(from), to: formatDay(from + int(0, 21)) });
    }
    return out;
  };
  const schools = problem.schools.map((s) => {
    const { hub, locality, ...rest } = s;
    return { ...rest, ...(random() < 0.15 ? {} : { hub }), ...(random() < 0.15 ? {} : { locality }) };
  });
  const reviews = problem.reviews.map((r) => ({ ...r, days: pick([1, 2, 3, 3, 3, 4, 5]) }));
  const reviewers = problem.reviewers.map((r) => (r.available.length > 0 && random() < 0.4 ? { ...r, available: ranges(int(1, 3)) } : r));
  const leads = problem.leads.map((l) => (random() < 0.3 ? { ...l, available: ranges(int(2, 3)) } : l));
  const history: HistoryEntry[] = [];
  for (const person of [...reviewers, ...leads]) {
    if (random() >= 0.3) continue;
    for (let n = int(1, 2); n > 0; n -= 1) {
      history.push({ year: pick(LAST_YEARS), reviewSchoolId: pick(schools).id, personId: person.id, role: "schoolId" in person ? "peer" : "lead" });
    }
  }
  const policy = makePolicy({ noRepeatYears: pick([0, 1, 2]), ...(shape.policy ?? {}) });
  if (!policy.success) throw new Error(policy.error.message);
  const wide: Problem = { ...problem, schools, reviews, reviewers, leads, history, policy: policy.data };
  return { ...wide, pins: randomPins(wide, random) };
}

/**
 * Fix and forbid pins, no two on one seat and one fixed Lead Reviewer per review at most: mostly
 * on pairs every pair rule allows (so that they can hold), a fix pin now and then on any pair.
 */
function randomPins(problem: Problem, random: () => number): Pin[] {
  const year = indexYear(problem);
  const people = [...year.reviewers, ...year.leads];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pins: Pin[] = [];
  const seats = new Set<string>();
  const fixedLeads = new Set<string>();
  const add = (kind: Pin["kind"], allowed: boolean) => {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const person = people[int(0, people.length - 1)]!;
      const review = year.reviews[int(0, year.reviews.length - 1)]!;
      const seat = `${person.role}:${person.id}@${review.id}`;
      if (seats.has(seat) || (allowed && !allowedPair(year, person, review))) continue;
      if (kind === "fix" && person.role === "lead" && fixedLeads.has(review.id)) continue;
      seats.add(seat);
      if (kind === "fix" && person.role === "lead") fixedLeads.add(review.id);
      pins.push({ reviewId: review.id, role: person.role, personId: person.id, kind });
      return;
    }
  };
  for (let n = int(0, Math.ceil(year.reviews.length / 3)); n > 0; n -= 1) add("fix", true);
  for (let n = int(0, Math.ceil(year.reviews.length / 3)); n > 0; n -= 1) add("forbid", true);
  if (random() < 0.3) add("fix", false);
  return pins;
}
