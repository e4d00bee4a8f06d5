/**
 * The seat bound of a year, or of part of it, as `qar plan` measures it: the problem (moved
 * reviews and all) is indexed again, so every rule sees the new dates (the reviewers'
 * availability, the host's home-review clash, overlaps), and the solver's own bounds are asked.
 */
import { formatDay, parseDay } from "../model/dates.js";
import { academicYearLabel } from "../model/history.js";
import type { Problem } from "../model/problem.js";
import type { Review } from "../model/schema.js";
import { indexYear, partIndexer, type ReviewInfo, type Year } from "../model/year.js";
import { LEAD_SEATS } from "../rules/index.js";
import { everySeatFilled, exactSeatBound, relaxedBound } from "../solver/bound.js";
import { findCandidates, type Candidates } from "../solver/candidates.js";
import { createRoster } from "../solver/roster.js";

/** A problem (or part of it) with its seats and the relaxation bound on how many can be filled. */
export interface Measured {
  readonly year: Year;
  readonly candidates: Candidates;
  /** The reviews measured (of `year`). */
  readonly reviews: readonly ReviewInfo[];
  readonly leadSeats: number;
  readonly peerSeats: number;
  /** Most seats any valid allocation of these reviews fills (the flow / advanced bounds). */
  readonly bound: number;
}

/** Safety net of one exact seat bound; its node limit is the work limit that decides. */
const EXACT_SECONDS = 20;

/**
 * Measures `problem` with only `reviews` in it (default: all). Leaving reviews out drops their
 * seats and their hosts' home-review clashes, so the bound of a part is never below what a
 * valid allocation of the whole fills on that part. Fixed pins are left out the same way (a
 * relaxation); forbid pins stay, through the candidate lists.
 *
 * @example const week = measure(problem, problem.reviews.filter((r) => r.start === "2025-03-03"));
 */
export function measure(problem: Problem, reviews: readonly Review[] = problem.reviews): Measured {
  return measureYear(indexYear(reviews === problem.reviews ? problem : partOf(problem, reviews)));
}

/**
 * Measures parts of an indexed year (its weeks), each alone as `measure` measures a part of its
 * problem; the schools, history and people are indexed once for all the parts (the people
 * taken from `year`).
 *
 * @example const measurePart = partMeasurer(year); const week = measurePart(year.reviews.filter((r) => r.span.from < monday + 7));
 */
export function partMeasurer(year: Year): (reviews: readonly ReviewInfo[]) => Measured {
  const problem = settleYearLabel(year.problem);
  const indexPart = partIndexer(problem, year);
  return (reviews) => measureYear(indexPart(partOf(problem, reviews.map((r) => r.review))));
}

function measureYear(year: Year): Measured {
  const candidates = findCandidates(year);
  const leadSeats = LEAD_SEATS * year.reviews.length;
  const peerSeats = year.reviews.reduce((n, r) => n + r.peerSeats, 0);
  // A valid allocation filling every seat settles the bound without the flows (most weeks of a
  // roomy year): no relaxation is below it, none above the seats.
  const relaxed = () => {
    const bound = relaxedBound(year, candidates, createRoster(year));
    return bound.leadSeats + bound.peerSeats;
  };
  const bound = everySeatFilled(year, candidates) ? leadSeats + peerSeats : relaxed();
  return { year, candidates, reviews: year.reviews, leadSeats, peerSeats, bound };
}

/**
 * The problem with only `reviews`, and only the people available on some day between the first
 * and the last of them: the others could sit on none of them, so the bound is the same, and a
 * week is measured without indexing the whole year's people.
 */
function partOf(problem: Problem, reviews: readonly Review[]): Problem {
  const spans = reviews.flatMap((r) => {
    const from = parseDay(r.start);
    return from === undefined ? [] : [{ from, to: from + r.days - 1 }];
  });
  if (spans.length === 0) return { ...problem, reviews: [], reviewers: [], leads: [] };
  // ISO dates compare as text, in date order.
  const first = formatDay(Math.min(...spans.map((s) => s.from)));
  const last = formatDay(Math.max(...spans.map((s) => s.to)));
  const around = (person: { readonly available: readonly { readonly from: string; readonly to: string }[] }) => person.available.some((a) => a.from <= last && a.to >= first);
  return { ...problem, reviews: [...reviews], reviewers: problem.reviewers.filter(around), leads: problem.leads.filter(around) };
}

/**
 * The problem with its year stated in the policy: the no-repeat rule counts years from the
 * earliest review, and neither a week measured alone nor a moved review may change that.
 */
export function settleYearLabel(problem: Problem): Problem {
  const starts = problem.reviews.map((r) => parseDay(r.start)).filter((d) => d !== undefined);
  if (problem.policy.yearLabel.trim() !== "" || starts.length === 0) return problem;
  return { ...problem, policy: { ...problem.policy, yearLabel: academicYearLabel(Math.min(...starts)) } };
}

/** Seats the bound proves must stay empty. */
export const shortfallOf = (m: Measured): number => Math.max(0, m.leadSeats + m.peerSeats - m.bound);

/**
 * The exact seat optimum (the seat MIP within its node limit), never above the relaxation: for
 * years the solver solves exactly, what `solve` fills.
 */
export async function exactSeats(m: Measured): Promise<number> {
  const exact = await exactSeatBound(m.year, m.candidates, createRoster(m.year), { seconds: EXACT_SECONDS });
  return exact === undefined ? m.bound : Math.min(m.bound, exact);
}
