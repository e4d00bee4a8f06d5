import { formatDay, rangesOverlap, type DayRange } from "../model/dates.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { pairRule } from "./types.js";

/**
 * The review of the reviewer's own school (or trust) of the same kind that `review` overlaps.
 * Only the same kind: a school's senior leaders stay in for its QAR, its middle leaders for its
 * MLQAR, its trust's leaders for its trust's TPR; another kind's review at home keeps nobody in.
 */
function homeClash(year: Year, person: PersonInfo, review: ReviewInfo): DayRange | undefined {
  const home = person.school ? year.hostedSpans.get(person.school.id) : undefined;
  return home?.find((hosted) => hosted.kind === review.kind.id && rangesOverlap(hosted.span, review.span))?.span;
}

/** A school's reviewers are at home while their own school hosts its review. */
export const homeReview = pairRule({
  id: "home-review",
  summary: "A school's reviewers are never away reviewing while their own school hosts its review.",
  roles: ["peer"],
  basis: "school",
  allows: (year, person, review) => homeClash(year, person, review) === undefined,
  reason: (year, person, review) => {
    const clash = homeClash(year, person, review)!;
    const home = review.kind.host === "trust" ? `trust ${person.school?.trust}` : `school ${person.school?.id}`;
    return `would be away while their own ${home} hosts its review (${formatDay(clash.from)}..${formatDay(clash.to)})`;
  },
});
