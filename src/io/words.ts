import type { EmptySeatCounts } from "../check.js";
import type { Bound } from "../solver/bound.js";
import { fairnessOn } from "../goals/fairness.js";
import type { SolveResult } from "../solver/index.js";

// In the users' words: these sentences reach the report and the terminal; the solver's own
// names (`method`, `stoppedBy`) stay in summary.json.
const BOUND_SOURCE: Readonly<Record<Bound["method"], string>> = {
  flow: "the places every reviewer and Lead Reviewer could take",
  advanced: "the advanced reviewers available to staff teams",
  lp: "a relaxed calculation over the whole year",
  mip: "an exact calculation of the most seats",
  counting: "counting each seat's candidates",
  seats: "the seats themselves (the time limit came before the bound could be computed)",
};

const STOP: Readonly<Record<SolveResult["stoppedBy"], string>> = {
  complete: "the search finished",
  "proven-optimal": "the search finished with a proof that no allocation is better",
  "bound-met": "the search finished: no allocation can fill more seats or balance reciprocity better",
  "work-limit": "the search stopped at its work limit (the same result on every run with this seed)",
  "time-limit": "the search stopped at the time limit",
  aborted: "the search was cancelled",
  "solver-failed": "the exact step ran out of memory; the best allocation found before it is kept",
};

/** What the upper bound on seats comes from, in plain words. */
export const boundSourceInWords = (method: Bound["method"]): string => BOUND_SOURCE[method];

/** Why the search ended, in plain words. */
export const stopInWords = (stoppedBy: SolveResult["stoppedBy"]): string => STOP[stoppedBy] ?? `the search ended (${stoppedBy})`;

/** The text with its first letter a capital (for a sentence built from parts). */
export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What the gap means for the planner, in one or two sentences: whether the empty seats need more
 * reviewers (the bound proves no plan fills more) or might be filled by a better plan.
 */
export function gapInWords(solve: SolveResult): string {
  const filled = solve.check.metrics.filled.total;
  const seats = solve.check.metrics.seats.total;
  const empty = seats - filled;
  const source = BOUND_SOURCE[solve.bound.method];
  if (solve.proven) {
    return empty === 0
      ? "Every seat is filled."
      : `Proven by ${source}: no valid allocation fills more than ${solve.bound.filledSeats} of the ${seats} seats, so the ${empty} empty seats need more or other reviewers (see unfilled.csv and qar explain), not a better plan.`;
  }
  const more = solve.bound.filledSeats - filled;
  if (fairnessOn(solve.year.policy)) {
    // The gap is what the fairness policy chose to give up, not a plan that could be better.
    return `The fairness policy (protectedPhases, minPeersPerTeam) comes before the seats: without it at most ${solve.bound.filledSeats} of the ${seats} seats could be filled, so it costs at most ${more} seat${more === 1 ? "" : "s"}; the other ${seats - solve.bound.filledSeats} empty seats need more or other reviewers.`;
  }
  return `At most ${more} more seat${more === 1 ? "" : "s"} (a gap of ${(100 * solve.gap).toFixed(2)}%, bound by ${source}) might be filled by a better plan, or the bound is loose; the other ${seats - solve.bound.filledSeats} empty seats need more or other reviewers. ${capital(stopInWords(solve.stoppedBy))}.`;
}

/** The pins in one line and one line per refused pin, or nothing when the year has no fix pin. */
export function pinsInWords(solve: SolveResult): string[] {
  const fixed = solve.year.problem.pins.filter((p) => p.kind === "fix").length;
  if (fixed === 0) return [];
  const refused = solve.rejectedPins;
  return [
    `pins: ${fixed} fixed, ${fixed - refused.length} honoured, ${refused.length} refused`,
    ...refused.map((r) => `  refused: ${r.assignment.reviewId} ${r.assignment.role} ${r.assignment.personId}: ${r.reason}`),
  ];
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The empty seats in one line, from the one count of them (`emptySeatCounts`): what `qar
 * explain`, the terminal summary and the report all say.
 *
 * @example emptySeatsInWords(emptySeatCounts(year, check.unfilled)) // "351 empty seats on 154 reviews: 154 without a peer team"
 */
export function emptySeatsInWords(counts: EmptySeatCounts): string {
  if (counts.seats === 0) return "every seat is filled";
  const kinds = [
    counts.noPeerTeam > 0 ? `${counts.noPeerTeam} without a peer team` : "",
    counts.shortOfPeers > 0 ? `${counts.shortOfPeers} short of peers` : "",
    counts.withoutLead > 0 ? `${counts.withoutLead} without a Lead Reviewer` : "",
  ].filter(Boolean);
  return `${count(counts.seats, "empty seat")} on ${count(counts.reviews, "review")}: ${kinds.join(", ")}`;
}
