import { valueKey } from "./blank.js";
import { teamCapRule } from "./team-cap.js";

/** At most the kind's `maxPerHubPerTeam` peers of one hub on a team (no team drawn mostly from one hub); no cap by default. */
export const maxPerHub = teamCapRule({
  id: "max-per-hub",
  summary: "A team holds at most its kind's maxPerHubPerTeam peer reviewers from one hub (no cap by default).",
  key: "maxPerHubPerTeam",
  limit: (review) => review.kind.maxPerHubPerTeam,
  group: (person) => valueKey(person.school?.hub),
  words: (person) => `of hub ${person.school?.hub?.trim()}`,
});
