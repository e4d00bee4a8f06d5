import type { School } from "../../model/schema.js";
import type { CellReader } from "../cells.js";
import { bothOrNeither, coordinates, LIMITS } from "./shared.js";

/** One row of `schools.csv`; `undefined` when a cell it cannot do without is bad. */
export function schoolRow(c: CellReader): School | undefined {
  const id = c.required("id", "a school id");
  const hub = c.optional("hub");
  const phase = c.phase("phase");
  const pupils = c.number("pupils", { integer: true, min: 0, max: LIMITS.pupils, what: "pupils on roll" });
  if (c.raw("pupils") === "") c.fail("pupils", "is blank; the number of pupils on roll sets the team size");
  const lat = c.number("lat", { min: -90, max: 90 });
  const lon = c.number("lon", { min: -180, max: 180 });
  bothOrNeither(c);
  const carryOver = c.number("carry_over", { integer: true, min: -LIMITS.carryOver, max: LIMITS.carryOver }) ?? 0;
  if (id === undefined || phase === undefined || pupils === undefined) return undefined;
  const locality = c.optional("locality");
  const trust = c.optional("trust");
  return {
    id,
    name: c.raw("name"),
    ...(hub !== undefined ? { hub } : {}),
    ...(locality !== undefined ? { locality } : {}),
    ...(trust !== undefined ? { trust } : {}),
    phase,
    pupils,
    ...coordinates(lat, lon),
    carryOver,
    ...c.present(["address", "postcode", "email"]),
  };
}
