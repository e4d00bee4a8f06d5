import type { Command } from "commander";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkAllocation } from "../../check.js";
import { formatInputError, type InputError } from "../../io/errors.js";
import { readYear } from "../../io/files.js";
import { parseAttendance, parsePathway } from "../../io/read-years.js";
import { checkOutputFolder } from "../../io/out-folder.js";
import { closedYearFiles, PREVIOUS_YEAR_FOLDER } from "../../io/write-years.js";
import { PATHWAY_FILE, POLICY_FILE, YEAR_FILES } from "../../io/year-files.js";
import { closeYear, type CloseYearIssue } from "../../years/close-year.js";
import { CARRY_OVER_LIMIT } from "../../model/schema.js";
import { EXIT, jsonOutput, writeOutputs, writtenList, type CommandContext, type Io } from "../shared.js";
import { inputErrors, readAllocationWith, readWith } from "./common.js";

/** Every file a closed year's folder may get (the folder check looks for folders in their way). */
const CLOSED_YEAR_FILES = [
  YEAR_FILES.schools.file,
  YEAR_FILES.reviewers.file,
  YEAR_FILES.leads.file,
  YEAR_FILES.history.file,
  YEAR_FILES.ledgerYears.file,
  PATHWAY_FILE.file,
  POLICY_FILE,
  `${PREVIOUS_YEAR_FOLDER}/${YEAR_FILES.reviews.file}`,
] as const;

interface Options {
  readonly yearLabel: string;
  readonly out: string;
  readonly attendance?: string;
  readonly policy?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** Runs `qar close-year`; returns the exit code. */
async function closeYearCommand(io: Io, folder: string, allocationFile: string, opts: Options): Promise<number> {
  const place = checkOutputFolder({ out: opts.out, protect: [folder], option: "--out", names: CLOSED_YEAR_FILES });
  if (place.length > 0) return inputErrors(io, place, opts);
  const errors: InputError[] = [];
  const year = await readYear(folder, opts.policy !== undefined ? { policyFile: opts.policy } : {});
  if (!year.ok) errors.push(...year.errors);
  const allocation = await readAllocationWith(allocationFile, errors);
  const attendance = opts.attendance !== undefined ? readWith(opts.attendance, parseAttendance, errors) : undefined;
  const pathwayPath = join(folder, PATHWAY_FILE.file);
  const previous = existsSync(pathwayPath) ? readWith(pathwayPath, parsePathway, errors) : undefined;
  if (!year.ok || allocation === undefined || errors.length > 0) return inputErrors(io, errors, opts);

  const closed = closeYear(year.value, allocation, {
    yearLabel: opts.yearLabel,
    ...(attendance ? { attendance: attendance.items } : {}),
    ...(previous ? { previousPathway: previous.items } : {}),
  });
  if (!closed.ok) {
    return inputErrors(io, closed.issues.map((issue) => issueError(issue, { allocationFile, allocationRows: allocation.rows, attendanceFile: opts.attendance ?? "", attendanceRows: attendance?.rows ?? [] })), opts);
  }
  if (!opts.quiet && !opts.json) {
    for (const warning of year.warnings) if (warning.column !== "available") io.err(`warning: ${formatInputError(warning)}\n`);
    for (const warning of allocation.warnings) io.err(`warning: ${formatInputError(warning)}\n`);
    for (const school of closed.value.limited) {
      io.err(`warning: school ${school.schoolId}: its carry-over came to ${school.value}, beyond the ±${CARRY_OVER_LIMIT} a school may carry; written as ${school.carryOver}\n`);
    }
    const broken = checkAllocation(year.value, allocation).violations.length;
    if (broken > 0) io.err(`warning: the allocation breaks ${broken} hard rule${broken === 1 ? "" : "s"} (qar check lists them); it is closed as it took place\n`);
  }
  const files = closedYearFiles(closed.value);
  try {
    writeOutputs(opts.out, files);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === undefined) throw cause;
    return inputErrors(io, [{ code: "bad-output", file: opts.out, message: `could not be written (${code}); its earlier files and every other file in it are unchanged` }], opts);
  }
  const { ledger, attended, missed, pathway, cleared } = closed.value;
  const summary = {
    out: opts.out,
    yearLabel: opts.yearLabel,
    attended: attended.length,
    missed: missed.length,
    schoolsOwing: ledger.filter((row) => row.carryOverAfter > 0).length,
    schoolsOwed: ledger.filter((row) => row.carryOverAfter < 0).length,
    schools: ledger.length,
    eligibleForAdvanced: pathway.filter((row) => row.eligibleForAdvanced).length,
    waitingForFirstReview: pathway.filter((row) => row.waitingForFirstReview).length,
    availabilityCleared: cleared,
  };
  if (opts.json) io.out(jsonOutput(summary));
  else if (!opts.quiet) {
    io.out(
      `closed ${opts.yearLabel}: ${summary.attended} seats attended, ${summary.missed} missed\n` +
        `carry-over: ${summary.schoolsOwing} of ${summary.schools} schools owe places, ${summary.schoolsOwed} are owed\n` +
        `pathway: ${summary.eligibleForAdvanced} reviewers eligible to train as advanced, ${summary.waitingForFirstReview} waiting for a first review\n` +
        `availability: cleared for ${cleared.reviewers} reviewers and ${cleared.leads} Lead Reviewers (dates are per year); the closed year's reviews and dates are kept in ${PREVIOUS_YEAR_FOLDER}/\n` +
        `written to ${opts.out}: ${writtenList(files)}\n` +
        `next: qar new-year ${opts.out} --out <dir> rolls the reviews and everyone's dates forward, to confirm\n`,
    );
  }
  return EXIT.ok;
}

