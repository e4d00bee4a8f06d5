import { z } from "zod";
import { inDateYears, parseDay, DATE_YEARS } from "./dates.js";
import type { InputError, Result } from "./errors.js";
import { TABLE_LIMITS } from "./limits.js";
import { makePolicy, PolicyOverridesSchema } from "./policy.js";
import { ProblemSchema, validateReferences, type Collection, type Problem } from "./problem.js";
import { AllocationSchema, HistoryEntrySchema, LeadReviewerSchema, LedgerYearSchema, PinSchema, ReviewerSchema, ReviewSchema, SchoolSchema, type Allocation } from "./schema.js";
import { closeKey, excerpt, hasControl, stripControl } from "./text.js";

/**
 * The API's boundary: a problem given as an object (a service's posted JSON, a caller's
 * literal) is checked as the CSV reader checks a year folder, with the same error codes, each
 * error carrying the `path` to the value and the file, row and column the value would have in
 * a year folder. Nothing is dropped silently: an invalid date, an unknown reference, `NaN` or a
 * negative count is an error.
 */

/**
 * The version of the problem, policy and result formats (and of their JSON Schemas in `schema/`).
 *
 * @example
 * const body = JSON.stringify({ schemaVersion: SCHEMA_VERSION, schools, reviewers, leads, reviews });
 */
export const SCHEMA_VERSION = 1;

/**
 * A problem as a caller may write it: `history` and `pins` may be left out, `policy` holds any
 * subset of the policy keys (merged over the defaults, as policy.json is), and `schemaVersion`
 * may name the format it was written for.
 *
 * @example
 * const shape = ProblemInputSchema.safeParse(JSON.parse(body)); // shapes only: validateProblem also checks references, dates and ids
 */
export const ProblemInputSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION).optional(),
    schools: z.array(SchoolSchema),
    reviewers: z.array(ReviewerSchema),
    leads: z.array(LeadReviewerSchema),
    reviews: z.array(ReviewSchema),
    policy: PolicyOverridesSchema.optional(),
    history: z.array(HistoryEntrySchema).default([]),
    pins: z.array(PinSchema).default([]),
    ledgerYears: z.array(LedgerYearSchema).optional(),
  })
  .strict();
/**
 * A problem as a caller may write it (`ProblemInputSchema`): defaults left out, `policy` any subset of its keys.
 *
 * @example
 * const input: ProblemInputObject = { schools, reviewers, leads, reviews, policy: { minDistanceKm: 0 } };
 * const checked = validateProblem(input);
 */
export type ProblemInputObject = z.input<typeof ProblemInputSchema>;

const FILE_OF: Readonly<Record<Collection, string>> = {
  schools: "schools.csv",
  reviewers: "reviewers.csv",
  leads: "leads.csv",
  reviews: "reviews.csv",
  history: "history.csv",
  pins: "pins.csv",
  ledgerYears: "ledger-years.csv",
  policy: "policy.json",
};

/** The CSV column of a field (`schoolId` → `school_id`). */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An error at `path` in the problem, placed as the CSV reader would place it. */
function errorAt(code: InputError["code"], path: readonly (string | number)[], message: string): InputError {
  const [collection, index, field] = path;
  // An own key only: `__proto__` or `constructor` is in every object, and is no collection.
  const file = typeof collection === "string" && Object.hasOwn(FILE_OF, collection) ? FILE_OF[collection as Collection] : "problem";
  const inTable = file.endsWith(".csv") && typeof index === "number";
  return {
    code: collection === "policy" ? "bad-policy" : code,
    file,
    ...(inTable ? { row: index + 2 } : {}),
    ...(inTable && typeof field === "string" ? { column: columnOf(field) } : {}),
    ...(collection === "policy" && path.length > 1 ? { column: path.slice(1).join(".") } : {}),
    path,
    message,
  };
}

/** The keys of the object the schema expects at `path` (through arrays, optional and default values), if it is an object. */
function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  type Def = { type: string; innerType?: Def; element?: Def; shape?: Record<string, Def> } & { _zod?: { def: Def } };
  const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def: Def } } | undefined)?._zod?.def;
  let def = defOf(schema);
  const unwrap = () => {
    while (def && (def.type === "optional" || def.type === "default" || def.type === "nullable")) def = defOf(def.innerType);
  };
  for (const step of path) {
    unwrap();
    def = typeof step === "number" ? (def?.type === "array" ? defOf(def.element) : undefined) : def?.type === "object" ? defOf(def.shape?.[step]) : undefined;
  }
  unwrap();
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}

