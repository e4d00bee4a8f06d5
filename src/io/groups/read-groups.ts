import type { Group, Grouping } from "../../groups/model.js";
import { cellReader } from "../cells.js";
import type { InputError, Result } from "../errors.js";
import { decodeUtf8, readCsvTable } from "../read-csv.js";
import { GROUPS_FILE } from "./cohort-files.js";

/**
 * Reads a groups file: one row per school of a group (`programme,group_id,school_id`, and
 * `facilitator_id` on any of the group's rows; `phase` and `hub` are for people and ignored).
 * Rows of one group need not be together; groups keep the order they first appear in.
 *
 * @example
 * const groups = parseGroupsCsv("programme,group_id,school_id,facilitator_id\nGTT,G01,S1,F1\n", "groups.csv");
 */
export function parseGroupsCsv(contents: string | Uint8Array, file: string): Result<Grouping> {
  const decoded = decodeUtf8(contents, file);
  if ("error" in decoded) return { ok: false, errors: [decoded.error] };
  const { table, errors } = readCsvTable(decoded.text, file, GROUPS_FILE);
  if (errors.some((e) => e.code !== "bad-value")) return { ok: false, errors };
  const found: InputError[] = [...errors];
  const groups = new Map<string, { programme: string; groupId: string; schoolIds: string[]; facilitatorIds: string[] }>();
  for (const row of table.rows) {
    const c = cellReader(file, row, found);
    const programme = c.required("programme", "the group's programme");
    const groupId = c.required("group_id", "the group's id");
    const schoolId = c.required("school_id", "a school id");
    if (programme === undefined || groupId === undefined || schoolId === undefined) continue;
    const key = `${programme}\u0000${groupId}`;
    const group = groups.get(key) ?? { programme, groupId, schoolIds: [], facilitatorIds: [] };
    groups.set(key, group);
    group.schoolIds.push(schoolId);
    const facilitator = c.optional("facilitator_id");
    if (facilitator !== undefined && !group.facilitatorIds.includes(facilitator)) group.facilitatorIds.push(facilitator);
  }
  if (found.length > 0) return { ok: false, errors: found };
  return { ok: true, value: { groups: [...groups.values()] as Group[], unplaced: [] }, warnings: [] };
}
