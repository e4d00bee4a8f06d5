import { Command, CommanderError } from "commander";
import { formatInputError, InvalidInputError, type InputError } from "../io/errors.js";
import { version } from "../../package.json";
import { registerCheck } from "./commands/check.js";
import { registerCheckGroups } from "./commands/check-groups.js";
import { registerCloseYear } from "./commands/close-year.js";
import { registerExplain } from "./commands/explain.js";
import { registerGroup } from "./commands/group.js";
import { registerLedger } from "./commands/ledger.js";
import { registerNewYear } from "./commands/new-year.js";
import { registerPlan } from "./commands/plan.js";
import { registerRepair } from "./commands/repair.js";
import { registerReport } from "./commands/report.js";
import { registerRespond } from "./commands/respond.js";
import { registerSolve } from "./commands/solve.js";
import { EXIT, InputFailure, resetStdin, type CommandContext, type Io } from "./shared.js";

export { EXIT, type Io } from "./shared.js";

/**
 * The commands, in the order `qar --help` lists them. Each lives in its own module in
 * `commands/` and exports one `register<Name>(program, context)` that adds the command (its
 * arguments, options, help examples) and its action to the program. An action parses nothing
 * itself: it loads its input through `shared.ts` (`loadYear`, `loadAllocation`, ...), throws
 * `InputFailure` for input problems before writing anything, calls the library, writes through
 * `io/`, prints to `context.io` and sets `context.state.code`. A new command is one new module
 * here plus one line in this list, and its tests in `test/cli/`, titled with the command line.
 */
const COMMANDS: readonly ((program: Command, context: CommandContext) => void)[] = [
  registerSolve,
  registerCheck,
  registerReport,
  registerExplain,
  registerRepair,
  registerRespond,
  registerCloseYear,
  registerNewYear,
  registerLedger,
  registerPlan,
  registerGroup,
  registerCheckGroups,
];

/** Builds the `qar` program. Each action sets `state.code`; nothing here calls `process.exit`. */
export function buildProgram(io: Io, state: { code: number; json?: boolean }): Command {
  const program = new Command("qar")
    .description("Allocate Quality Assurance Review teams: Lead Reviewers and peer reviewers for every review of a partnership year.")
    .version(version, "-V, --version", "print the version of qar")
    .hook("preAction", (_program, action) => {
      state.json = action.opts().json === true;
    })
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
  qar respond my-year published/allocation.csv --responses responses.csv --out week-2
  qar report my-year published/allocation.csv --out report.html
  qar respond my-year published/allocation.csv --responses responses.csv --out week-2
  qar plan my-year --out plan
  qar close-year my-year final/allocation.csv --year-label 2024-25 --out 2025-26
  qar group fixtures/cohorts/growing-the-top --out groups

Exit codes: 0 success, 1 invalid input (file, row and column named; nothing written),
2 a rule broken (qar check), 130 interrupted (Ctrl-C). A file named - is standard input
(or output, for qar report --out and qar check --report). With --json, input problems are
also printed on standard output as {"ok": false, "errors": [...]}.
Run qar <command> --help for each command's options.`,
    );
  for (const register of COMMANDS) register(program, { io, state });
  return program;
}

/**
 * Runs `qar` with `argv` (as `process.argv`) and returns the exit code. Input problems print
 * one line each (file, row, column, message) and give 1; a bug gives 3 with a short message.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const state: { code: number; json?: boolean } = { code: EXIT.ok };
  const program = buildProgram(io, state);
  resetStdin();
  try {
    await program.parseAsync([...argv]);
    return state.code;
  } catch (error) {
    const json = state.json ?? argv.includes("--json");
    if (error instanceof InputFailure || error instanceof InvalidInputError) {
      for (const e of error.errors) io.err(`error: ${formatInputError(e)}\n`);
      const output = error.errors.every((e) => e.code === "bad-output");
      io.err(output ? "nothing was written\n" : `${error.errors.length} problem${error.errors.length === 1 ? "" : "s"} in the input; nothing was written\n`);
      if (json) printJsonErrors(io, error.errors);
      return EXIT.invalidInput;
    }
    if (error instanceof CommanderError) {
      if (error.exitCode !== 0 && json) printJsonErrors(io, [{ code: "bad-usage", file: "qar", message: error.message.replace(/^error: /, "") }]);
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    }
    io.err(`qar: internal error (please report it): ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.bug;
  }
}

/** With `--json`, input problems go to standard output too, as data. */
function printJsonErrors(io: Io, errors: readonly InputError[]): void {
  io.out(`${JSON.stringify({ ok: false, errors }, null, 2)}\n`);
}
