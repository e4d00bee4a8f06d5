import { violation } from "./exceptions.js";
import type { StructureRule } from "./types.js";

/** Each group has one facilitator who leads its visit days (a group may lack one: a shortage, not a break). */
export const oneFacilitator: StructureRule = {
  id: "one-facilitator",
  summary: "A group has at most one facilitator.",
  kind: "structure",
  check: ({ groups }) =>
    groups
      .filter((g) => g.group.facilitatorIds.length > 1)
      .map((group) => violation("one-facilitator", group, `has ${group.group.facilitatorIds.length} facilitators (${group.group.facilitatorIds.join(", ")}); one leads a group`)),
};
