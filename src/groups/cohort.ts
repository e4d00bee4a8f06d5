import { distanceKm, type Coordinates } from "../model/geo.js";
import type { Phase, School } from "../model/schema.js";
import type { Cohort, Facilitator } from "./model.js";
import type { GroupPolicy } from "./policy.js";

/** One school in one programme: the unit a grouping places. */
export interface MemberInfo {
  /** `programme|school id`, unique in the cohort. */
  readonly key: string;
  /** Position in `CohortIndex.members` (programmes by name, schools by id). */
  readonly index: number;
  readonly programme: string;
  readonly school: School;
  readonly point?: Coordinates;
}

export interface ProgrammeInfo {
  readonly name: string;
  /** The programme's schools, by id. */
  readonly members: readonly MemberInfo[];
}

/** A facilitator with what the rules read: every hub and trust they belong to. */
export interface FacilitatorInfo {
  readonly id: string;
  readonly index: number;
  readonly facilitator: Facilitator;
  /** The row's hub and, when their school is in schools.csv, that school's hub. */
  readonly hubs: readonly string[];
  readonly trusts: readonly string[];
  /** Empty: any phase. */
  readonly phases: ReadonlySet<Phase>;
  /** Lower-cased programme names; empty: any programme. */
  readonly programmes: ReadonlySet<string>;
  readonly maxGroups: number;
}

/**
 * A cohort indexed for the rules, the checker and the engine. Built once, never mutated.
 *
 * @example
 * const index: CohortIndex = indexCohort(cohort);
 * const files = groupOutputs(index, await group(cohort));
 */
export interface CohortIndex {
  readonly cohort: Cohort;
  readonly policy: GroupPolicy;
  readonly schools: ReadonlyMap<string, School>;
  readonly programmes: readonly ProgrammeInfo[];
  readonly members: readonly MemberInfo[];
  readonly memberByKey: ReadonlyMap<string, MemberInfo>;
  readonly facilitators: readonly FacilitatorInfo[];
  readonly facilitatorById: ReadonlyMap<string, FacilitatorInfo>;
  /** `pairKey(a, b)` → how many of the counted years grouped schools a and b together. */
  readonly pastPairs: ReadonlyMap<string, number>;
  /** The years of history.csv that count (the policy's `historyYears` most recent). */
  readonly countedYears: readonly string[];
}

/** Code-unit order, never locale-dependent: the same order on every machine. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const memberKey = (programme: string, schoolId: string): string => `${programme}|${schoolId}`;

/** One key per unordered pair of schools. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Programme names match whatever the case and surrounding spaces. */
export const programmeKey = (name: string): string => name.trim().toLowerCase();

/** Whole kilometres between two schools, or undefined when either has no coordinates. */
export function pairKm(a: MemberInfo, b: MemberInfo): number | undefined {
  return a.point && b.point ? Math.round(distanceKm(a.point, b.point)) : undefined;
}

function facilitatorInfo(facilitator: Facilitator, index: number, schools: ReadonlyMap<string, School>, policy: GroupPolicy): FacilitatorInfo {
  const own = facilitator.schoolId !== undefined ? schools.get(facilitator.schoolId) : undefined;
  const present = (values: (string | undefined)[]) => values.filter((v): v is string => v !== undefined && v.trim() !== "");
  return {
    id: facilitator.id,
    index,
    facilitator,
    hubs: present([facilitator.hub, own?.hub]),
    trusts: present([facilitator.trust, own?.trust]),
    phases: new Set(facilitator.phases),
    programmes: new Set(facilitator.programmes.map(programmeKey).filter((p) => p !== "")),
    maxGroups: facilitator.maxGroups ?? policy.defaultMaxGroups,
  };
}

function pastPairsOf(cohort: Cohort, years: number): { pairs: Map<string, number>; counted: string[] } {
  const counted = [...new Set(cohort.history.map((h) => h.year))].sort(byText).reverse().slice(0, years);
  const groups = new Map<string, Set<string>>();
  for (const row of cohort.history) {
    if (!counted.includes(row.year)) continue;
    const key = `${row.year}|${programmeKey(row.programme)}|${row.groupId}`;
    groups.set(key, (groups.get(key) ?? new Set()).add(row.schoolId));
  }
  // A pair counts once per year, whatever the programme: meeting again is meeting again.
  const perYear = new Map<string, Set<string>>();
  for (const [key, schoolIds] of groups) {
    const year = key.slice(0, key.indexOf("|"));
    const ids = [...schoolIds].sort(byText);
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const pair = pairKey(ids[i]!, ids[j]!);
        perYear.set(pair, (perYear.get(pair) ?? new Set()).add(year));
      }
    }
  }
  return { pairs: new Map([...perYear].map(([pair, set]) => [pair, set.size])), counted };
}

/**
 * Indexes a cohort: programmes by name, each programme's schools by id, facilitators by id,
 * and the pairs of schools grouped together in the counted years of history.
 *
 * @example
 * const index = indexCohort(cohort);
 * index.programmes.map((p) => `${p.name}: ${p.members.length} schools`);
 */
export function indexCohort(cohort: Cohort): CohortIndex {
  const schools = new Map(cohort.schools.map((s) => [s.id, s]));
  const names = [...new Set(cohort.members.map((m) => m.programme))].sort(byText);
  const members: MemberInfo[] = [];
  const programmes = names.map((name) => {
    const ids = [...new Set(cohort.members.filter((m) => m.programme === name).map((m) => m.schoolId))].sort(byText);
    const list = ids.flatMap((schoolId) => {
      const school = schools.get(schoolId);
      if (!school) return [];
      const point = school.lat !== undefined && school.lon !== undefined ? { lat: school.lat, lon: school.lon } : undefined;
      const member: MemberInfo = { key: memberKey(name, schoolId), index: members.length, programme: name, school, ...(point ? { point } : {}) };
      members.push(member);
      return [member];
    });
    return { name, members: list };
  });
  const facilitators = [...cohort.facilitators].sort((a, b) => byText(a.id, b.id)).map((f, i) => facilitatorInfo(f, i, schools, cohort.policy));
  const { pairs, counted } = pastPairsOf(cohort, cohort.policy.historyYears);
  return {
    cohort,
    policy: cohort.policy,
    schools,
    programmes,
    members,
    memberByKey: new Map(members.map((m) => [m.key, m])),
    facilitators,
    facilitatorById: new Map(facilitators.map((f) => [f.id, f])),
    pastPairs: pairs,
    countedYears: counted,
  };
}
