import { validateReferences, type Collection, type Problem, type ProblemIssue } from "../model/problem.js";
import type { InputError } from "./errors.js";
import type { ReadFile } from "./rows/read-rows.js";

/** What was read of each file of the year (every collection but the policy). */
export type ReadFiles = { readonly [C in Exclude<Collection, "policy">]: ReadFile<unknown> };

const COLUMN_OF: Readonly<Record<string, string>> = { schoolId: "school_id", trustId: "trust_id", reviewId: "review_id", personId: "person_id", reviewSchoolId: "review_school_id" };

/** The collections a reference of this field points into. */
function target(issue: ProblemIssue): Exclude<Collection, "policy">[] {
  if (issue.field === "schoolId" || issue.field === "trustId" || issue.field === "conflicts") return ["schools"];
  if (issue.field === "reviewId") return ["reviews"];
  if (issue.field === "personId") return ["reviewers", "leads"];
  return [];
}

/** Whether the row a reference may point to was not read (so its own errors already say why). */
function mayBeUnread(issue: ProblemIssue, read: ReadFiles): boolean {
  const id = /"([^"]*)"/.exec(issue.message)?.[1];
  return target(issue).some((collection) => {
    const file = read[collection];
    return file.unread || (id === undefined ? file.dropped.size > 0 : file.dropped.has(id));
  });
}

/**
 * Duplicate ids and unknown references of a year as input errors, each with its file, spreadsheet
 * row and column. Checked even when some cells were bad, so one pass lists every problem; a
 * reference is called unknown only when the row it may point to was read.
 *
 * @example
 * const errors = referenceErrors(problem, read, { schools: "schools.csv", ... });
 */
export function referenceErrors(problem: Problem, read: ReadFiles, fileOf: Readonly<Record<Collection, string>>): InputError[] {
  const rowOf = (collection: Collection, index: number | undefined) =>
    index !== undefined && collection !== "policy" ? read[collection].rows[index] : undefined;
  const errors: InputError[] = [];
  for (const issue of validateReferences(problem)) {
    const duplicate = issue.field === "id";
    if (!duplicate && !issue.code && mayBeUnread(issue, read)) continue;
    const row = rowOf(issue.collection, issue.index);
    errors.push({
      code: issue.code ?? (duplicate ? "duplicate-id" : "unknown-reference"),
      file: fileOf[issue.collection],
      ...(row !== undefined ? { row } : {}),
      ...(issue.field ? { column: COLUMN_OF[issue.field] ?? (issue.collection === "pins" && issue.field === "kind" ? "pin" : issue.field) } : {}),
      // "item 3" counts items; a spreadsheet user needs the row.
      message: issue.message.replace(/\bitem (\d+)/g, (text, item: string) => {
        const first = rowOf(issue.collection, Number(item) - 1);
        return first !== undefined ? `row ${first}` : text;
      }),
    });
  }
  return errors;
}
