/**
 * Date moves: a review moved to other dates its school would accept (its `window`) where that
 * lets more seats be filled. A move is screened on the weeks it touches and then measured on
 * the whole year moved: the problem is indexed again with the new start, so the reviewers'
 * availability, the host's home-review clash and every overlap follow the review through the
 * rules themselves.
 */
import { formatDay, mergeRanges, parseDay, type Day } from "../model/dates.js";
import type { Problem } from "../model/problem.js";
import type { Review } from "../model/schema.js";
import { EXACT_MAX_REVIEWS } from "../solver/index.js";
import { exactSeats, measure, settleYearLabel, shortfallOf, type Measured } from "./measure.js";
import { reviewsByWeek, weekOf } from "./weeks.js";

/**
 * One proposed move (`moves.csv`).
 *
 * @example
 * for (const m of (await plan(problem)).moves) console.log(`move ${m.reviewId} from ${m.fromStart} to ${m.toStart}: +${m.seatsGained} seats`);
 */
export interface Move {
  readonly reviewId: string;
  readonly fromStart: string;
  readonly toStart: string;
  /** Seats the move adds to the year's measure, with the moves listed before it already made. */
  readonly seatsGained: number;
}

/**
 * Work limits, so that a plan is the same on every machine: sub-problems screened (a week or
 * two measured alone), whole-year bounds measured (counted in reviews: a 50-review year may be
 * measured a hundred times, a 500-review year ten), exact seat optima confirmed; `batch` moves
 * are measured together and the best taken.
 */
export interface MoveLimits {
  readonly screens: number;
  readonly measuredReviews: number;
  readonly confirms: number;
  readonly batch: number;
}
export const MOVE_LIMITS: MoveLimits = { screens: 4000, measuredReviews: 5000, confirms: 12, batch: 3 };

export interface MoveOptions {
  /**
   * Confirm each move by the exact seat optimum (the seat MIP), which is what `solve` fills on
   * the years it solves exactly. Default: for years up to `EXACT_MAX_REVIEWS` reviews that have
   * a window to move in.
   */
  readonly exact?: boolean;
  readonly limits?: Partial<MoveLimits>;
}

/** The moves, best first, and the seats the year allows before and after them. */
export interface MovePlan {
  readonly moves: readonly Move[];
  readonly seats: number;
  /** Most seats any valid allocation fills with the given dates, by `measure`. */
  readonly before: number;
  /** The same with every move made. */
  readonly after: number;
  /** `exact`: the exact seat optimum; `bound`: the relaxation bound (flow and advanced bounds). */
  readonly measure: "exact" | "bound";
  /** The problem with every move made. */
  readonly problem: Problem;
}

const isWeekend = (day: Day) => (day + 3) % 7 >= 5;

/**
 * The starts a review may move to: every day from which its whole visit lies inside its window,
 * other than its own start, never putting a visit on a Saturday or Sunday unless its own dates
 * already include one. In date order.
 *
 * @example windowStarts({ id: "R1", schoolId: "S1", start: "2025-03-03", days: 3, window: [{ from: "2025-03-03", to: "2025-03-07" }] })
 * // ["2025-03-04", "2025-03-05"]
 */
export function windowStarts(review: Review): string[] {
  const start = parseDay(review.start);
  if (start === undefined || !review.window) return [];
  const spanHasWeekend = (from: Day) => Array.from({ length: review.days }, (_, i) => from + i).some(isWeekend);
  const weekendAllowed = spanHasWeekend(start);
  const ranges = mergeRanges(review.window.flatMap((r) => {
    const from = parseDay(r.from);
    const to = parseDay(r.to);
    return from !== undefined && to !== undefined ? [{ from, to }] : [];
  }));
  const starts: string[] = [];
  for (const range of ranges) {
    for (let day = range.from; day + review.days - 1 <= range.to; day += 1) {
      if (day !== start && (weekendAllowed || !spanHasWeekend(day))) starts.push(formatDay(day));
    }
  }
  return starts;
}

/** `problem` with one review starting on `start`. */
export function moveReview(problem: Problem, reviewId: string, start: string): Problem {
  return { ...problem, reviews: problem.reviews.map((r) => (r.id === reviewId ? { ...r, start } : r)) };
}

/** Shortfalls of sub-problems, measured once each and counted against the screening limit. */
function shortfalls(problem: () => Problem) {
  const memo = new Map<string, number>();
  return {
    of(reviews: readonly Review[]): number {
      if (reviews.length === 0) return 0;
      const key = reviews.map((r) => `${r.id}@${r.start}`).join("|");
      let value = memo.get(key);
      if (value === undefined) memo.set(key, (value = shortfallOf(measure(problem(), reviews))));
      return value;
    },
    get measured() {
      return memo.size;
    },
  };
}
type Shortfalls = ReturnType<typeof shortfalls>;

interface Screened {
  readonly review: Review;
  readonly start: string;
  /** Seats the weeks it touches gain, measured on those weeks alone. */
  readonly local: number;
  readonly distance: number;
  readonly index: number;
}

/** What moving `review` to `start` does to the shortfall of the week(s) it touches. */
function localGain(byWeek: ReadonlyMap<Day, readonly Review[]>, review: Review, start: string, sf: Shortfalls): number {
  const moved = { ...review, start };
  const from = weekOf(review)!;
  const to = weekOf(moved)!;
  const home = byWeek.get(from)!;
  if (from === to) return sf.of(home) - sf.of(home.map((r) => (r === review ? moved : r)));
  const there = byWeek.get(to) ?? [];
  return sf.of(home) + sf.of(there) - sf.of(home.filter((r) => r !== review)) - sf.of([...there, moved]);
}

