import type { Allocation } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import type { Placement, Violation } from "./types.js";

/** Resolves assignments to people and reviews; unknown names become `known-people` violations. */
export function place(year: Year, allocation: Allocation): Placement {
  const teams = new Map<string, { leads: PersonInfo[]; peers: PersonInfo[] }>();
  const duties = new Map<string, { person: PersonInfo; reviews: ReviewInfo[] }>();
  const unknown: Violation[] = [];
  for (const { reviewId, role, personId } of allocation.assignments) {
    const review = year.reviewById.get(reviewId);
    const person = year.people[role].get(personId);
    if (!review || !person) {
      const other = year.people[role === "lead" ? "peer" : "lead"].get(personId);
      const message = !review
        ? `${reviewId}: ${personId} is placed on review ${reviewId}, which is not in the year`
        : other
          ? `${reviewId}: ${personId} is a ${role === "lead" ? "peer reviewer" : "Lead Reviewer"}, not a ${role === "lead" ? "Lead Reviewer" : "peer reviewer"}`
          : `${reviewId}: ${personId} is not a ${role === "lead" ? "Lead Reviewer" : "reviewer"} of the year`;
      unknown.push({ rule: "known-people", reviewId, personId, message });
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

