import { covers, formatDay } from "../model/dates.js";
import { pairRule } from "./types.js";

/** People sit only on reviews whose every day falls inside their availability. */
export const availability = pairRule({
  id: "availability",
  summary: "A reviewer or Lead Reviewer sits only on reviews whose every day is inside their availability.",
  roles: ["lead", "peer"],
  basis: "person",
  allows: (_year, person, review) => covers(person.available, review.span),
  reason: (_year, person, review) =>
    person.available.length === 0
      ? "gave no available dates"
      : `is not available for every day ${formatDay(review.span.from)}..${formatDay(review.span.to)}`,
});