/**
 * The moves worth measuring, most promising first: reviews of weeks with a shortfall, to each
 * start of their window, kept where the weeks touched gain seats (ties: the nearer date, then
 * input order, then the earlier start).
 */
function screen(problem: Problem, moved: ReadonlySet<string>, sf: Shortfalls, limit: number): Screened[] {
  const byWeek = reviewsByWeek(problem.reviews);
  const found: Screened[] = [];
  problem.reviews.forEach((review, index) => {
    const week = weekOf(review);
    const starts = moved.has(review.id) ? [] : windowStarts(review);
    if (week === undefined || starts.length === 0 || sf.of(byWeek.get(week)!) === 0) return;
    for (const start of starts) {
      if (sf.measured >= limit) return;
      const local = localGain(byWeek, review, start, sf);
      if (local > 0) found.push({ review, start, local, distance: Math.abs(parseDay(start)! - parseDay(review.start)!), index });
    }
  });
  return found.sort((a, b) => b.local - a.local || a.distance - b.distance || a.index - b.index || (a.start < b.start ? -1 : 1));
}

/**
 * Every other move, nearest first: a review in a week with no shortfall may still hold people
 * another week needs (their `max_reviews` spans the year), which only the whole year shows.
 */
function unscreened(problem: Problem, moved: ReadonlySet<string>): Screened[] {
  const found: Screened[] = [];
  problem.reviews.forEach((review, index) => {
    if (moved.has(review.id)) return;
    for (const start of windowStarts(review)) found.push({ review, start, local: 0, distance: Math.abs(parseDay(start)! - parseDay(review.start)!), index });
  });
  return found.sort((a, b) => a.distance - b.distance || a.index - b.index || (a.start < b.start ? -1 : 1));
}

interface Budget {
  measuredReviews: number;
  confirms: number;
}

interface Chosen {
  readonly screened: Screened;
  readonly problem: Problem;
  readonly measured: Measured;
  readonly value: number;
}

/**
 * Measures the screened moves batch by batch on the whole moved year and takes the one that
 * raises the bound most (with `exact`, the exact seat optimum of each that raises the bound).
 */
async function choose(problem: Problem, screened: readonly Screened[], now: { measured: Measured; value: number }, exact: boolean, budget: Budget, batch: number): Promise<Chosen | undefined> {
  for (let i = 0; i < screened.length; i += batch) {
    const trials: (Chosen & { gain: number })[] = [];
    for (const s of screened.slice(i, i + batch)) {
      if (budget.measuredReviews <= 0) break;
      budget.measuredReviews -= problem.reviews.length;
      const moved = moveReview(problem, s.review.id, s.start);
      const measured = measure(moved);
      trials.push({ screened: s, problem: moved, measured, value: measured.bound, gain: measured.bound - now.measured.bound });
    }
    // Stable: equal gains keep the screening order.
    const rising = trials.filter((t) => t.gain > 0).sort((a, b) => b.gain - a.gain);
    if (!exact && rising.length > 0) return rising[0];
    let best: Chosen | undefined;
    for (const trial of exact ? rising : []) {
      // No exact optimum is above its bound, and the rest have lower bounds.
      if (budget.confirms <= 0 || (best && trial.measured.bound <= best.value)) break;
      budget.confirms -= 1;
      const value = await exactSeats(trial.measured);
      if (value > (best?.value ?? now.value)) best = { ...trial, value };
    }
    if (best || budget.measuredReviews <= 0 || budget.confirms <= 0) return best;
  }
  return undefined;
}

/**
 * Proposes date moves, greedily: each round takes the move that raises the year's measure most
 * (the relaxation bound, confirmed by the exact seat optimum on small years), makes it, and
 * looks again; a review moves at most once. Moves out of weeks with a shortfall are screened
 * on the weeks they touch; when none of them gains, every other move is measured, nearest
 * first, within the work limits. The moves come best first, each with the seats it
 * gains after the ones before it, so applying them all gains their sum.
 *
 * @example
 * const { moves } = await proposeMoves(problem);
 * for (const m of moves) console.log(`${m.reviewId}: ${m.fromStart} → ${m.toStart}, +${m.seatsGained} seats`);
 */
export async function proposeMoves(problem: Problem, options: MoveOptions = {}): Promise<MovePlan> {
  const limits = { ...MOVE_LIMITS, ...options.limits };
  let current = settleYearLabel(problem);
  // Without a window there is nothing to move, and the bound is all a plan reports.
  const movable = current.reviews.some((r) => windowStarts(r).length > 0);
  const exact = movable && (options.exact ?? current.reviews.length <= EXACT_MAX_REVIEWS);
  const measured = measure(current);
  const seats = measured.leadSeats + measured.peerSeats;
  let now = { measured, value: exact ? await exactSeats(measured) : measured.bound };
  const before = now.value;
  const budget: Budget = { measuredReviews: limits.measuredReviews, confirms: limits.confirms };
  const sf = shortfalls(() => current);
  const moves: Move[] = [];
  const moved = new Set<string>();
  while (now.value < seats) {
    const chosen =
      (await choose(current, screen(current, moved, sf, limits.screens), now, exact, budget, limits.batch)) ??
      (await choose(current, unscreened(current, moved), now, exact, budget, limits.batch));
    if (!chosen) break;
    const { review, start } = chosen.screened;
    moves.push({ reviewId: review.id, fromStart: review.start, toStart: start, seatsGained: chosen.value - now.value });
    moved.add(review.id);
    current = chosen.problem;
    now = { measured: chosen.measured, value: chosen.value };
  }
  const applied = moves.reduce((p, m) => moveReview(p, m.reviewId, m.toStart), problem);
  return { moves, seats, before, after: now.value, measure: exact ? "exact" : "bound", problem: applied };
}
