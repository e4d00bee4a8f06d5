/**
 * `explain`: why each empty seat of an allocation is empty and what would fill it, and where a
 * year cannot be fully staffed, the certificate. The parts live in `src/explain/`: the seat's
 * candidate funnel (`funnel.ts`), its reason and remedies (`seat.ts`), the certificates
 * (`certificates.ts`).
 */
import type { Problem } from "./model/problem.js";
import type { Allocation } from "./model/schema.js";
import { indexYear, type Year } from "./model/year.js";
import { place } from "./rules/index.js";
import { deficiencies, type Deficiency } from "./explain/certificates.js";
import { standingOf } from "./explain/funnel.js";
import { explainSeats, unexplainedSeats, type EmptySeats, type SeatExplanation } from "./explain/seat.js";

export { deficiencies, type Deficiency } from "./explain/certificates.js";
export { seatFunnel, type FunnelStep } from "./explain/funnel.js";
export { explainSeats, unexplainedSeats, type EmptySeats, type SeatCause, type SeatExplanation } from "./explain/seat.js";

/**
 * As of when an allocation is explained: reviews starting before `freezeBefore` (ISO) are kept
 * as they are, so nothing is proposed there.
 *
 * @example
 * const why = explain(problem, allocation, { freezeBefore: "2025-01-20" } satisfies ExplainOptions);
 */
export interface ExplainOptions {
  readonly freezeBefore?: string;
  /**
   * Asked before each review: once it says stop, the review's empty seats and every later one's
   * are listed with cause `unexplained` and no certificate is sought (a run's time limit reached:
   * on a year of 20,000 reviews and 50,000 reviewers explaining every seat takes minutes).
   */
  readonly shouldStop?: () => boolean;
}

/**
 * What `explain` finds: one entry per review and role with empty seats, and the certificates.
 *
 * @example
 * const { seats, certificates }: Explanation = explain(problem, allocation);
 * console.log(seats.length, certificates.map((c) => c.summary));
 */
export interface Explanation {
  readonly seats: readonly SeatExplanation[];
  readonly certificates: readonly Deficiency[];
}

/**
 * Explains every empty seat of an allocation and, for a year that cannot be fully staffed,
 * certifies where the shortage is. The season's state counts: nobody is proposed for a review
 * they declined or withdrew from, no move takes a confirmed seat or touches a review that
 * starts before `freezeBefore`, and an empty seat of such a review says so.
 *
 * @example
 * const { seats, certificates } = explain(problem, allocation);
 * for (const s of seats) console.log(`${s.reviewId} ${s.role}: ${s.reason}`);
 */
export function explain(problem: Problem | Year, allocation: Allocation, options: ExplainOptions = {}): Explanation {
  const year = "reviewById" in problem ? problem : indexYear(problem);
  const placement = place(year, allocation);
  const standing = standingOf(year, allocation, options.freezeBefore);
  const seats: SeatExplanation[] = [];
  let stopped = false;
  for (const review of year.reviews) {
    stopped ||= options.shouldStop?.() === true;
    const why = (empty: EmptySeats) => (stopped ? unexplainedSeats(empty) : explainSeats(year, allocation, empty, { placement, standing }));
    const team = placement.teams.get(review.id);
    if ((team?.leads.length ?? 0) === 0) seats.push(why({ review, role: "lead", missing: 1 }));
    const missing = review.peerSeats - Math.min(review.peerSeats, team?.peers.length ?? 0);
    if (missing > 0) seats.push(why({ review, role: "peer", missing }));
  }
  return { seats, certificates: stopped ? [] : deficiencies(year, options.shouldStop) };
}
