import { compareScores } from "../../goals/index.js";
import type { Engine, StopReason } from "../engine.js";
import { breathe, type LinearSolution } from "../lp.js";
import { fillGreedily, yearTies } from "../steps/fill.js";
import { pinnedKeys, rosterFromPins } from "../steps/pins.js";
import { resolveScope, rosterScore } from "../steps/resolve.js";

/** Default wall-clock cap of one exact solve, in seconds (a safety net; small years prove far sooner). */
export const EXACT_TIME_LIMIT_SECONDS = 60;

/**
 * Why the exact solve stopped: a proof, the caller's limit or abort (HiGHS interrupted, with or
 * without a solution: never a solver failure), HiGHS's own limits, or HiGHS failing.
 */
function stopOf(solution: LinearSolution, stopped: boolean): StopReason {
  if (solution.status === "optimal") return "proven-optimal";
  if (solution.interrupted || stopped) return "time-limit";
  if (solution.status === "limit") return "time-limit";
  return solution.status === "failed" ? "solver-failed" : "complete";
}

/**
 * The whole year as one MIP, solved by HiGHS (branch and cut). Proves optimality on small and
 * medium years; the reference the fast engine is measured against.
 */
export const mip: Engine = {
  name: "mip",
  summary: "The whole year as one mixed-integer program solved by HiGHS: optimal, for small and medium years.",
  run: async (context) => {
    const ties = yearTies(context);
    // The greedy allocation first: what a caller that stops waiting gets, and the answer when
    // HiGHS is stopped before it finds anything.
    const greedy = rosterFromPins(context);
    let iterations = fillGreedily(context, greedy, ties);
    const bound = context.seatBound;
    context.report({ phase: "exact", incumbent: greedy.filled(), ...(bound !== undefined ? { bound, gap: Math.max(0, bound - greedy.filled()) / Math.max(1, bound) } : {}) }, () => greedy.toAllocation());
    // Building the whole year's model takes a while on a large year: a limit or an abort that
    // came meanwhile is seen first.
    await breathe();
    if (context.shouldStop()) return { allocation: greedy.toAllocation(), stoppedBy: "time-limit", iterations };
    const roster = rosterFromPins(context);
    // The caller's limit, read now (what is left of it), replaces the default cap.
    const limit = context.timeLimitSeconds ?? EXACT_TIME_LIMIT_SECONDS;
    const { solution } = await resolveScope(context, roster, { reviews: context.year.reviews, leads: true, peers: true }, { pinned: pinnedKeys(context), seconds: limit });
    const stopped = context.shouldStop();
    // Past the limit HiGHS's allocation stands as it is (the greedy completion takes a while on a
    // large year); with nothing from HiGHS, the greedy allocation.
    iterations += 1 + (stopped ? 0 : fillGreedily(context, roster, ties));
    const proven = solution.status === "optimal";
    const found = solution.status === "optimal" || solution.status === "limit";
    // HiGHS stopped short with something worse than the greedy allocation: that one, then.
    const best = !proven && (!found || compareScores(rosterScore(greedy), rosterScore(roster)) > 0) ? greedy : roster;
    return {
      allocation: best.toAllocation(),
      stoppedBy: stopOf(solution, stopped),
      iterations,
      provenOptimal: proven,
    };
  },
};
