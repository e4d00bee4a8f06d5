import { distanceKm } from "../model/geo.js";
import type { CohortIndex, MemberInfo } from "./cohort.js";
import { byText, memberKey } from "./cohort.js";
import type { Grouping } from "./model.js";

/**
 * One visit day: a group's school hosts the others.
 *
 * @example
 * const { grouping } = await group(cohort);
 * for (const v of visitsOf(indexCohort(cohort), grouping)) console.log(`${v.groupId} visit ${v.visit}: ${v.hostSchoolId} hosts ${v.visitingSchoolIds.join(", ")}`);
 */
export interface Visit {
  readonly programme: string;
  readonly groupId: string;
  /** 1 for the first visit of the group's year. */
  readonly visit: number;
  readonly hostSchoolId: string;
  readonly visitingSchoolIds: readonly string[];
  readonly facilitatorId?: string;
}

/**
 * The host order of a group: from its northernmost school, each next host the nearest not yet
 * visited (ties by id), so the facilitator who leads every visit day goes round the group's
 * region rather than back and forth; schools without coordinates host last, by id.
 */
export function hostOrder(members: readonly MemberInfo[]): MemberInfo[] {
  const placed = [...members].filter((m) => m.point).sort((a, b) => b.point!.lat - a.point!.lat || byText(a.school.id, b.school.id));
  const order: MemberInfo[] = [];
  let left = placed;
  while (left.length > 0) {
    const from = order[order.length - 1];
    const next = from ? [...left].sort((a, b) => distanceKm(from.point!, a.point!) - distanceKm(from.point!, b.point!) || byText(a.school.id, b.school.id))[0]! : left[0]!;
    order.push(next);
    left = left.filter((m) => m !== next);
  }
  return [...order, ...members.filter((m) => !m.point).sort((a, b) => byText(a.school.id, b.school.id))];
}

/**
 * The visits of a grouping: each school of each group hosts one visit, in `hostOrder`.
 *
 * @example
 * for (const v of visitsOf(index, grouping)) console.log(`${v.groupId} visit ${v.visit}: ${v.hostSchoolId}`);
 */
export function visitsOf(index: CohortIndex, grouping: Grouping): Visit[] {
  return grouping.groups.flatMap((group) => {
    const members = group.schoolIds.flatMap((id) => index.memberByKey.get(memberKey(group.programme, id)) ?? []);
    return hostOrder(members).map((host, i): Visit => ({
      programme: group.programme,
      groupId: group.groupId,
      visit: i + 1,
      hostSchoolId: host.school.id,
      visitingSchoolIds: members.filter((m) => m !== host).map((m) => m.school.id),
      ...(group.facilitatorIds[0] !== undefined ? { facilitatorId: group.facilitatorIds[0] } : {}),
    }));
  });
}
