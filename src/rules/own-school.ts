import { pairRule } from "./types.js";

/** A reviewer never reviews their own school. */
export const ownSchool = pairRule({
  id: "own-school",
  summary: "A reviewer never reviews their own school.",
  roles: ["peer"],
  basis: "school",
  allows: (_year, person, review) => person.school?.id !== review.host.id,
  reason: (_year, _person, review) => `is from the host school ${review.host.id}`,
});
