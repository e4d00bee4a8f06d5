import type { CohortIndex, MemberInfo } from "./cohort.js";
import { memberKey } from "./cohort.js";
import type { Cohort, Grouping, Unplaced } from "./model.js";
import { canSplit, sizeRange, type GroupPolicy } from "./policy.js";
import { plural } from "../model/text.js";
import { FACILITATOR_GROUP_RULES, FACILITATOR_SCHOOL_RULES, SCHOOL_PAIR_RULES } from "./rules/index.js";

/** A group left without a facilitator, and why. */
export interface UncoveredGroup {
  readonly programme: string;
  readonly groupId: string;
  readonly reason: string;
}

/** Solves a cohort again and returns the keys of the members it leaves unplaced. */
export type Resolver = (cohort: Cohort) => Promise<{ readonly left: ReadonlySet<string>; readonly proven: boolean } | undefined>;


/** Why a school that no allowed group contains cannot be placed. */
function alone(index: CohortIndex, member: MemberInfo, peers: readonly MemberInfo[]): string {
  const { policy } = index;
  const phase = member.school.phase;
  const others = peers.filter((p) => p !== member);
  if (others.length + 1 < policy.minGroupSize) {
    return `only ${plural(others.length + 1, `${phase} school`)} in ${member.programme}; groups need ${sizeRange(policy)}`;
  }
  const blocked = others.filter((o) => !SCHOOL_PAIR_RULES.every((r) => r.allows(member.school, o.school)));
  if (others.length - blocked.length + 1 < policy.minGroupSize) {
    return `shares a hub, locality or trust with ${blocked.length} of the other ${plural(others.length, `${phase} school`)} (${blocked.map((b) => b.school.id).join(", ")}); too few are left for a group of ${policy.minGroupSize}`;
  }
  return `no group of ${sizeRange(policy)} ${phase} schools that includes it avoids a shared hub, locality or trust`;
}

/** The reason shared by every unplaced school of a phase (or programme, when phases may mix). */
function sharedReason(index: CohortIndex, peers: readonly MemberInfo[], placed: number, what: string, proven: boolean): string {
  const { policy } = index;
  if (!canSplit(peers.length, policy)) return `${peers.length} ${what} schools cannot form groups of ${sizeRange(policy)}`;
  const most = proven ? `at most ${placed} can be (proven)` : `the search stopped with ${placed} placed`;
  return `the ${peers.length} ${what} schools cannot all be grouped ${sizeRange(policy)} without two of a group sharing a hub, locality or trust; ${most}`;
}

/** Policy changes worth trying, in words, and the policy each makes. */
function remedyPolicies(policy: GroupPolicy): { words: string; short: string; policy: GroupPolicy }[] {
  const oversize = policy.oversizeGroups + 1;
  const mixed = policy.mixedPhaseGroups + 1;
  return [
    { words: `${oversize === 1 ? "one group" : `${oversize} groups`} of ${policy.maxGroupSize + 1} (policy oversizeGroups: ${oversize})`, short: `a group of ${policy.maxGroupSize + 1}`, policy: { ...policy, oversizeGroups: oversize } },
    { words: `${mixed === 1 ? "one" : `${mixed}`} mixed-phase group${mixed === 1 ? "" : "s"} (policy mixedPhaseGroups: ${mixed})`, short: "a mixed-phase group", policy: { ...policy, mixedPhaseGroups: mixed } },
  ];
}

/** What an unplaced school's remedies are judged on: its phase of its programme (its programme when phases mix). */
const scopeOf = (policy: GroupPolicy, programme: string, phase: string) => (policy.mixedPhaseGroups > 0 ? programme : `${programme}|${phase}`);

/**
 * Remedies per scope: each policy change solved again (only for the programmes, or the phases,
 * with unplaced schools), kept for a scope when it places more of its schools and no fewer in
 * all; with how many more it places when not all of them.
 */
