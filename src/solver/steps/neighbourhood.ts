import { pairCost } from "../../goals/index.js";
import { sameSchoolPairs } from "../../goals/same-school.js";
import { weekStart } from "../../model/dates.js";
import type { ReviewInfo } from "../../model/year.js";
import { LEAD_SEATS, peerSeatsLeft, reviewsLeft } from "../../rules/index.js";
import type { EngineContext } from "../engine.js";
import type { Roster } from "../roster.js";

/** A team's empty seats: peer seats and its Lead Reviewer seat. */
export function openSeats(roster: Roster, review: ReviewInfo): number {
  return peerSeatsLeft(review, roster.peers(review).length) + Math.max(0, LEAD_SEATS - roster.leads(review).length);
}

/** Total reciprocity deviation of the roster: sum over schools of |places sent − target|. */
export function deviation(roster: Roster): number {
  let total = 0;
  for (const [schoolId, target] of roster.year.target) total += Math.abs(roster.sent(schoolId) - target);
  return total;
}

/**
 * A neighbourhood around a seed review: the seed, the reviews its candidates sit on now (so
 * they can move), then the reviews of those reviews' candidates, breadth first, up to `size`,
 * visiting each level in a seeded order with the emptiest teams first. Moving a reviewer into
 * a short team usually means a chain of moves like this, which the exact sub-problem finds.
 */
export function neighbourhood(context: EngineContext, roster: Roster, seed: ReviewInfo, size: number, options: { readonly leaving?: boolean } = {}): ReviewInfo[] {
  const chosen = new Set<ReviewInfo>([seed]);
  let frontier = [seed];
  if (options.leaving) {
    // The goals search: the seed team's people need somewhere to go, so the reviews they could
    // take instead come first (nearest in time first), each with its own team in play.
    const week = weekStart(seed.span.from);
    const away = new Set<ReviewInfo>();
    for (const person of [...roster.peers(seed), ...roster.leads(seed)]) {
      for (const c of context.candidates.byPerson.get(`${person.role}:${person.id}`) ?? []) if (c.review !== seed) away.add(c.review);
    }
    const nearest = [...away].map((r) => ({ r, d: Math.abs(weekStart(r.span.from) - week) + context.random() })).sort((a, b) => a.d - b.d);
    for (const { r } of nearest.slice(0, Math.floor(size / 2))) chosen.add(r);
    frontier = [...chosen];
  }
  while (frontier.length > 0 && chosen.size < size) {
    const next = new Set<ReviewInfo>();
    for (const review of frontier) {
      const options = [...(context.candidates.peer.get(review.id) ?? []), ...(context.candidates.lead.get(review.id) ?? [])];
      for (const candidate of options) for (const other of roster.duties(candidate.person)) if (!chosen.has(other)) next.add(other);
    }
    const keyed = [...next].map((review) => ({ review, key: openSeats(roster, review) * 10 + context.random() }));
    keyed.sort((a, b) => b.key - a.key || a.review.index - b.review.index);
    for (const { review } of keyed) {
      if (chosen.size >= size) break;
      chosen.add(review);
    }
    frontier = keyed.map((k) => k.review).filter((r) => chosen.has(r));
  }
  // Top up with reviews near in time, so that free reviewers of those weeks are in play too.
  if (chosen.size < size) {
    const week = weekStart(seed.span.from);
    const near = context.year.reviews
      .filter((r) => !chosen.has(r))
      .map((r) => ({ r, d: Math.abs(weekStart(r.span.from) - week) + context.random() }))
      .sort((a, b) => a.d - b.d);
    for (const { r } of near.slice(0, size - chosen.size)) chosen.add(r);
  }
  return [...chosen].sort((a, b) => a.index - b.index);
}

/**
 * A seed for reciprocity: a review that a reviewer of a school below its target could join,
 * where a reviewer of a school above its target sits now; swapping them helps both schools.
 * Schools are visited in the seeded order, starting a little further on each time.
 */
export function reciprocitySeed(context: EngineContext, roster: Roster, schools: readonly { id: string }[], step: number): ReviewInfo | undefined {
  const { year } = roster;
  const over = (schoolId: string) => roster.sent(schoolId) > (year.target.get(schoolId) ?? 0);
  for (let k = 0; k < schools.length; k += 1) {
    const school = schools[(k + step) % schools.length]!;
    if (roster.sent(school.id) >= (year.target.get(school.id) ?? 0)) continue;
    for (const person of year.reviewers) {
      if (person.school?.id !== school.id || reviewsLeft(person, roster.duties(person).length) === 0) continue;
      for (const candidate of context.candidates.byPerson.get(`peer:${person.id}`) ?? []) {
        if (roster.peers(candidate.review).some((p) => p.school !== undefined && over(p.school.id))) return candidate.review;
      }
    }
  }
  return undefined;
}

/**
 * The reviews the goals search seeds its neighbourhoods with: first the teams holding what no
 * flow states (a second reviewer of one school; a school pair that reviews each other, both
 * hosts' teams), then the teams whose seats cost most in the pair goals.
 */
export function goalSeeds(roster: Roster): ReviewInfo[] {
  const { year } = roster;
  const w = year.policy.weights;
  const pairs = new Map<ReviewInfo, number>();
  const seats = new Map<ReviewInfo, number>();
  const add = (map: Map<ReviewInfo, number>, review: ReviewInfo, value: number) => map.set(review, (map.get(review) ?? 0) + value);
  for (const review of year.reviews) {
    for (const person of [...roster.leads(review), ...roster.peers(review)]) add(seats, review, pairCost(year, person, review));
    const same = sameSchoolPairs(roster.peers(review));
    if (same > 0 && w.variety > 0) add(pairs, review, w.variety * same);
    if (!review.hostSchool || w.reciprocalPair === 0) continue;
    for (const peer of roster.peers(review)) {
      // A reviewer of school A here, at school B's review, while one of B's reviewers is at A's.
      for (const other of year.reviewsHostedBy.get(peer.school?.id ?? "") ?? []) {
        if (roster.peers(other).some((p) => p.school?.id === review.hostSchool!.id)) add(pairs, review, w.reciprocalPair);
      }
    }
  }
  const costliest = (map: Map<ReviewInfo, number>) => [...map].filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1] || a[0].index - b[0].index).map(([review]) => review);
  const first = costliest(pairs);
  const chosen = new Set(first);
  return [...first, ...costliest(seats).filter((review) => !chosen.has(review))];
}
