import type { Command } from "commander";
import { checkGroups } from "../../groups/check.js";
import { readBytes } from "../../io/files.js";
import { parseGroupsCsv } from "../../io/groups/read-groups.js";
import { EXIT, jsonOutput, type CommandContext, type Io } from "../shared.js";
import { failInput, loadCohort } from "./cohort-input.js";

/** `qar check-groups <cohort-folder> <groups.csv>`: every group rule checked; exit 2 when one is broken. */
export function registerCheckGroups(program: Command, { io, state }: CommandContext): void {
  program
    .command("check-groups")
    .description("Check a groups file against every group rule (sizes, phases, hubs, localities, trusts, facilitators); exit 2 when any rule is broken.")
    .argument("<cohort-folder>", "the cohort folder the groups are for")
    .argument("<groups>", "groups.csv (needs programme, group_id, school_id; facilitator_id to check facilitators)")
    .option("--json", "print violations and figures as JSON")
    .option("-q, --quiet", "print nothing; the exit code says whether a rule is broken")
    .addHelpText("after", "\nExamples:\n  qar check-groups fixtures/cohorts/growing-the-top out/gtt/groups.csv\n  qar check-groups my-cohort hand-edited-groups.csv --json")
    .action((folder: string, file: string, opts: { json?: boolean; quiet?: boolean }) => {
      const loaded = loadCohort(io, folder, { quiet: opts.json === true || opts.quiet === true });
      const bytes = readBytes(file);
      const grouping = "error" in bytes ? undefined : parseGroupsCsv(bytes.bytes, file);
      const errors = [...("errors" in loaded ? loaded.errors : []), ...("error" in bytes ? [bytes.error] : []), ...(grouping && !grouping.ok ? grouping.errors : [])];
      if (errors.length > 0 || "errors" in loaded || !grouping?.ok) return failInput(io, state, errors);
      const result = checkGroups(loaded.cohort, grouping.value);
      const m = result.metrics;
      if (opts.json) {
        io.out(jsonOutput({ valid: result.valid, violations: result.violations, metrics: m }));
      } else if (!opts.quiet) {
        for (const v of result.violations) io.out(`[${v.rule}] ${v.message}\n`);
        io.out(`${result.valid ? "valid: no rule is broken" : `${result.violations.length} violation${result.violations.length === 1 ? "" : "s"}`}\n`);
        io.out(`placed ${m.placed}/${m.schools} in ${m.groups} groups; journeys ${m.goals.journeys ?? 0} km; repeated pairs ${m.goals["fresh-pairs"] ?? 0}; groups without a facilitator ${m.withoutFacilitator}\n`);
      }
      state.code = result.valid ? EXIT.ok : EXIT.violations;
    });
}
