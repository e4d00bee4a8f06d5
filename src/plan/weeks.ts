/**
 * Weeks of demand and supply: for each week (from its Monday) the seats its reviews ask for,
 * the places people could give them, and the seats the bound proves must stay empty.
 */
import { formatDay, parseDay, weekStart, type Day } from "../model/dates.js";
import type { Problem } from "../model/problem.js";
import type { Review } from "../model/schema.js";
import { indexYear, type PersonInfo, type ReviewInfo, type Year } from "../model/year.js";
import { advancedToStaff, isAdvanced, mostWithoutOverlap, reviewsLeft } from "../rules/index.js";
import { measureGroups, settleYearLabel, shortfallOf, type Measured } from "./measure.js";

/**
 * One week of the year (`weeks.csv`).
 *
 * @example
 * const short: WeekRow[] = (await plan(problem)).weeks.filter((w) => w.shortfall > 0);
 */
export interface WeekRow {
  /** The Monday, `YYYY-MM-DD`. */
  readonly week: string;
  readonly reviews: number;
  readonly peerSeats: number;
  readonly leadSeats: number;
  /**
   * Places the week's reviews could get: for each person, how many of the week's reviews they
   * could sit on (every pair rule allows it, none overlapping, at most `max_reviews`), summed.
   */
  readonly peerPlaces: number;
  /** The same, advanced reviewers only (rule 5 needs one on every team). */
  readonly advancedPlaces: number;
  readonly leadPlaces: number;
  /** Seats of the week the bound (the flow and advanced bounds on the week's reviews alone) proves stay empty. */
  readonly shortfall: number;
  /** Teams of the week that need an advanced reviewer before they hold anyone (one each, at the policy's minimum of 1). */
  readonly teams: number;
  /**
   * Supply by role that adds up over the year: each person's yearly reviews (the fewer of their
   * `max_reviews` and the most reviews of the year they may sit on, none overlapping) shared
   * over the weeks they could serve, in proportion to their places in each. Places count a
   * person in every week they are free; these count each review of theirs once.
   */
  readonly leadSupply: number;
  readonly advancedSupply: number;
  readonly peerSupply: number;
}

/** The Monday of the week a review starts in (reviews with an unreadable start have none). */
export function weekOf(review: Review): Day | undefined {
  const start = parseDay(review.start);
  return start === undefined ? undefined : weekStart(start);
}

/** The reviews of each week, weeks in date order, reviews in input order. */
export function reviewsByWeek(reviews: readonly Review[]): Map<Day, Review[]> {
  const byWeek = new Map<Day, Review[]>();
  for (const review of reviews) {
    const week = weekOf(review);
    if (week !== undefined) byWeek.set(week, [...(byWeek.get(week) ?? []), review]);
  }
  return new Map([...byWeek].sort(([a], [b]) => a - b));
}

/** How many of the measured reviews `person` could sit on, by the rules alone. */
function placesOf(m: Measured, person: PersonInfo): number {
  const reviews = (m.candidates.byPerson.get(`${person.role}:${person.id}`) ?? []).map((c) => c.review);
  return Math.min(reviewsLeft(person, 0), mostWithoutOverlap(reviews));
}

/** One week's row from its measured reviews; `share` gives each person's share of their yearly reviews in this week (0 without). */
export function weekRow(week: Day, m: Measured, share: (person: PersonInfo, places: number) => number = () => 0): WeekRow {
  const sum = (people: readonly PersonInfo[]) => people.reduce((n, p) => n + placesOf(m, p), 0);
  const supply = (people: readonly PersonInfo[]) => Math.round(10 * people.reduce((n, p) => n + share(p, placesOf(m, p)), 0)) / 10;
  return {
    week: formatDay(week),
    reviews: m.reviews.length,
    peerSeats: m.peerSeats,
    leadSeats: m.leadSeats,
    peerPlaces: sum(m.year.reviewers),
    advancedPlaces: sum(m.year.reviewers.filter(isAdvanced)),
    leadPlaces: sum(m.year.leads),
    shortfall: shortfallOf(m),
    teams: m.reviews.filter((r) => r.peerSeats > 0 && advancedToStaff(m.year, r) > 0).length,
    leadSupply: supply(m.year.leads),
    advancedSupply: supply(m.year.reviewers.filter(isAdvanced)),
    peerSupply: supply(m.year.reviewers),
  };
}

/**
 * Each person's yearly reviews shared over the weeks: `max_reviews`, or fewer when the reviews
 * they may sit on in the whole year overlap, split in proportion to their places in each week.
 */
function yearlyShares(measured: readonly Measured[]): (person: PersonInfo, places: number) => number {
  const byPerson = new Map<string, { places: number; spans: ReviewInfo[]; max: number }>();
  for (const m of measured) {
    for (const person of [...m.year.leads, ...m.year.reviewers]) {
      const key = `${person.role}:${person.id}`;
      const entry = byPerson.get(key) ?? { places: 0, spans: [], max: reviewsLeft(person, 0) };
      entry.places += placesOf(m, person);
      entry.spans.push(...(m.candidates.byPerson.get(key) ?? []).map((c) => c.review));
      byPerson.set(key, entry);
    }
  }
  const yearly = new Map([...byPerson].map(([key, e]) => [key, { total: e.places, reviews: Math.min(e.max, mostWithoutOverlap(e.spans)) }]));
  return (person, places) => {
    const e = yearly.get(`${person.role}:${person.id}`);
    return !e || e.total === 0 ? 0 : (e.reviews * places) / e.total;
  };
}

/**
 * One row per week with at least one review, in date order. Each week is measured alone, so
 * its shortfall is proven for that week whatever the other weeks do, and the shortfalls of all
 * weeks add up to seats that no allocation can fill.
 *
 * @example for (const row of weeksOf(indexYear(problem))) if (row.shortfall > 0) console.log(row.week, row.shortfall);
 */
export function weeksOf(year: Year): WeekRow[] {
  const byWeek = new Map<Day, ReviewInfo[]>();
  for (const review of [...year.reviews].sort((a, b) => a.span.from - b.span.from || a.index - b.index)) {
    const week = weekStart(review.span.from);
    byWeek.set(week, [...(byWeek.get(week) ?? []), review]);
  }
  const measured = measureGroups(year, [...byWeek.values()]);
  const share = yearlyShares(measured);
  return [...byWeek.keys()].map((week, i) => weekRow(week, measured[i]!, share));
}

/** `weeksOf` for a problem not yet indexed. */
export function planWeeks(problem: Problem): WeekRow[] {
  return weeksOf(indexYear(settleYearLabel(problem)));
}