function issueError(issue: CloseYearIssue, where: { allocationFile: string; allocationRows: readonly number[]; attendanceFile: string; attendanceRows: readonly number[] }): InputError {
  if (issue.source === "year-label") return { code: "bad-value", file: "--year-label", message: issue.message };
  const [file, rows] = issue.source === "allocation" ? [where.allocationFile, where.allocationRows] : [where.attendanceFile, where.attendanceRows];
  const row = issue.index !== undefined ? rows[issue.index] : undefined;
  return { code: "unknown-reference", file, ...(row !== undefined ? { row } : {}), ...(issue.field ? { column: issue.field } : {}), message: issue.message };
}

/**
 * `qar close-year <year> <allocation.csv> --year-label 2024-25 --out DIR [--attendance file]`:
 * closes a year and writes the next year's starting folder.
 */
export function registerCloseYear(program: Command, { io, state }: CommandContext): void {
  program
    .command("close-year")
    .description(
      "Close a year: count by attendance what each school received and sent, carry the difference into schools.csv (carry_over), extend history.csv and ledger-years.csv, write pathway.csv, and clear availability (said aloud; " +
        "the closed year's own files are kept in previous-year/); the output is next year's starting folder, which qar new-year turns into a year folder.",
    )
    .argument("<year-folder>", "the year folder the allocation is for")
    .argument("<allocation>", "the allocation that took place (allocation.csv, or a workbook with an allocation sheet)")
    .requiredOption("-y, --year-label <label>", "the closed year's label, starting with the year it begins in (e.g. 2024-25)")
    .requiredOption("-o, --out <dir>", "folder for the next year's starting files (never the year folder)")
    .option("-a, --attendance <file>", "attendance.csv with review_id,person_id,attended (yes/no); seats it does not list count as attended")
    .option("-p, --policy <file>", "policy.json to use instead of the year folder's")
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar close-year 2024-25 published/allocation.csv --attendance attendance.csv --year-label 2024-25 --out 2025-26")
    .action(async (folder: string, allocationFile: string, opts: Options) => {
      state.code = await closeYearCommand(io, folder, allocationFile, opts);
    });
}
