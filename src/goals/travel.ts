import { travelKm, type PersonInfo, type ReviewInfo } from "../model/year.js";

/** Soft goal 5: shorter journeys, beyond the locality limit. */
export const travelGoal = {
  id: "travel",
  summary: "Shorter journeys are preferred, once the locality rules are met.",
  /** Kilometres from the person's base to the host (0 when either has no coordinates). */
  cost: (person: PersonInfo, review: ReviewInfo): number => travelKm(person, review.host) ?? 0,
} as const;
