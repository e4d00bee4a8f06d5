import { sharedValueRule } from "./school-pair.js";

/** Schools of one trust already work together: a group brings schools of different trusts. */
export const sameTrust = sharedValueRule({ id: "same-trust", summary: "No two schools of a group share a trust.", field: "trust" });
