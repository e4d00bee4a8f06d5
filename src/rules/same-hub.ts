import { sameValue } from "./blank.js";
import { pairRule } from "./types.js";

/** Reviewers come from beyond the host's hub (for the kinds whose policy excludes `hub`: QARs). */
export const sameHub = pairRule({
  id: "same-hub",
  summary: "A reviewer never reviews a school in their own hub.",
  roles: ["peer"],
  basis: "school",
  applies: (_year, review) => review.kind.excludes.hub,
  allows: (_year, person, review) => !sameValue(person.school?.hub, review.host.hub),
  reason: (_year, _person, review) => `is from the host's hub ${review.host.hub}`,
});
