import type { Review } from "../../model/schema.js";
import type { CellReader } from "../cells.js";
import { LIMITS } from "./shared.js";

/**
 * One row of `reviews.csv`; `undefined` when a cell it cannot do without is bad. A blank `days`
 * takes the policy's `defaultReviewDays`.
 */
export function reviewRow(c: CellReader, defaultDays: number): Review | undefined {
  const id = c.required("id", "a review id");
  const schoolId = c.required("school_id", "the id of the host school");
  const start = c.date("start");
  const days = c.number("days", { integer: true, min: 1, max: LIMITS.days }) ?? defaultDays;
  const seats = c.number("seats", { integer: true, min: 0, max: LIMITS.seats });
  // The dates the school would accept instead (qar plan proposes moves within them).
  const window = c.ranges("window");
  if (id === undefined || schoolId === undefined || start === undefined) return undefined;
  return { id, schoolId, start, days, ...(seats !== undefined ? { seats } : {}), ...(window.length > 0 ? { window } : {}) };
}
