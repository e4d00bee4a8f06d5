import type { Role } from "../model/schema.js";
import type { ReviewInfo } from "../model/year.js";
import { allowedPair } from "../rules/index.js";
import type { Engine } from "./engine.js";
import { fillGreedily, rosterFromFixed, yearTies } from "./greedy.js";
import { LNS_LIMITS, neighbourhood, openSeats } from "./lns.js";
import { disbandTeamsWithoutAdvanced, pinnedKeys, resolveScope } from "./scope.js";

/**
 * Value of keeping a seat as it was: below one filled seat (filling comes first) and above any
 * reciprocity or lower goal, so minimal change is the first goal after validity and filling.
 */
export const KEEP_BONUS = 1_000;
/** Neighbourhoods a repair re-solves at most (work limit: reproducible). */
export const REPAIR_NEIGHBOURHOODS = 30;

/**
 * Re-plans after a change: keeps every seat of the earlier allocation that is still valid,
 * then re-solves small neighbourhoods around the teams left short, where keeping a seat is
 * worth more than any goal below filling, and finally fills what is left greedily.
 */
export const repairEngine: Engine = {
  name: "repair",
  summary: "Keeps every still-valid seat of an earlier allocation and re-solves only around the teams the change left short.",
  run: async (context) => {
    const { year } = context;
    const roster = rosterFromFixed(year, context.fixed);
    const pinned = pinnedKeys(context);
    const keep = new Map<string, number>();
    for (const { reviewId, role, personId } of context.start?.assignments ?? []) {
      keep.set(`${role}:${personId}@${reviewId}`, KEEP_BONUS);
      const review = year.reviewById.get(reviewId);
      const person = year.people[role].get(personId);
      if (review && person && allowedPair(year, person, review) && roster.canTake(person, review)) roster.add(role, person, review);
    }
    // A team that lost its advanced reviewer is not valid as it stands; free its peers.
    disbandTeamsWithoutAdvanced(roster, pinned);
    let iterations = 0;
    const ties = yearTies(context);
    const short = () => [...year.reviews].filter((r) => openSeats(roster, r) > 0).sort((a, b) => (ties.get(a.id) ?? 0) - (ties.get(b.id) ?? 0));
    const tried = new Set<ReviewInfo>();
    let stoppedBy: "complete" | "time-limit" | "work-limit" = "complete";
    for (let done = 0; done < REPAIR_NEIGHBOURHOODS; done += 1) {
      if (context.shouldStop()) {
        stoppedBy = "time-limit";
        break;
      }
      const seed = short().find((r) => !tried.has(r));
      if (!seed) break;
      tried.add(seed);
      const scope = neighbourhood(context, roster, seed, LNS_LIMITS.neighbourhoodSize);
      await resolveScope(context, roster, { reviews: scope, leads: true, peers: true, keep }, pinned, LNS_LIMITS.neighbourhoodSeconds, LNS_LIMITS.neighbourhoodNodes);
      iterations += 1;
      if (done === REPAIR_NEIGHBOURHOODS - 1) stoppedBy = "work-limit";
    }
    iterations += fillGreedily(context, roster, ties);
    return { allocation: roster.toAllocation(), stoppedBy, iterations };
  },
};

/** One line of the difference between two allocations. */
export interface SeatChange {
  readonly change: "added" | "removed" | "moved";
  readonly role: Role;
  readonly personId: string;
  /** The review the person left (removed, moved). */
  readonly fromReviewId?: string;
  /** The review the person joined (added, moved). */
  readonly toReviewId?: string;
}

/** Who was added, moved or removed between two allocations, in a stable order. */
export function allocationDiff(before: { assignments: readonly { reviewId: string; role: Role; personId: string }[] }, after: typeof before): SeatChange[] {
  const key = (a: { reviewId: string; role: Role; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;
  const old = new Set(before.assignments.map(key));
  const now = new Set(after.assignments.map(key));
  const removed = before.assignments.filter((a) => !now.has(key(a)));
  const added = after.assignments.filter((a) => !old.has(key(a)));
  const changes: SeatChange[] = [];
  const unmatchedAdds = [...added];
  for (const gone of removed) {
    const i = unmatchedAdds.findIndex((a) => a.personId === gone.personId && a.role === gone.role);
    if (i >= 0) {
      const to = unmatchedAdds.splice(i, 1)[0]!;
      changes.push({ change: "moved", role: gone.role, personId: gone.personId, fromReviewId: gone.reviewId, toReviewId: to.reviewId });
    } else {
      changes.push({ change: "removed", role: gone.role, personId: gone.personId, fromReviewId: gone.reviewId });
    }
  }
  for (const add of unmatchedAdds) changes.push({ change: "added", role: add.role, personId: add.personId, toReviewId: add.reviewId });
  const order = { removed: 0, moved: 1, added: 2 } as const;
  return changes.sort((a, b) => order[a.change] - order[b.change] || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

