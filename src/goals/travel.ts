import { travelKm } from "../model/year.js";
import { pairGoal } from "./types.js";

/** Soft goal 5: shorter journeys, beyond the locality limit. */
export const travelGoal = pairGoal({
  id: "travel",
  summary: "Shorter journeys are preferred, once the locality rules are met.",
  unit: "a kilometre from a person's school (or base) to the host",
  weight: "travelPerKm",
  // 0 when either end has no coordinates.
  pair: (_year, person, review) => travelKm(person, review.host) ?? 0,
});
