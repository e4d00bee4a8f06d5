import { Command, CommanderError } from "commander";
import { formatInputError } from "../io/errors.js";
import { registerCheck } from "./commands/check.js";
import { registerCheckGroups } from "./commands/check-groups.js";
import { registerCloseYear } from "./commands/close-year.js";
import { registerExplain } from "./commands/explain.js";
import { registerGroup } from "./commands/group.js";
import { registerLedger } from "./commands/ledger.js";
import { registerPlan } from "./commands/plan.js";
import { registerRepair } from "./commands/repair.js";
import { registerReport } from "./commands/report.js";
import { registerRespond } from "./commands/respond.js";
import { registerSolve } from "./commands/solve.js";
import { EXIT, InputFailure, type CommandContext, type Io } from "./shared.js";

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
  registerLedger,
  registerPlan,
  registerGroup,
  registerCheckGroups,
];

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
  qar respond my-year published/allocation.csv --responses responses.csv --out week-2
  qar report my-year published/allocation.csv --out report.html
  qar respond my-year published/allocation.csv --responses responses.csv --out week-2
  qar plan my-year --out plan
  qar close-year my-year final/allocation.csv --year-label 2024-25 --out 2025-26
  qar group fixtures/cohorts/growing-the-top --out groups

Exit codes: 0 success, 1 invalid input (file, row and column named; nothing written),
2 a rule broken (qar check). Run qar <command> --help for each command's options.`,
    );
  for (const register of COMMANDS) register(program, { io, state });
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
      const output = error.errors.every((e) => e.code === "bad-output");
      io.err(output ? "nothing was written\n" : `${error.errors.length} problem${error.errors.length === 1 ? "" : "s"} in the input; nothing was written\n`);
      return EXIT.invalidInput;
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    }
    io.err(`qar: internal error (please report it): ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.bug;
  }
}