/** The value at `path` in the input, for a message that quotes it. */
function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((value, step) => (typeof value === "object" && value !== null ? (value as Record<string | number, unknown>)[step] : undefined), input);
}

/** A zod issue in the words the CSV reader uses for the same problem. */
function issueMessage(issue: z.core.$ZodIssue, input: unknown, path: readonly (string | number)[]): string {
  const value = valueAt(input, path);
  const shown = typeof value === "number" ? String(value) : JSON.stringify(value);
  if (issue.code === "too_big" && issue.origin === "number") return `${shown} is above the largest allowed value, ${String(issue.maximum)}`;
  if (issue.code === "too_small" && issue.origin === "number") return `${shown} is below the smallest allowed value, ${String(issue.minimum)}`;
  return issue.message;
}

/**
 * Each zod issue as an input error at its path; an unknown key (an unknown column, usually a
 * typo such as `max_reviews`) names the key it was probably meant to be, one error per key.
 */
function zodErrors(error: z.ZodError, input: unknown = undefined, schema: z.ZodType = ProblemInputSchema): InputError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code !== "unrecognized_keys") return [errorAt("bad-value", path, issueMessage(issue, input, path))];
    const known = keysAt(schema, path);
    return issue.keys.map((key) => {
      const close = closeKey(key, known);
      const message = `unknown key ${excerpt(key)}${close ? ` (did you mean "${close}"?)` : ""}${known.length > 0 ? `; the keys here are ${known.join(", ")}` : ""}`;
      return errorAt("unknown-column", [...path, key], message);
    });
  });
}

/** Ids, and other values compared as ids, that may not hold a control character. */
const ID_FIELDS: Readonly<Partial<Record<Collection, readonly string[]>>> = {
  schools: ["id", "hub", "locality", "trust"],
  reviewers: ["id", "schoolId", "conflicts", "prefers"],
  leads: ["id", "conflicts"],
  reviews: ["id", "schoolId"],
  history: ["reviewSchoolId", "personId"],
  pins: ["reviewId", "personId"],
  ledgerYears: ["schoolId"],
};

function controlErrors(problem: Problem): InputError[] {
  const errors: InputError[] = [];
  for (const [collection, fields] of Object.entries(ID_FIELDS) as [Collection, readonly string[]][]) {
    const items = (problem[collection as keyof Problem] ?? []) as readonly Record<string, unknown>[];
    items.forEach((item, index) => {
      for (const field of fields) {
        const values = ([] as unknown[]).concat(item[field] ?? []);
        const bad = values.find((value) => typeof value === "string" && hasControl(value));
        if (bad !== undefined) errors.push(errorAt("bad-value", [collection, index, field], `${excerpt(bad as string)} holds a control character; ids and codes must be plain text`));
      }
    });
  }
  return errors;
}

/** Dates outside the accepted years (a typo such as 2204): the CSV reader refuses them too. */
function dateErrors(problem: Problem): InputError[] {
  const outside = (text: string) => !inDateYears(parseDay(text) ?? 0);
  const message = (text: string) => `${excerpt(text)} is outside the years ${DATE_YEARS.first}–${DATE_YEARS.last} (a typo in the year?)`;
  const errors: InputError[] = [];
  problem.reviews.forEach((review, index) => {
    if (outside(review.start)) errors.push(errorAt("bad-value", ["reviews", index, "start"], message(review.start)));
  });
  for (const collection of ["reviewers", "leads"] as const) {
    problem[collection].forEach((person, index) => {
      const bad = person.available.flatMap((range) => [range.from, range.to]).find(outside);
      if (bad !== undefined) errors.push(errorAt("bad-value", [collection, index, "available"], message(bad)));
    });
  }
  return errors;
}

function referenceErrors(problem: Problem): InputError[] {
  return validateReferences(problem).map((issue) =>
    errorAt(issue.field === "id" ? "duplicate-id" : "unknown-reference", [issue.collection, ...(issue.index !== undefined ? [issue.index] : []), ...(issue.field ? [issue.field] : [])], issue.message),
  );
}

