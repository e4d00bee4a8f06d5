import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { firstReviewGoal } from "./first-review.js";
import { phaseGoal } from "./phase.js";
import { preferenceGoal } from "./preference.js";
import { travelGoal } from "./travel.js";
import { varietyGoal } from "./variety.js";

/** The soft-goal cost of one pair under the policy's weights. */
export function pairCost(year: Year, person: PersonInfo, review: ReviewInfo): number {
  const w = year.policy.weights;
  return (
    w.phase * phaseGoal.cost(person, review) +
    (person.role === "peer" ? w.preference * preferenceGoal.cost(person, review) : 0) +
    w.travelPerKm * travelGoal.cost(person, review) +
    w.variety * varietyGoal.cost(year, person, review) +
    w.firstReview * firstReviewGoal.cost(year, person)
  );
}

