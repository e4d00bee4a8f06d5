import { sameValue } from "../../rules/blank.js";
import { facilitatorSchoolRule } from "./facilitator-school.js";

/** A facilitator's trust is their row's trust and their school's: neither may be a group school's trust. */
export const facilitatorTrust = facilitatorSchoolRule({
  id: "facilitator-trust",
  summary: "A facilitator never facilitates a group containing a school of their own trust.",
  allows: (f, school) => !f.trusts.some((trust) => sameValue(trust, school.trust)),
  reason: (_f, school) => `is from the trust ${school.trust ?? ""} of ${school.id}`,
});