async function remedies(index: CohortIndex, unplaced: readonly MemberInfo[], resolve: Resolver): Promise<{ found: Map<string, string[]>; useless: Map<string, string[]> }> {
  const cohort = index.cohort;
  const policy = cohort.policy;
  const phaseOf = new Map(cohort.schools.map((s) => [s.id, s.phase as string]));
  const before = new Map<string, number>();
  for (const m of unplaced) before.set(scopeOf(policy, m.programme, m.school.phase), (before.get(scopeOf(policy, m.programme, m.school.phase)) ?? 0) + 1);
  const programmes = new Set(unplaced.map((m) => m.programme));
  const phases = new Set(unplaced.map((m) => `${m.programme}|${m.school.phase}`));
  const found = new Map<string, string[]>();
  const useless = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, text: string) => map.set(key, [...(map.get(key) ?? []), text]);
  for (const remedy of remedyPolicies(policy)) {
    // Phases apart are tried apart (a group of one more helps only its own phase).
    const apart = remedy.policy.mixedPhaseGroups === 0;
    const members = cohort.members.filter((m) => (apart ? phases.has(`${m.programme}|${phaseOf.get(m.schoolId)}`) : programmes.has(m.programme)));
    const solved = await resolve({ ...cohort, members, policy: remedy.policy });
    if (solved === undefined) continue;
    const left = solved.left;
    const after = new Map<string, number>();
    for (const key of left) {
      const at = key.lastIndexOf("|");
      const scope = scopeOf(policy, key.slice(0, at), phaseOf.get(key.slice(at + 1)) ?? "");
      after.set(scope, (after.get(scope) ?? 0) + 1);
    }
    const fewer = left.size < unplaced.length;
    for (const [scope, count] of before) {
      const now = after.get(scope) ?? 0;
      if (fewer && now < count) add(found, scope, `${remedy.words}${now > 0 ? ` places ${count - now} more` : ""}`);
      else if (solved.proven) add(useless, scope, remedy.short);
    }
  }
  return { found, useless };
}

/**
 * A reason for each unplaced school: no allowed group contains it (too few schools of its
 * phase, or every one shares its hub, locality or trust), or its phase's schools cannot be
 * split into the policy's sizes, or the shared hubs, localities and trusts leave no way; with
 * the policy changes that would place more, found by solving again (`resolve`). `found` holds
 * each member's number of allowed groups and whether the grouping was proven optimal.
 */
export async function explainUnplaced(
  index: CohortIndex,
  unplaced: readonly MemberInfo[],
  found: { readonly options: ReadonlyMap<string, number>; readonly proven: boolean },
  resolve?: Resolver,
): Promise<Unplaced[]> {
  if (unplaced.length === 0) return [];
  const mixing = index.policy.mixedPhaseGroups > 0;
  const { found: fixes, useless } = resolve ? await remedies(index, unplaced, resolve) : { found: new Map<string, string[]>(), useless: new Map<string, string[]>() };
  const missing = new Set(unplaced.map((m) => m.key));
  return [...unplaced].sort((a, b) => a.index - b.index).map((member) => {
    const programme = index.programmes.find((p) => p.name === member.programme)!;
    const peers = programme.members.filter((p) => mixing || p.school.phase === member.school.phase);
    const placed = peers.filter((p) => !missing.has(p.key)).length;
    const what = mixing ? member.programme : member.school.phase;
    const reason = (found.options.get(member.key) ?? 0) === 0 ? alone(index, member, peers) : sharedReason(index, peers, placed, what, found.proven);
    const scope = scopeOf(index.policy, member.programme, member.school.phase);
    const changes = fixes.get(scope) ?? [];
    const idle = useless.get(scope) ?? [];
    const advice = `${changes.length > 0 ? `: allow ${changes.join(", or ")}` : ""}${idle.length > 0 ? `; ${idle.join(" or ")} would not place more` : ""}`;
    return { programme: member.programme, schoolId: member.school.id, reason: `${reason}${advice}` };
  });
}

/** Why each group without a facilitator has none: nobody may lead it, or those who may are full. */
export function explainUncovered(index: CohortIndex, grouping: Grouping): UncoveredGroup[] {
  const led = new Map<string, number>();
  for (const g of grouping.groups) for (const f of g.facilitatorIds) led.set(f, (led.get(f) ?? 0) + 1);
  return grouping.groups
    .filter((g) => g.facilitatorIds.length === 0)
    .map((g) => {
      const members = g.schoolIds.flatMap((id) => index.memberByKey.get(memberKey(g.programme, id)) ?? []);
      const phases = new Set(members.map((m) => m.school.phase));
      const refusals = new Map<string, number>();
      const eligible = index.facilitators.filter((f) => {
        const rule =
          FACILITATOR_GROUP_RULES.find((r) => !r.allows(f, g.programme, phases)) ?? FACILITATOR_SCHOOL_RULES.find((r) => members.some((m) => !r.allows(f, m.school)));
        if (rule) refusals.set(rule.id, (refusals.get(rule.id) ?? 0) + 1);
        return rule === undefined;
      });
      const reason =
        eligible.length === 0
          ? `no facilitator may lead it (${[...refusals].map(([rule, n]) => `${rule}: ${n}`).join(", ") || "facilitators.csv is empty"})`
          : `the ${plural(eligible.length, "facilitator")} who may lead it (${eligible.map((f) => f.id).join(", ")}) already ${eligible.length === 1 ? "leads" : "lead"} their max_groups`;
      return { programme: g.programme, groupId: g.groupId, reason };
    });
}
