import { facilitatorGroupRule } from "./facilitator-school.js";

/** A facilitator leads only phases they list (blank: any); a mixed group needs every phase listed. */
export const facilitatorPhase = facilitatorGroupRule({
  id: "facilitator-phase",
  summary: "A facilitator facilitates only groups of phases they list.",
  allows: (f, _programme, phases) => f.phases.size === 0 || [...phases].every((p) => f.phases.has(p)),
  reason: (f, _programme, phases) => `lists ${[...f.phases].sort().join(", ")}, not ${[...phases].filter((p) => !f.phases.has(p)).sort().join(", ")}`,
});
