import type { Engine } from "../engine.js";
import { fillGreedily, yearTies } from "../steps/fill.js";
import { rosterFromPins } from "../steps/pins.js";

/**
 * The first solver: scarcest seats first, cheapest free candidate for each. Always valid,
 * fast, and the baseline every other engine is measured against.
 */
export const greedy: Engine = {
  name: "greedy",
  summary: "Scarcest seats first, cheapest free candidate for each; valid by construction, not optimal.",
  run: async (context) => {
    const roster = rosterFromPins(context);
    const iterations = fillGreedily(context, roster, yearTies(context));
    return { allocation: roster.toAllocation(), stoppedBy: "complete", iterations };
  },
};
