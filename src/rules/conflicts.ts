import { pairRule } from "./types.js";

/** Declared conflicts of interest are respected. */
export const conflicts = pairRule({
  id: "conflicts",
  summary: "A reviewer or Lead Reviewer never reviews a school they declared a conflict of interest with.",
  roles: ["lead", "peer"],
  basis: "person",
  allows: (_year, person, review) => !person.conflicts.has(review.host.id),
  reason: (_year, _person, review) => `declared a conflict of interest with ${review.host.id}`,
});
