import { objectiveValue } from "../goals/objective.js";
import type { Role } from "../model/schema.js";
import { place } from "../rules/placement.js";
import type { PersonInfo, ReviewInfo } from "../model/year.js";
import type { EngineContext } from "./engine.js";
import { solveWithHighs, type LinearSolution } from "./lp.js";
import { buildScopeModel, type Scope } from "./mip-model.js";
import type { Roster } from "./roster.js";

/** Seats the user pinned: `role:person@review`. */
export function pinnedKeys(context: EngineContext): Set<string> {
  return new Set(context.fixed.assignments.map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
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

/** The policy objective of the roster as it stands, plus any bonus for seats kept from before. */
export function rosterObjective(roster: Roster, keep?: ReadonlyMap<string, number>): number {
  const allocation = roster.toAllocation();
  let bonus = 0;
  if (keep) for (const a of allocation.assignments) bonus += keep.get(`${a.role}:${a.personId}@${a.reviewId}`) ?? 0;
  return objectiveValue(place(roster.year, allocation)) + bonus;
}

/**
 * Re-decides the seats of `scope` exactly: frees every unpinned seat in it, solves the scope's
 * MIP with the rest of the roster fixed, and keeps the result only if the policy objective
 * does not get worse (so a time-limited solve can never lose ground).
 */
export async function resolveScope(
  context: EngineContext,
  roster: Roster,
  scope: Scope,
  pinned: ReadonlySet<string>,
  timeLimitSeconds: number,
  maxNodes?: number,
): Promise<{ solution: LinearSolution; kept: boolean; before: number; after: number }> {
  const before = rosterObjective(roster, scope.keep);
  const freed: { role: Role; person: PersonInfo; review: ReviewInfo }[] = [];
  for (const review of scope.reviews) {
    const lead = roster.lead(review);
    if (scope.leads && lead && !pinned.has(`lead:${lead.id}@${review.id}`)) freed.push({ role: "lead", person: lead, review });
    if (scope.peers) {
      for (const person of roster.peers(review)) {
        if (!pinned.has(`peer:${person.id}@${review.id}`)) freed.push({ role: "peer", person, review });
      }
    }
  }
  for (const seat of freed) roster.remove(seat.role, seat.person, seat.review);
  const { model, seats } = buildScopeModel(context.year, context.candidates, roster, scope);
  const solution = await solveWithHighs(model, { timeLimitSeconds, ...(maxNodes !== undefined ? { maxNodes } : {}) });
  const added: typeof freed = [];
  if (solution.status === "optimal" || solution.status === "limit") {
    seats.forEach((seat, column) => {
      if (!seat || (solution.values[column] ?? 0) < 0.5) return;
      // The model states every rule; the roster check is a second line against numerical slips.
      if (!roster.canTake(seat.person, seat.review)) return;
      roster.add(seat.role, seat.person, seat.review);
      added.push({ role: seat.role, person: seat.person, review: seat.review });
    });
  }
  const teamsOk = scope.reviews.every((review) => roster.advancedOk(review));
  const after = teamsOk ? rosterObjective(roster, scope.keep) : -Infinity;
  if (after + 1e-6 < before) {
    for (const seat of added) roster.remove(seat.role, seat.person, seat.review);
    for (const seat of freed) roster.add(seat.role, seat.person, seat.review);
    return { solution, kept: false, before, after: before };
  }
  return { solution, kept: true, before, after };
}
