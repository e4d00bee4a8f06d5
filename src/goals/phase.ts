import { phaseMatches } from "../model/year.js";
import { pairGoal } from "./types.js";

/** Soft goal 3: reviewers (and Lead Reviewers) who know the host's phase. */
export const phaseGoal = pairGoal({
  id: "phase",
  summary: "Reviewers and Lead Reviewers with experience of the host's phase (special for special schools, primary for primary...).",
  unit: "a seat held by someone without the host's phase",
  weight: "phase",
  pair: (_year, person, review) => (phaseMatches(person, review.host) ? 0 : 1),
});
