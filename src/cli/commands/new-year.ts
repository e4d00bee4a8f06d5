import type { Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatInputError } from "../../io/errors.js";
import { readYear } from "../../io/files.js";
import { checkOutputFolder } from "../../io/out-folder.js";
import { newYearFiles, PREVIOUS_YEAR_FOLDER } from "../../io/write-years.js";
import { PATHWAY_FILE, YEAR_FILES } from "../../io/year-files.js";
import { newYear } from "../../years/new-year.js";
import { EXIT, writeOutputs, type CommandContext, type Io } from "../shared.js";
import { inputErrors } from "./common.js";

interface Options {
  readonly out: string;
  readonly previous?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** Runs `qar new-year`; returns the exit code. */
async function newYearCommand(io: Io, folder: string, opts: Options): Promise<number> {
  const previousFolder = opts.previous ?? join(folder, PREVIOUS_YEAR_FOLDER);
  const names = [...Object.values(YEAR_FILES).map((f) => f.file), PATHWAY_FILE.file, "availability.csv", "policy.json"];
  const place = checkOutputFolder({ out: opts.out, protect: [folder, previousFolder], option: "--out", names });
  if (place.length > 0) return inputErrors(io, place, opts);
  if (!existsSync(previousFolder)) {
    const message = `is not there: qar close-year writes the closed year's own files into ${PREVIOUS_YEAR_FOLDER}/ of its output; for a folder closed before that, give the closed year's folder with --previous`;
    return inputErrors(io, [{ code: "missing-file", file: previousFolder, message }], opts);
  }
  const previous = await readYear(previousFolder);
  if (!previous.ok) return inputErrors(io, previous.errors, opts);
  // The closed folder has every file but reviews.csv: last year's reviews stand in for it.
  const start = await readYear(folder, { borrow: { name: YEAR_FILES.reviews.file, from: join(previousFolder, YEAR_FILES.reviews.file) } });
  if (!start.ok) return inputErrors(io, start.errors, opts);
  const started = newYear(start.value, previous.value);
  const pathwayPath = join(folder, PATHWAY_FILE.file);
  const files = newYearFiles(started, existsSync(pathwayPath) ? readFileSync(pathwayPath, "utf8") : undefined);
  writeOutputs(opts.out, files);
  const people = started.availability.length;
  const withDates = started.availability.filter((a) => a.available.length > 0).length;
  const summary = {
    out: opts.out,
    ...(started.yearLabel !== undefined ? { yearLabel: started.yearLabel } : {}),
    reviews: started.reviews.length,
    shiftDays: started.shiftDays,
    dropped: started.dropped,
    people,
    peopleWithDates: withDates,
  };
  if (opts.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!opts.quiet) {
    for (const warning of start.warnings) if (warning.column !== "available") io.err(`warning: ${formatInputError(warning)}\n`);
    io.out(
      [
        `${started.yearLabel ?? "next year"}: ${started.reviews.length} reviews rolled forward ${started.shiftDays / 7} weeks (same schools, same weekdays); every date is to confirm with its school (reviews.csv, column to_confirm)`,
        ...(started.dropped.length > 0 ? [`left out: ${started.dropped.join(", ")} (the school is no longer in schools.csv)`] : []),
        `availability: ${withDates} of ${people} people have last year's dates moved on, to confirm with each of them (availability.csv, one row per person)${withDates < people ? "; the others gave none last year and are asked for theirs" : ""}`,
        `written to ${opts.out}: ${Object.keys(files).sort().join(", ")}`,
        `next: confirm the dates, correct reviews.csv, reviewers.csv and leads.csv, then qar solve ${opts.out} --out <dir>`,
        "",
      ].join("\n"),
    );
  }
  return EXIT.ok;
}

/** `qar new-year <closed-folder> --out <dir>`: next year's year folder from a closed one. */
export function registerNewYear(program: Command, { io, state }: CommandContext): void {
  program
    .command("new-year")
    .description(
      "Start next year from a folder written by qar close-year: last year's reviews rolled forward (same schools, dates moved on by whole weeks, each to confirm), " +
        "everyone's availability moved on the same way, and availability.csv, a template of dates to confirm with each person; the output solves as it stands.",
    )
    .argument("<closed-folder>", "the folder qar close-year wrote (it holds previous-year/, the closed year's own files)")
    .requiredOption("-o, --out <dir>", "folder for next year's year folder (never the closed folder)")
    .option("--previous <folder>", "the closed year's own folder (default: <closed-folder>/previous-year)")
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar close-year 2024-25 published/allocation.csv --year-label 2024-25 --out 2025-26-start\n  qar new-year 2025-26-start --out 2025-26\n  qar solve 2025-26 --out out/2025-26")
    .action(async (folder: string, opts: Options) => {
      state.code = await newYearCommand(io, folder, opts);
    });
}
