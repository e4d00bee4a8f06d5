import { formatDay, rangesOverlap, type DayRange } from "../model/dates.js";
import type { ReviewInfo } from "../model/year.js";
import type { AllocationRule, Violation } from "./types.js";

/** Whether two reviews' spans clash for one person (sharing a day is a clash). */
export const clashes = (a: DayRange, b: DayRange): boolean => rangesOverlap(a, b);

/** Whether `review` clashes with any of `duties` (or is one of them). */
export function clashesWithAny(duties: readonly ReviewInfo[], review: ReviewInfo): boolean {
  return duties.some((other) => other === review || clashes(other.span, review.span));
}

/** The most of `reviews` one person can attend without two overlapping (earliest end first). */
export function mostWithoutOverlap(reviews: readonly ReviewInfo[]): number {
  let count = 0;
  let lastEnd = -Infinity;
  for (const review of [...reviews].sort((a, b) => a.span.to - b.span.to)) {
    if (review.span.from > lastEnd) {
      count += 1;
      lastEnd = review.span.to;
    }
  }
  return count;
}

/**
 * A person's reviews in blocks: runs of reviews joined by overlapping dates. Reviews of two
 * blocks never overlap, so the flows give each block its own arc of capacity
 * `mostWithoutOverlap(block)`; where a block's reviews all overlap (three-day visits in one
 * week) that arc is exactly the rule, otherwise a relaxation of it.
 */
export function overlapBlocks(reviews: readonly ReviewInfo[]): ReviewInfo[][] {
  const blocks: ReviewInfo[][] = [];
  let end = -Infinity;
  for (const review of [...reviews].sort((a, b) => a.span.from - b.span.from || a.index - b.index)) {
    if (review.span.from <= end) blocks[blocks.length - 1]!.push(review);
    else blocks.push([review]);
    end = Math.max(end, review.span.to);
  }
  return blocks;
}

/**
 * The maximal sets of `reviews` running on one day (the cliques of their interval graph): a
 * person sits on at most one review of each, which is the whole rule (the MIP's rows).
 */
export function overlapCliques<T extends { readonly review: ReviewInfo }>(options: readonly T[]): T[][] {
  const seen = new Set<string>();
  const cliques: T[][] = [];
  for (const { review } of options) {
    const clique = options.filter((o) => o.review.span.from <= review.span.from && review.span.from <= o.review.span.to);
    if (clique.length < 2) continue;
    const key = clique.map((o) => o.review.index).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    cliques.push(clique);
  }
  return cliques;
}

/** Nobody sits on two reviews whose dates overlap (or twice on one review). */
export const overlap: AllocationRule = {
  kind: "allocation",
  id: "overlap",
  summary: "Nobody sits on two reviews whose dates overlap, or twice on the same review.",
  admits: (state, person, review) => !clashesWithAny(state.duties(person), review),
  check: ({ duties }) => {
    const found: Violation[] = [];
    for (const { person, reviews } of duties.values()) {
      reviews.forEach((later, j) => {
        for (const earlier of reviews.slice(0, j)) {
          if (!clashes(earlier.span, later.span)) continue;
          const what =
            earlier.id === later.id
              ? `sits twice on ${later.id}`
              : `is on ${earlier.id} and ${later.id}, whose dates overlap (${formatDay(later.span.from)}..${formatDay(later.span.to)})`;
          found.push({ rule: "overlap", reviewId: later.id, personId: person.id, message: `${later.id}: ${person.id} ${what}` });
        }
      });
    }
    return found;
  },
};
