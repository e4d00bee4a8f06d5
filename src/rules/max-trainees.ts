import { teamCapRule } from "./team-cap.js";

/** At most the kind's `maxTraineesPerTeam` trainees on a team (first-timers do not crowd one team); no cap by default. */
export const maxTrainees = teamCapRule({
  id: "max-trainees",
  summary: "A team holds at most its kind's maxTraineesPerTeam trainee reviewers (no cap by default).",
  key: "maxTraineesPerTeam",
  limit: (review) => review.kind.maxTraineesPerTeam,
  group: (person) => (person.level === "trainee" ? "trainee" : undefined),
  words: () => "who are trainees",
});
