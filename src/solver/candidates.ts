import { pairCost } from "../goals/index.js";
import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { allowedBy, allowedPair, forEachReviewInside, reviewsByStart, reviewsLeft } from "../rules/index.js";

/** One person who may sit on one review's seat of one role, with the soft-goal cost of it. */
export interface Candidate {
  readonly person: PersonInfo;
  readonly review: ReviewInfo;
  readonly role: Role;
  /** Weighted cost of phase, preference, travel and repeat (reciprocity is per school, not per pair). */
  readonly cost: number;
}

/** Who may fill which seat: every pair every pair rule allows (a forbid pin is one: `ruled-out`). */
export interface Candidates {
  readonly lead: ReadonlyMap<string, readonly Candidate[]>;
  readonly peer: ReadonlyMap<string, readonly Candidate[]>;
  /** Reviews each person may sit on, by `role:id`. */
  readonly byPerson: ReadonlyMap<string, readonly Candidate[]>;
}

/**
 * Limits for very large years: past `threshold` allowed pairs, each person keeps their
 * `perPerson` cheapest reviews and each review its `perReview` cheapest candidates (the union),
 * so that memory and time stay bounded. Years up to twice the national size stay under the
 * threshold and keep every pair.
 */
export const CANDIDATE_LIMITS = { threshold: 2_000_000, perPerson: 40, perReview: 40 } as const;

/** How many people every pair rule allows on each review, counted before any pruning. */
export interface EligibleCounts {
  readonly lead: Int32Array;
  readonly peer: Int32Array;
  /** Reviews each person may sit on, by the person's index among leads / reviewers. */
  readonly perLead: Int32Array;
  readonly perReviewer: Int32Array;
}

/**
 * Lists the candidates of every seat. A person is a candidate when every pair rule allows the
 * pair (`ruled-out` keeps the forbid pins off). Only reviews inside a person's availability are examined
 * (reviews sorted by start), lists follow input order, and very large years are pruned to the
 * cheapest pairs (`CANDIDATE_LIMITS`; `pruned` says so, and `eligible` keeps the full counts
 * for a valid bound). `beat`, when given, is called every few hundred people of the later
 * passes (a run's progress, repeated while the lists are built); it changes nothing.
 */
