/**
 * The user's pins: checked before the solve, and settled after it. Every `fix` pin ends in the
 * allocation or in the list of rejected pins with its reason; a `forbid` pin is the `ruled-out`
 * rule, which keeps the pair out of the candidate lists like any other pair rule.
 */
import { checkAllocation, type CheckResult } from "../check.js";
import type { Allocation, Assignment } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff, allowedPair, isAdvanced, meetsAdvanced, peerSeatsLeft, refusal } from "../rules/index.js";
import { createRoster, rosterOf, type Roster } from "./roster.js";

/**
 * A pin the solver could not honour, and why.
 *
 * @example
 * for (const r of result.rejectedPins) console.log(`${r.assignment.personId} on ${r.assignment.reviewId}: ${r.rule}, ${r.reason}`);
 */
export interface RejectedPin {
  readonly assignment: Assignment;
  /** The rule that refused it, by id (`advanced-seat`, `same-hub`, `overlap`...). */
  readonly rule: string;
  readonly reason: string;
}

const keyOf = (a: { reviewId: string; role: string; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;

/**
 * Splits the fixed pins into those the rules allow (in order) and those they do not. With
 * `unstaffable` (the default), the pinned peers of a team no free advanced reviewer could join
 * are refused too; a repair leaves them to the repair engine, which keeps such a stranded peer
 * off every other team (a confirmed seat is not swapped for a new offer unasked).
 */
export function checkPins(year: Year, options: { readonly unstaffable?: boolean } = {}): { fixed: Allocation; rejected: RejectedPin[] } {
  const roster = createRoster(year);
  const rejected: RejectedPin[] = [];
  const assignments: Assignment[] = [];
  const seen = new Set<string>();
  for (const pin of year.problem.pins) {
    if (pin.kind !== "fix") continue;
    const assignment = { reviewId: pin.reviewId, role: pin.role, personId: pin.personId };
    // A pin repeated (a duplicate row, or a confirmed seat pinned in pins.csv too) is settled once:
    // honoured, or refused with its reason, never refused for clashing with itself.
    if (seen.has(keyOf(assignment))) continue;
    seen.add(keyOf(assignment));
    const review = year.reviewById.get(pin.reviewId);
    const person = year.people[pin.role].get(pin.personId);
    const refused = review && person ? refusal(year, person, review) : { rule: "known-people", reason: "names an unknown review or person" };
    if (refused) {
      rejected.push({ assignment, rule: refused.rule, reason: `${refused.rule}: ${refused.reason}` });
    } else if (!roster.canTake(person!, review!)) {
      rejected.push({ assignment, rule: "pins", reason: "clashes with an earlier pin (overlapping dates, the person's maximum, the team's seats or a second Lead Reviewer)" });
    } else if (pin.role === "peer" && !isAdvanced(person!) && leavesNoRoomForAdvanced(year, roster.peers(review!), review!)) {
      rejected.push({
        assignment,
        rule: "advanced-seat",
        reason: `advanced-seat: the earlier pins leave ${review!.id} one seat short of room for the advanced reviewer a team with any peer needs`,
      });
    } else {
      roster.add(pin.role, person!, review!);
      assignments.push(assignment);
    }
  }
  const unstaffable = options.unstaffable === false ? new Set<string>() : refuseUnstaffable(year, roster);
  for (const assignment of assignments) if (unstaffable.has(keyOf(assignment))) rejected.push({ assignment, rule: "advanced-seat", reason: NO_ADVANCED_CAN_JOIN(assignment.reviewId) });
  return { fixed: { assignments: assignments.filter((a) => !unstaffable.has(keyOf(a))) }, rejected };
}

const NO_ADVANCED_CAN_JOIN = (reviewId: string, none = "none could join") => `advanced-seat: ${reviewId} has no advanced reviewer beside its pinned peers and ${none}; a team with any peer needs one`;

/**
 * The pinned peers of every team that cannot get the advanced reviewers it needs: fewer advanced
 * reviewers could join it (every pair rule allowing, free beside the pins) than it lacks. They
 * are refused up front, which says why before the solve, rather than left to an engine that
 * could only leave them out. (A team that could be staffed alone but competes with another for
 * the same advanced reviewer is the engines' to settle; `refusedLater` gives the same reason.)
 */
function refuseUnstaffable(year: Year, roster: Roster): Set<string> {
  const refused = new Set<string>();
  for (const review of year.reviews) {
    const peers = roster.peers(review);
    if (peers.length === 0 || meetsAdvanced(year, review, peers)) continue;
    let lacking = advancedToStaff(year, review) - peers.filter(isAdvanced).length;
    for (const p of year.reviewers) {
      if (isAdvanced(p) && !peers.includes(p) && allowedPair(year, p, review) && roster.canTake(p, review)) lacking -= 1;
      if (lacking <= 0) break;
    }
    if (lacking <= 0) continue;
    for (const person of [...peers]) {
      roster.remove("peer", person, review);
      refused.add(keyOf({ reviewId: review.id, role: "peer", personId: person.id }));
    }
  }
  return refused;
}

/** Whether one more non-advanced peer on a team of `peers` would leave no seat for the advanced reviewers it still needs. */
function leavesNoRoomForAdvanced(year: Year, peers: readonly PersonInfo[], review: ReviewInfo): boolean {
  const advancedMissing = Math.max(0, advancedToStaff(year, review) - peers.filter(isAdvanced).length);
  return peerSeatsLeft(review, peers.length + 1) < advancedMissing;
}

/**
 * A row `solve` had to take out of an engine's allocation, and the rule it broke.
 *
 * @example
 * if (result.dropped.length > 0) console.warn(result.dropped.map((d: Dropped) => `${d.rule}: ${d.reason}`));
 */
export interface Dropped {
  readonly assignment: Assignment;
  /** The broken rule, by id (`same-hub`, `overlap`, `advanced-seat`...). */
  readonly rule: string;
  /** The checker's words for the violation. */
  readonly reason: string;
}

/**
 * Drops rows until the checker finds no violation: the second line behind engines that are
 * valid by construction (the engines' contract suite checks each one's own output), so that
 * `solve` never returns an invalid allocation. Every row it drops is returned with the rule it
 * broke, and `solve` reports them: a drop is an engine's fault made visible, never a silent fix.
 */
export function ensureValid(year: Year, allocation: Allocation): { allocation: Allocation; dropped: Dropped[]; check: CheckResult } {
  let current = allocation;
  const dropped: Dropped[] = [];
  for (let round = 0; round < 100; round += 1) {
    const check = checkAllocation(year, current);
    const { violations } = check;
    // The last check is the clean allocation's: the caller needs it and need not check again.
    if (violations.length === 0) return { allocation: current, dropped, check };
    const team = new Map(violations.filter((v) => !v.personId).map((v) => [v.reviewId, v]));
    const pair = new Map(violations.filter((v) => v.personId).map((v) => [`${v.reviewId}|${v.personId}`, v]));
    const kept: Assignment[] = [];
    for (const a of current.assignments) {
      // A team-wide violation (too many peers, no advanced reviewer, a second Lead) drops the team's seats of the role it concerns.
      const teamWide = team.get(a.reviewId);
      const violation = pair.get(`${a.reviewId}|${a.personId}`) ?? (teamWide && (teamWide.rule === "one-lead") === (a.role === "lead") ? teamWide : undefined);
      if (violation) dropped.push({ assignment: a, rule: violation.rule, reason: violation.message });
      else kept.push(a);
    }
    current = { ...current, assignments: kept };
  }
  const empty = { ...current, assignments: [] };
  return { allocation: empty, dropped: [...dropped, ...current.assignments.map((assignment) => ({ assignment, rule: "checker", reason: "still invalid after 100 rounds of drops" }))], check: checkAllocation(year, empty) };
}

/** The fix pins the engine's allocation does not hold (after any drop), each with the reason. */
export function refusedLater(year: Year, fixed: Allocation, allocation: Allocation, dropped: readonly Dropped[]): RejectedPin[] {
  const placed = new Set(allocation.assignments.map(keyOf));
  const why = new Map(dropped.map((d) => [keyOf(d.assignment), d]));
  const pinned = rosterOf(year, fixed);
  const staffed = new Set(allocation.assignments.filter((a) => a.role === "peer").map((a) => a.reviewId));
  return fixed.assignments
    .filter((a) => !placed.has(keyOf(a)))
    .map((assignment) => {
      const drop = why.get(keyOf(assignment));
      if (drop) return { assignment, rule: drop.rule, reason: `${drop.rule}: ${drop.reason}` };
      // An engine leaves out the pinned peers of a team it could not give its advanced reviewer.
      const review = year.reviewById.get(assignment.reviewId)!;
      if (assignment.role === "peer" && !pinned.advancedOk(review) && !staffed.has(review.id)) return { assignment, rule: "advanced-seat", reason: NO_ADVANCED_CAN_JOIN(review.id, "none was left free to join") };
      return { assignment, rule: "pins", reason: "the solver could not keep it beside the other pins" };
    });
}
