import type { FacilitatorLoadRule, GroupViolation, ResolvedGroup } from "./types.js";

/** A facilitator leads at most `max_groups` groups, counted over every programme of the cohort. */
export const facilitatorCapacity: FacilitatorLoadRule = {
  id: "facilitator-capacity",
  summary: "A facilitator facilitates at most their max_groups groups.",
  kind: "facilitator-load",
  capacity: (f) => f.maxGroups,
  check: ({ index, groups }) => {
    const load = new Map<string, ResolvedGroup[]>();
    for (const group of groups) for (const f of group.facilitators) load.set(f.id, [...(load.get(f.id) ?? []), group]);
    const found: GroupViolation[] = [];
    for (const f of index.facilitators) {
      const led = load.get(f.id) ?? [];
      if (led.length <= f.maxGroups) continue;
      const last = led[led.length - 1]!;
      found.push({
        rule: "facilitator-capacity",
        programme: last.group.programme,
        groupId: last.group.groupId,
        facilitatorId: f.id,
        message: `facilitator ${f.id} facilitates ${led.length} groups (${led.map((g) => g.label).join(", ")}); at most ${f.maxGroups}`,
      });
    }
    return found;
  },
};
