/**
 * The shipped JSON Schemas as a service developer uses them (issue 28): Ajv 2020 in strict mode
 * compiles every file in schema/ (no unknown keyword, no union type), each is exported by
 * package.json, and the examples the package ships validate against them: the fixture years as
 * problems, the policies in the docs, summary.json, and the --json outputs of solve, check,
 * explain and plan (each with `ok: true`). What validateProblem refuses, the problem schema
 * refuses too: a value out of the CSV reader's range, lat without lon, an unknown nested key.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readYearFolder } from "../../src/io/files.js";
import { jsonSchemas } from "../../src/model/json-schemas.js";
import { validateProblem } from "../../src/model/validate.js";
import { PLANTED, qar, scratch, TINY, YEAR, readOutput } from "../cli/qar.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const files = readdirSync(join(ROOT, "schema")).filter((name) => name.endsWith(".schema.json")).sort();
const schemaOf = (name: string) => JSON.parse(readFileSync(join(ROOT, "schema", `${name}.schema.json`), "utf8")) as Record<string, unknown>;
const warnings: string[] = [];
const ajv = new Ajv2020({ strict: true, allErrors: true, logger: { log: () => {}, warn: (...args: unknown[]) => warnings.push(args.join(" ")), error: (...args: unknown[]) => warnings.push(args.join(" ")) } });
const validate = (name: string) => ajv.getSchema(schemaOf(name).$id as string) ?? ajv.compile(schemaOf(name));
const errorsOf = (name: string, value: unknown): string[] => {
  const check = validate(name);
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
};
const tmp = scratch("schemas");
afterAll(tmp.remove);

describe("the shipped JSON Schemas", () => {
  it("schema/ holds the six schemas jsonSchemas() generates, each exported by package.json", () => {
    expect(files).toEqual(Object.keys(jsonSchemas()).map((name) => `${name}.schema.json`).sort());
    const exports = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, string> }).exports;
    for (const file of files) expect(exports[`./schema/${file.replace(".schema", "")}`], file).toBe(`./schema/${file}`);
  });

  it.each(files)("%s compiles in Ajv 2020's default strict mode and with strict: true, with no warning", (file) => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schema", file), "utf8")) as object;
    expect(() => new Ajv2020().compile(schema)).not.toThrow();
    warnings.length = 0;
    expect(() => new Ajv2020({ strict: true, logger: { log: () => {}, warn: (m: unknown) => warnings.push(String(m)), error: (m: unknown) => warnings.push(String(m)) } }).compile(schema)).not.toThrow();
    expect(warnings).toEqual([]);
  });

  it("the fixture years, as problems in JSON, validate against problem.schema.json and validateProblem", () => {
    for (const name of ["tiny", "small-tight", "mixed"]) {
      const year = readYearFolder(join(ROOT, "fixtures/years", name));
      if (!year.ok) throw new Error(`${name} must read`);
      const json = JSON.parse(JSON.stringify(year.value)) as unknown;
      expect(errorsOf("problem", json), name).toEqual([]);
      expect(validateProblem(json).ok, name).toBe(true);
    }
  });

  it("the policies in the docs validate against policy.schema.json; a misspelt key does not", () => {
    const blocks = ["policy.md", "kinds.md"].flatMap((doc) => [...readFileSync(join(ROOT, "docs", doc), "utf8").matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) expect(errorsOf("policy", JSON.parse(block)), block).toEqual([]);
    expect(errorsOf("policy", { minDistanceKM: 3 })).not.toEqual([]);
  });

  it("what validateProblem refuses the schema refuses: pupils out of range, lat without lon, an unknown nested key (max_reviews)", () => {
    const year = readYearFolder(TINY);
    if (!year.ok) throw new Error("tiny must read");
    const base = JSON.parse(JSON.stringify(year.value)) as { schools: Record<string, unknown>[]; reviewers: Record<string, unknown>[] };
    const cases: [string, (p: typeof base) => void, (string | number)[], string][] = [
      ["pupils: 50000", (p) => (p.schools[0]!.pupils = 50000), ["schools", 0, "pupils"], "50000 is above the largest allowed value, 20000"],
      ["lat without lon", (p) => delete p.schools[1]!.lon, ["schools", 1, "lon"], "give both lat and lon"],
      ["max_reviews on a reviewer", (p) => (p.reviewers[0]!.max_reviews = 2), ["reviewers", 0, "max_reviews"], 'did you mean "maxReviews"?'],
    ];
    for (const [what, change, path, message] of cases) {
      const problem = structuredClone(base);
      change(problem);
      expect(errorsOf("problem", problem), what).not.toEqual([]);
      const checked = validateProblem(problem);
      expect(checked.ok ? [] : checked.errors, what).toEqual([expect.objectContaining({ path, message: expect.stringContaining(message) })]);
    }
  });

  it("qar solve --json and summary.json validate against result.schema.json; solve, check, explain and plan --json say ok: true and validate against theirs", async () => {
    const out = join(tmp.dir, "solved");
    const solved = await qar("solve", YEAR, "--out", out, "--seed", "1", "--json");
    expect(solved.code).toBe(0);
    expect(errorsOf("result", JSON.parse(readOutput(out, "summary.json")))).toEqual([]);
    // R1's team only: R2 and R3 have empty seats to explain.
    const partial = join(tmp.dir, "partial.csv");
    writeFileSync(partial, readFileSync(join(PLANTED, "valid.csv"), "utf8").split("\n").slice(0, 4).join("\n"));
    const explained = JSON.parse((await qar("explain", YEAR, partial, "--json")).out) as { seats: unknown[] };
    expect(explained.seats.length).toBeGreaterThan(0);
    const outputs: [string, string[]][] = [
      ["result", []],
      ["check", ["check", YEAR, join(PLANTED, "valid.csv"), "--json"]],
      ["check", ["check", YEAR, join(PLANTED, "same-hub.csv"), "--json"]],
      ["explain", ["explain", YEAR, partial, "--json"]],
      ["plan", ["plan", YEAR, "--out", join(tmp.dir, "plan"), "--json"]],
    ];
    for (const [schema, args] of outputs) {
      const text = args.length === 0 ? solved.out : (await qar(...args)).out;
      const json = JSON.parse(text) as { ok?: unknown };
      expect(json.ok, args.join(" ")).toBe(true);
      expect(errorsOf(schema, json), args.join(" ")).toEqual([]);
    }
    // The schemas can fail: the error output is not a check result.
    const bad = JSON.parse((await qar("check", YEAR, join(tmp.dir, "missing.csv"), "--json")).out) as unknown;
    expect(errorsOf("check", bad)).not.toEqual([]);
  });

  it("a season step's summary.json (qar repair) validates against result.schema.json with its season, repair, emptySeats and letters blocks; explain --freeze-before against explain.schema.json", async () => {
    const changes = join(tmp.dir, "changes.csv");
    writeFileSync(changes, "change,id,value\nwithdraw,P2,\n");
    const out = join(tmp.dir, "repaired");
    expect((await qar("repair", YEAR, join(PLANTED, "valid.csv"), "--changes", changes, "--out", out, "--seed", "1", "--freeze-before", "2024-01-01")).code).toBe(0);
    const summary = JSON.parse(readOutput(out, "summary.json")) as Record<string, Record<string, unknown>>;
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(["dropped", "goals", "goalsTier", "emptySeats", "letters", "season", "repair"]));
    expect(errorsOf("result", summary)).toEqual([]);
    expect(errorsOf("result", { ...summary, season: { ...summary.season, freezeBefore: 20240101 } })).not.toEqual([]);
    expect(errorsOf("result", { ...summary, emptySeats: { total: 1, byCause: { rule: -1 } } })).not.toEqual([]);
    const explained = JSON.parse((await qar("explain", YEAR, join(out, "allocation.csv"), "--json", "--freeze-before", "2024-01-01")).out) as { freezeBefore?: string };
    expect(explained.freezeBefore).toBe("2024-01-01");
    expect(errorsOf("explain", explained)).toEqual([]);
  });
});
