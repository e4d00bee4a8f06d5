import { CARRY_OVER_LIMIT } from "../../model/schema.js";
import type { CellReader } from "../cells.js";

/** Largest plausible values: anything above is a typo or a unit mix-up, not a school. */
export const LIMITS = { pupils: 20_000, maxReviews: 100, days: 31, seats: 50, carryOver: CARRY_OVER_LIMIT } as const;

/** A coordinate needs both halves: a blank `lat` beside a given `lon` (or the reverse) is an error. */
export function bothOrNeither(c: CellReader): void {
  const latBlank = c.raw("lat") === "";
  if (latBlank !== (c.raw("lon") === "")) {
    c.fail(latBlank ? "lat" : "lon", `is blank but ${latBlank ? "lon" : "lat"} is given; give both lat and lon, or neither`);
  }
}

/** `lat` and `lon` when both are given, for spreading into a row. */
export const coordinates = (lat: number | undefined, lon: number | undefined) => (lat !== undefined && lon !== undefined ? { lat, lon } : {});
