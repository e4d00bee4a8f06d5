import type { Kind } from "../../model/kinds.js";
import type { Reviewer } from "../../model/schema.js";
import type { CellReader } from "../cells.js";
import { LIMITS } from "./shared.js";

/** One row of `reviewers.csv`; `undefined` when a cell it cannot do without is bad. */
export function reviewerRow(c: CellReader, kinds: Readonly<Record<string, Kind>>): Reviewer | undefined {
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
  const served = c.kinds("kinds", Object.keys(kinds));
  if (id === undefined || schoolId === undefined || level === undefined) return undefined;
  return { id, name: c.raw("name"), schoolId, level, ...reviewer, ...(maxReviews !== undefined ? { maxReviews } : {}), ...(served ? { kinds: served } : {}), ...c.present(["email"]) };
}
