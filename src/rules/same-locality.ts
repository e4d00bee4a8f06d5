import { sameValue } from "./blank.js";
import { pairRule } from "./types.js";

/** Reviewers come from beyond the host's locality (local authority or area), for the kinds whose policy excludes `locality`. */
export const sameLocality = pairRule({
  id: "same-locality",
  summary: "A reviewer never reviews a school in their own locality (local authority or area).",
  roles: ["peer"],
  basis: "school",
  applies: (_year, review) => review.kind.excludes.locality,
  allows: (_year, person, review) => !sameValue(person.school?.locality, review.host.locality),
  reason: (_year, _person, review) => `is from the host's locality ${review.host.locality}`,
});
