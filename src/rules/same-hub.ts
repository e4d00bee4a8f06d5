import { homeKeysOf, hostKeysOf, samePlace } from "../model/year.js";
import { pairRule } from "./types.js";

/** Reviewers come from beyond the host's hub (for the kinds whose policy excludes `hub`: QARs). */
export const sameHub = pairRule({
  id: "same-hub",
  summary: "A reviewer never reviews a school in their own hub.",
  roles: ["peer"],
  basis: "school",
  applies: (_year, review) => review.kind.excludes.hub,
  allows: (_year, person, review) => !samePlace(homeKeysOf(person).hub, hostKeysOf(review).hub),
  reason: (_year, _person, review) => `is from the host's hub ${review.host.hub}`,
});
