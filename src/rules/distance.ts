import { travelKm } from "../model/year.js";
import { pairRule } from "./types.js";

/** A reviewer's school is at least the policy's minimum distance from the host (for the kinds whose policy excludes `distance`). */
export const distance = pairRule({
  id: "distance",
  summary: "A reviewer never reviews a school within the policy's minimum distance (when both schools have coordinates).",
  roles: ["peer"],
  basis: "school",
  applies: (_year, review) => review.kind.excludes.distance,
  allows: (year, person, review) => {
    const min = year.policy.minDistanceKm;
    if (min <= 0) return true;
    const km = travelKm(person, review.host);
    return km === undefined || km >= min;
  },
  reason: (year, person, review) =>
    `is ${(travelKm(person, review.host) ?? 0).toFixed(1)} km from the host, under the ${year.policy.minDistanceKm} km minimum`,
});
