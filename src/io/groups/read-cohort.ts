import { DEFAULT_GROUP_POLICY } from "../../groups/policy.js";
import type { Cohort, CohortMember, Facilitator, PastGroup } from "../../groups/model.js";
import type { School } from "../../model/schema.js";
import { cellReader } from "../cells.js";
import type { InputError, Result } from "../errors.js";
import { decodeUtf8, readCsvTable, type CsvTable } from "../read-csv.js";
import { parseYear } from "../read-year.js";
import { YEAR_FILES } from "../year-files.js";
import { COHORT_FILES, COHORT_POLICY_FILE, REQUIRED_COHORT_FILES, type CohortFile } from "./cohort-files.js";
import { parseGroupPolicy } from "./read-policy.js";

/** A cohort folder's files by name, as text or bytes; absent = missing. */
export type CohortFileContents = Readonly<Record<string, string | Uint8Array | undefined>>;

const MAX_GROUPS_LIMIT = 100;

function table(files: CohortFileContents, which: CohortFile, errors: InputError[]): CsvTable | undefined {
  const spec = COHORT_FILES[which];
  const contents = files[spec.file];
  if (contents === undefined) {
    if (REQUIRED_COHORT_FILES.includes(which)) errors.push({ code: "missing-file", file: spec.file, message: `is missing from the cohort folder (columns: ${spec.required.join(", ")})` });
    return undefined;
  }
  const decoded = decodeUtf8(contents, spec.file);
  if ("error" in decoded) return void errors.push(decoded.error);
  const { table: parsed, errors: found } = readCsvTable(decoded.text, spec.file, spec);
  errors.push(...found);
  return found.some((e) => ["missing-column", "bad-csv", "empty-file"].includes(e.code)) ? undefined : parsed;
}

/**
 * Schools are read by the year reader itself (the same columns, checks and messages as a year
 * folder's schools.csv): the other year files are given as empty tables.
 */
function readSchools(contents: string | Uint8Array, errors: InputError[]): School[] {
  const empty = (file: keyof typeof YEAR_FILES) => `${YEAR_FILES[file].required.join(",")}\n`;
  const year = parseYear({ "schools.csv": contents, "reviewers.csv": empty("reviewers"), "leads.csv": empty("leads"), "reviews.csv": empty("reviews") });
  if (year.ok) return year.value.schools;
  errors.push(...year.errors);
  return [];
}

function rowsOf<T>(files: CohortFileContents, which: CohortFile, errors: InputError[], build: (c: ReturnType<typeof cellReader>, row: number) => T | undefined): { item: T; row: number }[] {
  const parsed = table(files, which, errors);
  const items: { item: T; row: number }[] = [];
  for (const row of parsed?.rows ?? []) {
    const before = errors.length;
    const item = build(cellReader(COHORT_FILES[which].file, row, errors), row.row);
    if (item !== undefined && errors.length === before) items.push({ item, row: row.row });
  }
  return items;
}

function readMembers(files: CohortFileContents, schools: ReadonlySet<string> | undefined, errors: InputError[]): CohortMember[] {
  const file = COHORT_FILES.cohort.file;
  const seen = new Map<string, number>();
  return rowsOf(files, "cohort", errors, (c, row) => {
    const schoolId = c.required("school_id", "the id of a school in schools.csv");
    const programme = c.required("programme", "the programme's name");
    if (schoolId === undefined || programme === undefined) return undefined;
    if (schools && !schools.has(schoolId)) return c.fail("school_id", `"${schoolId}" is not a school of schools.csv`);
    const key = `${programme}|${schoolId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) return void errors.push({ code: "duplicate-id", file, row, column: "school_id", message: `${schoolId} is already in ${programme} (row ${earlier})` });
    seen.set(key, row);
    return { schoolId, programme };
  }).map((r) => r.item);
}

function readFacilitators(files: CohortFileContents, schools: ReadonlySet<string> | undefined, errors: InputError[], warnings: InputError[]): Facilitator[] {
  const file = COHORT_FILES.facilitators.file;
  const seen = new Map<string, number>();
  return rowsOf(files, "facilitators", errors, (c, row) => {
    const id = c.required("id", "a facilitator id");
    const maxGroups = c.number("max_groups", { integer: true, min: 0, max: MAX_GROUPS_LIMIT, what: "groups a facilitator leads" });
    const phases = c.phases("phases");
    if (id === undefined) return undefined;
    if (seen.has(id)) return void errors.push({ code: "duplicate-id", file, row, column: "id", message: `${id} is already used in row ${seen.get(id)}` });
    seen.set(id, row);
    const schoolId = c.optional("school_id");
    if (schoolId !== undefined && schools && !schools.has(schoolId)) {
      warnings.push({ code: "warning", file, row, column: "school_id", message: `${schoolId} is not in schools.csv: facilitator ${id}'s hub and trust come from this row only` });
    }
    const hub = c.optional("hub");
    const trust = c.optional("trust");
    return {
      id,
      name: c.raw("name"),
      ...(schoolId !== undefined ? { schoolId } : {}),
      ...(hub !== undefined ? { hub } : {}),
      ...(trust !== undefined ? { trust } : {}),
      phases,
      ...(maxGroups !== undefined ? { maxGroups } : {}),
      programmes: c.list("programmes"),
    };
  }).map((r) => r.item);
}

function readHistory(files: CohortFileContents, errors: InputError[]): PastGroup[] {
  return rowsOf(files, "history", errors, (c) => {
    const year = c.required("year", "the year of the past group");
    const programme = c.required("programme", "the programme's name");
    const groupId = c.required("group_id", "the past group's id");
    const schoolId = c.required("school_id", "a school id");
    if (year === undefined || programme === undefined || groupId === undefined || schoolId === undefined) return undefined;
    return { year, programme, groupId, schoolId };
  }).map((r) => r.item);
}

/**
 * Reads a cohort from the contents of its files (`schools.csv`, `cohort.csv`,
 * `facilitators.csv`, optional `history.csv` and `policy.json`). Pure: no file access.
 * Collects every error in every file before failing.
 *
 * @example
 * const result = parseCohort({ "schools.csv": schools, "cohort.csv": cohort, "facilitators.csv": facilitators });
 * if (!result.ok) console.error(result.errors.map(formatInputError).join("\n"));
 */
export function parseCohort(files: CohortFileContents): Result<Cohort> {
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  const policyText = files[COHORT_POLICY_FILE];
  const policy = policyText !== undefined ? parseGroupPolicy(COHORT_POLICY_FILE, policyText, errors) : DEFAULT_GROUP_POLICY;
  const schoolsText = files[COHORT_FILES.schools.file];
  if (schoolsText === undefined) errors.push({ code: "missing-file", file: COHORT_FILES.schools.file, message: `is missing from the cohort folder (columns: ${COHORT_FILES.schools.required.join(", ")})` });
  const before = errors.length;
  const schools = schoolsText !== undefined ? readSchools(schoolsText, errors) : [];
  // References are checked only against a schools.csv that was read whole.
  const known = schoolsText !== undefined && errors.length === before ? new Set(schools.map((s) => s.id)) : undefined;
  const members = readMembers(files, known, errors);
  const facilitators = readFacilitators(files, known, errors, warnings);
  const history = readHistory(files, errors);
  if (errors.length > 0 || policy === undefined) return { ok: false, errors };
  return { ok: true, value: { schools, members, facilitators, history, policy }, warnings };
}
