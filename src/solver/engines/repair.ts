import type { ReviewInfo } from "../../model/year.js";
import { allowedPair } from "../../rules/index.js";
import type { Engine, StopReason } from "../engine.js";
import { fillGreedily, yearTies } from "../steps/fill.js";
import { neighbourhood, openSeats } from "../steps/neighbourhood.js";
import { disbandTeamsWithoutAdvanced, pinnedKeys, rosterFromPins } from "../steps/pins.js";
import { resolveScope } from "../steps/resolve.js";
import { LNS_LIMITS } from "./lns.js";

/** Neighbourhoods a repair re-solves at most (work limit: reproducible). */
export const REPAIR_NEIGHBOURHOODS = 30;

/**
 * Re-plans after a change: keeps every seat of the earlier allocation that is still valid,
 * then re-solves small neighbourhoods around the teams left short, where keeping a seat comes
 * right after filling one, and finally fills what is left greedily.
 */
export const repairEngine: Engine = {
  name: "repair",
  summary: "Keeps every still-valid seat of an earlier allocation and re-solves only around the teams the change left short.",
  run: async (context) => {
    const { year } = context;
    const roster = rosterFromPins(context);
    const pinned = pinnedKeys(context);
    const keep = new Set<string>();
    for (const { reviewId, role, personId } of context.start?.assignments ?? []) {
      keep.add(`${role}:${personId}@${reviewId}`);
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
    let stoppedBy: StopReason = "complete";
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
