import { sharedValueRule } from "./school-pair.js";

/** Groups reach beyond the locality: no two schools of a group share a hub. */
export const sameHub = sharedValueRule({ id: "same-hub", summary: "No two schools of a group share a hub.", field: "hub" });
