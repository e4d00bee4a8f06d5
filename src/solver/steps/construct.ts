import { fairnessGoal, fairnessOn, fairTeamNeed } from "../../goals/fairness.js";
import type { ReviewInfo } from "../../model/year.js";
import { place } from "../../rules/placement.js";
import { advancedToStaff, isAdvanced, peerSeatsLeft } from "../../rules/index.js";
import type { EngineContext } from "../engine.js";
import { closeSurplus, flowPairs, leadNetwork, openSurplus, peerNetwork, SINK, SOURCE, type SeatNetwork } from "../network.js";
import { rosterOf, type Roster } from "../roster.js";
import { disbandTeamsWithoutAdvanced } from "./pins.js";

/** Fills every open Lead Reviewer seat the lead network can: a maximum flow, placed in the roster. */
export function placeLeadsByFlow(context: EngineContext, roster: Roster): void {
  const network = leadNetwork(context.year, context.candidates, roster);
  network.net.maxFlow(SOURCE, SINK, context.beat);
  for (const pair of flowPairs(network)) if (roster.canTake(pair.person, pair.review)) roster.add("lead", pair.person, pair.review);
}

/** Augments within every school's target first, then beyond it, so reciprocity costs least. */
function augmentWithinThenSurplus(network: SeatNetwork, beat?: () => void): void {
  network.net.maxFlow(SOURCE, SINK, beat);
  openSurplus(network);
  network.net.maxFlow(SOURCE, SINK, beat);
}

/** Advanced seats still to fill before `review`'s team meets the advanced-seat rule. */
function advancedOpen(context: EngineContext, roster: Roster, review: ReviewInfo): number {
  const left = peerSeatsLeft(review, roster.peers(review).length);
  return Math.min(left, Math.max(0, advancedToStaff(context.year, review) - roster.peers(review).filter(isAdvanced).length));
}

/**
 * Fills peer seats by flow, staffing the teams that hold the most seats first. Advanced
 * reviewers are what scarce years lack, and a team without its advanced reviewer holds nobody:
 * so the advanced seats are opened first, team size by team size from the largest (the
 * staffed teams then form a maximum-seat set the advanced reviewers can cover: the teams
 * coverable by a matching form a matroid, whose greedy is exact), and only the staffed teams'
 * other seats are opened next. Every augmentation fills within the schools' targets first.
 */
export function placePeersByFlow(context: EngineContext, roster: Roster, worth: (review: ReviewInfo) => number = (r) => peerSeatsLeft(r, roster.peers(r).length)): void {
  const { year } = context;
  const network = peerNetwork(year, context.candidates, roster, { seats: "split", sinksClosed: true, ...(context.beat ? { beat: context.beat } : {}) });
  const open = year.reviews.filter((r) => peerSeatsLeft(r, roster.peers(r).length) > 0);
  const needing = open.filter((r) => advancedOpen(context, roster, r) > 0);
  const sizes = [...new Set(needing.map(worth))].sort((a, b) => b - a);
  // Staffing comes before reciprocity: the surplus arcs stay open while the advanced seats fill.
  openSurplus(network);
  for (const size of sizes) {
    for (const review of needing) {
      if (worth(review) !== size) continue;
      network.net.raiseCapacity(network.advancedSink[review.index]!, advancedOpen(context, roster, review));
    }
    network.net.maxFlow(SOURCE, SINK, context.beat);
  }
  closeSurplus(network);
  const staffed = open.filter((review) => {
    const need = advancedOpen(context, roster, review);
    return need === 0 || network.net.flow(network.advancedSink[review.index]!) >= need;
  });
  // Fairness: the protected teams' first peers before any other seat.
  if (fairnessOn(year.policy)) {
    for (const review of staffed) {
      const first = fairTeamNeed(year, review) - roster.peers(review).length - advancedOpen(context, roster, review);
      if (first > 0) network.net.raiseCapacity(network.otherSink[review.index]!, first);
    }
    augmentWithinThenSurplus(network, context.beat);
    closeSurplus(network);
  }
  for (const review of staffed) network.net.raiseCapacity(network.otherSink[review.index]!, peerSeatsLeft(review, roster.peers(review).length) - advancedOpen(context, roster, review));
  augmentWithinThenSurplus(network, context.beat);
  for (const pair of flowPairs(network)) if (roster.canTake(pair.person, pair.review)) roster.add("peer", pair.person, pair.review);
}

/**
 * What staffing each team is worth once a first construction stands: a staffed team, the peers
 * it holds; an unstaffed one, its advanced reviewer plus the reviewers still free who could
 * join it, up to its seats. A second construction staffed by these worths moves advanced
 * reviewers from teams that could not be filled to teams that can.
 */
export function staffingWorth(context: EngineContext, first: Roster, base: Roster): (review: ReviewInfo) => number {
  const worth = new Map<ReviewInfo, number>();
  for (const review of context.year.reviews) {
    const open = peerSeatsLeft(review, base.peers(review).length);
    const held = first.peers(review).length - base.peers(review).length;
    if (held > 0) {
      worth.set(review, held);
      continue;
    }
    let free = 0;
    for (const c of context.candidates.peer.get(review.id) ?? []) if (first.canTake(c.person, review)) free += 1;
    worth.set(review, Math.min(open, Math.max(1, free)));
  }
  return (review) => worth.get(review) ?? 0;
}

/** Construction passes at most: the first by team size, the others by `staffingWorth`. */
export const STAFFING_PASSES = 3;

/** Above any team's size: with fairness, the protected teams are staffed before every other. */
const PROTECTED_FIRST = 1_000;

/** The staffing order with fairness: protected teams first, then by `worth` (team size by default). */
function fairFirst(context: EngineContext, roster: Roster, worth?: (review: ReviewInfo) => number): ((review: ReviewInfo) => number) | undefined {
  if (!fairnessOn(context.year.policy)) return worth;
  const base = worth ?? ((r: ReviewInfo) => peerSeatsLeft(r, roster.peers(r).length));
  return (review) => (fairTeamNeed(context.year, review) > 0 ? PROTECTED_FIRST : 0) + base(review);
}

/** A construction's value as the passes compare it: the protected teams' first peers, then seats. */
const constructed = (roster: Roster): [number, number] => [fairnessOn(roster.year.policy) ? fairnessGoal.units(place(roster.year, roster.toAllocation())) : 0, roster.filled()];
const better = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * The flow construction every fast engine starts from: Lead Reviewers by flow, then peers by
 * flow, staffed by team size first and again by the worth the first pass showed while that
 * fills more seats. Seats already in `roster` (pins) stay. Returns the constructed roster.
 */
export function constructByFlows(context: EngineContext, pins: Roster, pinned: ReadonlySet<string>): Roster {
  const base = rosterOf(context.year, pins.toAllocation());
  placeLeadsByFlow(context, base);
  const build = (worth?: (review: ReviewInfo) => number) => {
    const roster = rosterOf(context.year, base.toAllocation());
    placePeersByFlow(context, roster, fairFirst(context, roster, worth));
    disbandTeamsWithoutAdvanced(roster, pinned);
    return roster;
  };
  let best = build();
  // Another pass only pays where the first left seats the bound allows, and time remains.
  for (let pass = 1; pass < STAFFING_PASSES && best.filled() < (context.seatBound ?? Infinity) && !context.shouldStop(); pass += 1) {
    const next = build(staffingWorth(context, best, base));
    if (!better(constructed(next), constructed(best))) break;
    best = next;
  }
  return best;
}
