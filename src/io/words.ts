import type { Bound } from "../solver/bound.js";
import type { SolveResult } from "../solver/index.js";

const BOUND_SOURCE: Readonly<Record<Bound["method"], string>> = {
  flow: "the seat flows",
  advanced: "the advanced reviewers available to staff teams",
  lp: "the seat LP",
  mip: "the exact seat MIP",
  counting: "counting each seat's candidates",
  seats: "the seats themselves (the time limit came before the bound could be computed)",
};

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
  return `At most ${more} more seat${more === 1 ? "" : "s"} (a gap of ${(100 * solve.gap).toFixed(2)}%, bound by ${source}) might be filled by a better plan, or the bound is loose; the other ${seats - solve.bound.filledSeats} empty seats need more or other reviewers. Stopped by ${solve.stoppedBy}.`;
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

/**
 * The rows `solve` had to drop from the engine's allocation, one line each, or nothing when none
 * was (the usual case: a drop is an engine's fault, shown so that it cannot pass unseen).
 */
export function droppedInWords(solve: SolveResult): string[] {
  const dropped = solve.dropped;
  if (dropped.length === 0) return [];
  return [
    `dropped: ${dropped.length} row${dropped.length === 1 ? "" : "s"} of the ${solve.engine} engine's allocation broke a rule and ${dropped.length === 1 ? "was" : "were"} taken out (an engine fault: please report it)`,
    ...dropped.map((d) => `  dropped: ${d.assignment.reviewId} ${d.assignment.role} ${d.assignment.personId}: ${d.rule}: ${d.reason}`),
  ];
}
