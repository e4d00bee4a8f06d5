import type { HistoryEntry } from "../../model/schema.js";
import type { CellReader } from "../cells.js";

/** One row of `history.csv`: who reviewed which school in an earlier year, in which seat. */
export function historyRow(c: CellReader): HistoryEntry | undefined {
  const reviewSchoolId = c.required("review_school_id", "the id of the reviewed school");
  const personId = c.required("person_id", "the id of the person");
  const role = c.raw("role").toLowerCase();
  if (role !== "lead" && role !== "peer") return c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
  if (reviewSchoolId === undefined || personId === undefined) return undefined;
  return { year: c.raw("year"), reviewSchoolId, personId, role };
}
