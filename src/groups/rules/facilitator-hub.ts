import { sameValue } from "../../rules/blank.js";
import { facilitatorSchoolRule } from "./facilitator-school.js";

/** A facilitator's hub is their row's hub and their school's: neither may be a group school's hub. */
export const facilitatorHub = facilitatorSchoolRule({
  id: "facilitator-hub",
  summary: "A facilitator never facilitates a group containing a school of their own hub.",
  allows: (f, school) => !f.hubs.some((hub) => sameValue(hub, school.hub)),
  reason: (_f, school) => `is from the hub ${school.hub ?? ""} of ${school.id}`,
});
