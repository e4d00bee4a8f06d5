import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCohort } from "../../src/io/groups/read-cohort.js";
import { parseGroupsCsv } from "../../src/io/groups/read-groups.js";
import { serializeCohort } from "../../src/io/groups/write-cohort.js";
import { arbitraryCohort } from "./helpers/random-cohort.js";

const SCHOOLS = "id,name,hub,phase,pupils,locality,trust,lat,lon\nA,Ash,H1,primary,200,L1,,51.5,-0.1\nB,Birch,H2,primary,300,L2,T1,52.5,-1.9\nC,Cedar,H3,primary,250,,T1,53.4,-2.2\nZ,Zeal,H9,secondary,900,L9,T9,50.7,-3.5\n";
const BASE = {
  "schools.csv": SCHOOLS,
  "cohort.csv": "school_id,programme\nA,GTT\nB,GTT\nC,GTT\n",
  "facilitators.csv": "id,name,school_id,hub,trust,phases,max_groups\nF1,Ann,Z,,,primary,2\nF2,Ben,,H5,,,\n",
};

describe("reading a cohort folder", () => {
  it("reads schools (the year format), members, facilitators with their school's hub and trust, history and policy", () => {
    const result = parseCohort({ ...BASE, "history.csv": "year,programme,group_id,school_id\n2022-23,GTT,G1,A\n2022-23,GTT,G1,B\n", "policy.json": '{"oversizeGroups": 1}' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.schools.map((s) => s.id)).toEqual(["A", "B", "C", "Z"]);
    expect(result.value.members).toEqual([{ schoolId: "A", programme: "GTT" }, { schoolId: "B", programme: "GTT" }, { schoolId: "C", programme: "GTT" }]);
    expect(result.value.facilitators[0]).toMatchObject({ id: "F1", schoolId: "Z", phases: ["primary"], maxGroups: 2 });
    expect(result.value.facilitators[1]).toMatchObject({ id: "F2", hub: "H5", phases: [] });
    expect(result.value.facilitators[1]!.maxGroups).toBeUndefined();
    expect(result.value.history).toHaveLength(2);
    expect(result.value.policy.oversizeGroups).toBe(1);
    expect(result.value.policy.minGroupSize).toBe(3);
  });

  it("collects every error with file, row and column, across files, before failing", () => {
    const result = parseCohort({
      "schools.csv": SCHOOLS.replace("primary,250", "tertiary,250"),
      "cohort.csv": "school_id,programme\nA,GTT\nA,GTT\n,GTT\nQ,GTT\n",
      "facilitators.csv": "id,name,school_id,hub,trust,phases,max_groups\nF1,Ann,,,,primary,-1\nF1,Bob,,,,,1\n",
      "policy.json": '{"minGroupSize": 5, "maxGroupSize": 4, "colour": "red"}',
    });
    if (result.ok) throw new Error("accepted");
    const where = result.errors.map((e) => `${e.file}|${e.row ?? ""}|${e.column ?? ""}|${e.code}`);
    expect(where).toEqual(
      expect.arrayContaining([
        "schools.csv|4|phase|bad-value",
        "cohort.csv|3|school_id|duplicate-id",
        "cohort.csv|4|school_id|bad-value",
        "facilitators.csv|2|max_groups|bad-value",
        "facilitators.csv|3|id|duplicate-id",
        "policy.json||colour|bad-policy",
      ]),
    );
    // A school of a schools.csv that did not read whole is not called unknown.
    expect(where).not.toContain("cohort.csv|5|school_id|bad-value");
  });

  it("names the missing files and columns", () => {
    const result = parseCohort({ "schools.csv": SCHOOLS, "cohort.csv": "school,programme\nA,GTT\n" });
    if (result.ok) throw new Error("accepted");
    expect(result.errors.map((e) => `${e.file}|${e.code}|${e.column ?? ""}`)).toEqual(["cohort.csv|missing-column|school_id", "facilitators.csv|missing-file|"]);
    expect(result.errors[0]!.message).toContain('is "school" meant to be "school_id"?');
  });

  it("warns when a facilitator's school is not in schools.csv (their hub and trust come from the row)", () => {
    const result = parseCohort({ ...BASE, "facilitators.csv": "id,name,school_id,hub,trust,phases,max_groups\nF1,Ann,S404,,,,1\n" });
    if (!result.ok) throw new Error("refused");
    expect(result.warnings.map((w) => `${w.file}|${w.row}|${w.column}`)).toEqual(["facilitators.csv|2|school_id"]);
  });

  it("refuses a policy.json that is not one JSON object, and an unknown key with a suggestion, in the year policy's words", () => {
    const cases = [
      ["[1]", "must be one JSON object of group policy keys"],
      ["{", "not valid JSON"],
      ['{\n  "historyYears": 2,\n}', "is not valid JSON (line 3"],
      ["", "is empty; write {} for the defaults"],
      ['{"historyyears": 2}', 'unknown policy key "historyyears" (did you mean "historyYears"?)'],
      ['{"maxGroupSize": "four"}', "must be a number"],
    ] as const;
    for (const [text, words] of cases) {
      const result = parseCohort({ ...BASE, "policy.json": text });
      if (result.ok) throw new Error(`accepted ${text}`);
      expect(result.errors[0]!.message).toContain(words);
    }
  });

  it("reads back what serializeCohort writes", () => {
    fc.assert(
      fc.property(arbitraryCohort(8), (cohort) => {
        const result = parseCohort(serializeCohort(cohort));
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.value.members).toEqual(cohort.members);
        expect(result.value.facilitators.map((f) => f.id)).toEqual(cohort.facilitators.map((f) => f.id));
        expect(result.value.policy).toEqual(cohort.policy);
      }),
      { numRuns: 30, seed: 21 },
    );
  });

  it("arbitrary text in any cohort file gives a result or errors, never an exception", () => {
    const files = ["schools.csv", "cohort.csv", "facilitators.csv", "history.csv", "policy.json"] as const;
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 })), (file, contents) => {
        const result = parseCohort({ ...BASE, [file]: contents });
        if (!result.ok) for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 22 },
    );
  });
});

describe("reading a groups file", () => {
  it("gathers rows into groups in order of first appearance, one facilitator list per group", () => {
    const result = parseGroupsCsv("programme,group_id,school_id,phase,hub,facilitator_id\nGTT,G2,B,,,F1\nGTT,G1,A,,,\nGTT,G2,C,,,F1\nELP,G2,A,,,F2\n", "groups.csv");
    if (!result.ok) throw new Error("refused");
    expect(result.value.groups).toEqual([
      { programme: "GTT", groupId: "G2", schoolIds: ["B", "C"], facilitatorIds: ["F1"] },
      { programme: "GTT", groupId: "G1", schoolIds: ["A"], facilitatorIds: [] },
      { programme: "ELP", groupId: "G2", schoolIds: ["A"], facilitatorIds: ["F2"] },
    ]);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseGroupsCsv(`programme,group_id,school_id\n${text}`, "groups.csv");
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 150, seed: 23 },
    );
  });
});
