import { phaseMatches, type PersonInfo, type ReviewInfo } from "../model/year.js";

/** Soft goal 3: reviewers (and Lead Reviewers) who know the host's phase. */
export const phaseGoal = {
  id: "phase",
  summary: "Reviewers and Lead Reviewers with experience of the host's phase (special for special schools, primary for primary...).",
  /** 1 when the person does not list the host's phase, else 0. */
  cost: (person: PersonInfo, review: ReviewInfo): number => (phaseMatches(person, review.host) ? 0 : 1),
} as const;
