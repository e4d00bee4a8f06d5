import type { Engine } from "../engine.js";
import { fillGreedily, yearTies } from "../steps/fill.js";
import { pinnedKeys, rosterFromPins } from "../steps/pins.js";
import { resolveScope } from "../steps/resolve.js";

/** Default wall-clock cap of one exact solve, in seconds (a safety net; small years prove far sooner). */
export const EXACT_TIME_LIMIT_SECONDS = 60;

/**
 * The whole year as one MIP, solved by HiGHS (branch and cut). Proves optimality on small and
 * medium years; the reference the fast engine is measured against.
 */
export const mip: Engine = {
  name: "mip",
  summary: "The whole year as one mixed-integer program solved by HiGHS: optimal, for small and medium years.",
  run: async (context) => {
    const roster = rosterFromPins(context);
    const limit = context.timeLimitSeconds ?? EXACT_TIME_LIMIT_SECONDS;
    context.report({ phase: "exact", incumbent: 0 });
    const { solution } = await resolveScope(context, roster, { reviews: context.year.reviews, leads: true, peers: true }, { pinned: pinnedKeys(context), seconds: limit });
    const iterations = 1 + fillGreedily(context, roster, yearTies(context));
    const proven = solution.status === "optimal";
    return {
      allocation: roster.toAllocation(),
      stoppedBy: proven ? "proven-optimal" : solution.status === "limit" ? "time-limit" : solution.status === "failed" ? "solver-failed" : "complete",
      iterations,
      provenOptimal: proven,
    };
  },
};
