/**
 * Supply tried on a roster: recruits who exist for one review, free reviewers filling the open
 * seats of a team, and a trial that makes a change and undoes it, counting the seats it filled.
 */
import type { Level, Role } from "../../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../../model/year.js";
import { allowedPair, availableByRole, peerSeatsLeft, reviewsLeft } from "../../rules/index.js";
import { createFlowNetwork } from "../../solver/flow.js";
import { SINK, SOURCE } from "../../solver/network.js";
import { rosterOf, type Roster } from "../../solver/roster.js";
import type { Change, Eligible } from "./lines.js";

/** Someone recruited for one review: available on its dates only, of no school, bound by no conflict. */
export function recruit(id: string, role: Role, review: ReviewInfo, level?: Level): PersonInfo {
  return {
    id,
    name: "recruit",
    role,
    index: -1,
    ...(level ? { level } : {}),
    available: [review.span],
    maxReviews: 1,
    conflicts: new Set(),
    phases: new Set(),
    prefers: new Set(),
    kinds: new Set([review.kind.id]),
  };
}

/** The people every pair rule (and no forbid pin) allows on each review. */
export function eligibleFor(year: Year, reviews: readonly ReviewInfo[]): Map<ReviewInfo, PersonInfo[]> {
  const forbidden = new Set(year.problem.pins.filter((p) => p.kind === "forbid" && p.role === "peer").map((p) => `${p.personId}@${p.reviewId}`));
  const free = availableByRole(year).peer;
  return new Map(reviews.map((review) => [review, free[review.index]!.filter((p) => !forbidden.has(`${p.id}@${review.id}`) && allowedPair(year, p, review))]));
}

/**
 * Fills the open peer seats of `teams` (already staffed) with free reviewers: a maximum flow of
 * who could join which team, placed seat by seat where the allocation rules still agree, then
 * anyone still free. Returns the seats filled.
 */
export function fillWithFree(roster: Roster, teams: readonly ReviewInfo[], eligible: Eligible): number {
  const people = [...new Set(teams.flatMap((t) => eligible.get(t) ?? []))].filter((p) => reviewsLeft(p, roster.duties(p).length) > 0);
  const personNode = new Map(people.map((p, i) => [p, 2 + i]));
  const net = createFlowNetwork(2 + people.length + teams.length);
  for (const p of people) net.addEdge(SOURCE, personNode.get(p)!, reviewsLeft(p, roster.duties(p).length));
  const pairs: { edge: number; person: PersonInfo; team: ReviewInfo }[] = [];
  teams.forEach((team, i) => {
    const node = 2 + people.length + i;
    net.addEdge(node, SINK, peerSeatsLeft(team, roster.peers(team).length));
    for (const p of eligible.get(team) ?? []) if (personNode.has(p) && roster.canTake(p, team)) pairs.push({ edge: net.addEdge(personNode.get(p)!, node, 1), person: p, team });
  });
  net.maxFlow(SOURCE, SINK);
  let filled = 0;
  for (const { edge, person, team } of pairs) {
    if (net.flow(edge) < 0.5 || !roster.canTake(person, team)) continue;
    roster.add("peer", person, team);
    filled += 1;
  }
  return filled + fillInTurn(roster, teams, eligible);
}

/** Each team's open seats taken by whoever eligible is still free, in turn; returns the seats filled. */
function fillInTurn(roster: Roster, teams: readonly ReviewInfo[], eligible: Eligible): number {
  let filled = 0;
  for (const team of teams) {
    for (const p of eligible.get(team) ?? []) {
      if (peerSeatsLeft(team, roster.peers(team).length) === 0) break;
      if (roster.canTake(p, team)) {
        roster.add("peer", p, team);
        filled += 1;
      }
    }
  }
  return filled;
}

/** A copy of a roster, to make a change on that the original must not see. */
export const copyOf = (roster: Roster): Roster => rosterOf(roster.year, roster.toAllocation());

/** Seats `change` fills when made on `roster`, which is left as it was (what it added taken off, what it took off put back). */
export function trial(roster: Roster, change: Change, capture?: (roster: Roster) => void): number {
  const log: { kind: "add" | "remove"; role: Role; person: PersonInfo; review: ReviewInfo }[] = [];
  const recording: Roster = {
    ...roster,
    add: (role, person, review) => (log.push({ kind: "add", role, person, review }), roster.add(role, person, review)),
    remove: (role, person, review) => (log.push({ kind: "remove", role, person, review }), roster.remove(role, person, review)),
  };
  const seats = change(recording);
  capture?.(recording);
  for (const step of log.reverse()) (step.kind === "add" ? roster.remove : roster.add)(step.role, step.person, step.review);
  return seats;
}
