import { sharedValueRule } from "./school-pair.js";

/** Several hubs can sit in one area, so the locality is checked as well as the hub. */
export const sameLocality = sharedValueRule({ id: "same-locality", summary: "No two schools of a group share a locality.", field: "locality" });
