import type { Year } from "../model/year.js";
import type { Candidates } from "./candidates.js";

/** Upper bounds on the objective levels; no valid allocation can do better. */
export interface Bound {
  readonly filledSeats: number;
  readonly leadSeats: number;
  readonly peerSeats: number;
  /** How the bound was obtained. */
  readonly method: string;
}

/**
 * A counting bound: a seat needs a candidate, and nobody fills more seats than their maximum.
 * Valid for every allocation; the flow bound of the core engine tightens it.
 */
export function upperBound(year: Year, candidates: Candidates): Bound {
  let leadSeats = 0;
  let peerSeats = 0;
  for (const review of year.reviews) {
    if ((candidates.lead.get(review.id)?.length ?? 0) > 0) leadSeats += 1;
    peerSeats += Math.min(review.peerSeats, candidates.peer.get(review.id)?.length ?? 0);
  }
  const capacity = (people: typeof year.reviewers) =>
    people.reduce((sum, person) => sum + Math.min(person.maxReviews, candidates.byPerson.get(`${person.role}:${person.id}`)?.length ?? 0), 0);
  leadSeats = Math.min(leadSeats, capacity(year.leads));
  peerSeats = Math.min(peerSeats, capacity(year.reviewers));
  return { filledSeats: leadSeats + peerSeats, leadSeats, peerSeats, method: "counting" };
}
