import type { Roster } from "../roster.js";
import type { EngineContext } from "../engine.js";
import { rosterOf } from "../roster.js";

/** Seats the user pinned: `role:person@review`. */
export function pinnedKeys(context: EngineContext): Set<string> {
  return new Set(context.fixed.assignments.map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
}

/** A roster holding the user's pins (checked against the rules by `solve`). */
export function rosterFromPins(context: EngineContext): Roster {
  return rosterOf(context.year, context.fixed);
}

/**
 * Frees the unpinned peers of every team left without its advanced reviewer: such a team is
 * not valid as it stands, and its peers may serve elsewhere.
 */
export function disbandTeamsWithoutAdvanced(roster: Roster, pinned: ReadonlySet<string>): void {
  for (const review of roster.year.reviews) {
    if (roster.advancedOk(review)) continue;
    for (const person of roster.peers(review)) if (!pinned.has(`peer:${person.id}@${review.id}`)) roster.remove("peer", person, review);
  }
}
