import { homeKeysOf, hostKeysOf, samePlace } from "../model/year.js";
import { pairRule } from "./types.js";

/** Reviewers come from beyond the host's locality (local authority or area), for the kinds whose policy excludes `locality`. */
export const sameLocality = pairRule({
  id: "same-locality",
  summary: "A reviewer never reviews a school in their own locality (local authority or area).",
  roles: ["peer"],
  basis: "school",
  applies: (_year, review) => review.kind.excludes.locality,
  allows: (_year, person, review) => !samePlace(homeKeysOf(person).locality, hostKeysOf(review).locality),
  reason: (_year, _person, review) => `is from the host's locality ${review.host.locality}`,
});
