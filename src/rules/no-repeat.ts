import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { pairRule } from "./types.js";

/** The year this reviewer last reviewed the host, when that is within the policy's window. */
function recentVisit(year: Year, person: PersonInfo, review: ReviewInfo): number | undefined {
  const window = year.policy.noRepeatYears;
  if (window === 0 || year.yearNumber === undefined) return undefined;
  const last = year.past.lastReviewed.get(person.id)?.get(review.host.id);
  // A visit labelled this year or later is as recent as can be: it counts too.
  return last !== undefined && year.yearNumber - last <= window ? last : undefined;
}

/**
 * No reviewer reviews the same school again within `noRepeatYears` years (history.csv; off at
 * 0). With `noRepeatYears: 2` in 2024-25, a visit in 2022-23 or 2023-24 bars the pair; one in
 * 2021-22 does not. Lead Reviewers are a small separate pool: for them a repeat stays a cost
 * (the variety goal), never a bar.
 */
export const noRepeat = pairRule({
  id: "no-repeat",
  summary: "A reviewer never reviews a school they reviewed within the policy's noRepeatYears years (history.csv); off by default.",
  roles: ["peer"],
  basis: "person",
  allows: (year, person, review) => recentVisit(year, person, review) === undefined,
  reason: (year, person, review) => {
    const last = recentVisit(year, person, review);
    return `reviewed ${review.host.id} in the year starting ${last}, within the last ${year.policy.noRepeatYears} year${year.policy.noRepeatYears === 1 ? "" : "s"} (noRepeatYears)`;
  },
});
