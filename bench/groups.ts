/**
 * `npm run bench:groups`: every cohort fixture (and Extending Leading Practice under the two
 * lenient policies, and generated cohorts of 44 and 60 schools), by both methods: `auto`
 * (dynamic programming over subsets for blocks of up to 17 schools, else the MIP) and `mip`
 * (the MIP for every block). Writes bench/results/groups.md and groups.json.
 *
 *   npm run bench:groups
 *   npm run bench:groups -- --methods auto
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { COHORT_SPECS, generateCohort, SCALE_SPECS } from "../fixtures/cohorts.js";
import { checkGroups } from "../src/groups/check.js";
import { group } from "../src/groups/group.js";
import type { Cohort } from "../src/groups/model.js";
import { readYearFolder } from "../src/io/files.js";
import { readCohortFolder } from "../src/io/groups/read-cohort-folder.js";

interface Case {
  readonly name: string;
  readonly cohort: Cohort;
}

function cases(): Case[] {
  const read = (name: string) => {
    const result = readCohortFolder(new URL(`../fixtures/cohorts/${name}`, import.meta.url).pathname);
    if (!result.ok) throw new Error(`fixtures/cohorts/${name} does not read`);
    return result.value;
  };
  const year = readYearFolder(new URL("../fixtures/years/2018-19", import.meta.url).pathname);
  if (!year.ok) throw new Error("fixtures/years/2018-19 does not read");
  const elp = read("extending-leading-practice");
  return [
    ...Object.keys(COHORT_SPECS).map((name) => ({ name, cohort: read(name) })),
    { name: "extending-leading-practice + oversizeGroups 1", cohort: { ...elp, policy: { ...elp.policy, oversizeGroups: 1 } } },
    { name: "extending-leading-practice + mixedPhaseGroups 1", cohort: { ...elp, policy: { ...elp.policy, mixedPhaseGroups: 1 } } },
    ...Object.values(SCALE_SPECS).map((spec) => ({ name: `${spec.name} (generated)`, cohort: generateCohort(spec, year.value.schools) })),
  ];
}

async function run(c: Case, method: "auto" | "mip") {
  const result = await group(c.cohort, { method });
  const check = checkGroups(c.cohort, result.grouping);
  const m = check.metrics;
  return {
    cohort: c.name,
    method,
    valid: check.valid,
    schools: m.schools,
    placed: m.placed,
    boundPlaced: result.bound.placed,
    gap: result.gap,
    groups: m.groups,
    sizes: m.sizes,
    exceptions: m.goals.exceptions ?? 0,
    repeatedPairs: m.goals["fresh-pairs"] ?? 0,
    journeysKm: m.goals.journeys ?? 0,
    boundKm: result.bound.journeysKm,
    journeysGap: result.journeysGap,
    withoutFacilitator: m.withoutFacilitator,
    proven: result.proven,
    candidates: result.blocks.reduce((n, b) => n + b.candidates, 0),
    kept: result.blocks.reduce((n, b) => n + b.kept, 0),
    mips: result.blocks.reduce((n, b) => n + b.mips, 0),
    blocks: result.blocks.map((b) => `${b.phases}:${b.method}`).join(" "),
    ms: Math.round(result.elapsedMs),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const methods = (process.argv.includes("--methods") ? process.argv[process.argv.indexOf("--methods") + 1]!.split(",") : ["auto", "mip"]) as ("auto" | "mip")[];
const rows = [];
const all = cases();
// One untimed run first, so the HiGHS load and the first compilation are not in the first row.
await group(all[2]!.cohort, { method: "mip" });
for (const c of all) {
  for (const method of methods) {
    const row = await run(c, method);
    rows.push(row);
    console.log(`${row.cohort} ${method}: ${row.placed}/${row.schools} placed (bound ${row.boundPlaced}), ${row.journeysKm} km (bound ${row.boundKm}), ${row.proven ? "proven" : "not proven"}, ${(row.ms / 1000).toFixed(2)} s`);
  }
}
const header = `# Group programmes benchmark

Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}). Produced by \`npm run bench:groups\`.
Times are wall-clock in one process after a warm-up run (the HiGHS load), on a machine shared
with other work; remedies for unplaced schools included. "possible groups" are all the groups
the rules allow; "kept" are those in the last MIP of each block (all of them for a block solved
by dynamic programming over subsets); "bound" and "bound km" are proven (docs/groups.md).

| cohort | method | schools | placed | bound | gap | groups | exceptions | repeated pairs | journeys km | bound km | gap | no facilitator | possible groups | kept | MIPs | blocks | proven | time | valid |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
`;
const table = rows
  .map((r) => `| ${r.cohort} | ${r.method} | ${r.schools} | ${r.placed} | ${r.boundPlaced} | ${pct(r.gap)} | ${r.groups} | ${r.exceptions} | ${r.repeatedPairs} | ${r.journeysKm} | ${r.boundKm} | ${pct(r.journeysGap)} | ${r.withoutFacilitator} | ${r.candidates} | ${r.kept} | ${r.mips} | ${r.blocks} | ${r.proven ? "yes" : "no"} | ${(r.ms / 1000).toFixed(2)} s | ${r.valid ? "yes" : "NO"} |`)
  .join("\n");
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/groups.md", import.meta.url), `${header}${table}\n`);
writeFileSync(new URL("./results/groups.json", import.meta.url), `${JSON.stringify({ node: process.version, cores: cpus().length, rows }, null, 2)}\n`);
