import { place } from "./check.js";
import type { Allocation, Role } from "./model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "./model/year.js";
import { clashes, isAdvanced, PAIR_RULES } from "./rules/index.js";

/** One step of a seat's candidate funnel: how many people remain after a rule. */
export interface FunnelStep {
  readonly rule: string;
  readonly remaining: number;
}

/** Why one review's seats of one role are empty. */
export interface SeatExplanation {
  readonly reviewId: string;
  readonly role: Role;
  readonly missing: number;
  readonly funnel: readonly FunnelStep[];
  /** The binding reason in plain words. */
  readonly reason: string;
}

/**
 * Narrows the people of a role down rule by rule for one review: the pair rules first, then
 * whether each survivor is free (capacity and overlapping dates) given the allocation.
 */
export function seatFunnel(year: Year, allocation: Allocation, review: ReviewInfo, role: Role): { funnel: FunnelStep[]; free: PersonInfo[]; eligible: PersonInfo[] } {
  const placement = place(year, allocation);
  let remaining: readonly PersonInfo[] = role === "lead" ? year.leads : year.reviewers;
  const funnel: FunnelStep[] = [{ rule: role === "lead" ? "lead-reviewers" : "reviewers", remaining: remaining.length }];
  for (const rule of PAIR_RULES) {
    if (!rule.roles.includes(role)) continue;
    remaining = remaining.filter((person) => rule.refuse(year, person, review) === undefined);
    funnel.push({ rule: rule.id, remaining: remaining.length });
  }
  const eligible = [...remaining];
  const onTeam = (person: PersonInfo) => placement.duties.get(`${role}:${person.id}`)?.reviews.some((r) => r.id === review.id) ?? false;
  const free = eligible.filter((person) => {
    if (onTeam(person)) return false;
    const duties = placement.duties.get(`${role}:${person.id}`)?.reviews ?? [];
    return duties.length < person.maxReviews && !duties.some((other) => clashes(other.span, review.span));
  });
  funnel.push({ rule: "capacity-and-overlap", remaining: free.length });
  return { funnel, free, eligible };
}

/** The binding reason for a review's empty seats, from its funnel. */
export function explainSeats(year: Year, allocation: Allocation, review: ReviewInfo, role: Role, missing: number): SeatExplanation {
  const { funnel, free, eligible } = seatFunnel(year, allocation, review, role);
  const who = role === "lead" ? "Lead Reviewer" : "reviewer";
  let reason: string;
  const firstEmpty = funnel.findIndex((step) => step.remaining === 0);
  if (firstEmpty > 0 && firstEmpty < funnel.length - 1) {
    const step = funnel[firstEmpty]!;
    const before = funnel[firstEmpty - 1]!.remaining;
    reason = `no ${who} passes the ${step.rule} rule (it removes the last ${before} candidate${before === 1 ? "" : "s"})`;
  } else if (free.length === 0) {
    reason = `all ${eligible.length} eligible ${who}s are already at their maximum of reviews or on reviews with overlapping dates`;
  } else if (role === "peer" && year.policy.minAdvancedPerTeam > 0 && !free.some(isAdvanced)) {
    reason = `the team needs an advanced reviewer first, and none of the ${free.length} free eligible reviewers is advanced`;
  } else {
    reason = `${free.length} eligible ${who}${free.length === 1 ? " is" : "s are"} free, but filling this seat would empty another (reciprocity or the advanced seat)`;
  }
  return { reviewId: review.id, role, missing, funnel, reason };
}
