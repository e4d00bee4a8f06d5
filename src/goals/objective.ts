import { pairCost } from "./pair-cost.js";
import type { Placement } from "../rules/types.js";
import { advancedNeeded, isAdvanced } from "../rules/index.js";

/**
 * The policy's weighted objective of an allocation (larger is better): filled seats, the
 * advanced seats that make teams valid, minus reciprocity deviation, pair costs (phase,
 * preference, travel, repeats) and same-school pairs. Engines compare allocations with it; it
 * is the same sum the MIP maximises.
 */
export function objectiveValue(placement: Placement): number {
  const { year, teams, duties } = placement;
  const w = year.policy.weights;
  let value = 0;
  for (const review of year.reviews) {
    const team = teams.get(review.id);
    if (!team) continue;
    for (const lead of team.leads.slice(0, 1)) value += w.leadSeat - pairCost(year, lead, review);
    const schools = new Map<string, number>();
    for (const peer of team.peers) {
      value += w.seat - pairCost(year, peer, review);
      if (peer.school) {
        const count = schools.get(peer.school.id) ?? 0;
        if (count > 0) value -= w.variety;
        schools.set(peer.school.id, count + 1);
      }
    }
    const need = advancedNeeded(year.policy.minAdvancedPerTeam, review.peerSeats, team.peers.length);
    if (need > 0 && team.peers.filter(isAdvanced).length >= need) value += need * w.advancedSeat;
  }
  const sent = new Map<string, number>();
  for (const { person, reviews } of duties.values()) {
    if (person.school) sent.set(person.school.id, (sent.get(person.school.id) ?? 0) + reviews.length);
  }
  for (const [schoolId, target] of year.target) value -= w.reciprocity * Math.abs((sent.get(schoolId) ?? 0) - target);
  return value;
}
