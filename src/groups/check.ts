import { indexCohort, memberKey, type CohortIndex } from "./cohort.js";
import { GROUP_GOALS } from "./goals.js";
import type { Cohort, Grouping } from "./model.js";
import { GROUP_RULES } from "./rules/index.js";
import type { GroupPlacement, GroupViolation, ResolvedGroup } from "./rules/types.js";
import { pairKm } from "./cohort.js";

/** The figures of a grouping, each computed from the grouping itself. */
export interface GroupMetrics {
  /** Cohort places: one per school per programme. */
  readonly schools: number;
  readonly placed: number;
  readonly unplaced: number;
  readonly groups: number;
  /** Group size → number of groups. */
  readonly sizes: Readonly<Record<string, number>>;
  readonly withoutFacilitator: number;
  /** Each goal's measure, by goal id (`journeys` in km, `fresh-pairs` in pair-years). */
  readonly goals: Readonly<Record<string, number>>;
  /** Pairs of grouped schools with no coordinates on one side (their journeys count 0 km). */
  readonly pairsWithoutDistance: number;
  /** Facilitator id → groups led, for every facilitator. */
  readonly loads: Readonly<Record<string, number>>;
  readonly programmes: readonly { readonly programme: string; readonly schools: number; readonly placed: number; readonly groups: number }[];
}

/**
 * What `checkGroups` finds: every broken group rule, and the grouping's figures.
 *
 * @example
 * const check: GroupCheck = checkGroups(cohort, grouping);
 * if (!check.valid) for (const v of check.violations) console.log(`${v.rule} ${v.programme}/${v.groupId ?? ""}: ${v.message}`);
 */
export interface GroupCheck {
  readonly valid: boolean;
  readonly violations: readonly GroupViolation[];
  readonly metrics: GroupMetrics;
}

/** Resolves a grouping's ids against the cohort (unknown ids are left for the `cohort-member` rule). */
export function resolveGrouping(index: CohortIndex, grouping: Grouping): GroupPlacement {
  const groups = grouping.groups.map((group): ResolvedGroup => {
    const members = group.schoolIds.flatMap((id) => index.memberByKey.get(memberKey(group.programme, id)) ?? []);
    return {
      group,
      label: `${group.programme}/${group.groupId}`,
      members,
      facilitators: group.facilitatorIds.flatMap((id) => index.facilitatorById.get(id) ?? []),
      phases: new Set(members.map((m) => m.school.phase)),
    };
  });
  return { index, groups };
}

function metricsOf(placement: GroupPlacement): GroupMetrics {
  const { index, groups } = placement;
  const placedKeys = new Set(groups.flatMap((g) => g.members.map((m) => m.key)));
  const unplaced = index.members.length - placedKeys.size;
  const sizes: Record<string, number> = {};
  for (const g of groups) sizes[g.group.schoolIds.length] = (sizes[g.group.schoolIds.length] ?? 0) + 1;
  const loads: Record<string, number> = Object.fromEntries(index.facilitators.map((f) => [f.id, 0]));
  for (const g of groups) for (const f of g.facilitators) loads[f.id] = (loads[f.id] ?? 0) + 1;
  let pairsWithoutDistance = 0;
  for (const g of groups) g.members.forEach((a, i) => g.members.slice(i + 1).forEach((b) => (pairsWithoutDistance += pairKm(a, b) === undefined ? 1 : 0)));
  return {
    schools: index.members.length,
    placed: placedKeys.size,
    unplaced,
    groups: groups.length,
    sizes,
    withoutFacilitator: groups.filter((g) => g.group.facilitatorIds.length === 0).length,
    goals: Object.fromEntries(GROUP_GOALS.map((goal) => [goal.id, goal.measure(placement, unplaced)])),
    pairsWithoutDistance,
    loads,
    programmes: index.programmes.map((p) => ({
      programme: p.name,
      schools: p.members.length,
      placed: p.members.filter((m) => placedKeys.has(m.key)).length,
      groups: groups.filter((g) => g.group.programme === p.name).length,
    })),
  };
}

/**
 * Checks a grouping against every group rule and computes its figures. Valid means no rule is
 * broken; unplaced schools and groups without a facilitator are shortfalls, not breaks.
 *
 * @example
 * const { valid, violations, metrics } = checkGroups(cohort, grouping);
 * if (!valid) for (const v of violations) console.log(`[${v.rule}] ${v.message}`);
 */
export function checkGroups(cohort: Cohort | CohortIndex, grouping: Grouping): GroupCheck {
  const index = "members" in cohort && "memberByKey" in cohort ? cohort : indexCohort(cohort);
  const placement = resolveGrouping(index, grouping);
  const violations = GROUP_RULES.flatMap((rule) => rule.check(placement));
  return { valid: violations.length === 0, violations, metrics: metricsOf(placement) };
}
