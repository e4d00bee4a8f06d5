import { yearNumber } from "../../model/history.js";
import type { Policy } from "../../model/policy.js";
import type { HistoryEntry } from "../../model/schema.js";
import type { CellReader } from "../cells.js";

/**
 * One row of `history.csv`: who reviewed which school in an earlier year, in which seat. With
 * the no-repeat rule on, each year must start with a year, so the rule can order them.
 */
export function historyRow(c: CellReader, policy?: Policy): HistoryEntry | undefined {
  const reviewSchoolId = c.required("review_school_id", "the id of the reviewed school");
  const personId = c.required("person_id", "the id of the person");
  const role = c.raw("role").toLowerCase();
  if (role !== "lead" && role !== "peer") return c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
  if (policy !== undefined && policy.noRepeatYears > 0 && yearNumber(c.raw("year")) === undefined) {
    return c.fail("year", `"${c.raw("year")}" does not start with a year (e.g. 2023-24); noRepeatYears needs to know when each review was`);
  }
  if (reviewSchoolId === undefined || personId === undefined) return undefined;
  return { year: c.raw("year"), reviewSchoolId, personId, role };
}
