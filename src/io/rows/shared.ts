import { VALUE_LIMITS } from "../../model/schema.js";
import type { CellReader } from "../cells.js";

/** Largest plausible values (the model's, so a problem given as JSON is held to the same). */
export const LIMITS = VALUE_LIMITS;

/** A coordinate needs both halves: a blank `lat` beside a given `lon` (or the reverse) is an error. */
export function bothOrNeither(c: CellReader): void {
  const latBlank = c.raw("lat") === "";
  if (latBlank !== (c.raw("lon") === "")) {
    c.fail(latBlank ? "lat" : "lon", `is blank but ${latBlank ? "lon" : "lat"} is given; give both lat and lon, or neither`);
  }
}

/** `lat` and `lon` when both are given, for spreading into a row. */
export const coordinates = (lat: number | undefined, lon: number | undefined) => (lat !== undefined && lon !== undefined ? { lat, lon } : {});
