import type { Cohort } from "../../groups/model.js";
import { DEFAULT_POLICY } from "../../model/policy.js";
import { DEFAULT_GROUP_POLICY, type GroupPolicy } from "../../groups/policy.js";
import { toCsv as csv } from "../csv-text.js";
import { serializeYear } from "../write-year.js";
import { LIST_SEPARATOR } from "../year-files.js";
import { COHORT_FILES, COHORT_POLICY_FILE } from "./cohort-files.js";

/** The policy keys that differ from the defaults, so a policy.json says only what was chosen. */
function overrides(policy: GroupPolicy): Partial<GroupPolicy> {
  return Object.fromEntries(Object.entries(policy).filter(([key, value]) => DEFAULT_GROUP_POLICY[key as keyof GroupPolicy] !== value));
}

/**
 * A cohort as the files of a cohort folder (file name → text), in the format `parseCohort`
 * reads; history.csv and policy.json only when they say something. Each CSV starts with a BOM
 * unless `bom: false`.
 *
 * @example for (const [name, text] of Object.entries(serializeCohort(cohort))) writeFileSync(join(dir, name), text);
 */
export function serializeCohort(cohort: Cohort, options: { readonly bom?: boolean } = {}): Record<string, string> {
  const toCsv = (columns: readonly string[], rows: readonly (readonly (string | number | undefined | null)[])[]) => csv(columns, rows, options);
  const schools = serializeYear({ schools: cohort.schools, reviewers: [], leads: [], reviews: [], history: [], pins: [], policy: DEFAULT_POLICY }, options)[COHORT_FILES.schools.file]!;
  const files: Record<string, string> = {
    [COHORT_FILES.schools.file]: schools,
    [COHORT_FILES.cohort.file]: toCsv(COHORT_FILES.cohort.required, cohort.members.map((m) => [m.schoolId, m.programme])),
    [COHORT_FILES.facilitators.file]: toCsv(
      [...COHORT_FILES.facilitators.required, ...COHORT_FILES.facilitators.optional],
      cohort.facilitators.map((f) => [f.id, f.name, f.schoolId, f.hub, f.trust, f.phases.join(LIST_SEPARATOR), f.maxGroups, f.programmes.join(LIST_SEPARATOR)]),
    ),
  };
  if (cohort.history.length > 0) {
    files[COHORT_FILES.history.file] = toCsv(COHORT_FILES.history.required, cohort.history.map((h) => [h.year, h.programme, h.groupId, h.schoolId]));
  }
  const changed = overrides(cohort.policy);
  if (Object.keys(changed).length > 0) files[COHORT_POLICY_FILE] = `${JSON.stringify(changed, null, 2)}\n`;
  return files;
}
