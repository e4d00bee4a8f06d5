import { homeKeysOf, hostKeysOf, samePlace } from "../model/year.js";
import { pairRule } from "./types.js";

/**
 * A reviewer never reviews a school of their own trust, nor (on a Trust Peer Review) their own
 * trust: for the kinds whose policy excludes `trust`.
 */
export const sameTrust = pairRule({
  id: "same-trust",
  summary: "A reviewer never reviews a school of their own trust.",
  roles: ["peer"],
  basis: "school",
  applies: (_year, review) => review.kind.excludes.trust,
  allows: (_year, person, review) => !samePlace(homeKeysOf(person).trust, hostKeysOf(review).trust),
  reason: (_year, _person, review) => `is from the host's trust ${review.host.trust}`,
});
