import { weekStart } from "../../model/dates.js";
import type { ReviewInfo } from "../../model/year.js";
import type { EngineContext } from "../engine.js";
import type { Roster } from "../roster.js";
import { resolveScope } from "./resolve.js";

/** Work limits of a sweep (nodes, not seconds, so that a run is reproducible). */
export const SWEEP_LIMITS = {
  /** Weeks of reviews in one window (windows follow one another). */
  weeks: 2,
  /** Branch-and-bound nodes of one window's MIP at most. */
  nodes: 500,
  /** Wall-clock cap of one window's MIP, in seconds (a safety net only). */
  seconds: 10,
} as const;

/** The year's reviews in windows of `weeks` consecutive weeks that have reviews, one after another. */
export function weekWindows(reviews: readonly ReviewInfo[], weeks: number): ReviewInfo[][] {
  const byWeek = new Map<number, ReviewInfo[]>();
  for (const review of reviews) {
    const week = weekStart(review.span.from);
    byWeek.set(week, [...(byWeek.get(week) ?? []), review]);
  }
  const starts = [...byWeek.keys()].sort((a, b) => a - b);
  const windows: ReviewInfo[][] = [];
  for (let i = 0; i < starts.length; i += weeks) {
    const window = starts.slice(i, i + weeks).flatMap((week) => byWeek.get(week)!);
    windows.push(window.sort((a, b) => a.index - b.index));
  }
  return windows;
}

/**
 * Re-solves the peer seats of the year window by window in time (seats, then reciprocity,
 * exactly by HiGHS within the window, everything else fixed). Reviewers offer a few weeks, so
 * the moves that bring schools to their targets mostly lie inside one window; reciprocity is a
 * sum over the year, and the window's MIP sees the rest of the year's places as fixed.
 * Returns the windows re-solved.
 */
export async function sweepByWeeks(context: EngineContext, roster: Roster, pinned: ReadonlySet<string>): Promise<number> {
  let done = 0;
  for (const window of weekWindows(context.year.reviews, SWEEP_LIMITS.weeks)) {
    if (context.shouldStop()) break;
    await resolveScope(context, roster, { reviews: window, leads: false, peers: true, objective: "balance" }, { pinned, seconds: SWEEP_LIMITS.seconds, maxNodes: SWEEP_LIMITS.nodes, warmStart: true });
    done += 1;
  }
  return done;
}
