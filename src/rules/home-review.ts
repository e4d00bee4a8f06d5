import { formatDay, rangesOverlap, type DayRange } from "../model/dates.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { pairRule } from "./types.js";

function homeClash(year: Year, person: PersonInfo, review: ReviewInfo): DayRange | undefined {
  const home = person.school ? year.hostedSpans.get(person.school.id) : undefined;
  return home?.find((span) => rangesOverlap(span, review.span));
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
    return `would be away while their own school ${person.school?.id} hosts its review (${formatDay(clash.from)}..${formatDay(clash.to)})`;
  },
});
