import type { Pin } from "../../model/schema.js";
import type { CellReader } from "../cells.js";

/** One row of `pins.csv`: a seat fixed or a pair forbidden before solving (`pin` blank = fix). */
export function pinRow(c: CellReader): Pin | undefined {
  const reviewId = c.required("review_id", "a review id");
  const personId = c.required("person_id", "a person id");
  const role = c.raw("role").toLowerCase();
  const kind = (c.raw("pin") || "fix").toLowerCase();
  if (role !== "lead" && role !== "peer") return c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
  if (kind !== "fix" && kind !== "forbid") return c.fail("pin", `"${c.raw("pin")}" is not a pin; use fix or forbid`);
  if (reviewId === undefined || personId === undefined) return undefined;
  return { reviewId, personId, role, kind };
}
