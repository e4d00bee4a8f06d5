import { formatDay, parseDay } from "./model/dates.js";
import type { Problem } from "./model/problem.js";
import type { Allocation, Role } from "./model/schema.js";
import { indexYear, type PersonInfo, type ReviewInfo, type Year } from "./model/year.js";
import { advancedToStaff, allowedPair, COMPOSITION_RULES, isAdvanced, mostWithoutOverlap, PAIR_RULES, reviewsLeft, place, seatAdmits, type Placement, type SeatState } from "./rules/index.js";
import { givenUpSeats } from "./season/status.js";
import { rowKey } from "./solver/diff.js";
import { advancedBoundWith, advancedPart } from "./solver/bound.js";
import { createFlowNetwork } from "./solver/flow.js";
import { createRoster } from "./solver/roster.js";

/** One step of a seat's candidate funnel: how many people remain after a rule. */
export interface FunnelStep {
  readonly rule: string;
  readonly remaining: number;
}

/**
 * The kind of reason a seat is empty, for counting: the review is `frozen` (it starts before
 * the freeze date); a `pin` could not be honoured; a pair `rule` (or the answers: everyone left
 * declined or withdrew) leaves nobody; a team `composition` cap does; everyone eligible is
 * `busy`; the team needs an `advanced` reviewer first; or a `fuller` allocation exists.
 */
export type SeatCause = "frozen" | "pin" | "rule" | "composition" | "busy" | "advanced" | "fuller";

/** Why one review's seats of one role are empty, and what would fill them. */
export interface SeatExplanation {
  readonly reviewId: string;
  readonly hostSchoolId: string;
  readonly role: Role;
  readonly missing: number;
  readonly funnel: readonly FunnelStep[];
  /** The binding reason in plain words. */
  readonly reason: string;
  /** The reason's kind (see `SeatCause`). */
  readonly cause: SeatCause;
  /** Changes that would fill a seat: a move of someone already allocated, or whom to recruit (none for a frozen review). */
  readonly remedies: readonly string[];
}

/** As of when an allocation is explained: reviews starting before `freezeBefore` (ISO) are kept as they are, so nothing is proposed there. */
export interface ExplainOptions {
  readonly freezeBefore?: string;
}

/** The season's state an explanation respects: the seats people gave up, the frozen reviews, the confirmed seats. */
export interface Standing {
  /** `role:person@review` of every seat its person declined or withdrew from (withdrawals from the rest of the year included). */
  readonly gaveUp: ReadonlySet<string>;
  readonly frozenBefore?: number;
  readonly freezeBefore?: string;
  /** `role:person@review` of confirmed seats: never proposed to move. */
  readonly confirmed: ReadonlySet<string>;
}

function standingOf(year: Year, allocation: Allocation, options: ExplainOptions): Standing {
  const frozenBefore = options.freezeBefore !== undefined ? parseDay(options.freezeBefore) : undefined;
  return {
    gaveUp: givenUpSeats(allocation, year),
    confirmed: new Set(allocation.assignments.filter((a) => a.status === "confirmed").map(rowKey)),
    ...(frozenBefore !== undefined ? { frozenBefore, freezeBefore: options.freezeBefore! } : {}),
  };
}

const NO_STANDING: Standing = { gaveUp: new Set(), confirmed: new Set() };
const isFrozen = (standing: Standing, review: ReviewInfo) => standing.frozenBefore !== undefined && review.span.from < standing.frozenBefore;

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

