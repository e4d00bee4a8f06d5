import type { Allocation } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { unknownSeat } from "./known-people.js";
import type { Violation } from "./types.js";

/** An allocation resolved against its year: teams by review, duties by person. */
export interface Placement {
  readonly year: Year;
  readonly teams: ReadonlyMap<string, { readonly leads: readonly PersonInfo[]; readonly peers: readonly PersonInfo[] }>;
  /** `role:id` → the reviews that person sits on, in allocation order. */
  readonly duties: ReadonlyMap<string, { readonly person: PersonInfo; readonly reviews: readonly ReviewInfo[] }>;
  /** Assignments naming a review or person the year does not have. */
  readonly unknown: readonly Violation[];
}

/**
 * Resolves assignments to people and reviews, the form every rule's `check` reads; an
 * assignment naming a review or person the year does not have becomes a `known-people`
 * violation instead.
 *
 * @example
 * const placement = place(indexYear(problem), allocation);
 * console.log(placement.teams.get("R0412")?.peers.map((p) => p.id));
 */
export function place(year: Year, allocation: Allocation): Placement {
  const teams = new Map<string, { leads: PersonInfo[]; peers: PersonInfo[] }>();
  const duties = new Map<string, { person: PersonInfo; reviews: ReviewInfo[] }>();
  const unknown: Violation[] = [];
  for (const assignment of allocation.assignments) {
    const { reviewId, role, personId } = assignment;
    const review = year.reviewById.get(reviewId);
    const person = year.people[role].get(personId);
    if (!review || !person) {
      unknown.push({ rule: "known-people", reviewId, personId, message: unknownSeat(year, assignment)!.message });
      continue;
    }
    const team = teams.get(reviewId) ?? { leads: [], peers: [] };
    (role === "lead" ? team.leads : team.peers).push(person);
    teams.set(reviewId, team);
    const key = `${role}:${personId}`;
    const duty = duties.get(key) ?? { person, reviews: [] };
    duty.reviews.push(review);
    duties.set(key, duty);
  }
  return { year, teams, duties, unknown };
}
