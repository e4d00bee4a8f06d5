import { Command, CommanderError, InvalidArgumentError } from "commander";
import { relative, resolve } from "node:path";
import { checkAllocation } from "../check.js";
import { formatInputError, type InputError } from "../io/errors.js";
import { readBytes, readYearFolder, writeFileAtomically, writeFolderAtomically } from "../io/files.js";
import { parseAllocation } from "../io/read-allocation.js";
import { summaryTable } from "../io/terminal.js";
import { solveOutputs, summaryOf } from "../io/write-outputs.js";
import { indexYear } from "../model/year.js";
import { ENGINES, solve } from "../solver/index.js";
import { progressDisplay } from "./progress.js";
import { explain } from "../explain.js";
import { repair } from "../repair.js";
import { parseChanges } from "../io/read-changes.js";
import { toCsv } from "../io/csv-text.js";
import { renderReport } from "../io/report-html.js";
import type { Allocation } from "../model/schema.js";
import { registerGroup } from "./commands/group.js";
import { registerCheckGroups } from "./commands/check-groups.js";

/** Exit codes: the contract with scripts that call `qar`. */
export const EXIT = { ok: 0, invalidInput: 1, violations: 2, bug: 3 } as const;

/** Where the CLI writes: injectable so tests can capture output. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where live progress goes (a terminal's stderr); absent in tests and pipes. */
  readonly progress?: NodeJS.WriteStream;
}

class InputFailure extends Error {
  constructor(readonly errors: readonly InputError[]) {
    super("invalid input");
  }
}

function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number");
  return Number(value);
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("must be a positive number of seconds");
  return n;
}

function loadYear(folder: string, policyFile: string | undefined) {
  const result = readYearFolder(folder, policyFile !== undefined ? { policyFile } : {});
  if (!result.ok) throw new InputFailure(result.errors);
  return result;
}

function loadAllocation(file: string): Allocation {
  const bytes = readBytes(file);
  if ("error" in bytes) throw new InputFailure([bytes.error]);
  const allocation = parseAllocation(bytes.bytes, file);
  if (!allocation.ok) throw new InputFailure(allocation.errors);
  return allocation.value;
}

function refuseOutInsideYear(out: string, folder: string): void {
  if (isInside(out, folder)) {
    throw new InputFailure([{ code: "bad-value", file: out, message: "is inside the year folder; choose an --out folder elsewhere so the inputs stay untouched" }]);
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith("/"));
}