/** What `explain` finds: one entry per review and role with empty seats, and the certificates. */
export interface Explanation {
  readonly seats: readonly SeatExplanation[];
  readonly certificates: readonly Deficiency[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const who = (role: Role) => (role === "lead" ? "Lead Reviewer" : "reviewer");
const dates = (review: ReviewInfo) => `${formatDay(review.span.from)}..${formatDay(review.span.to)}`;

function dutiesOf(placement: Placement, person: PersonInfo): readonly ReviewInfo[] {
  return placement.duties.get(`${person.role}:${person.id}`)?.reviews ?? [];
}

/** The placement as the allocation rules' seat test reads it, with `person` off `leaving` (a move). */
function stateOf(placement: Placement, leaving?: { person: PersonInfo; review: ReviewInfo }): SeatState {
  const team = (review: ReviewInfo) => placement.teams.get(review.id) ?? { leads: [], peers: [] };
  const without = (people: readonly PersonInfo[], review: ReviewInfo) => (leaving && leaving.review === review ? people.filter((p) => p !== leaving.person) : people);
  return {
    duties: (p) => dutiesOf(placement, p).filter((r) => !(leaving && leaving.person === p && leaving.review === r)),
    peers: (review) => without(team(review).peers, review),
    leads: (review) => without(team(review).leads, review),
  };
}

/** Whether the allocation rules let `person` take a seat of `review` (after leaving `leaving`). */
function isFree(placement: Placement, person: PersonInfo, review: ReviewInfo, leaving?: ReviewInfo, only: "all" | "duties" = "all"): boolean {
  return seatAdmits(stateOf(placement, leaving ? { person, review: leaving } : undefined), person, review, person.role, only);
}

/**
 * Narrows the people of a role down rule by rule for one review: the pair rules that apply to
 * its kind, in order, then those free of other duties (capacity and overlapping dates), then
 * each composition cap its kind sets (`max-per-trust`...), then, for a team that still needs
 * its advanced reviewer, the advanced ones.
 */
export function seatFunnel(year: Year, placement: Placement, review: ReviewInfo, role: Role, standing: Standing = NO_STANDING): { funnel: FunnelStep[]; eligible: PersonInfo[]; free: PersonInfo[] } {
  let remaining: readonly PersonInfo[] = role === "lead" ? year.leads : year.reviewers;
  const funnel: FunnelStep[] = [{ rule: role === "lead" ? "lead-reviewers" : "reviewers", remaining: remaining.length }];
  for (const rule of PAIR_RULES) {
    if (!rule.roles.includes(role) || !rule.applies(year, review)) continue;
    remaining = remaining.filter((person) => rule.allows(year, person, review));
    funnel.push({ rule: rule.id, remaining: remaining.length });
  }
  const gaveUp = remaining.filter((person) => standing.gaveUp.has(rowKey({ reviewId: review.id, role, personId: person.id })));
  if (gaveUp.length > 0) {
    remaining = remaining.filter((person) => !gaveUp.includes(person));
    funnel.push({ rule: "declined-or-withdrawn", remaining: remaining.length });
  }
  const eligible = [...remaining];
  let free = eligible.filter((person) => isFree(placement, person, review, undefined, "duties"));
  funnel.push({ rule: "capacity", remaining: free.length });
  const state = stateOf(placement);
  for (const rule of COMPOSITION_RULES) {
    if (role !== "peer" || !rule.applies?.(review)) continue;
    free = free.filter((person) => rule.admits!(state, person, review, role));
    funnel.push({ rule: rule.id, remaining: free.length });
  }
  if (role === "peer" && needsAdvanced(year, placement, review)) funnel.push({ rule: "advanced-level", remaining: free.filter(isAdvanced).length });
  return { funnel, eligible, free };
}

function needsAdvanced(year: Year, placement: Placement, review: ReviewInfo): boolean {
  const peers = placement.teams.get(review.id)?.peers ?? [];
  return peers.filter(isAdvanced).length < advancedToStaff(year, review);
}

// The people every pair rule allows on a review, per year: a move search asks for the same
// reviews many times. Keyed by the (immutable) year, so it holds no state of its own.
const allowedMemo = new WeakMap<Year, Map<string, PersonInfo[]>>();

function allowedOn(year: Year, review: ReviewInfo, role: Role): PersonInfo[] {
  let byReview = allowedMemo.get(year);
  if (!byReview) allowedMemo.set(year, (byReview = new Map()));
  const key = `${role}:${review.index}`;
  let people = byReview.get(key);
  if (!people) byReview.set(key, (people = (role === "lead" ? year.leads : year.reviewers).filter((z) => allowedPair(year, z, review))));
  return people;
}

/**
 * A one-step move that fills the seat: someone eligible leaves review X, and a free person takes
 * their seat on X. Never out of a frozen review or a confirmed seat, and never anyone onto a
 * review they declined or withdrew from.
 */
function findMove(year: Year, placement: Placement, review: ReviewInfo, role: Role, eligible: readonly PersonInfo[], wantAdvanced: boolean, standing: Standing): string | undefined {
  // A forbid pin is the ruled-out pair rule, which `allowedOn` applies; the answers are the season's.
  const mayTake = (person: PersonInfo, on: ReviewInfo) => !standing.gaveUp.has(rowKey({ reviewId: on.id, role, personId: person.id }));
  for (const mover of eligible) {
    if (wantAdvanced && !isAdvanced(mover)) continue;
    for (const from of dutiesOf(placement, mover)) {
      if (isFrozen(standing, from) || standing.confirmed.has(rowKey({ reviewId: from.id, role, personId: mover.id }))) continue;
      if (!isFree(placement, mover, review, from)) continue;
      const team = placement.teams.get(from.id);
      const stayingAdvanced = (team?.peers ?? []).filter((p) => p !== mover && isAdvanced(p)).length;
      const needAdvanced = role === "peer" && isAdvanced(mover) && stayingAdvanced < advancedToStaff(year, from);
      const afterMove = stateOf(placement, { person: mover, review: from });
      const replacement = allowedOn(year, from, role).find((z) => z !== mover && mayTake(z, from) && (!needAdvanced || isAdvanced(z)) && seatAdmits(afterMove, z, from, role));
      if (replacement) {
        return `${who(role)} ${mover.id} could move from ${from.id} (${dates(from)}), whose seat ${replacement.id} could then fill`;
      }
    }
  }
  return undefined;
}

/**
 * Who to recruit: someone available on the review's dates, serving its kind, from where its
 * kind takes reviewers (beyond the host's hub, locality and trust for a QAR; another trust for
 * a TPR; the host's hub for an MLQAR).
 */
function recruit(year: Year, review: ReviewInfo, role: Role, advanced: boolean): string {
  const { host, kind } = review;
  const beyond = [
    kind.excludes.hub && host.hub ? `the ${host.hub} hub` : undefined,
    kind.excludes.locality && host.locality ? `${host.locality}` : undefined,
    kind.excludes.trust && host.trust ? `the trust ${host.trust}` : undefined,
  ].filter(Boolean);
  const where = kind.requiresHub ? ` from the ${host.hub} hub${kind.excludes.school ? ` (not ${host.id} itself)` : ""}` : beyond.length > 0 ? ` from outside ${beyond.join(" and ")}` : "";
  const serving = year.mixed ? ` who serves ${kind.id} reviews` : "";
  return `one more ${advanced ? "advanced " : ""}${who(role)}${serving} available ${dates(review)}${role === "peer" ? where : ""}`;
}

/**
 * Explains one review's empty seats of one role: the funnel, the binding reason and remedies.
 *
 * @example
 * const e = explainSeats(indexYear(problem), allocation, year.reviewById.get("R0412")!, "peer", 1);
 * console.log(e.reason); // "the team needs an advanced reviewer first, ..."
 */
export function explainSeats(
  year: Year,
  allocation: Allocation,
  review: ReviewInfo,
  role: Role,
  missing: number,
  placement: Placement = place(year, allocation),
  standing: Standing = NO_STANDING,
): SeatExplanation {
  const { funnel, eligible, free } = seatFunnel(year, placement, review, role, standing);
  const remedies: string[] = [];
  const wantAdvanced = role === "peer" && needsAdvanced(year, placement, review);
  const base = { reviewId: review.id, hostSchoolId: review.host.id, role, missing, funnel };
  // A review already held, under way or too close to change: nothing may be proposed there.
  if (isFrozen(standing, review)) {
    return { ...base, cause: "frozen", reason: `${review.id} starts on ${formatDay(review.span.from)}, before the freeze date ${standing.freezeBefore}, so its team is kept as it is and nobody is added`, remedies };
  }
  let reason: string;
  let cause: SeatCause;
  const firstEmpty = funnel.findIndex((step) => step.remaining === 0);
  const pairSteps = funnel.findIndex((step) => step.rule === "capacity");
  const capRule = firstEmpty > pairSteps ? COMPOSITION_RULES.find((rule) => rule.id === funnel[firstEmpty]?.rule) : undefined;
  const team = placement.teams.get(review.id);
  const onTeam = new Set((role === "lead" ? team?.leads : team?.peers)?.map((p) => p.id) ?? []);
  const refusedPins = year.problem.pins.filter((p) => p.kind === "fix" && p.role === role && p.reviewId === review.id && !onTeam.has(p.personId)).map((p) => p.personId);
  if (refusedPins.length > 0) {
    const advancedShort = role === "peer" && wantAdvanced && !free.some(isAdvanced);
    cause = "pin";
    reason =
      `the pin${refusedPins.length === 1 ? "" : "s"} fixing ${refusedPins.join(", ")} to ${review.id} could not be honoured` +
      (advancedShort ? ": the team needs an advanced reviewer beside them and none can join" : ": see the refused pins in summary.json");
    remedies.push(advancedShort ? `pin an advanced reviewer available ${dates(review)} beside them, or remove the pins` : "remove or change the pins");
  } else if (firstEmpty > 0 && firstEmpty < pairSteps) {
    const step = funnel[firstEmpty]!;
    const before = funnel[firstEmpty - 1]!.remaining;
    cause = "rule";
    reason =
      step.rule === "declined-or-withdrawn"
        ? `everyone who may serve here has declined or withdrawn from it: the answers remove the last ${plural(before, "candidate")}`
        : `no ${who(role)} passes the ${step.rule} rule: it removes the last ${plural(before, "candidate")}`;
    // Ruled out by the user's forbid pins: lifting one is a remedy besides recruiting.
    if (step.rule === "ruled-out") remedies.push(`remove a forbid pin on ${review.id} from pins.csv, if the person may be asked after all`);
    remedies.push(recruit(year, review, role, wantAdvanced));
  } else if (capRule && free.length === 0) {
    cause = "composition";
    reason = `every free eligible ${who(role)} would break the ${capRule.id} rule on this ${review.kind.id} team (${capRule.summary})`;
    remedies.push(recruit(year, review, role, wantAdvanced));
  } else if (free.length === 0) {
    cause = "busy";
    reason = `all ${plural(eligible.length, `eligible ${who(role)}`)} are already at their maximum of reviews or on reviews with overlapping dates`;
    const move = findMove(year, placement, review, role, eligible, wantAdvanced, standing);
    if (move) remedies.push(move);
    remedies.push(recruit(year, review, role, wantAdvanced));
  } else if (wantAdvanced && !free.some(isAdvanced)) {
    cause = "advanced";
    reason = `the team needs an advanced reviewer first, and none of the ${plural(free.length, "free eligible reviewer")} is advanced`;
    const move = findMove(year, placement, review, role, eligible, true, standing);
    if (move) remedies.push(move);
    remedies.push(recruit(year, review, role, true));
  } else {
    // Seats come before every other goal: a free eligible person means a fuller allocation exists.
    cause = "fuller";
    reason = `${plural(free.length, `eligible ${who(role)}`)} ${free.length === 1 ? "is" : "are"} free and could take this seat: a fuller allocation exists than this one`;
    remedies.push(`solve again with a longer --time-limit, or pin ${free[0]!.id} to ${review.id} in pins.csv`);
  }
  return { ...base, reason, cause, remedies };
}

/**
 * Hall-type certificates from the minimum cut of the seat flow (relaxed: overlapping dates
 * between one person's reviews allowed, advanced seat ignored). After a maximum flow, the
 * reviews not reachable from the source have more seats than their possible reviewers can
 * give; every allocation leaves at least the difference empty.
 */
export function deficiencies(year: Year): Deficiency[] {
  const found: Deficiency[] = [];
  for (const role of ["lead", "peer"] as const) {
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
      const mine = reviewsLeft(person, 0) > 0 ? year.reviews.filter((review) => allowedPair(year, person, review)) : [];
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
    const weeks = [...new Set(short.map((r) => formatDay(r.span.from).slice(0, 7)))].sort();
    found.push({
      role,
      reviewIds: short.map((r) => r.id),
      seats,
      people: helpers,
      capacity,
      shortfall: seats - capacity,
      summary:
        `${plural(short.length, "review")} (${weeks.join(", ")}) have ${plural(seats, `${role === "lead" ? "Lead Reviewer" : "peer"} seat`)}; ` +
        `only ${plural(helpers, who(role))} may serve any of them, able to fill at most ${capacity}: ` +
        `at least ${seats - capacity} must stay empty whatever the allocation. Recruit ${who(role)}s available in those months.`,
    });
  }
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
  const weeks = [...new Set(staffing.unreached.map((r) => formatDay(r.span.from).slice(0, 7)))].sort();
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
      `${plural(staffing.unreached.length, "team")} (${weeks.join(", ")}) each need an advanced reviewer; the ${plural(people, "advanced reviewer")} ` +
      `who may serve any of them can give them at most ${plural(staffing.unreachedPlaces, "review")} between them (their max_reviews, dates and the rules): ` +
      `at least ${plural(short, "team")} stay without peers whatever the allocation. Recruit advanced reviewers available in those months (shortage.csv says which weeks).`,
  };
}

/**
 * Explains every empty seat of an allocation and, for a year that cannot be fully staffed,
 * certifies where the shortage is. The season's state counts: nobody is proposed for a review
 * they declined or withdrew from, no move takes a confirmed seat or touches a review that
 * starts before `freezeBefore`, and an empty seat of such a review says so.
 *
 * @example
 * const { seats, certificates } = explain(problem, allocation);
 * for (const s of seats) console.log(`${s.reviewId} ${s.role}: ${s.reason}`);
 */
export function explain(problem: Problem | Year, allocation: Allocation, options: ExplainOptions = {}): Explanation {
  const year = "reviewById" in problem ? problem : indexYear(problem);
  const placement = place(year, allocation);
  const standing = standingOf(year, allocation, options);
  const seats: SeatExplanation[] = [];
  for (const review of year.reviews) {
    const team = placement.teams.get(review.id);
    if ((team?.leads.length ?? 0) === 0) seats.push(explainSeats(year, allocation, review, "lead", 1, placement, standing));
    const missing = review.peerSeats - Math.min(review.peerSeats, team?.peers.length ?? 0);
    if (missing > 0) seats.push(explainSeats(year, allocation, review, "peer", missing, placement, standing));
  }
  return { seats, certificates: deficiencies(year) };
}
