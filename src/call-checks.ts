/**
 * The API's checks of what a call gives besides the problem: the solver's options (and repair's
 * and respond's: their freeze and reply-by dates), explain's freeze date, repair's changes,
 * respond's answers, close-year's attendance and label. Each is checked as strictly as
 * its CSV file or command-line option (a service posting JSON gets no more latitude than a
 * spreadsheet), and a bad value is an `InputError` naming the file, row and column it would
 * have in a folder, with `path` to it in the call: never a TypeError from deep inside.
 */
import { z } from "zod";
import { parseDay } from "./model/dates.js";
import type { InputError } from "./model/errors.js";
import { excerpt } from "./model/text.js";
import { ENGINE_NAMES, isEngineName } from "./solver/engines/index.js";

const isoDate = z.string().refine((text) => parseDay(text) !== undefined, { message: "is not a real date written YYYY-MM-DD" });
const id = z.string().min(1, "is blank");
const positiveMs = z.number().refine((n) => Number.isFinite(n) && n > 0, { message: "must be a finite number of milliseconds above 0" });

const aFunction = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function", { message: "must be a function" });

const AssignmentLike = z.object({ reviewId: id, role: z.enum(["lead", "peer"]), personId: id }).loose();

/** `solve`'s options (and those `repair` and `respond` pass on); unknown keys are left for the caller's own use. */
const SolveOptionsSchema = z
  .object({
    seed: z.number().refine(Number.isFinite, { message: "must be a finite number" }).optional(),
    engine: z
      .string()
      .refine(isEngineName, { message: `is not an engine; use one of ${ENGINE_NAMES.join(", ")}` })
      .optional(),
    timeLimitMs: positiveMs.optional(),
    signal: z.instanceof(AbortSignal).optional(),
    onProgress: aFunction.optional(),
    now: aFunction.optional(),
    start: z.object({ assignments: z.array(AssignmentLike) }).loose().optional(),
    maxChanges: z.number().int("must be a whole number").nonnegative("must be 0 or more").optional(),
    exactBound: z.boolean().optional(),
    releaseStranded: z.boolean().optional(),
    freezeBefore: isoDate.optional(),
    replyBy: isoDate.optional(),
    noReoffer: z.boolean().optional(),
    graceMs: z.number().refine((n) => Number.isFinite(n) && n >= 0, { message: "must be a finite number of milliseconds, 0 or more" }).optional(),
  })
  .loose();

/** `explain`'s options: the as-of date, a real date as `--freeze-before` takes it. */
const ExplainOptionsSchema = z.object({ freezeBefore: isoDate.optional() }).loose();

const ChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("withdraw"), id }),
  z.object({ change: z.literal("cancel"), id }),
  z.object({ change: z.literal("move"), id, start: isoDate }),
]);

const ResponseSchema = z.object({ reviewId: id, personId: id, response: z.enum(["confirmed", "declined"]) });

const AttendanceSchema = z.object({ reviewId: id, personId: id, attended: z.boolean() });

const CloseYearOptionsSchema = z
  .object({
    yearLabel: z.string(),
    attendance: z.array(AttendanceSchema).optional(),
    previousPathway: z.array(z.object({ reviewerId: id, waitingSince: z.string().optional() }).loose()).optional(),
  })
  .loose();

/** A plain description of what a value must be, from a zod issue. */
function issueText(issue: z.core.$ZodIssue, value: unknown): string {
  const got = typeof value === "string" ? excerpt(value) : value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : String(value);
  switch (issue.code) {
    case "invalid_value":
      return `is ${got}; use ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "invalid_union":
      return issue.path.length > 0 ? `is ${got}; ${issue.message}` : issue.message;
    case "invalid_type":
      if (value === undefined) return `is missing (${issue.expected === "boolean" ? "true or false" : `a ${issue.expected}`} expected)`;
      if (typeof value === "number" && issue.expected === "number") return `is ${got}; a finite number is expected`;
      return `is ${got}; ${issue.expected === "boolean" ? "use true or false" : `a ${issue.expected} is expected`}`;
    default:
      return issue.message;
  }
}

/** The value at `path` inside `root`, through own keys only. */
function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The CSV column a field has in its file. */
const columnOf = (field: string) => ({ reviewId: "review_id", personId: "person_id", start: "value", attended: "attended", response: "response", change: "change", id: "id" })[field] ?? field;

/**
 * Checks `value` against a schema, as errors placed in `file`: items of a list at their
 * spreadsheet row (`index + 2`) and column, options at their key.
 */
function check(schema: z.ZodType, value: unknown, file: string, name: string, list: boolean): InputError[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    // A discriminated union names the bad tag; its own message lists the allowed ones.
    const message =
      issue.code === "invalid_union" && path.length > 0 && list
        ? `is ${JSON.stringify(at(value, path[path.length - 1] === "change" ? path : [...path, "change"])) ?? "missing"}; use withdraw, cancel or move`
        : issueText(issue, at(value, path));
    const [index, field] = list ? path : [undefined, path[0]];
    const fieldName = list ? (issue.code === "invalid_union" ? "change" : field) : field;
    return {
      code: "bad-value" as const,
      file,
      ...(typeof index === "number" ? { row: index + 2 } : {}),
      ...(typeof fieldName === "string" ? { column: list ? columnOf(fieldName) : fieldName } : {}),
      path: [name, ...path],
      message,
    };
  });
}

/** `solve`'s options, checked: an engine by its own name, a time limit that is a real positive number, and so on. */
export const solveOptionErrors = (options: unknown): InputError[] => check(SolveOptionsSchema, options ?? {}, "options", "options", false);

/** `explain`'s options, checked: a freeze date that is a real date (never silently no freeze). */
export const explainOptionErrors = (options: unknown): InputError[] => check(ExplainOptionsSchema, options ?? {}, "options", "options", false);

/** `repair`'s changes, checked as changes.csv is. */
export const changeErrors = (changes: unknown): InputError[] => check(z.array(ChangeSchema), changes, "changes.csv", "changes", true);

/** `respond`'s answers, checked as responses.csv is: `confirmed` or `declined`, nothing else. */
export const responseErrors = (responses: unknown): InputError[] => check(z.array(ResponseSchema), responses, "responses.csv", "responses", true);

/** `closeYear`'s options, checked: a label, and attendance as attendance.csv has it (`attended` true or false). */
export function closeYearOptionErrors(options: unknown): InputError[] {
  const errors = check(CloseYearOptionsSchema.omit({ attendance: true }), options, "options", "options", false);
  const attendance = at(options, ["attendance"]);
  return attendance === undefined ? errors : [...errors, ...check(z.array(AttendanceSchema), attendance, "attendance.csv", "attendance", true)];
}
