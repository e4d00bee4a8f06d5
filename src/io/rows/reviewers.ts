import type { Reviewer } from "../../model/schema.js";
import type { CellReader } from "../cells.js";
import { LIMITS } from "./shared.js";

/** One row of `reviewers.csv`; `undefined` when a cell it cannot do without is bad. */
export function reviewerRow(c: CellReader): Reviewer | undefined {
  const id = c.required("id", "a reviewer id");
  const schoolId = c.required("school_id", "the id of the reviewer's school (reviewers belong to a member school)");
  const level = c.level("level");
  const maxReviews = c.number("max_reviews", { integer: true, min: 0, max: LIMITS.maxReviews });
  const reviewer = {
    phases: c.phases("phases"),
    available: c.ranges("available"),
    conflicts: c.list("conflicts"),
    prefers: c.list("prefers"),
  };
  if (id === undefined || schoolId === undefined || level === undefined) return undefined;
  return { id, name: c.raw("name"), schoolId, level, ...reviewer, ...(maxReviews !== undefined ? { maxReviews } : {}), ...c.present(["email"]) };
}