export function findCandidates(
  year: Year,
  limits = CANDIDATE_LIMITS,
  options: { readonly shouldStop?: () => boolean; readonly beat?: () => void } = {},
): Candidates & { readonly pruned: boolean; readonly eligible: EligibleCounts; readonly cut: boolean } {
  const byStart = reviewsByStart(year.reviews);
  const people = [...year.leads, ...year.reviewers];
  const eligible: EligibleCounts = {
    lead: new Int32Array(year.reviews.length),
    peer: new Int32Array(year.reviews.length),
    perLead: new Int32Array(year.leads.length),
    perReviewer: new Int32Array(year.reviewers.length),
  };
  // Pass 1: every allowed pair, compactly (person, review, cost).
  // School-basis rules give one verdict per school and review for all its reviewers: 0 = not
  // asked yet, 1 = allowed, 2 = refused.
  const bySchool = new Map<string, Uint8Array>();
  const allowed = (person: PersonInfo, review: ReviewInfo): boolean => {
    if (person.role === "lead" || !person.school) return allowedPair(year, person, review);
    if (!allowedBy("person", year, person, review)) return false;
    let verdicts = bySchool.get(person.school.id);
    if (!verdicts) bySchool.set(person.school.id, (verdicts = new Uint8Array(year.reviews.length)));
    if (verdicts[review.index] === 0) verdicts[review.index] = allowedBy("school", year, person, review) ? 1 : 2;
    return verdicts[review.index] === 1;
  };
  let size = 0;
  let personOf = new Int32Array(1 << 16);
  let reviewOf = new Int32Array(1 << 16);
  let costOf = new Float64Array(1 << 16);
  const starts = new Int32Array(people.length + 1);
  let cut = false;
  for (let p = 0; p < people.length; p += 1) {
    const person = people[p]!;
    starts[p] = size;
    // A time limit during set-up: the people not reached yet get no candidates (a valid, poorer start).
    if (cut || (p % 64 === 0 && options.shouldStop?.())) {
      cut = true;
      continue;
    }
    if (reviewsLeft(person, 0) === 0) continue;
    const mine: number[] = [];
    forEachReviewInside(byStart, person.available, (review) => {
      if (allowed(person, review)) mine.push(review.index);
    });
    mine.sort((a, b) => a - b);
    for (const r of mine) {
      if (size === personOf.length) {
        const grow = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T) => {
          const bigger = make(array.length * 2);
          bigger.set(array);
          return bigger;
        };
        personOf = grow(personOf, (n) => new Int32Array(n));
        reviewOf = grow(reviewOf, (n) => new Int32Array(n));
        costOf = grow(costOf, (n) => new Float64Array(n));
      }
      personOf[size] = p;
      reviewOf[size] = r;
      costOf[size] = pairCost(year, person, year.reviews[r]!);
      size += 1;
      const counts = person.role === "lead" ? eligible.lead : eligible.peer;
      counts[r] = counts[r]! + 1;
    }
    (person.role === "lead" ? eligible.perLead : eligible.perReviewer)[person.index] = mine.length;
  }
  starts[people.length] = size;

  // Pass 2: which pairs to keep.
  const pruned = size > limits.threshold;
  const keep = new Uint8Array(size);
  if (!pruned) {
    keep.fill(1);
  } else {
    // The k cheapest of a run of pair positions, by a native numeric sort of their costs (a
    // comparator would be called tens of millions of times here), ties broken by position.
    let scratch = new Float64Array(1024);
    const keepCheapest = (positions: Int32Array, k: number) => {
      if (positions.length <= k) {
        for (const i of positions) keep[i] = 1;
        return;
      }
      if (scratch.length < positions.length) scratch = new Float64Array(positions.length * 2);
      const costs = scratch.subarray(0, positions.length);
      for (let j = 0; j < positions.length; j += 1) costs[j] = costOf[positions[j]!]!;
      costs.sort();
      const threshold = costs[k - 1]!;
      let room = k;
      for (const i of positions) {
        if (costOf[i]! >= threshold) continue;
        keep[i] = 1;
        room -= 1;
      }
      for (const i of positions) {
        if (room === 0) break;
        if (costOf[i]! !== threshold) continue;
        keep[i] = 1;
        room -= 1;
      }
    };
    // Each person's pairs are a run already; each review's (by role) are gathered into runs by
    // counting, in typed arrays: a national-x10 year has eight million pairs.
    const positions = Int32Array.from({ length: size }, (_, i) => i);
    for (let p = 0; p < people.length; p += 1) {
      if ((p & 1023) === 0) options.beat?.();
      keepCheapest(positions.subarray(starts[p]!, starts[p + 1]!), limits.perPerson);
    }
    const buckets = year.reviews.length * 2;
    const bucketOf = (i: number) => reviewOf[i]! * 2 + (people[personOf[i]!]!.role === "lead" ? 0 : 1);
    const bucketStart = new Int32Array(buckets + 1);
    for (let i = 0; i < size; i += 1) bucketStart[bucketOf(i) + 1]! += 1;
    for (let b = 0; b < buckets; b += 1) bucketStart[b + 1] = bucketStart[b + 1]! + bucketStart[b]!;
    const fill = bucketStart.slice(0, buckets);
    const byBucket = new Int32Array(size);
    for (let i = 0; i < size; i += 1) byBucket[fill[bucketOf(i)]!++] = i;
    for (let b = 0; b < buckets; b += 1) {
      if ((b & 255) === 0) options.beat?.();
      keepCheapest(byBucket.subarray(bucketStart[b]!, bucketStart[b + 1]!), limits.perReview);
    }
  }

  // Pass 3: the candidate objects the engines use.
  const byRole = { lead: new Map<string, Candidate[]>(), peer: new Map<string, Candidate[]>() };
  const byPerson = new Map<string, Candidate[]>();
  for (const review of year.reviews) {
    byRole.lead.set(review.id, []);
    byRole.peer.set(review.id, []);
  }
  people.forEach((person, p) => {
    if ((p & 255) === 0) options.beat?.();
    const mine: Candidate[] = [];
    for (let i = starts[p]!; i < starts[p + 1]!; i += 1) {
      if (!keep[i]) continue;
      const review = year.reviews[reviewOf[i]!]!;
      const candidate = { person, review, role: person.role, cost: costOf[i]! };
      mine.push(candidate);
      byRole[person.role].get(review.id)!.push(candidate);
    }
    byPerson.set(`${person.role}:${person.id}`, mine);
  });
  return { lead: byRole.lead, peer: byRole.peer, byPerson, pruned, eligible, cut };
}
