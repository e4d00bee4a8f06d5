import type { Kind } from "../../model/kinds.js";
import type { LeadReviewer } from "../../model/schema.js";
import type { CellReader } from "../cells.js";
import { bothOrNeither, coordinates, LIMITS } from "./shared.js";

/** One row of `leads.csv`; `undefined` when its id is bad. */
export function leadRow(c: CellReader, kinds: Readonly<Record<string, Kind>>): LeadReviewer | undefined {
  const id = c.required("id", "a Lead Reviewer id");
  const maxReviews = c.number("max_reviews", { integer: true, min: 0, max: LIMITS.maxReviews });
  const lat = c.number("lat", { min: -90, max: 90 });
  const lon = c.number("lon", { min: -180, max: 180 });
  bothOrNeither(c);
  const lead = { available: c.ranges("available"), phases: c.phases("phases"), conflicts: c.list("conflicts") };
  const served = c.kinds("kinds", Object.keys(kinds));
  if (id === undefined) return undefined;
  return {
    id,
    name: c.raw("name"),
    ...lead,
    ...(maxReviews !== undefined ? { maxReviews } : {}),
    ...coordinates(lat, lon),
    ...(served ? { kinds: served } : {}),
    ...c.present(["email"]),
  };
}
