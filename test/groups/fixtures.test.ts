import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COHORT_SPECS, generateCohort } from "../../fixtures/cohorts.js";
import { group } from "../../src/groups/group.js";
import { readYearFolder } from "../../src/io/files.js";
import { readCohortFolder } from "../../src/io/groups/read-cohort-folder.js";
import { serializeCohort } from "../../src/io/groups/write-cohort.js";
import { independentCheck } from "./helpers/independent-check.js";

const folder = (name: string) => new URL(`../../fixtures/cohorts/${name}`, import.meta.url).pathname;
/** Schools per phase as the 2023-24 impact report publishes them. */
const PUBLISHED: Record<string, Record<string, number>> = {
  "send-developmental-peer-review": { primary: 20, secondary: 17 },
  "growing-the-top": { secondary: 7, primary: 20, special: 7 },
  "extending-leading-practice": { secondary: 5, primary: 6, special: 6 },
};

describe("the cohort fixtures", () => {
  const year = readYearFolder(new URL("../../fixtures/years/2018-19", import.meta.url).pathname);

  it.each(Object.keys(COHORT_SPECS))("%s has the published schools per phase and facilitators, and regenerates byte for byte", (name) => {
    if (!year.ok) throw new Error("the 2018-19 year does not read");
    const cohort = readCohortFolder(folder(name));
    if (!cohort.ok) throw new Error(JSON.stringify(cohort.errors));
    const phases: Record<string, number> = {};
    for (const m of cohort.value.members) {
      const phase = cohort.value.schools.find((s) => s.id === m.schoolId)!.phase;
      phases[phase] = (phases[phase] ?? 0) + 1;
    }
    expect(phases).toEqual(PUBLISHED[name]);
    expect(cohort.value.facilitators).toHaveLength(COHORT_SPECS[name]!.facilitators.length);
    // Real names, hubs and areas: every school is one of the 2018-19 roster's.
    const roster = new Map(year.value.schools.map((s) => [s.id, s]));
    for (const s of cohort.value.schools) expect(roster.get(s.id)).toMatchObject({ name: s.name, hub: s.hub, phase: s.phase });
    for (const [file, text] of Object.entries(serializeCohort(generateCohort(COHORT_SPECS[name]!, year.value.schools), { bom: false }))) {
      expect(readFileSync(`${folder(name)}/${file}`, "utf8")).toBe(text);
    }
  });

  it("Growing the Top is grouped validly, every school placed, proven optimal, with the history counted", async () => {
    const cohort = readCohortFolder(folder("growing-the-top"));
    if (!cohort.ok) throw new Error("does not read");
    const result = await group(cohort.value, { remedies: false });
    expect(independentCheck(cohort.value, result.grouping).problems).toEqual([]);
    expect(result.check.metrics.placed).toBe(34);
    expect(result.proven).toBe(true);
    expect(result.check.metrics.withoutFacilitator).toBe(0);
    expect(result.blocks.some((b) => b.method === "mip")).toBe(true);
  });
});
