/**
 * Certificates of shortage: sets of reviews with more seats than every person who could serve
 * any of them can give, read off the minimum cut of a seat flow, so that at least so many seats
 * stay empty whatever the allocation.
 */
import { formatDay } from "../model/dates.js";
import type { Role } from "../model/schema.js";
import { plural } from "../model/text.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { allowedReviews, mostWithoutOverlap, reviewsByStart, reviewsLeft } from "../rules/index.js";
import { advancedBoundWith, advancedPart } from "../solver/bound.js";
import { createFlowNetwork } from "../solver/flow.js";
import { createRoster } from "../solver/roster.js";
import { who } from "./seat.js";

/**
 * A Hall-type deficiency: reviews whose seats exceed what every person who could serve any of
 * them can give. Whatever the allocation, at least `shortfall` of these seats stay empty. With
 * `unit: "teams"` it is about advanced reviewers: `seats` counts the teams needing one,
 * `capacity` the advanced reviewer-reviews their possible advanced reviewers can give them, and
 * at least `shortfall` of these teams stay without peers.
 */
export interface Deficiency {
  readonly role: Role;
  /** `teams`: the certificate counts teams needing an advanced reviewer (absent: seats). */
  readonly unit?: "teams";
  readonly reviewIds: readonly string[];
  /** Seats of those reviews. */
  readonly seats: number;
  /** People who could serve at least one of them. */
  readonly people: number;
  /**
   * The most seats those people can fill there: for each, the fewer of their remaining
   * capacity and the number of these reviews they may serve.
   */
  readonly capacity: number;
  /** `seats - capacity`: seats no allocation can fill. */
  readonly shortfall: number;
  readonly summary: string;
}

/** The months of the reviews, for a certificate's summary. */
const monthsOf = (reviews: readonly ReviewInfo[]) => [...new Set(reviews.map((r) => formatDay(r.span.from).slice(0, 7)))].sort();

/**
 * Hall-type certificates from the minimum cut of the seat flow (relaxed: overlapping dates
 * between one person's reviews allowed, advanced seat ignored). After a maximum flow, the
 * reviews not reachable from the source have more seats than their possible reviewers can
 * give; every allocation leaves at least the difference empty.
 *
 * `shouldStop` (a run's time limit) is asked before each certificate is sought; those found before it says stop are returned.
 *
 * @example
 * for (const d of deficiencies(indexYear(problem))) console.log(d.summary);
 */
export function deficiencies(year: Year, shouldStop?: () => boolean): Deficiency[] {
  const found: Deficiency[] = [];
  const sorted = reviewsByStart(year.reviews);
  for (const role of ["lead", "peer"] as const) {
    // Past a run's time limit the certificates found so far are kept, the rest not sought.
    if (shouldStop?.() === true) return found;
    const people = role === "lead" ? year.leads : year.reviewers;
    const S = 0;
    const T = 1;
    const personBase = 2;
    const reviewBase = personBase + people.length;
    const net = createFlowNetwork(reviewBase + year.reviews.length);
    const seatsOf = (r: ReviewInfo) => (role === "lead" ? 1 : r.peerSeats);
    for (const review of year.reviews) net.addEdge(reviewBase + review.index, T, seatsOf(review));
    const options = new Map<PersonInfo, ReviewInfo[]>();
    for (const person of people) {
      const mine = reviewsLeft(person, 0) > 0 ? allowedReviews(year, person, sorted) : [];
      options.set(person, mine);
      const capacity = Math.min(reviewsLeft(person, 0), mostWithoutOverlap(mine));
      if (capacity <= 0) continue;
      net.addEdge(S, personBase + person.index, capacity);
      for (const review of mine) net.addEdge(personBase + person.index, reviewBase + review.index, 1);
    }
    const flow = net.maxFlow(S, T);
    const total = year.reviews.reduce((n, r) => n + seatsOf(r), 0);
    if (flow >= total) continue;
    const reachable = net.reachableFrom(S);
    const short = year.reviews.filter((r) => !reachable[reviewBase + r.index] && seatsOf(r) > 0);
    const inShort = new Set(short);
    let capacity = 0;
    let helpers = 0;
    for (const person of people) {
      const serves = (options.get(person) ?? []).filter((r) => inShort.has(r));
      if (serves.length === 0) continue;
      helpers += 1;
      capacity += Math.min(reviewsLeft(person, 0), mostWithoutOverlap(serves), serves.length);
    }
    const seats = short.reduce((n, r) => n + seatsOf(r), 0);
    found.push({
      role,
      reviewIds: short.map((r) => r.id),
      seats,
      people: helpers,
      capacity,
      shortfall: seats - capacity,
      summary:
        `${plural(short.length, "review")} (${monthsOf(short).join(", ")}) have ${plural(seats, `${role === "lead" ? "Lead Reviewer" : "peer"} seat`)}; ` +
        `only ${plural(helpers, who(role))} may serve any of them, able to fill at most ${capacity}: ` +
        `at least ${seats - capacity} must stay empty whatever the allocation. Recruit ${who(role)}s available in those months.`,
    });
  }
  if (shouldStop?.() === true) return found;
  const advanced = advancedDeficiency(year);
  return advanced ? [...found, advanced] : found;
}

/**
 * The advanced reviewers' certificate, from the minimum cut of the advanced bound's flow: teams
 * whose possible advanced reviewers can give fewer reviews than there are teams, so that some
 * stay without peers whatever the allocation (each needs its own advanced reviewer-review).
 */
function advancedDeficiency(year: Year): Deficiency | undefined {
  const part = advancedPart(year);
  const [staffing] = advancedBoundWith(part.year, part.candidates, createRoster(part.year), [{}]);
  if (!staffing || staffing.unreached.length <= staffing.unreachedPlaces) return undefined;
  const teams = new Set(staffing.unreached);
  const people = part.year.reviewers.filter((p) => (part.candidates.byPerson.get(`peer:${p.id}`) ?? []).some((c) => teams.has(c.review))).length;
  const short = staffing.unreached.length - staffing.unreachedPlaces;
  return {
    role: "peer",
    unit: "teams",
    reviewIds: staffing.unreached.map((r) => r.id),
    seats: staffing.unreached.length,
    people,
    capacity: staffing.unreachedPlaces,
    shortfall: short,
    summary:
      `${plural(staffing.unreached.length, "team")} (${monthsOf(staffing.unreached).join(", ")}) each need an advanced reviewer; the ${plural(people, "advanced reviewer")} ` +
      `who may serve any of them can give them at most ${plural(staffing.unreachedPlaces, "review")} between them (their max_reviews, dates and the rules): ` +
      `at least ${plural(short, "team")} stay without peers whatever the allocation. Recruit advanced reviewers available in those months (shortage.csv says which weeks).`,
  };
}
