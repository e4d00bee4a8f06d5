import { InvalidArgumentError, type Command } from "commander";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { InputError } from "../../io/errors.js";
import { parseLedgerYears, schoolNames } from "../../io/read-years.js";
import { standingsTable } from "../../io/write-years.js";
import { YEAR_FILES } from "../../io/year-files.js";
import { standings } from "../../years/ledger.js";
import { EXIT, jsonOutput, type CommandContext, type Io } from "../shared.js";
import { inputErrors, readWith } from "./common.js";

function count(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("must be a whole number, 1 or more");
  return Number(value);
}

/** Runs `qar ledger`; returns the exit code. */
function ledgerCommand(io: Io, folder: string, opts: { top: number; json?: boolean; quiet?: boolean }): number {
  const path = join(folder, YEAR_FILES.ledgerYears.file);
  if (!existsSync(path)) {
    return inputErrors(io, [{ code: "missing-file", file: path, message: "does not exist; qar close-year writes ledger-years.csv into the next year's folder" }], { writes: false, json: opts.json });
  }
  const errors: InputError[] = [];
  const ledger = readWith(path, parseLedgerYears, errors);
  const schoolsPath = join(folder, YEAR_FILES.schools.file);
  const names = existsSync(schoolsPath) ? readWith(schoolsPath, schoolNames, errors) : undefined;
  if (ledger === undefined || errors.length > 0) return inputErrors(io, errors, { writes: false, json: opts.json });

  const all = standings(ledger.items);
  const shown = all.slice(0, opts.top);
  const owing = all.filter((row) => row.carryOver > 0).length;
  if (opts.json) {
    io.out(jsonOutput({ schools: all.length, owing, furthestBehind: shown }));
  } else {
    const years = new Set(ledger.items.map((row) => row.year)).size;
    io.out(`${owing} of ${all.length} schools owe places after ${years} closed year${years === 1 ? "" : "s"}; the ${shown.length} furthest behind on their commitment:\n\n`);
    io.out(`${standingsTable(shown, names)}\n\n`);
    if (!opts.quiet) io.out("balance = places sent − places received (negative: owes); owes now = carry-over into next year; years met = years sending at least as many as received\n");
  }
  return EXIT.ok;
}

/** `qar ledger <folder> [--top N] [--json]`: the schools furthest behind across the closed years. */
export function registerLedger(program: Command, { io, state }: CommandContext): void {
  program
    .command("ledger")
    .description("Print the schools furthest behind on their reviewer commitment across the closed years (ledger-years.csv), with each year's balance.")
    .argument("<folder>", "a folder holding ledger-years.csv (a year folder, or the output of qar close-year)")
    .option("-n, --top <n>", "how many schools to list", count, 20)
    .option("--json", "print the standings as JSON")
    .option("-q, --quiet", "print only the standings, without the note on how to read them")
    .addHelpText("after", "\nExamples:\n  qar ledger 2025-26\n  qar ledger 2025-26 --top 50 --json")
    .action((folder: string, opts: { top: number; json?: boolean; quiet?: boolean }) => {
      state.code = ledgerCommand(io, folder, opts);
    });
}
