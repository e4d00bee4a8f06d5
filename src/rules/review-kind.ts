import { pairRule } from "./types.js";

/**
 * People serve only the kinds of review they are trained for (`kinds` in reviewers.csv and
 * leads.csv; blank = `qar`): a Trust Peer Review takes trust leaders and a Lead Reviewer whose
 * kinds include `tpr`, a QAR the partnership's QAR reviewers.
 */
export const reviewKind = pairRule({
  id: "review-kind",
  summary: "A reviewer or Lead Reviewer sits only on reviews of a kind they serve (kinds; blank = qar).",
  roles: ["lead", "peer"],
  basis: "person",
  // In a year of QARs served by everyone the rule refuses nobody: explain's funnel leaves it out.
  applies: (year) => year.mixed,
  allows: (_year, person, review) => person.kinds.has(review.kind.id),
  reason: (_year, person, review) => `serves ${[...person.kinds].join(", ")} reviews, not ${review.kind.id} (${review.kind.name})`,
});
