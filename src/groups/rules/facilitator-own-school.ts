import { facilitatorSchoolRule } from "./facilitator-school.js";

/** A facilitator leads other schools' visits, never a group holding their own school. */
export const facilitatorOwnSchool = facilitatorSchoolRule({
  id: "facilitator-own-school",
  summary: "A facilitator never facilitates a group containing their own school.",
  allows: (f, school) => f.facilitator.schoolId === undefined || f.facilitator.schoolId.trim() !== school.id,
  reason: (_f, school) => `works at ${school.id}, a school of the group`,
});
