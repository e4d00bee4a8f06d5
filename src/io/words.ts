import type { Pin } from "../model/schema.js";
import type { EmptySeatCounts } from "../check.js";
import type { Bound } from "../solver/bound.js";
import { fairnessOn } from "../goals/fairness.js";
import type { SolveResult } from "../solver/index.js";
import { plural } from "../model/text.js";

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
export function gapInWords(solve: SolveResult, options: WordsOptions = {}): string {
  const filled = solve.check.metrics.filled.total;
  const seats = solve.check.metrics.seats.total;
  const empty = seats - filled;
  const source = BOUND_SOURCE[solve.bound.method];
  // The explanation found seats a free person could take: no claim of proof may contradict it.
  if (solve.proven && (options.fuller ?? 0) > 0) {
    return `${options.fuller} empty seat${options.fuller === 1 ? "" : "s"} could be filled by a person who is free (see unfilled.csv and qar explain): the ${options.step ? "re-plan" : "solver"} kept them off those reviews, so this is not proven the most seats.`;
  }
  if (solve.proven) {
    // A season step re-plans within what is settled: the bound is for that, not for a plan from scratch.
    const within = options.step ? "keeping the reviews before the freeze date, the confirmed seats and the answers as they are, no re-plan" : "no valid allocation";
    return empty === 0
      ? "Every seat is filled."
      : `Proven by ${source}: ${within} fills more than ${solve.bound.filledSeats} of the ${seats} seats, so the ${empty} empty seats need more or other reviewers (see unfilled.csv and qar explain), not a better plan.`;
  }
  const more = solve.bound.filledSeats - filled;
  if (fairnessOn(solve.year.policy)) {
    // The gap is what the fairness policy chose to give up, not a plan that could be better.
    return `The fairness policy (protectedPhases, minPeersPerTeam) comes before the seats: without it at most ${solve.bound.filledSeats} of the ${seats} seats could be filled, so it costs at most ${more} seat${more === 1 ? "" : "s"}; the other ${seats - solve.bound.filledSeats} empty seats need more or other reviewers.`;
  }
  return `At most ${more} more seat${more === 1 ? "" : "s"} (a gap of ${(100 * solve.gap).toFixed(2)}%, bound by ${source}) might be filled by a better plan, or the bound is loose; the other ${seats - solve.bound.filledSeats} empty seats need more or other reviewers. ${capital(stopInWords(solve.stoppedBy))}.`;
}

/** How the summary speaks of a run: a season step (`step`), and the pins the user wrote (the season's own are not theirs to hear about). */
export interface WordsOptions {
  readonly step?: boolean;
  readonly userPins?: readonly Pin[];
  /** Empty seats the explanation says a free person could take (`cause: "fuller"`). */
  readonly fuller?: number;
}

/** The user's pins in one line and one line per refused pin, or nothing when they wrote no fix pin. */
export function pinsInWords(solve: SolveResult, options: WordsOptions = {}): string[] {
  const pins = (options.userPins ?? solve.year.problem.pins).filter((p) => p.kind === "fix");
  const fixed = pins.length;
  if (fixed === 0) return [];
  const mine = new Set(pins.map((p) => `${p.role}:${p.personId}@${p.reviewId}`));
  const refused = solve.rejectedPins.filter((r) => mine.has(`${r.assignment.role}:${r.assignment.personId}@${r.assignment.reviewId}`));
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

/**
 * Each goal below the seats in one line, with how far it could go at these seats: "phase match
 * 95.4% (at most 97.8% possible with these seats)". The bounds are those of `SolveResult.goals`.
 */
export function goalsInWords(solve: SolveResult): string[] {
  const m = solve.check.metrics;
  const goal = (id: string) => solve.goals.find((g) => g.id === id);
  const pct = (part: number, whole: number) => `${(whole === 0 ? 100 : (100 * part) / whole).toFixed(1)}%`;
  const lines: string[] = [];
  const phase = goal("phase");
  if (phase && m.filled.total > 0) {
    const possible = phase.best !== undefined ? ` (at most ${pct(m.filled.total - phase.best, m.filled.total)} possible with these seats)` : "";
    lines.push(`phase match ${pct(m.filled.total - phase.value, m.filled.total)} of seats, Lead Reviewers' included${possible}`);
  }
  const travel = goal("travel");
  if (travel && m.travel.measured > 0) {
    const possible = travel.best !== undefined ? ` (at least ${(travel.best / m.travel.measured).toFixed(1)} km possible)` : "";
    lines.push(`mean journey ${(travel.value / m.travel.measured).toFixed(1)} km${possible}`);
  }
  const preference = goal("preference");
  if (preference && m.preferences.stated > 0) {
    const possible = preference.best !== undefined ? ` (at most ${m.preferences.stated - Math.ceil(preference.best - 1e-9)} possible)` : "";
    lines.push(`stated preferences honoured ${m.preferences.stated - preference.value} of ${m.preferences.stated}${possible}`);
  }
  const count = (id: string, what: string) => {
    const g = goal(id);
    if (!g || (g.value === 0 && id !== "same-school" && id !== "reciprocal-pairs")) return;
    const least = g.best !== undefined && g.method !== "none" ? ` (at least ${Math.ceil(g.best - 1e-9)})` : "";
    lines.push(`${what} ${g.value}${least}`);
  };
  count("reciprocity", "reciprocity deviation (places sent beyond or short of targets)");
  count("same-school", "same-school pairs on a team");
  count("reciprocal-pairs", "reciprocal pairs (two schools reviewing each other)");
  count("repeat", "repeats of last year's reviewer at a school");
  count("first-review", "seats given to someone who has had a review while others wait for a first");
  const tier = solve.goalsTier;
  if (tier.best !== undefined && tier.value > 0) {
    lines.push(`goals as a whole: ${Math.round(tier.value).toLocaleString("en-GB")} in the policy's weights; none of these seats' allocations can do better than ${Math.round(tier.best).toLocaleString("en-GB")} (within ${(100 * (tier.gap ?? 0)).toFixed(1)}%)`);
  }
  return lines;
}

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
  return `${plural(counts.seats, "empty seat")} on ${plural(counts.reviews, "review")}: ${kinds.join(", ")}`;
}
