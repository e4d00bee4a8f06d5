import { compareScores, scoreOf } from "../../goals/index.js";
import type { Role } from "../../model/schema.js";
import type { PersonInfo, ReviewInfo } from "../../model/year.js";
import { place } from "../../rules/placement.js";
import type { EngineContext } from "../engine.js";
import { solveWithHighs, type LinearSolution } from "../lp.js";
import { buildScopeModel, type Scope } from "../mip-model.js";
import type { Roster } from "../roster.js";

/**
 * A roster's value as the engines compare it, tier by tier: `seats` (fairness included, as
 * `Score` counts it), then `kept`, the seats kept from an earlier allocation (repair's second
 * goal; 0 without one), then `goals`: the order of the scope MIP's tiers (mip-model.ts).
 */
export type RosterScore = readonly [seats: number, kept: number, goals: number];

/** The roster's `RosterScore`; `keep` holds `role:person@review` of the earlier allocation's seats. */
export function rosterScore(roster: Roster, keep?: ReadonlySet<string>): RosterScore {
  const allocation = roster.toAllocation();
  let kept = 0;
  if (keep) for (const a of allocation.assignments) if (keep.has(`${a.role}:${a.personId}@${a.reviewId}`)) kept += 1;
  const [seats, goals] = scoreOf(place(roster.year, allocation));
  return [seats, kept, goals];
}

/** Below every roster: a scope whose teams lost their advanced reviewer. */
const WORST: RosterScore = [-Infinity, 0, 0];

/** How `resolveScope` solves its scope. */
export interface ResolveOptions {
  /** `role:person@review` of the seats that stay as they are (the user's pins). */
  readonly pinned: ReadonlySet<string>;
  /** HiGHS's time limit for the scope's MIP. */
  readonly seconds: number;
  /** HiGHS's branch-and-bound node limit (a work limit, the same on every machine). */
  readonly maxNodes?: number;
  /** Hand HiGHS the freed seats as a feasible start, so that it never returns worse than the roster had. */
  readonly warmStart?: boolean;
}

/**
 * Re-decides the seats of `scope` exactly: frees every unpinned seat in it, solves the scope's
 * MIP with the rest of the roster fixed, and keeps the result only if the score does not get
 * worse (so a limited solve can never lose ground).
 */
export async function resolveScope(
  context: EngineContext,
  roster: Roster,
  scope: Scope,
  { pinned, seconds, maxNodes, warmStart = false }: ResolveOptions,
): Promise<{ solution: LinearSolution; kept: boolean; before: RosterScore; after: RosterScore }> {
  const before = rosterScore(roster, scope.keep);
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
  // (The run's clock may cut a large model's build short: the solve below then reports a stop.)
  const { model, seats, startFrom } = buildScopeModel(context.year, context.candidates, roster, { ...scope, shouldStop: context.shouldStop });
  // The seats just freed are a feasible start: HiGHS then never returns worse than the roster had.
  const wasThere = new Set(freed.map((seat) => `${seat.role}:${seat.person.id}@${seat.review.id}`));
  const start = warmStart ? startFrom((j) => wasThere.has(`${seats[j]!.role}:${seats[j]!.person.id}@${seats[j]!.review.id}`)) : undefined;
  const solution = await solveWithHighs(model, { timeLimitSeconds: seconds, shouldStop: context.shouldStop, ...(maxNodes !== undefined ? { maxNodes } : {}), ...(start ? { start } : {}) });
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
  const after = teamsOk ? rosterScore(roster, scope.keep) : WORST;
  if (compareScores(after, before) < 0) {
    for (const seat of added) roster.remove(seat.role, seat.person, seat.review);
    for (const seat of freed) roster.add(seat.role, seat.person, seat.review);
    return { solution, kept: false, before, after: before };
  }
  return { solution, kept: true, before, after };
}
