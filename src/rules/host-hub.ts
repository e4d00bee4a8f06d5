import { homeKeysOf, hostKeysOf, samePlace } from "../model/year.js";
import { pairRule } from "./types.js";

/**
 * Reviewers come from the host's own hub, for the kinds whose policy requires the hub (the
 * Middle Leader QAR, run inside a hub). A host or reviewer with a blank hub matches no hub.
 */
export const hostHub = pairRule({
  id: "host-hub",
  summary: "On a review whose kind is run inside a hub (an MLQAR), every reviewer is from the host's hub.",
  roles: ["peer"],
  basis: "school",
  applies: (_year, review) => review.kind.requiresHub,
  allows: (_year, person, review) => samePlace(homeKeysOf(person).hub, hostKeysOf(review).hub),
  reason: (_year, person, review) =>
    `is from ${person.school?.hub?.trim() ? `the hub ${person.school.hub}` : "no hub"}, not the host's hub ${review.host.hub ?? "(none)"} (a ${review.kind.id} review takes reviewers from the host's hub)`,
});
