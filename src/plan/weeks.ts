/**
 * Weeks of demand and supply: for each week (from its Monday) the seats its reviews ask for,
 * the places people could give them, and the seats the bound proves must stay empty.
 */
import { formatDay, parseDay, weekStart, type Day } from "../model/dates.js";
import type { Problem } from "../model/problem.js";
import type { Review } from "../model/schema.js";
import { indexYear, type PersonInfo, type ReviewInfo, type Year } from "../model/year.js";
import { advancedToStaff, isAdvanced, mostWithoutOverlap, reviewsLeft } from "../rules/index.js";
import { partMeasurer, settleYearLabel, shortfallOf, type Measured } from "./measure.js";

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

/** A person's places in one week, and the distinct spans of the week's reviews they may sit on. */
interface Places {
  readonly person: PersonInfo;
  /** `role:id`, as the candidate lists and the yearly shares know the person. */
  readonly key: string;
  readonly places: number;
  readonly spans: readonly ReviewInfo[];
}

/**
 * One measured week: its seats and proven shortfall, and the places of the people who have any
 * (in the week's order of people). It keeps no candidate lists: a large year's weeks hold
 * millions of pairs.
 */
interface MeasuredWeek {
  readonly week: Day;
  readonly reviews: number;
  readonly peerSeats: number;
  readonly leadSeats: number;
  readonly shortfall: number;
  readonly teams: number;
  readonly leads: readonly Places[];
  readonly reviewers: readonly Places[];
}

/** What a week's row needs of its measure. */
function measuredWeek(week: Day, m: Measured): MeasuredWeek {
  return {
    week,
    reviews: m.reviews.length,
    peerSeats: m.peerSeats,
    leadSeats: m.leadSeats,
    shortfall: shortfallOf(m),
    teams: m.reviews.filter((r) => r.peerSeats > 0 && advancedToStaff(m.year, r) > 0).length,
    ...placesIn(m),
  };
}

/**
 * The week's people with candidates, each with how many of the week's reviews they could sit
 * on by the rules alone. Reviews with one span overlap one another, so at most one of them
 * counts: the most without overlap is worked out on the distinct spans (one review each).
 */
function placesIn(m: Measured): { leads: Places[]; reviewers: Places[] } {
  const spanOf = new Map<string, number>();
  const spanIndex = m.reviews.map((r) => {
    const key = `${r.span.from}:${r.span.to}`;
    if (!spanOf.has(key)) spanOf.set(key, r.index);
    return spanOf.get(key)!;
  });
  const seenBy = new Int32Array(m.reviews.length).fill(-1);
  let stamp = 0;
  const of = (people: readonly PersonInfo[]): Places[] =>
    people.flatMap((person) => {
      const key = `${person.role}:${person.id}`;
      const list = m.candidates.byPerson.get(key) ?? [];
      if (list.length === 0) return [];
      stamp += 1;
      const spans: ReviewInfo[] = [];
      for (const { review } of list) {
        const first = spanIndex[review.index]!;
        if (seenBy[first] === stamp) continue;
        seenBy[first] = stamp;
        spans.push(m.reviews[first]!);
      }
      return [{ person, key, places: Math.min(reviewsLeft(person, 0), mostWithoutOverlap(spans)), spans }];
    });
  return { leads: of(m.year.leads), reviewers: of(m.year.reviewers) };
}

/**
 * One week's row; `share` gives a person's share of their yearly reviews in this week. People
 * without candidates in the week add nothing (no places, a share of 0), so they are left out;
 * the sums run over the others in the week's order, as over everyone.
 */
function weekRow({ week, leads, reviewers, ...seats }: MeasuredWeek, share: (week: Places) => number): WeekRow {
  const advanced = reviewers.filter((p) => isAdvanced(p.person));
  const sum = (people: readonly Places[]) => people.reduce((n, p) => n + p.places, 0);
  const supply = (people: readonly Places[]) => Math.round(10 * people.reduce((n, p) => n + share(p), 0)) / 10;
  return {
    week: formatDay(week),
    reviews: seats.reviews,
    peerSeats: seats.peerSeats,
    leadSeats: seats.leadSeats,
    peerPlaces: sum(reviewers),
    advancedPlaces: sum(advanced),
    leadPlaces: sum(leads),
    shortfall: seats.shortfall,
    teams: seats.teams,
    leadSupply: supply(leads),
    advancedSupply: supply(advanced),
    peerSupply: supply(reviewers),
  };
}

/**
 * Each person's yearly reviews shared over the weeks: `max_reviews`, or fewer when the reviews
 * they may sit on in the whole year overlap, split in proportion to their places in each week.
 */
function yearlyShares(weeks: readonly MeasuredWeek[]): (week: Places) => number {
  const byPerson = new Map<string, { places: number; spans: ReviewInfo[]; max: number }>();
  for (const { leads, reviewers } of weeks) {
    for (const { person, key, places, spans } of [...leads, ...reviewers]) {
      const entry = byPerson.get(key) ?? { places: 0, spans: [], max: reviewsLeft(person, 0) };
      entry.places += places;
      entry.spans.push(...spans);
      byPerson.set(key, entry);
    }
  }
  const yearly = new Map([...byPerson].map(([key, e]) => [key, { total: e.places, reviews: Math.min(e.max, mostWithoutOverlap(e.spans)) }]));
  return ({ key, places }) => {
    const e = yearly.get(key);
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
    const reviews = byWeek.get(week);
    if (reviews) reviews.push(review);
    else byWeek.set(week, [review]);
  }
  const measurePart = partMeasurer(year);
  const weeks = [...byWeek].map(([week, reviews]) => measuredWeek(week, measurePart(reviews)));
  const share = yearlyShares(weeks);
  return weeks.map((week) => weekRow(week, share));
}

/** `weeksOf` for a problem not yet indexed. */
export function planWeeks(problem: Problem): WeekRow[] {
  return weeksOf(indexYear(settleYearLabel(problem)));
}
