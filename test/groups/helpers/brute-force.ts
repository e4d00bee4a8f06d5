/**
 * The best grouping's goal values by exhaustive search (dynamic programming over subsets), for
 * tiny cohorts: written from the rules and goals without src/groups, to test that the
 * engine's answer is optimal, not only valid.
 */
import type { Cohort } from "../../../src/groups/model.js";
import type { School } from "../../../src/model/schema.js";

const same = (a: string | undefined, b: string | undefined) => {
  const x = (a ?? "").trim().toLowerCase();
  return x !== "" && x === (b ?? "").trim().toLowerCase();
};

function km(a: School, b: School): number {
  if (a.lat === undefined || a.lon === undefined || b.lat === undefined || b.lon === undefined) return 0;
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** [unplaced, exception groups, repeated pair-years, km]: the goals in priority order. */
export type GoalVector = [number, number, number, number];

const add = (a: GoalVector, b: GoalVector): GoalVector => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
const less = (a: GoalVector, b: GoalVector) => {
  for (let i = 0; i < 4; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

function pastPairs(cohort: Cohort): Map<string, number> {
  const years = [...new Set(cohort.history.map((h) => h.year))].sort().reverse().slice(0, cohort.policy.historyYears);
  const together = new Map<string, Set<string>>();
  const groups = new Map<string, string[]>();
  for (const h of cohort.history) {
    if (!years.includes(h.year)) continue;
    const key = `${h.year}|${h.programme.trim().toLowerCase()}|${h.groupId}`;
    groups.set(key, [...(groups.get(key) ?? []), h.schoolId]);
  }
  for (const [key, ids] of groups) {
    for (const a of ids) for (const b of ids) if (a < b) together.set(`${a}|${b}`, (together.get(`${a}|${b}`) ?? new Set()).add(key.split("|")[0]!));
  }
  return new Map([...together].map(([pair, set]) => [pair, set.size]));
}

/** The lexicographically best goal vector of any valid grouping (facilitators aside). */
export function bruteForceBest(cohort: Cohort): GoalVector {
  const policy = cohort.policy;
  const school = new Map(cohort.schools.map((s) => [s.id, s]));
  const past = pastPairs(cohort);
  let total: GoalVector = [0, 0, 0, 0];
  for (const programme of [...new Set(cohort.members.map((m) => m.programme))]) {
    const list = [...new Set(cohort.members.filter((m) => m.programme === programme).map((m) => m.schoolId))].map((id) => school.get(id)!);
    const n = list.length;
    const memo = new Map<string, GoalVector>();
    const groupValue = (ids: number[]): { v: GoalVector; oversize: number; mixed: number } | undefined => {
      const ss = ids.map((i) => list[i]!);
      const mixedPhase = new Set(ss.map((s) => s.phase)).size > 1;
      const oversize = ss.length === policy.maxGroupSize + 1;
      if (ss.length < policy.minGroupSize || ss.length > policy.maxGroupSize + 1 || (oversize && mixedPhase)) return undefined;
      let repeats = 0;
      let dist = 0;
      for (let a = 0; a < ss.length; a += 1) {
        for (let b = a + 1; b < ss.length; b += 1) {
          const x = ss[a]!;
          const y = ss[b]!;
          if (same(x.hub, y.hub) || same(x.locality, y.locality) || same(x.trust, y.trust)) return undefined;
          repeats += past.get(x.id < y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`) ?? 0;
          dist += km(x, y);
        }
      }
      return { v: [0, (oversize ? 1 : 0) + (mixedPhase ? 1 : 0), repeats, dist], oversize: oversize ? 1 : 0, mixed: mixedPhase ? 1 : 0 };
    };
    const best = (mask: number, oversizeLeft: number, mixedLeft: number): GoalVector => {
      if (mask === 0) return [0, 0, 0, 0];
      const key = `${mask}|${oversizeLeft}|${mixedLeft}`;
      const known = memo.get(key);
      if (known) return known;
      const first = Math.log2(mask & -mask);
      let result = add([1, 0, 0, 0], best(mask & ~(1 << first), oversizeLeft, mixedLeft));
      const rest = [...Array(n).keys()].filter((i) => i !== first && (mask & (1 << i)) !== 0);
      for (let pick = 0; pick < 1 << rest.length; pick += 1) {
        const ids = [first, ...rest.filter((_, k) => (pick & (1 << k)) !== 0)];
        if (ids.length > policy.maxGroupSize + 1) continue;
        const value = groupValue(ids);
        if (!value || value.oversize > oversizeLeft || value.mixed > mixedLeft) continue;
        const remaining = ids.reduce((m, i) => m & ~(1 << i), mask);
        const candidate = add(value.v, best(remaining, oversizeLeft - value.oversize, mixedLeft - value.mixed));
        if (less(candidate, result)) result = candidate;
      }
      memo.set(key, result);
      return result;
    };
    total = add(total, best((1 << n) - 1, policy.oversizeGroups, policy.mixedPhaseGroups));
  }
  return total;
}
