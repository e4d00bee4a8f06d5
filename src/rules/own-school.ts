import { pairRule } from "./types.js";

/** A reviewer never reviews their own school (for the kinds whose policy excludes `school`: all three built-in ones). */
export const ownSchool = pairRule({
  id: "own-school",
  summary: "A reviewer never reviews their own school.",
  roles: ["peer"],
  basis: "school",
  applies: (_year, review) => review.kind.excludes.school,
  allows: (_year, person, review) => review.hostSchool === undefined || person.school?.id !== review.hostSchool.id,
  reason: (_year, _person, review) => `is from the host school ${review.host.id}`,
});