/** The problem with control characters taken out of every name (ids holding one are refused). */
function cleanNames(problem: Problem): Problem {
  const clean = <T extends { name: string }>(items: readonly T[]) => items.map((item) => (hasControl(item.name) ? { ...item, name: stripControl(item.name) } : item));
  return { ...problem, schools: clean(problem.schools), reviewers: clean(problem.reviewers), leads: clean(problem.leads) };
}

/** Values visited before a problem is called too large to look at: far above any year within the table limits. */
const MAX_VALUES = TABLE_LIMITS.rows * 200;

/**
 * The problem's size against the limits a year folder has (`TABLE_LIMITS`), found before any
 * other check: a collection of more rows than a table may hold, a text longer than a cell, a
 * list inside an item longer than a cell could hold. Walks the input once, iteratively.
 */
function sizeErrors(input: object): InputError[] {
  const errors: InputError[] = [];
  const tooLarge = (path: (string | number)[], message: string) => errors.push({ ...errorAt("bad-value", path, message), code: "too-large" });
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  let visited = 0;
  while (stack.length > 0 && errors.length < 5) {
    const { value, path } = stack.pop()!;
    if ((visited += 1) > MAX_VALUES) {
      tooLarge([], `holds more than ${MAX_VALUES.toLocaleString("en-GB")} values; a problem holds at most what its CSV files could (${TABLE_LIMITS.rows.toLocaleString("en-GB")} rows a table)`);
      break;
    }
    if (typeof value === "string") {
      if (value.length > TABLE_LIMITS.cellChars) tooLarge(path, `holds ${value.length.toLocaleString("en-GB")} characters; a value holds at most ${TABLE_LIMITS.cellChars.toLocaleString("en-GB")}, as a CSV cell`);
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (Array.isArray(value)) {
      const limit = path.length === 1 ? TABLE_LIMITS.rows : TABLE_LIMITS.cellChars;
      if (value.length > limit) {
        tooLarge(path, `has ${value.length.toLocaleString("en-GB")} ${path.length === 1 ? "items; a collection holds at most" : "entries; a list holds at most"} ${limit.toLocaleString("en-GB")}${path.length === 1 ? ", as a CSV table its rows" : ""}`);
        continue;
      }
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
  }
  return errors;
}

/**
 * Checks a problem given as an object and returns it with its defaults filled in (the policy
 * merged over the defaults, `history` and `pins` empty when left out, names without control
 * characters), or every error found: types and ranges, dates (real, within 2000–2100), ids
 * (unique, plain text) and references (schools, reviews, people).
 *
 * @example
 * const checked = validateProblem(JSON.parse(body));
 * if (!checked.ok) return { status: 422, errors: checked.errors }; // [{ code, file, row, column, path, message }]
 * const result = await solve(checked.value);
 */
export function validateProblem(input: unknown): Result<Problem> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ code: "bad-value", file: "problem", path: [], message: "must be an object with schools, reviewers, leads and reviews" }] };
  }
  const size = sizeErrors(input);
  if (size.length > 0) return { ok: false, errors: size };
  const parsed = ProblemInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, input) };
  const { schemaVersion: _version, policy: overrides, ...rest } = parsed.data;
  const policy = makePolicy(overrides ?? {});
  if (!policy.success) return { ok: false, errors: zodErrors(new z.ZodError(policy.error.issues.map((i) => ({ ...i, path: ["policy", ...i.path] }))), input) };
  const problem = ProblemSchema.parse({ ...rest, policy: policy.data });
  const errors = [...controlErrors(problem), ...dateErrors(problem), ...referenceErrors(problem)];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: cleanNames(problem), warnings: [] };
}

/**
 * Checks an allocation given as an object: `{ assignments: [{ reviewId, role, personId }] }`.
 * Whether its reviews and people exist is the checker's business (the `known-people` rule).
 *
 * @example const checked = validateAllocation(JSON.parse(body));
 */
export function validateAllocation(input: unknown): Result<Allocation> {
  const parsed = AllocationSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data, warnings: [] };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const path = ["allocation", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
      const index = path[2];
      const field = path[3];
      return {
        code: "bad-value" as const,
        file: "allocation.csv",
        ...(typeof index === "number" ? { row: index + 2 } : {}),
        ...(typeof field === "string" ? { column: columnOf(field) } : {}),
        path,
        message: issue.message,
      };
    }),
  };
}
