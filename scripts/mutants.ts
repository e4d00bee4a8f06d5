/**
 * Re-runs the mutants of issue 27 against the engines' suites: each mutant is applied to the
 * sources, the suites are run, the failing tests are listed, and the sources are put back (also
 * on an error or Ctrl-C). A mutant no test catches is a hole in the suites.
 *
 *   npx tsx scripts/mutants.ts              # the baseline, then every mutant
 *   npx tsx scripts/mutants.ts peer-rules   # one mutant by name
 *
 * Not shipped (scripts/ is not in the package). A mutant whose anchor text is no longer in its
 * file stops the script: update the anchor to the code as it now reads.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Mutant {
  readonly name: string;
  readonly what: string;
  readonly file: string;
  /** Text that must occur exactly once in `file`. */
  readonly anchor: string;
  readonly replacement: string;
}

const MUTANTS: readonly Mutant[] = [
  {
    name: "peer-rules",
    what: "the candidate lists ignore every pair rule for peers (own school, hub, locality, trust, distance, home review, conflicts, no repeat, ruled out)",
    file: "src/solver/candidates.ts",
    anchor: "  const allowed = (person: PersonInfo, review: ReviewInfo): boolean => {\n",
    replacement: '  const allowed = (person: PersonInfo, review: ReviewInfo): boolean => {\n    if (person.role === "peer") return true; // MUTANT peer-rules\n',
  },
  {
    name: "all-pairs",
    what: "the greedy engine seats every reviewer and Lead Reviewer on every review",
    file: "src/solver/engines/greedy.ts",
    anchor: '    return { allocation: roster.toAllocation(), stoppedBy: "complete", iterations };',
    replacement:
      '    const everyone = [...context.year.leads, ...context.year.reviewers]; // MUTANT all-pairs\n' +
      '    return { allocation: { assignments: context.year.reviews.flatMap((r) => everyone.map((p) => ({ reviewId: r.id, role: p.role, personId: p.id }))) }, stoppedBy: "complete", iterations };',
  },
];

/** The suites that claim "every engine's allocation is valid". */
const SUITES = ["test/solver/contract.test.ts", "test/solver/engines.test.ts", "test/properties/solver.test.ts"];

interface Report {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly fullName: string; readonly status: string }[] }[];
}

/** The suites' failing tests, by file, and how many ran. */
function runSuites(): { failed: string[]; total: number } {
  const dir = mkdtempSync(join(tmpdir(), "qar-mutants-"));
  const output = join(dir, "report.json");
  try {
    try {
      execFileSync("npx", ["vitest", "run", ...SUITES, "--reporter=json", `--outputFile=${output}`], { stdio: ["ignore", "ignore", "ignore"] });
    } catch {
      // vitest exits 1 when a test fails: the report says which.
    }
    const report = JSON.parse(readFileSync(output, "utf8")) as Report;
    const tests = report.testResults.flatMap((file) => file.assertionResults.map((t) => ({ ...t, file: file.name.slice(file.name.indexOf("test/")) })));
    return { failed: tests.filter((t) => t.status === "failed").map((t) => `${t.file} > ${t.fullName}`), total: tests.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withMutant<T>(mutant: Mutant, run: () => T): T {
  const original = readFileSync(mutant.file, "utf8");
  const at = original.indexOf(mutant.anchor);
  if (at < 0 || original.indexOf(mutant.anchor, at + 1) >= 0) throw new Error(`${mutant.name}: the anchor is not in ${mutant.file} exactly once; update it to the code as it now reads`);
  const restore = () => writeFileSync(mutant.file, original);
  const onSignal = () => {
    restore();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  writeFileSync(mutant.file, original.replace(mutant.anchor, mutant.replacement));
  try {
    return run();
  } finally {
    restore();
    process.off("SIGINT", onSignal);
  }
}

const only = process.argv[2];
const chosen = MUTANTS.filter((m) => only === undefined || m.name === only);
if (chosen.length === 0) throw new Error(`no mutant named "${only}"; the mutants are ${MUTANTS.map((m) => m.name).join(", ")}`);

const baseline = runSuites();
console.log(`baseline: ${baseline.failed.length} of ${baseline.total} tests fail${baseline.failed.length > 0 ? ` (fix these first: ${baseline.failed.join("; ")})` : ""}`);
let survived = 0;
for (const mutant of chosen) {
  const { failed, total } = withMutant(mutant, runSuites);
  console.log(`\nmutant ${mutant.name} (${mutant.what}): ${failed.length} of ${total} tests fail${failed.length === 0 ? " -- SURVIVED" : ""}`);
  for (const test of failed) console.log(`  - ${test}`);
  if (failed.length === 0) survived += 1;
}
process.exitCode = survived > 0 || baseline.failed.length > 0 ? 1 : 0;
