/**
 * Small random cohorts for the property tests, built directly (valid by construction): one or
 * two programmes of a few schools, hubs, localities and trusts from small pools (blank
 * included), coordinates sometimes missing, facilitators, history and a random policy.
 */
import fc from "fast-check";
import type { Cohort } from "../../../src/groups/model.js";
import type { Phase } from "../../../src/model/schema.js";

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const PHASES: readonly Phase[] = ["primary", "secondary", "special"];
const HUBS = ["H1", "H2", "H3", "H4", "H5", "H6", "h1 ", "", undefined] as const;
const AREAS = ["A1", "A2", "A3", "A4", "A5", "", undefined] as const;
const TRUSTS = ["T1", "T2", "T3", "", undefined, undefined, undefined] as const;

const school = (i: number) =>
  fc.record({
    hub: pick(HUBS),
    locality: pick(AREAS),
    trust: pick(TRUSTS),
    phase: pick(PHASES),
    coords: fc.option(fc.record({ lat: fc.double({ min: 50, max: 55, noNaN: true }), lon: fc.double({ min: -4, max: 1, noNaN: true }) }), { freq: 4 }),
  }).map((s) => ({
    id: `S${String(i).padStart(2, "0")}`,
    name: `School ${i}`,
    ...(s.hub !== undefined ? { hub: s.hub } : {}),
    ...(s.locality !== undefined ? { locality: s.locality } : {}),
    ...(s.trust !== undefined ? { trust: s.trust } : {}),
    phase: s.phase,
    pupils: 300,
    ...(s.coords ? { lat: s.coords.lat, lon: s.coords.lon } : {}),
    carryOver: 0,
  }));

/** A random cohort of up to `maxSchools` schools in one or two programmes. */
export function arbitraryCohort(maxSchools = 12): fc.Arbitrary<Cohort> {
  return fc
    .record({
      count: fc.integer({ min: 0, max: maxSchools }),
      programmes: fc.integer({ min: 1, max: 2 }),
      minGroupSize: fc.integer({ min: 2, max: 3 }),
      extra: fc.integer({ min: 0, max: 1 }),
      oversizeGroups: fc.integer({ min: 0, max: 1 }),
      mixedPhaseGroups: fc.integer({ min: 0, max: 1 }),
      historyYears: fc.integer({ min: 0, max: 2 }),
      defaultMaxGroups: fc.integer({ min: 0, max: 2 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .chain((shape) =>
      fc.record({
        schools: fc.tuple(...Array.from({ length: shape.count }, (_, i) => school(i + 1))),
        inProgramme: fc.array(fc.integer({ min: 0, max: shape.programmes }), { minLength: shape.count, maxLength: shape.count }),
        facilitators: fc.array(
          fc.record({
            school: fc.option(fc.integer({ min: 1, max: Math.max(1, shape.count) }), { freq: 2 }),
            hub: fc.option(pick(HUBS.filter((h) => h !== undefined))),
            phases: fc.subarray([...PHASES]),
            maxGroups: fc.option(fc.integer({ min: 0, max: 3 })),
            programme: fc.option(pick(["P1", "p2", "P3"])),
          }),
          { maxLength: 5 },
        ),
        history: fc.array(fc.record({ year: pick(["2021-22", "2022-23", "2023-24"]), group: fc.integer({ min: 1, max: 3 }), school: fc.integer({ min: 1, max: Math.max(1, shape.count) }) }), { maxLength: 12 }),
        shape: fc.constant(shape),
      }),
    )
    .map(({ schools, inProgramme, facilitators, history, shape }): Cohort => ({
      schools,
      // 0 = both programmes when there are two (a school may take part in several).
      members: schools.flatMap((s, i) => {
        const which = inProgramme[i]!;
        const names = shape.programmes === 2 && which === 0 ? ["P1", "P2"] : [`P${Math.max(1, Math.min(which, shape.programmes))}`];
        return names.map((programme) => ({ schoolId: s.id, programme }));
      }),
      facilitators: facilitators.map((f, i) => ({
        id: `F${i + 1}`,
        name: `Facilitator ${i + 1}`,
        ...(f.school !== null && shape.count > 0 ? { schoolId: `S${String(f.school).padStart(2, "0")}` } : {}),
        ...(f.hub !== null ? { hub: f.hub } : {}),
        phases: f.phases,
        ...(f.maxGroups !== null ? { maxGroups: f.maxGroups } : {}),
        programmes: f.programme !== null ? [f.programme] : [],
      })),
      history: history.map((h) => ({ year: h.year, programme: "P1", groupId: `G${h.group}`, schoolId: `S${String(h.school).padStart(2, "0")}` })),
      policy: {
        minGroupSize: shape.minGroupSize,
        maxGroupSize: shape.minGroupSize + shape.extra,
        oversizeGroups: shape.oversizeGroups,
        mixedPhaseGroups: shape.mixedPhaseGroups,
        historyYears: shape.historyYears,
        defaultMaxGroups: shape.defaultMaxGroups,
      },
    }));
}
