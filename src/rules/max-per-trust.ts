import { valueKey } from "./blank.js";
import { teamCapRule } from "./team-cap.js";

/**
 * At most the kind's `maxPerTrustPerTeam` peers of one trust on a team: a Trust Peer Review's
 * six trust leaders come from six different trusts. QARs have no cap by default.
 */
export const maxPerTrust = teamCapRule({
  id: "max-per-trust",
  summary: "A team holds at most its kind's maxPerTrustPerTeam peer reviewers from one trust (TPR: 1; QAR: no cap).",
  key: "maxPerTrustPerTeam",
  limit: (review) => review.kind.maxPerTrustPerTeam,
  group: (person) => valueKey(person.school?.trust),
  words: (person) => `of trust ${person.school?.trust?.trim()}`,
});
