import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseGroupsCsv } from "../../src/io/groups/read-groups.js";
import { readCohortFolder } from "../../src/io/groups/read-cohort-folder.js";
import { independentCheck } from "../groups/helpers/independent-check.js";
import { qar, scratch, STACK_LINE, readOutput as read } from "./qar.js";

const COHORT = new URL("./groups-data/cohort", import.meta.url).pathname;
const tmp = scratch("group");
afterAll(tmp.remove);

/** A copy of the test cohort with one file replaced. */
function brokenCohort(name: string, file: string, text: string): string {
  const dir = join(tmp.dir, name);
  cpSync(COHORT, dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

describe("qar group", () => {
  const out = join(tmp.dir, "out");

  it("qar group <cohort> --out <dir>", async () => {
    const { code, out: stdout, err } = await qar("group", COHORT, "--out", out);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(readdirSync(out).filter((name) => !name.startsWith(".")).sort()).toEqual(["group-report.html", "groups.csv", "summary.json", "unplaced.csv", "visits.csv"]);
    expect(read(out, "groups.csv").split("\n")[0]).toBe("\uFEFFprogramme,group_id,school_id,phase,hub,facilitator_id");
    expect(read(out, "unplaced.csv").split("\n")[0]).toBe("\uFEFFprogramme,school_id,reason");
    expect(read(out, "visits.csv").split("\n")[0]).toBe("\uFEFFprogramme,group_id,visit,host_school_id,facilitator_id,visiting_school_ids");
    expect(read(out, "unplaced.csv")).toContain("5 secondary schools cannot form groups of 3–4");
    expect(stdout).toContain("unplaced Growing the Top");
    const cohort = readCohortFolder(COHORT);
    const groups = parseGroupsCsv(read(out, "groups.csv"), "groups.csv");
    if (!cohort.ok || !groups.ok) throw new Error("the written files do not read back");
    const unplaced = read(out, "unplaced.csv").trim().split("\n").slice(1).map((line) => ({ programme: line.split(",")[0]!, schoolId: line.split(",")[1]!, reason: line }));
    const verdict = independentCheck(cohort.value, { groups: groups.value.groups, unplaced });
    expect(verdict.problems).toEqual([]);
    // Each placed school hosts exactly one visit.
    const hosts = read(out, "visits.csv").trim().split("\n").slice(1).map((line) => line.split(",")[3]);
    expect([...hosts].sort()).toEqual(groups.value.groups.flatMap((g) => g.schoolIds).sort());
  });

  it("qar group <cohort> --out <dir> --json", async () => {
    const { code, out: stdout } = await qar("group", COHORT, "--out", join(tmp.dir, "json"), "--json");
    const summary = JSON.parse(stdout) as { placed: number; schools: number; bound: { placed: number }; gap: number; proven: boolean; unplaced: number };
    expect(code).toBe(0);
    expect(summary.schools).toBe(11);
    expect(summary.placed).toBe(summary.bound.placed);
    expect(summary.gap).toBe(0);
    expect(summary.proven).toBe(true);
  });

  it("qar group <cohort> --out <dir> twice writes the same bytes (timing aside)", async () => {
    const again = join(tmp.dir, "again");
    expect((await qar("group", COHORT, "--out", again, "--quiet")).code).toBe(0);
    const strip = (text: string) => text.replace(/"(elapsedMs|ms)": [\d.e+-]+/g, "");
    for (const name of ["groups.csv", "unplaced.csv", "visits.csv", "group-report.html"]) expect(read(again, name)).toBe(read(out, name));
    expect(strip(read(again, "summary.json"))).toBe(strip(read(out, "summary.json")));
  });

  it("qar group <cohort> --out <cohort>/out exits 1 and writes nothing", async () => {
    const { code, err } = await qar("group", COHORT, "--out", join(COHORT, "out"));
    expect(code).toBe(1);
    expect(err).toContain("inside the cohort folder");
    expect(existsSync(join(COHORT, "out"))).toBe(false);
  });

  it("qar group <cohort with a bad max_groups and an unknown school> --out <dir> exits 1 with file, row and column", async () => {
    const dir = brokenCohort("bad", "facilitators.csv", "id,name,school_id,hub,trust,phases,max_groups\nF1,Ann,,,,primary,two\nF2,Ben,,,,tertiary,1\n");
    writeFileSync(join(dir, "cohort.csv"), "school_id,programme\nP1,Growing the Top\nP9,Growing the Top\n");
    const target = join(tmp.dir, "never");
    const { code, err, out: stdout } = await qar("group", dir, "--out", target);
    expect(code).toBe(1);
    expect(err).toContain('error: facilitators.csv, row 2, column "max_groups": "two" is not a number');
    expect(err).toContain('error: facilitators.csv, row 3, column "phases": "tertiary" is not a phase');
    expect(err).toContain('error: cohort.csv, row 3, column "school_id": "P9" is not a school of schools.csv');
    expect(err).toContain("nothing was written");
    expect(`${stdout}${err}`).not.toContain(STACK_LINE);
    expect(existsSync(target)).toBe(false);
  });

  it("qar group <cohort with an unknown policy key> --out <dir> exits 1 naming the key", async () => {
    const dir = brokenCohort("policy", "policy.json", '{"oversizeGroup": 1}\n');
    const { code, err } = await qar("group", dir, "--out", join(tmp.dir, "never2"));
    expect(code).toBe(1);
    expect(err).toContain('policy.json, key "oversizeGroup": unknown policy key "oversizeGroup" (did you mean "oversizeGroups"?)');
  });

  it("qar group <cohort without facilitators.csv> --out <dir> exits 1 naming the file", async () => {
    const dir = join(tmp.dir, "nofac");
    cpSync(COHORT, dir, { recursive: true });
    writeFileSync(join(dir, "facilitators.csv"), "");
    const { code, err } = await qar("group", dir, "--out", join(tmp.dir, "never3"));
    expect(code).toBe(1);
    expect(err).toContain("facilitators.csv: is empty");
  });

  it("qar group <cohort with policy oversizeGroups 1 and mixedPhaseGroups 1> --out <dir> places every school", async () => {
    const dir = brokenCohort("lenient", "policy.json", '{"mixedPhaseGroups": 1}\n');
    const target = join(tmp.dir, "lenient-out");
    expect((await qar("group", dir, "--out", target, "--quiet")).code).toBe(0);
    expect(read(target, "unplaced.csv").trim()).toBe("programme,school_id,reason");
  });
});

describe("qar check-groups", () => {
  const groupsFile = (name: string, text: string) => {
    const file = join(tmp.dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("qar check-groups <cohort> <groups.csv written by qar group>", async () => {
    const out = join(tmp.dir, "for-check");
    await qar("group", COHORT, "--out", out, "--quiet");
    const { code, out: stdout } = await qar("check-groups", COHORT, join(out, "groups.csv"));
    expect(stdout).toContain("valid: no rule is broken");
    expect(stdout).toContain("placed 10/11");
    expect(code).toBe(0);
  });

  it("qar check-groups <cohort> <groups with two schools of one trust> exits 2 naming the rule", async () => {
    const file = groupsFile("trust.csv", "programme,group_id,school_id,facilitator_id\nGrowing the Top,G01,P1,F1\nGrowing the Top,G01,P5,\nGrowing the Top,G01,P6,\n");
    const { code, out } = await qar("check-groups", COHORT, file);
    expect(out).toContain("[same-trust] Growing the Top/G01: schools P1 and P5 share the trust Weald Trust");
    expect(out).toContain("1 violation");
    expect(code).toBe(2);
  });

  it("qar check-groups <cohort> <groups led by a facilitator of their own school and hub> exits 2 naming each rule", async () => {
    const file = groupsFile("own.csv", "programme,group_id,school_id,facilitator_id\nGrowing the Top,G01,P1,F3\nGrowing the Top,G01,P2,F3\nGrowing the Top,G01,P3,F3\n");
    const { code, out } = await qar("check-groups", COHORT, file);
    expect(out).toContain("[facilitator-own-school]");
    expect(out).toContain("[facilitator-hub]");
    expect(out).toContain("[facilitator-trust]");
    expect(code).toBe(2);
  });

  it("qar check-groups <cohort> <groups> --json", async () => {
    const file = groupsFile("json.csv", "programme,group_id,school_id\nGrowing the Top,G01,P1\nGrowing the Top,G01,S1\n");
    const { code, out } = await qar("check-groups", COHORT, file, "--json");
    const report = JSON.parse(out) as { valid: boolean; violations: { rule: string }[] };
    expect(report.valid).toBe(false);
    expect(report.violations.map((v) => v.rule).sort()).toEqual(["group-size", "one-phase"]);
    expect(code).toBe(2);
  });

  it("qar check-groups <cohort> <groups with a blank school_id> exits 1 with row and column", async () => {
    const file = groupsFile("blank.csv", "programme,group_id,school_id\nGrowing the Top,G01,P1\nGrowing the Top,G01,\n");
    const { code, err } = await qar("check-groups", COHORT, file);
    expect(err).toContain(`error: ${file}, row 3, column "school_id": is blank`);
    expect(code).toBe(1);
  });

  it("qar check-groups <cohort> <missing file> exits 1", async () => {
    const { code, err } = await qar("check-groups", COHORT, join(tmp.dir, "nope.csv"));
    expect(err).toContain("does not exist");
    expect(code).toBe(1);
  });
});
