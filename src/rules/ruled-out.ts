import type { Pin } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { pairRule } from "./types.js";

// Each review's ruled-out seats (`role:person`), per list of pins: the candidate lists ask for
// every pair of a large year, and a year's pins never change once it is indexed. The last list
// asked for is kept at hand, so that a year without a forbid pin costs one comparison per pair.
const byPins = new WeakMap<readonly Pin[], ReadonlyMap<string, ReadonlySet<string>>>();
let last: { readonly pins: readonly Pin[]; readonly byReview: ReadonlyMap<string, ReadonlySet<string>> } | undefined;

/** The seats of `review` ruled out for anyone (`role:person`), or `undefined` when none is. */
function ruledOutOn(year: Year, review: ReviewInfo): ReadonlySet<string> | undefined {
  const pins = year.problem.pins;
  if (last?.pins !== pins) last = { pins, byReview: byPins.get(pins) ?? indexPins(pins) };
  return last.byReview.size === 0 ? undefined : last.byReview.get(review.id);
}

function indexPins(pins: readonly Pin[]): ReadonlyMap<string, ReadonlySet<string>> {
  const byReview = new Map<string, Set<string>>();
  for (const pin of pins) {
    if (pin.kind !== "forbid") continue;
    const seats = byReview.get(pin.reviewId) ?? new Set<string>();
    seats.add(`${pin.role}:${pin.personId}`);
    byReview.set(pin.reviewId, seats);
  }
  byPins.set(pins, byReview);
  return byReview;
}

/**
 * Nobody sits on a seat the user or the season has ruled out: a `forbid` pin (pins.csv), which
 * is also what a declined offer becomes for every later step of the season (`statePins`) and
 * what freezes the teams of reviews too close to change (`freezePins`). Any other source of a
 * ruled-out pair feeds the rule the same way: as a `forbid` pin of the year.
 */
export const ruledOut = pairRule({
  id: "ruled-out",
  summary: "A reviewer or Lead Reviewer never sits on a review they were ruled out of (a forbid pin in pins.csv, or an offer they declined).",
  roles: ["lead", "peer"],
  basis: "person",
  // Only the reviews with a ruled-out seat: explain's funnel lists the rule there alone.
  applies: (year, review) => ruledOutOn(year, review) !== undefined,
  allows: (year, person, review) => !ruledOutOn(year, review)?.has(`${person.role}:${person.id}`),
  reason: (_year, _person, review) => `was ruled out of ${review.id} (a forbid pin, or an offer they declined)`,
});
