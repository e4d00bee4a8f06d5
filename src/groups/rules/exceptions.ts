import type { GroupPolicy } from "../policy.js";
import type { GroupViolation, ResolvedGroup } from "./types.js";

/**
 * The groups of each programme beyond `limit` among those that `uses` an exception, in group id
 * order: the policy allows so many per programme, and the rest break the rule.
 */
export function beyondLimit(groups: readonly ResolvedGroup[], uses: (g: ResolvedGroup) => boolean, limit: number): ResolvedGroup[] {
  const byProgramme = new Map<string, ResolvedGroup[]>();
  for (const group of groups.filter(uses)) byProgramme.set(group.group.programme, [...(byProgramme.get(group.group.programme) ?? []), group]);
  return [...byProgramme.values()].flatMap((list) => [...list].sort((a, b) => (a.group.groupId < b.group.groupId ? -1 : 1)).slice(limit));
}

export const policyCount = (n: number, what: string) => `the policy allows ${n} ${what}${n === 1 ? "" : "s"} per programme`;

export type PolicyKey = keyof GroupPolicy;

export function violation(rule: string, group: ResolvedGroup, message: string): GroupViolation {
  return { rule, programme: group.group.programme, groupId: group.group.groupId, message: `${group.label}: ${message}` };
}
