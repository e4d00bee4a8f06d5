/**
 * An independent checker of groupings, written from the rules without the rule
 * modules of src/groups: every engine output in the tests goes through it, so an engine and
 * the rules it reads cannot be wrong together unnoticed.
 */
import type { Cohort, Grouping } from "../../../src/groups/model.js";

/** Blank is none and equals nothing; otherwise case and surrounding spaces do not count. */
const same = (a: string | undefined, b: string | undefined) => {
  const x = (a ?? "").trim().toLowerCase();
  const y = (b ?? "").trim().toLowerCase();
  return x !== "" && x === y;
};

export interface IndependentVerdict {
  readonly problems: string[];
  readonly placed: number;
  readonly km: number;
}

function distance(a: { lat?: number; lon?: number }, b: { lat?: number; lon?: number }): number {
  if (a.lat === undefined || a.lon === undefined || b.lat === undefined || b.lon === undefined) return 0;
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/**
 * Every problem of a grouping of a cohort: membership, each school once per programme, sizes and
 * phases within the policy (and its exception counts), no shared hub, locality or trust, and the
 * facilitators' own school, hubs, trusts, phases, programmes and loads. When `complete` is set,
 * every cohort place is either in a group or in `unplaced`, never both.
 */
export function independentCheck(cohort: Cohort, grouping: Grouping, complete = true): IndependentVerdict {
  const problems: string[] = [];
  const p = cohort.policy;
  const school = new Map(cohort.schools.map((s) => [s.id, s]));
  const members = new Set(cohort.members.map((m) => `${m.programme}|${m.schoolId}`));
  const facilitator = new Map(cohort.facilitators.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const ids = new Set<string>();
  const oversize = new Map<string, number>();
  const mixed = new Map<string, number>();
  const load = new Map<string, number>();
  let km = 0;
  for (const g of grouping.groups) {
    const label = `${g.programme}/${g.groupId}`;
    if (ids.has(label)) problems.push(`${label}: group id used twice`);
    ids.add(label);
    const list = g.schoolIds.map((id) => school.get(id));
    for (const id of g.schoolIds) {
      if (!members.has(`${g.programme}|${id}`)) problems.push(`${label}: ${id} is not in the cohort of ${g.programme}`);
      if (seen.has(`${g.programme}|${id}`)) problems.push(`${label}: ${id} placed twice`);
      seen.add(`${g.programme}|${id}`);
    }
    const size = g.schoolIds.length;
    const phases = new Set(list.map((s) => s?.phase));
    if (size < p.minGroupSize || size > p.maxGroupSize + 1) problems.push(`${label}: size ${size}`);
    if (size === p.maxGroupSize + 1) {
      oversize.set(g.programme, (oversize.get(g.programme) ?? 0) + 1);
      if (phases.size > 1) problems.push(`${label}: an oversize group mixes phases`);
    }
    if (phases.size > 1) mixed.set(g.programme, (mixed.get(g.programme) ?? 0) + 1);
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const a = list[i];
        const b = list[j];
        if (!a || !b) continue;
        if (same(a.hub, b.hub)) problems.push(`${label}: ${a.id} and ${b.id} share a hub`);
        if (same(a.locality, b.locality)) problems.push(`${label}: ${a.id} and ${b.id} share a locality`);
        if (same(a.trust, b.trust)) problems.push(`${label}: ${a.id} and ${b.id} share a trust`);
        km += distance(a, b);
      }
    }
    if (g.facilitatorIds.length > 1) problems.push(`${label}: ${g.facilitatorIds.length} facilitators`);
    for (const id of g.facilitatorIds) {
      const f = facilitator.get(id);
      if (!f) {
        problems.push(`${label}: unknown facilitator ${id}`);
        continue;
      }
      load.set(id, (load.get(id) ?? 0) + 1);
      const own = f.schoolId !== undefined ? school.get(f.schoolId) : undefined;
      for (const s of list) {
        if (!s) continue;
        if (f.schoolId !== undefined && f.schoolId === s.id) problems.push(`${label}: ${id} leads their own school`);
        if (same(f.hub, s.hub) || same(own?.hub, s.hub)) problems.push(`${label}: ${id} leads their own hub`);
        if (same(f.trust, s.trust) || same(own?.trust, s.trust)) problems.push(`${label}: ${id} leads their own trust`);
      }
      if (f.phases.length > 0 && [...phases].some((ph) => ph === undefined || !f.phases.includes(ph))) problems.push(`${label}: ${id} does not list every phase`);
      if (f.programmes.length > 0 && !f.programmes.some((name) => same(name, g.programme))) problems.push(`${label}: ${id} does not list ${g.programme}`);
    }
  }
  for (const [programme, n] of oversize) if (n > p.oversizeGroups) problems.push(`${programme}: ${n} oversize groups`);
  for (const [programme, n] of mixed) if (n > p.mixedPhaseGroups) problems.push(`${programme}: ${n} mixed-phase groups`);
  for (const [id, n] of load) {
    const max = facilitator.get(id)?.maxGroups ?? p.defaultMaxGroups;
    if (n > max) problems.push(`${id}: ${n} groups, more than ${max}`);
  }
  if (complete) {
    const left = new Set(grouping.unplaced.map((u) => `${u.programme}|${u.schoolId}`));
    for (const key of members) if (seen.has(key) === left.has(key)) problems.push(`${key}: ${seen.has(key) ? "both placed and unplaced" : "neither placed nor unplaced"}`);
    for (const u of grouping.unplaced) if (u.reason.trim() === "") problems.push(`${u.programme}|${u.schoolId}: unplaced without a reason`);
  }
  return { problems, placed: seen.size, km };
}