/** Builds the `qar` program. Each action sets `state.code`; nothing here calls `process.exit`. */
export function buildProgram(io: Io, state: { code: number }): Command {
  const program = new Command("qar")
    .description("Allocate Quality Assurance Review teams: Lead Reviewers and peer reviewers for every review of a partnership year.")
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError("(run qar --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  qar solve fixtures/years/2018-19 --out out/2018-19 --seed 1
  qar check fixtures/years/2018-19 out/2018-19/allocation.csv
  qar explain fixtures/years/short out/short/allocation.csv
  qar repair my-year published/allocation.csv --changes changes.csv --out repaired
  qar report my-year published/allocation.csv --out report.html

Exit codes: 0 success, 1 invalid input (file, row and column named; nothing written),
2 a rule broken (qar check). Run qar <command> --help for each command's options.`,
    );

  program
    .command("solve")
    .description("Allocate every review of a year folder and write allocation.csv, unfilled.csv, ledger.csv and summary.json.")
    .argument("<year-folder>", "folder with schools.csv, reviewers.csv, leads.csv, reviews.csv (and optional policy.json)")
    .requiredOption("-o, --out <dir>", "folder to write the results to (never the year folder)")
    .option("-s, --seed <n>", "seed for reproducible results", integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-e, --engine <name>", `engine: auto, ${Object.keys(ENGINES).join(", ")}`, "auto")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best allocation so far", seconds)
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText(
      "after",
      `
Examples:
  qar solve fixtures/years/2018-19 --out out/2018-19
  qar solve my-year --out results --seed 7 --policy strict-policy.json
  qar solve my-year --out results --time-limit 30 --json`,
    )
    .action(async (folder: string, opts: { out: string; seed: number; policy?: string; engine: string; timeLimit?: number; json?: boolean; quiet?: boolean }) => {
      refuseOutInsideYear(opts.out, folder);
      if (opts.engine !== "auto" && !(opts.engine in ENGINES)) {
        throw new InputFailure([{ code: "bad-value", file: "--engine", message: `unknown engine "${opts.engine}"; use auto, ${Object.keys(ENGINES).join(", ")}` }]);
      }
      const loaded = loadYear(folder, opts.policy);
      for (const warning of loaded.warnings) if (!opts.quiet) io.err(`warning: ${formatInputError(warning)}\n`);
      const display = io.progress ? progressDisplay(io.progress, !opts.quiet && !opts.json) : undefined;
      const result = await solve(loaded.value, {
        seed: opts.seed,
        engine: opts.engine,
        ...(opts.timeLimit !== undefined ? { timeLimitMs: opts.timeLimit * 1000 } : {}),
        ...(display ? { onProgress: display.update } : {}),
      }).finally(() => display?.stop());
      const year = indexYear(loaded.value);
      writeFolderAtomically(opts.out, solveOutputs(year, result));
      if (opts.json) io.out(`${JSON.stringify({ out: opts.out, ...summaryOf(result) }, null, 2)}\n`);
      else if (!opts.quiet) io.out(`${summaryTable(result.check, result)}\n\nwritten to ${opts.out}: allocation.csv, unfilled.csv, ledger.csv, summary.json, report.html\n`);
      state.code = EXIT.ok;
    });

  program
    .command("check")
    .description("Check an allocation against every hard rule; exit 2 when any rule is broken.")
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "allocation.csv (needs review_id, role, person_id)")
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("--json", "print violations and figures as JSON")
    .option("-r, --report <file>", "also write the HTML report of this allocation (never into the year folder)")
    .addHelpText(
      "after",
      `
Examples:
  qar check fixtures/years/2018-19 out/2018-19/allocation.csv
  qar check my-year hand-edited.csv --json
  qar check my-year hand-edited.csv --report checked/report.html`,
    )
    .action((folder: string, file: string, opts: { policy?: string; json?: boolean; report?: string }) => {
      if (opts.report !== undefined) refuseOutInsideYear(opts.report, folder);
      const loaded = loadYear(folder, opts.policy);
      const allocation = loadAllocation(file);
      const result = checkAllocation(loaded.value, allocation);
      if (opts.report !== undefined) writeFileAtomically(opts.report, renderReport({ year: indexYear(loaded.value), allocation, check: result, title: `Check of ${file}` }));
      if (opts.json) {
        io.out(`${JSON.stringify({ valid: result.valid, violations: result.violations, metrics: result.metrics }, null, 2)}\n`);
      } else {
        for (const v of result.violations) io.out(`[${v.rule}] ${v.message}\n`);
        io.out(`${result.valid ? "valid: no rule is broken" : `${result.violations.length} violation${result.violations.length === 1 ? "" : "s"}`}\n\n${summaryTable(result)}\n`);
      }
      state.code = result.valid ? EXIT.ok : EXIT.violations;
    });

  program
    .command("report")
    .description("Write the HTML report (headline figures, calendar, reciprocity, hub exchanges, unfilled seats, teams) of an allocation.")
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "allocation.csv")
    .requiredOption("-o, --out <file>", "the report file to write, e.g. report.html")
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .addHelpText("after", "\nExamples:\n  qar report fixtures/years/2018-19 out/2018-19/allocation.csv --out 2018-19-report.html")
    .action((folder: string, file: string, opts: { out: string; policy?: string }) => {
      refuseOutInsideYear(opts.out, folder);
      const loaded = loadYear(folder, opts.policy);
      const allocation = loadAllocation(file);
      const check = checkAllocation(loaded.value, allocation);
      writeFileAtomically(opts.out, renderReport({ year: indexYear(loaded.value), allocation, check, title: `Allocation ${file}` }));
      io.out(`written to ${opts.out}\n`);
      state.code = EXIT.ok;
    });

  program
    .command("explain")
    .description("Explain every unfilled seat of an allocation: the candidate funnel rule by rule, the binding reason, what would fill it, and any certificate that the year cannot be fully staffed.")
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "allocation.csv")
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("--json", "print the explanations as JSON")
    .addHelpText("after", "\nExamples:\n  qar explain fixtures/years/short out/short/allocation.csv\n  qar explain my-year results/allocation.csv --json > why.json")
    .action((folder: string, file: string, opts: { policy?: string; json?: boolean }) => {
      const loaded = loadYear(folder, opts.policy);
      const explanation = explain(loaded.value, loadAllocation(file));
      if (opts.json) {
        io.out(`${JSON.stringify(explanation, null, 2)}\n`);
      } else {
        for (const seat of explanation.seats) {
          io.out(`${seat.reviewId} (host ${seat.hostSchoolId}): ${seat.missing} ${seat.role === "lead" ? "Lead Reviewer seat" : `peer seat${seat.missing === 1 ? "" : "s"}`} empty\n`);
          io.out(`  why: ${seat.reason}\n`);
          io.out(`  funnel: ${seat.funnel.map((step) => `${step.rule} ${step.remaining}`).join(" > ")}\n`);
          for (const remedy of seat.remedies) io.out(`  would fill it: ${remedy}\n`);
        }
        for (const certificate of explanation.certificates) io.out(`\nshortage certificate (${certificate.role}): ${certificate.summary}\n  reviews: ${certificate.reviewIds.join(", ")}\n`);
        io.out(`${explanation.seats.length === 0 ? "every seat is filled" : `${explanation.seats.length} review${explanation.seats.length === 1 ? "" : "s"} with empty seats`}\n`);
      }
      state.code = EXIT.ok;
    });

  program
    .command("repair")
    .description("Re-plan an allocation after changes (withdrawals, cancellations, moved reviews), keeping every assignment it can; writes a complete output folder plus diff.csv.")
    .argument("<year-folder>", "the year folder (new people and schools are extra rows in its files)")
    .argument("<allocation>", "the published allocation.csv")
    .requiredOption("-c, --changes <file>", "changes.csv with columns change,id,value (withdraw,P0193, · cancel,R0412, · move,R0412,2024-03-11)")
    .requiredOption("-o, --out <dir>", "folder to write the repaired allocation to")
    .option("-s, --seed <n>", "seed for reproducible results", integer, 1)
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best repair so far", seconds)
    .option("--json", "print the summary and diff as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar repair my-year published/allocation.csv --changes changes.csv --out repaired")
    .action(async (folder: string, file: string, opts: { changes: string; out: string; seed: number; policy?: string; timeLimit?: number; json?: boolean; quiet?: boolean }) => {
      refuseOutInsideYear(opts.out, folder);
      const loaded = loadYear(folder, opts.policy);
      const allocation = loadAllocation(file);
      const bytes = readBytes(opts.changes);
      if ("error" in bytes) throw new InputFailure([bytes.error]);
      const changes = parseChanges(bytes.bytes, opts.changes);
      if (!changes.ok) throw new InputFailure(changes.errors);
      const display = io.progress ? progressDisplay(io.progress, !opts.quiet && !opts.json) : undefined;
      const outcome = await repair(loaded.value, allocation, changes.value.changes, {
        seed: opts.seed,
        ...(opts.timeLimit !== undefined ? { timeLimitMs: opts.timeLimit * 1000 } : {}),
        ...(display ? { onProgress: display.update } : {}),
      }).finally(() => display?.stop());
      if (!outcome.ok) {
        throw new InputFailure(outcome.issues.map((issue) => ({ code: "unknown-reference" as const, file: opts.changes, row: changes.value.rows[issue.index]!, column: issue.field, message: issue.message })));
      }
      const files = solveOutputs(indexYear(outcome.problem), outcome.result);
      files["diff.csv"] = toCsv(["change", "role", "person_id", "from_review_id", "to_review_id"], outcome.diff.map((d) => [d.change, d.role, d.personId, d.fromReviewId, d.toReviewId]));
      writeFolderAtomically(opts.out, files);
      const counts = { added: 0, moved: 0, removed: 0 };
      for (const d of outcome.diff) counts[d.change] += 1;
      if (opts.json) io.out(`${JSON.stringify({ out: opts.out, diff: outcome.diff, changes: counts, ...summaryOf(outcome.result) }, null, 2)}\n`);
      else if (!opts.quiet) {
        io.out(`${summaryTable(outcome.result.check, outcome.result)}\n\nchanges: ${counts.added} added, ${counts.moved} moved, ${counts.removed} removed\nwritten to ${opts.out}: allocation.csv, unfilled.csv, ledger.csv, summary.json, report.html, diff.csv\n`);
      }
      state.code = EXIT.ok;
    });

  registerGroup(program, io, state);
  registerCheckGroups(program, io, state);

  return program;
}

/**
 * Runs `qar` with `argv` (as `process.argv`) and returns the exit code. Input problems print
 * one line each (file, row, column, message) and give 1; a bug gives 3 with a short message.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const state = { code: EXIT.ok as number };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync([...argv]);
    return state.code;
  } catch (error) {
    if (error instanceof InputFailure) {
      for (const e of error.errors) io.err(`error: ${formatInputError(e)}\n`);
      io.err(`${error.errors.length} problem${error.errors.length === 1 ? "" : "s"} in the input; nothing was written\n`);
      return EXIT.invalidInput;
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    }
    io.err(`qar: internal error (please report it): ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.bug;
  }
}
