/**
 * The user's pins: checked before the solve, and settled after it. Every `fix` pin ends in the
 * allocation or in the list of rejected pins with its reason; a `forbid` pin removes the pair
 * from the candidate lists (`findCandidates`).
 */
import { checkAllocation } from "../check.js";
import type { Allocation, Assignment } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff, isAdvanced, peerSeatsLeft, refusal, type Violation } from "../rules/index.js";
import { createRoster } from "./roster.js";

/** A pin the solver could not honour, and why. */
export interface RejectedPin {
  readonly assignment: Assignment;
  /** The rule that refused it, by id (`advanced-seat`, `same-hub`, `overlap`...). */
  readonly rule: string;
  readonly reason: string;
}

const keyOf = (a: { reviewId: string; role: string; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;

/** Splits the fixed pins into those the rules allow (in order) and those they do not. */
export function checkPins(year: Year): { fixed: Allocation; rejected: RejectedPin[] } {
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
  return { fixed: { assignments }, rejected };
}

/** Whether one more non-advanced peer on a team of `peers` would leave no seat for the advanced reviewers it still needs. */
function leavesNoRoomForAdvanced(year: Year, peers: readonly PersonInfo[], review: ReviewInfo): boolean {
  const advancedMissing = Math.max(0, advancedToStaff(year, review) - peers.filter(isAdvanced).length);
  return peerSeatsLeft(review, peers.length + 1) < advancedMissing;
}

/** An assignment `ensureValid` took out, and the violation that made it. */
export interface Dropped {
  readonly assignment: Assignment;
  readonly violation: Violation;
}

/**
 * Drops assignments until the checker finds no violation. Engines are valid by construction,
 * so this does nothing unless pins leave a team short of advanced reviewers (no advanced
 * reviewer could join the pinned peers); it guarantees that `solve` never returns an invalid
 * allocation, and says what it dropped.
 */
export function ensureValid(year: Year, allocation: Allocation): { allocation: Allocation; dropped: Dropped[] } {
  let current = allocation;
  const dropped: Dropped[] = [];
  for (let round = 0; round < 100; round += 1) {
    const { violations } = checkAllocation(year, current);
    if (violations.length === 0) return { allocation: current, dropped };
    const team = new Map(violations.filter((v) => v.rule === "advanced-seat").map((v) => [v.reviewId, v]));
    const pair = new Map(violations.filter((v) => v.personId).map((v) => [`${v.reviewId}|${v.personId}`, v]));
    const kept: Assignment[] = [];
    for (const a of current.assignments) {
      const violation = pair.get(`${a.reviewId}|${a.personId}`) ?? (a.role === "peer" ? team.get(a.reviewId) : undefined);
      if (violation) dropped.push({ assignment: a, violation });
      else kept.push(a);
    }
    current = { ...current, assignments: kept };
  }
  return { allocation: { ...current, assignments: [] }, dropped };
}

/** The fix pins the engine placed but that did not survive `ensureValid`, with the reason. */
export function refusedLater(fixed: Allocation, allocation: Allocation, dropped: readonly Dropped[]): RejectedPin[] {
  const placed = new Set(allocation.assignments.map(keyOf));
  const why = new Map(dropped.map((d) => [keyOf(d.assignment), d.violation]));
  return fixed.assignments
    .filter((a) => !placed.has(keyOf(a)))
    .map((assignment) => {
      const violation = why.get(keyOf(assignment));
      if (violation?.rule === "advanced-seat") {
        return { assignment, rule: "advanced-seat", reason: `advanced-seat: ${assignment.reviewId} has no advanced reviewer beside its pinned peers and none could join; a team with any peer needs one` };
      }
      return { assignment, rule: violation?.rule ?? "pins", reason: violation ? `${violation.rule}: ${violation.message}` : "the solver could not keep it beside the other pins" };
    });
}
