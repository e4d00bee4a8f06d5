import { formatDay, rangesOverlap } from "../model/dates.js";
import { pairRule } from "./types.js";

/** Rule 4: a school's reviewers are at home while their own school hosts its review. */
export const homeReview = pairRule({
  id: "home-review",
  summary: "A school's reviewers are never away reviewing while their own school hosts its review.",
  roles: ["peer"],
  refuse: (year, person, review) => {
    const home = person.school ? year.hostedSpans.get(person.school.id) : undefined;
    const clash = home?.find((span) => rangesOverlap(span, review.span));
    return clash
      ? `would be away while their own school ${person.school?.id} hosts its review (${formatDay(clash.from)}..${formatDay(clash.to)})`
      : undefined;
  },
});
