import type { ReviewInfo } from "../../model/year.js";
import { rowKey } from "../diff.js";
import type { EngineContext } from "../engine.js";
import { solveWithHighs } from "../lp.js";
import { buildScopeModel } from "../mip-model.js";
import { rosterOf, type Roster } from "../roster.js";

/** Work limits of one keep solve: nodes (reproducible) and a wall-clock safety net. */
export interface KeepLimits {
  readonly nodes: number;
  readonly seconds: number;
}

/** What one keep solve found: a roster, or why there is none. */
export type KeepSolve =
  | { readonly status: "found"; readonly roster: Roster; readonly proven: boolean }
  | { readonly status: "infeasible" | "failed" };

/** Repair's exact model of a scope, built once and solved under any number of changed-row budgets. */
export interface KeepModel {
  /**
   * The most seats (each worth 1), then the most rows of the earlier allocation kept (the fewest
   * changed rows), with at most `maxChanges` changed rows when given. HiGHS runs with no
   * optimality gap, so `proven` means no allocation of the scope does better on either tier.
   * `start`, a valid roster equal to the model's roster outside the scope, is the first incumbent.
   */
  readonly solve: (limits: KeepLimits & { readonly maxChanges?: number; readonly start?: Roster }) => Promise<KeepSolve>;
}

/** A copy of a roster: the keep solves never touch the roster they start from. */
export const copyRoster = (roster: Roster): Roster => rosterOf(roster.year, roster.toAllocation());

/** `work` with every unpinned seat of `reviews` freed. */
function freed(work: Roster, reviews: readonly ReviewInfo[], pinned: ReadonlySet<string>): Roster {
  for (const review of reviews) {
    const lead = work.lead(review);
    if (lead && !pinned.has(rowKey({ role: "lead", personId: lead.id, reviewId: review.id }))) work.remove("lead", lead, review);
    for (const person of work.peers(review)) if (!pinned.has(rowKey({ role: "peer", personId: person.id, reviewId: review.id }))) work.remove("peer", person, review);
  }
  return work;
}

/**
 * Repair's exact step on `reviews`, the rest of `roster` fixed (see `KeepModel`). The model is
 * built once with its changed-rows row; each budget only moves that row's bound.
 */
export function keepModel(context: EngineContext, roster: Roster, reviews: readonly ReviewInfo[], keep: ReadonlySet<string>, pinned: ReadonlySet<string>): KeepModel {
  const snapshot = roster.toAllocation();
  let built: ReturnType<typeof build> | undefined;
  // Built on the first solve (repairs that the counting bound proves need none), at a budget of
  // 0 rows: a budget of k rows is the same row with its bound moved up by k.
  function build() {
    const base = freed(rosterOf(context.year, snapshot), reviews, pinned);
    const scope = { reviews, leads: true, peers: true, objective: "seats" as const, keep, maxChanges: 0, shouldStop: context.shouldStop };
    return { base, ...buildScopeModel(context.year, context.candidates, base, scope) };
  }
  return {
    solve: async (limits) => {
      built ??= build();
      // The run's limit cut the model's build short: nothing to solve.
      if (built.stopped) return { status: "failed" };
      const { base, model, seats, startFrom, changesRow } = built;
      const atZero = model.rows[changesRow!]!;
      const keyOf = (j: number) => rowKey({ role: seats[j]!.role, personId: seats[j]!.person.id, reviewId: seats[j]!.review.id });
      const budget = { ...atZero, upper: limits.maxChanges === undefined ? Infinity : atZero.upper + limits.maxChanges };
      const rows = model.rows.map((row, i) => (i === changesRow ? budget : row));
      const chosen = limits.start ? new Set(limits.start.toAllocation().assignments.map(rowKey)) : undefined;
      const start = chosen && startFrom((j) => chosen.has(keyOf(j)));
      const seconds = Math.min(limits.seconds, context.timeLimitSeconds ?? Infinity);
      const solution = await solveWithHighs({ ...model, rows }, { relativeGap: 0, presolve: false, maxNodes: limits.nodes, timeLimitSeconds: seconds, shouldStop: context.shouldStop, ...(start ? { start } : {}) });
      if (solution.status === "infeasible" || solution.status === "failed") return { status: solution.status };
      const work = copyRoster(base);
      seats.forEach((seat, column) => {
        // The model states every rule; the roster check is a second line against numerical slips.
        if (seat && (solution.values[column] ?? 0) > 0.5 && work.canTake(seat.person, seat.review)) work.add(seat.role, seat.person, seat.review);
      });
      if (!reviews.every((review) => work.advancedOk(review))) return { status: "failed" };
      return { status: "found", roster: work, proven: solution.status === "optimal" };
    },
  };
}
