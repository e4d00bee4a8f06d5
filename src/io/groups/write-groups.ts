import type { CohortIndex } from "../../groups/cohort.js";
import { memberKey } from "../../groups/cohort.js";
import type { GroupResult } from "../../groups/group.js";
import type { Grouping } from "../../groups/model.js";
import { visitsOf } from "../../groups/visits.js";
import { toCsv } from "../csv-text.js";
import { GROUPS_FILE, UNPLACED_COLUMNS, VISITS_COLUMNS } from "./cohort-files.js";
import { renderGroupReport } from "./report-groups.js";

/** `groups.csv`: one row per school of each group, with its phase, hub and the group's facilitator. */
export function groupsCsv(index: CohortIndex, grouping: Grouping): string {
  const rows = grouping.groups.flatMap((g) =>
    g.schoolIds.map((id) => {
      const school = index.memberByKey.get(memberKey(g.programme, id))?.school ?? index.schools.get(id);
      return [g.programme, g.groupId, id, school?.phase, school?.hub, g.facilitatorIds.join(";")];
    }),
  );
  return toCsv(GROUPS_FILE.columns, rows);
}

/** `unplaced.csv`: each school left out, with the reason and what would place it. */
export function unplacedCsv(grouping: Grouping): string {
  return toCsv(UNPLACED_COLUMNS, grouping.unplaced.map((u) => [u.programme, u.schoolId, u.reason]));
}

/** `visits.csv`: each school of each group hosts one visit, in the host order. */
export function visitsCsv(index: CohortIndex, grouping: Grouping): string {
  return toCsv(VISITS_COLUMNS, visitsOf(index, grouping).map((v) => [v.programme, v.groupId, v.visit, v.hostSchoolId, v.facilitatorId, v.visitingSchoolIds.join(";")]));
}

/** Everything `summary.json` holds: the checker's figures, the bound and gaps, the blocks. Timing is in `elapsedMs` and `blocks[].ms` only. */
export function groupSummary(index: CohortIndex, result: GroupResult) {
  const m = result.check.metrics;
  return {
    status: result.status,
    proven: result.proven,
    stoppedBy: result.stoppedBy,
    schools: m.schools,
    placed: m.placed,
    unplaced: m.unplaced,
    groups: m.groups,
    sizes: m.sizes,
    withoutFacilitator: m.withoutFacilitator,
    bound: result.bound,
    gap: result.gap,
    journeysGap: result.journeysGap,
    goals: m.goals,
    pairsWithoutDistance: m.pairsWithoutDistance,
    loads: m.loads,
    programmes: m.programmes,
    uncovered: result.uncovered,
    policy: index.policy,
    countedHistoryYears: index.countedYears,
    blocks: result.blocks,
    elapsedMs: result.elapsedMs,
  };
}

/**
 * The files `qar group` writes: groups.csv, unplaced.csv, visits.csv, summary.json and
 * group-report.html, by name.
 *
 * @example writeFolderAtomically("out/gtt", groupOutputs(indexCohort(cohort), await group(cohort)));
 */
export function groupOutputs(index: CohortIndex, result: GroupResult): Record<string, string> {
  return {
    "groups.csv": groupsCsv(index, result.grouping),
    "unplaced.csv": unplacedCsv(result.grouping),
    "visits.csv": visitsCsv(index, result.grouping),
    "summary.json": `${JSON.stringify(groupSummary(index, result), null, 2)}\n`,
    "group-report.html": renderGroupReport({ index, result }),
  };
}
