import { InvalidArgumentError, type Command } from "commander";
import { indexCohort } from "../../groups/cohort.js";
import { TooManyGroupsError } from "../../groups/enumerate.js";
import { group, type GroupResult } from "../../groups/group.js";
import { checkOutputFolder } from "../../io/out-folder.js";
import { GROUP_OUTPUTS } from "../../io/groups/cohort-files.js";
import { groupOutputs, groupSummary } from "../../io/groups/write-groups.js";
import { EXIT, jsonOutput, writeOutputs, type CommandContext, type Io } from "../shared.js";
import { failInput, loadCohort } from "./cohort-input.js";

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("must be a positive number of seconds");
  return n;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The terminal summary of a grouping: one line per programme, the bound and gaps, the shortfalls. */
export function groupSummaryText(result: GroupResult): string {
  const m = result.check.metrics;
  const lines = m.programmes.map((p) => `${p.programme}: ${p.placed}/${p.schools} placed in ${p.groups} groups`);
  lines.push(
    `placed ${m.placed}/${m.schools} (bound ${result.bound.placed}, gap ${pct(result.gap)}); journeys ${m.goals.journeys ?? 0} km (bound ${result.bound.journeysKm}, gap ${pct(result.journeysGap)}); repeated pairs ${m.goals["fresh-pairs"] ?? 0}; groups without a facilitator ${m.withoutFacilitator}; ${result.proven ? "proven optimal" : `not proven (${result.stoppedBy})`}`,
  );
  for (const u of result.grouping.unplaced) lines.push(`unplaced ${u.programme} ${u.schoolId}: ${u.reason}`);
  for (const u of result.uncovered) lines.push(`no facilitator ${u.programme}/${u.groupId}: ${u.reason}`);
  return lines.join("\n");
}

/** `qar group <cohort-folder> --out DIR`: groups every programme of a cohort and writes the results. */
export function registerGroup(program: Command, { io, state }: CommandContext): void {
  program
    .command("group")
    .description("Group the schools of each programme of a cohort into trios and quads beyond their locality, with facilitators; writes groups.csv, unplaced.csv, visits.csv, summary.json and group-report.html.")
    .argument("<cohort-folder>", "folder with schools.csv, cohort.csv, facilitators.csv (and optional history.csv, policy.json)")
    .requiredOption("-o, --out <dir>", "folder to write the results to (never the cohort folder)")
    .option("-t, --time-limit <seconds>", "stop after this many seconds with the best grouping so far", seconds)
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", "\nExamples:\n  qar group fixtures/cohorts/growing-the-top --out out/gtt\n  qar group my-cohort --out results --time-limit 30 --json")
    .action(async (folder: string, opts: { out: string; timeLimit?: number; json?: boolean; quiet?: boolean }) => {
      const place = checkOutputFolder({ out: opts.out, protect: [folder], names: GROUP_OUTPUTS });
      if (place.length > 0) return failInput(io, state, place.map((e) => ({ ...e, message: e.message.replace("the year folder", "the cohort folder") })));
      const loaded = loadCohort(io, folder, { quiet: opts.quiet === true || opts.json === true });
      if ("errors" in loaded) return failInput(io, state, loaded.errors);
      let result: GroupResult;
      try {
        result = await group(loaded.cohort, opts.timeLimit !== undefined ? { timeLimitMs: opts.timeLimit * 1000 } : {});
      } catch (error) {
        if (error instanceof TooManyGroupsError) return failInput(io, state, [{ code: "bad-policy", file: folder, message: error.message }]);
        throw error;
      }
      const index = indexCohort(loaded.cohort);
      writeOutputs(opts.out, groupOutputs(index, result));
      if (opts.json) io.out(jsonOutput({ out: opts.out, ...groupSummary(index, result) }));
      else if (!opts.quiet) io.out(`${groupSummaryText(result)}\n\nwritten to ${opts.out}: ${GROUP_OUTPUTS.join(", ")}\n`);
      state.code = EXIT.ok;
    });
}
