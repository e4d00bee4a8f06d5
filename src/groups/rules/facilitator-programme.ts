import { programmeKey } from "../cohort.js";
import { facilitatorGroupRule } from "./facilitator-school.js";

/** A facilitator trained for some programmes (a SEND Lead Facilitator) leads only those (blank: any). */
export const facilitatorProgramme = facilitatorGroupRule({
  id: "facilitator-programme",
  summary: "A facilitator facilitates only groups of programmes they list.",
  allows: (f, programme) => f.programmes.size === 0 || f.programmes.has(programmeKey(programme)),
  reason: (f, programme) => `lists the programmes ${[...f.programmes].sort().join(", ")}, not ${programme}`,
});
