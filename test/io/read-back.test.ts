/**
 * Every CSV qar writes and reads again reads back without a warning about a column: the
 * writer's and the reader's columns are one list per file (allocation-file.ts, year-files.ts,
 * groups/cohort-files.ts). Issue 27: reading back a mixed year's own allocation.csv warned
 * about its `kind` and `host_trust_id` columns.
 */
import { describe, expect, it } from "vitest";
import { explain } from "../../src/explain.js";
import { group } from "../../src/groups/group.js";
import type { InputError } from "../../src/io/errors.js";
import { readYearFolder } from "../../src/io/files.js";
import { readCohortFolder } from "../../src/io/groups/read-cohort-folder.js";
import { parseCohort } from "../../src/io/groups/read-cohort.js";
import { parseGroupsCsv } from "../../src/io/groups/read-groups.js";
import { serializeCohort } from "../../src/io/groups/write-cohort.js";
import { groupOutputs } from "../../src/io/groups/write-groups.js";
import { indexCohort } from "../../src/groups/cohort.js";
import { parseAllocation } from "../../src/io/read-allocation.js";
import { parseYear } from "../../src/io/read-year.js";
import { parsePathway } from "../../src/io/read-years.js";
import { allocationCsv, solveOutputs } from "../../src/io/write-outputs.js";
import { serializeYear } from "../../src/io/write-year.js";
import { closedYearFiles } from "../../src/io/write-years.js";
import { solve } from "../../src/solver/index.js";
import { closeYear } from "../../src/years/close-year.js";

const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;

/** Warnings and errors about a header column: one the reader does not know, or takes for a typo. */
const columnProblems = (problems: readonly InputError[]) => problems.filter((p) => p.code === "unknown-column" || (p.code === "warning" && / is not one .* uses and is ignored/.test(p.message)));

function problemsOf<T>(read: { ok: true; value: T; warnings: readonly InputError[] } | { ok: false; errors: readonly InputError[] }): readonly InputError[] {
  return read.ok ? read.warnings : read.errors;
}

describe.each(["mixed", "tiny"])("what qar writes for fixtures/years/%s reads back without a column warning", (name) => {
  const read = readYearFolder(`${FIXTURES}years/${name}`);
  if (!read.ok) throw new Error(`${name} does not read`);
  const problem = read.value;

  it("allocation.csv, with declined and withdrawn rows", async () => {
    const result = await solve(problem, { seed: 1, engine: "greedy", exactBound: false });
    const files = solveOutputs(result, explain(result.year, result.allocation));
    const [first, second] = result.allocation.assignments;
    const given = { assignments: result.allocation.assignments.slice(2), declined: [{ reviewId: first!.reviewId, role: first!.role, personId: first!.personId }], withdrawals: [{ personId: second!.personId, role: second!.role }] };
    for (const text of [files["allocation.csv"]!, allocationCsv(result.year, given)]) {
      const back = parseAllocation(text);
      expect(back.ok).toBe(true);
      expect(columnProblems(problemsOf(back))).toEqual([]);
    }
  });

  it("the year folder, and a closed year's folder with pathway.csv and previous-year/", async () => {
    const written = serializeYear(problem);
    expect(columnProblems(problemsOf(parseYear(written)))).toEqual([]);
    const result = await solve(problem, { seed: 1, engine: "greedy", exactBound: false });
    const closed = closeYear(problem, result.allocation, { yearLabel: "2024-25" });
    if (!closed.ok) throw new Error("the year does not close");
    const files = closedYearFiles(closed.value);
    const next = Object.fromEntries(Object.entries(files).filter(([file]) => !file.includes("/")));
    const previous = Object.fromEntries(Object.entries(files).flatMap(([file, text]) => (file.startsWith("previous-year/") ? [[file.slice("previous-year/".length), text]] : [])));
    expect(columnProblems(problemsOf(parseYear({ ...next, "reviews.csv": written["reviews.csv"]! })))).toEqual([]);
    expect(columnProblems(problemsOf(parseYear(previous)))).toEqual([]);
    expect(columnProblems(problemsOf(parsePathway(files["pathway.csv"]!)))).toEqual([]);
  });
});

describe("what qar writes for a cohort reads back without a column warning", () => {
  it("the cohort's files and groups.csv", async () => {
    const cohort = readCohortFolder(`${FIXTURES}cohorts/growing-the-top`);
    if (!cohort.ok) throw new Error("the cohort does not read");
    expect(columnProblems(problemsOf(parseCohort(serializeCohort(cohort.value))))).toEqual([]);
    const result = await group(cohort.value, { remedies: false });
    const outputs = groupOutputs(indexCohort(cohort.value), result);
    expect(columnProblems(problemsOf(parseGroupsCsv(outputs["groups.csv"]!, "groups.csv")))).toEqual([]);
  });
});
