import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Cohort } from "../../groups/model.js";
import type { InputError, Result } from "../errors.js";
import { readBytes } from "../files.js";
import { COHORT_FILES, COHORT_POLICY_FILE } from "./cohort-files.js";
import { parseCohort } from "./read-cohort.js";

/**
 * Reads a cohort folder from disk (see `parseCohort` for the format).
 *
 * @example
 * const cohort = readCohortFolder("fixtures/cohorts/growing-the-top");
 * if (cohort.ok) console.log(`${cohort.value.members.length} schools`);
 */
export function readCohortFolder(folder: string): Result<Cohort> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return { ok: false, errors: [{ code: "missing-file", file: folder, message: "is not a cohort folder (a folder holding schools.csv, cohort.csv and facilitators.csv)" }] };
  }
  const files: Record<string, Uint8Array> = {};
  const errors: InputError[] = [];
  for (const name of [...Object.values(COHORT_FILES).map((f) => f.file), COHORT_POLICY_FILE]) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    const read = readBytes(path);
    if ("error" in read) errors.push({ ...read.error, file: name });
    else files[name] = read.bytes;
  }
  return errors.length > 0 ? { ok: false, errors } : parseCohort(files);
}
