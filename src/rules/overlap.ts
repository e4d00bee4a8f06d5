import { formatDay, rangesOverlap, type DayRange } from "../model/dates.js";
import type { AllocationRule, Violation } from "./types.js";

/** Whether two reviews' spans clash for one person (sharing a day is a clash). */
export const clashes = (a: DayRange, b: DayRange): boolean => rangesOverlap(a, b);

/** Nobody sits on two reviews whose dates overlap (or twice on one review). */
export const overlap: AllocationRule = {
  kind: "allocation",
  id: "overlap",
  summary: "Nobody sits on two reviews whose dates overlap, or twice on the same review.",
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
