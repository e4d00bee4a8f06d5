import { advancedFor, isAdvanced } from "../rules/advanced-seat.js";
import type { Goal } from "./types.js";

/** Soft goal 1: fill every Lead Reviewer seat. */
export const leadSeatGoal: Goal = {
  id: "lead-seat",
  summary: "Fill every Lead Reviewer seat.",
  unit: "a Lead Reviewer seat filled",
  tier: "seats",
  weight: "leadSeat",
  sense: "reward",
  units: ({ year, teams }) => {
    let filled = 0;
    for (const review of year.reviews) filled += Math.min(1, teams.get(review.id)?.leads.length ?? 0);
    return filled;
  },
};

/** Soft goal 1: fill every peer seat. */
export const peerSeatGoal: Goal = {
  id: "peer-seat",
  summary: "Fill every peer seat.",
  unit: "a peer seat filled",
  tier: "seats",
  weight: "seat",
  sense: "reward",
  units: ({ year, teams }) => {
    let filled = 0;
    for (const review of year.reviews) filled += Math.min(review.peerSeats, teams.get(review.id)?.peers.length ?? 0);
    return filled;
  },
};

/** Among allocations filling as many seats, more teams staffed: each team's advanced seats filled. */
export const advancedSeatGoal: Goal = {
  id: "advanced-seat",
  summary: "Among allocations filling as many seats, staff more teams (each team's advanced seats filled).",
  unit: "an advanced seat of a staffed team",
  tier: "goals",
  weight: "advancedSeat",
  sense: "reward",
  units: ({ year, teams }) => {
    let units = 0;
    for (const review of year.reviews) {
      const peers = teams.get(review.id)?.peers ?? [];
      const need = advancedFor(review, peers.length);
      if (need > 0 && peers.filter(isAdvanced).length >= need) units += need;
    }
    return units;
  },
  // The staffed-team columns are the advanced-seat rule's; the goal prices them.
  mip: ({ staffed, price }) => {
    for (const { column, need } of staffed.values()) price(column, need);
  },
};
