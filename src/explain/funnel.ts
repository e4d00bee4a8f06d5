/**
 * A seat's candidate funnel: the people of a role narrowed rule by rule for one review, and the
 * allocation's state as the rules' seat test reads it (who is free, who would be after a move).
 */
import { parseDay } from "../model/dates.js";
import type { Allocation, Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff, COMPOSITION_RULES, isAdvanced, PAIR_RULES, seatAdmits, type Placement, type SeatState } from "../rules/index.js";
import { givenUpSeats } from "../season/status.js";
import { rowKey } from "../solver/diff.js";

/** One step of a seat's candidate funnel: how many people remain after a rule. */
export interface FunnelStep {
  readonly rule: string;
  readonly remaining: number;
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

/** The standing of `allocation` as of `freezeBefore` (ISO; none: nothing frozen). */
export function standingOf(year: Year, allocation: Allocation, freezeBefore?: string): Standing {
  const frozenBefore = freezeBefore !== undefined ? parseDay(freezeBefore) : undefined;
  return {
    gaveUp: givenUpSeats(allocation, year),
    confirmed: new Set(allocation.assignments.filter((a) => a.status === "confirmed").map(rowKey)),
    ...(frozenBefore !== undefined ? { frozenBefore, freezeBefore: freezeBefore! } : {}),
  };
}

/** No season yet: nothing given up, frozen or confirmed. */
export const NO_STANDING: Standing = { gaveUp: new Set(), confirmed: new Set() };

/** Whether `review` starts before the freeze date, so nothing may be proposed there. */
export const isFrozen = (standing: Standing, review: ReviewInfo): boolean => standing.frozenBefore !== undefined && review.span.from < standing.frozenBefore;

/** The reviews `person` sits on in the placement. */
export function dutiesOf(placement: Placement, person: PersonInfo): readonly ReviewInfo[] {
  return placement.duties.get(`${person.role}:${person.id}`)?.reviews ?? [];
}

/** The placement as the allocation rules' seat test reads it, with `person` off `leaving` (a move). */
export function stateOf(placement: Placement, leaving?: { person: PersonInfo; review: ReviewInfo }): SeatState {
  const team = (review: ReviewInfo) => placement.teams.get(review.id) ?? { leads: [], peers: [] };
  const without = (people: readonly PersonInfo[], review: ReviewInfo) => (leaving && leaving.review === review ? people.filter((p) => p !== leaving.person) : people);
  return {
    duties: (p) => dutiesOf(placement, p).filter((r) => !(leaving && leaving.person === p && leaving.review === r)),
    peers: (review) => without(team(review).peers, review),
    leads: (review) => without(team(review).leads, review),
  };
}

/**
 * Whether the allocation rules let `person` take a seat of `review`: after leaving `leaving`
 * (a move), and with `only: "duties"` by their other duties alone (capacity and dates).
 */
export function isFree(placement: Placement, person: PersonInfo, review: ReviewInfo, { leaving, only = "all" }: { readonly leaving?: ReviewInfo; readonly only?: "all" | "duties" } = {}): boolean {
  return seatAdmits(stateOf(placement, leaving ? { person, review: leaving } : undefined), person, review, person.role, only);
}

/** Whether the review's team still needs an advanced reviewer before it can have peers. */
export function needsAdvanced(year: Year, placement: Placement, review: ReviewInfo): boolean {
  const peers = placement.teams.get(review.id)?.peers ?? [];
  return peers.filter(isAdvanced).length < advancedToStaff(year, review);
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
  let free = eligible.filter((person) => isFree(placement, person, review, { only: "duties" }));
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
