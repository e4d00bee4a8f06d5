import { makePolicy, PolicyOverridesSchema, type Policy } from "../model/policy.js";
import { validateReferences, type Collection, type Problem } from "../model/problem.js";
import type { HistoryEntry, LeadReviewer, Pin, Review, Reviewer, School } from "../model/schema.js";
import { cellReader } from "./cells.js";
import type { InputError, Result } from "./errors.js";
import { decodeUtf8, readCsvTable, type CsvTable } from "./read-csv.js";
import { POLICY_FILE, REQUIRED_FILES, YEAR_FILES, type YearFile } from "./year-files.js";

/** The files of a year folder by name (`schools.csv`, ...), as text or bytes; absent = missing. */
export type YearFileContents = Readonly<Record<string, string | Uint8Array | undefined>>;

export interface ParseYearOptions {
  /** A policy file given apart from the folder (`--policy`); wins over the folder's policy.json. */
  readonly policy?: { readonly name: string; readonly contents: string | Uint8Array };
}

/** Largest plausible values: anything above is a typo or a unit mix-up, not a school. */
const LIMITS = { pupils: 20_000, maxReviews: 100, days: 31, seats: 50 } as const;

function parsePolicy(name: string, contents: string | Uint8Array, errors: InputError[]): Policy | undefined {
  const decoded = decodeUtf8(contents, name);
  if ("error" in decoded) {
    errors.push(decoded.error);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (cause) {
    errors.push({ code: "bad-policy", file: name, message: `is not valid JSON: ${(cause as Error).message}` });
    return undefined;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    errors.push({ code: "bad-policy", file: name, message: "must be one JSON object of policy keys, e.g. {\"minDistanceKm\": 15}" });
    return undefined;
  }
  const overrides = PolicyOverridesSchema.safeParse(json);
  const policy = overrides.success ? makePolicy(overrides.data) : overrides;
  if (policy.success) return policy.data;
  for (const issue of policy.error.issues) {
    const key = issue.path.map(String).join(".");
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown policy key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}${key ? ` in "${key}"` : ""} (a typo?)`
        : `${key ? `"${key}": ` : ""}${issue.message}`;
    errors.push({ code: "bad-policy", file: name, ...(key ? { column: key } : {}), message });
  }
  return undefined;
}

function table(files: YearFileContents, which: YearFile, errors: InputError[]): CsvTable | undefined {
  const spec = YEAR_FILES[which];
  const contents = files[spec.file];
  if (contents === undefined) {
    if (REQUIRED_FILES.includes(which)) {
      errors.push({ code: "missing-file", file: spec.file, message: `is missing from the year folder (columns: ${spec.required.join(", ")})` });
    }
    return undefined;
  }
  const decoded = decodeUtf8(contents, spec.file);
  if ("error" in decoded) {
    errors.push(decoded.error);
    return undefined;
  }
  const { table: parsed, errors: found } = readCsvTable(decoded.text, spec.file, spec);
  errors.push(...found);
  return found.some((e) => e.code === "missing-column" || e.code === "bad-csv" || e.code === "empty-file") ? undefined : parsed;
}

/**
 * Reads a year from the contents of its files. Pure: no file access, so it runs in a browser
 * or a service as well as behind the CLI. Collects every error in every file before failing.
 *
 * @example
 * const result = parseYear({ "schools.csv": schools, "reviewers.csv": reviewers, "leads.csv": leads, "reviews.csv": reviews });
 * if (!result.ok) console.error(result.errors.map(formatInputError).join("\n"));
 */
export function parseYear(files: YearFileContents, options: ParseYearOptions = {}): Result<Problem> {
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  const policySource = options.policy ?? (files[POLICY_FILE] !== undefined ? { name: POLICY_FILE, contents: files[POLICY_FILE]! } : undefined);
  const policy = policySource ? parsePolicy(policySource.name, policySource.contents, errors) : makePolicy().data;
  const rowsOf: Partial<Record<Collection, number[]>> = {};
  const fileOf: Record<Collection, string> = {
    schools: YEAR_FILES.schools.file,
    reviewers: YEAR_FILES.reviewers.file,
    leads: YEAR_FILES.leads.file,
    reviews: YEAR_FILES.reviews.file,
    history: YEAR_FILES.history.file,
    pins: YEAR_FILES.pins.file,
    policy: policySource?.name ?? POLICY_FILE,
  };

  function readRows<T>(which: YearFile, build: (cells: ReturnType<typeof cellReader>) => T | undefined): T[] {
    const parsed = table(files, which, errors);
    const items: T[] = [];
    const rows: number[] = [];
    for (const row of parsed?.rows ?? []) {
      const before = errors.length;
      const item = build(cellReader(YEAR_FILES[which].file, row, errors));
      if (item !== undefined && errors.length === before) {
        items.push(item);
        rows.push(row.row);
      }
    }
    rowsOf[which] = rows;
    return items;
  }

  const schools = readRows<School>("schools", (c) => {
    const id = c.required("id", "a school id");
    const hub = c.optional("hub");
    const phase = c.phase("phase");
    const pupils = c.number("pupils", { integer: true, min: 0, max: LIMITS.pupils, what: "pupils on roll" });
    if (c.raw("pupils") === "") c.fail("pupils", "is blank; the number of pupils on roll sets the team size");
    const lat = c.number("lat", { min: -90, max: 90 });
    const lon = c.number("lon", { min: -180, max: 180 });
    if ((lat === undefined) !== (lon === undefined) && c.raw("lat") !== c.raw("lon")) {
      c.fail(lat === undefined ? "lat" : "lon", "give both lat and lon, or neither");
    }
    const carryOver = c.number("carry_over", { integer: true, min: -LIMITS.seats, max: LIMITS.seats }) ?? 0;
    if (id === undefined || phase === undefined || pupils === undefined) return undefined;
    const locality = c.optional("locality");
    const trust = c.optional("trust");
    return {
      id,
      name: c.raw("name"),
      ...(hub !== undefined ? { hub } : {}),
      ...(locality !== undefined ? { locality } : {}),
      ...(trust !== undefined ? { trust } : {}),
      phase,
      pupils,
      ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
      carryOver,
    };
  });

  const reviewers = readRows<Reviewer>("reviewers", (c) => {
    const id = c.required("id", "a reviewer id");
    const schoolId = c.required("school_id", "the id of the reviewer's school (reviewers belong to a member school)");
    const level = c.level("level");
    const maxReviews = c.number("max_reviews", { integer: true, min: 0, max: LIMITS.maxReviews });
    const reviewer = {
      phases: c.phases("phases"),
      available: c.ranges("available"),
      conflicts: c.list("conflicts"),
      prefers: c.list("prefers"),
    };
    if (id === undefined || schoolId === undefined || level === undefined) return undefined;
    return { id, name: c.raw("name"), schoolId, level, ...reviewer, ...(maxReviews !== undefined ? { maxReviews } : {}) };
  });

  const leads = readRows<LeadReviewer>("leads", (c) => {
    const id = c.required("id", "a Lead Reviewer id");
    const maxReviews = c.number("max_reviews", { integer: true, min: 0, max: LIMITS.maxReviews });
    const lat = c.number("lat", { min: -90, max: 90 });
    const lon = c.number("lon", { min: -180, max: 180 });
    const lead = { available: c.ranges("available"), phases: c.phases("phases"), conflicts: c.list("conflicts") };
    if (id === undefined) return undefined;
    return {
      id,
      name: c.raw("name"),
      ...lead,
      ...(maxReviews !== undefined ? { maxReviews } : {}),
      ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
    };
  });

  const reviews = readRows<Review>("reviews", (c) => {
    const id = c.required("id", "a review id");
    const schoolId = c.required("school_id", "the id of the host school");
    const start = c.date("start");
    const days = c.number("days", { integer: true, min: 1, max: LIMITS.days }) ?? policy?.defaultReviewDays ?? 3;
    const seats = c.number("seats", { integer: true, min: 0, max: LIMITS.seats });
    if (id === undefined || schoolId === undefined || start === undefined) return undefined;
    return { id, schoolId, start, days, ...(seats !== undefined ? { seats } : {}) };
  });

  const history = readRows<HistoryEntry>("history", (c) => {
    const reviewSchoolId = c.required("review_school_id", "the id of the reviewed school");
    const personId = c.required("person_id", "the id of the person");
    const role = c.raw("role").toLowerCase();
    if (role !== "lead" && role !== "peer") return c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
    if (reviewSchoolId === undefined || personId === undefined) return undefined;
    return { year: c.raw("year"), reviewSchoolId, personId, role };
  });

  const pins = readRows<Pin>("pins", (c) => {
    const reviewId = c.required("review_id", "a review id");
    const personId = c.required("person_id", "a person id");
    const role = c.raw("role").toLowerCase();
    const kind = (c.raw("pin") || "fix").toLowerCase();
    if (role !== "lead" && role !== "peer") return c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
    if (kind !== "fix" && kind !== "forbid") return c.fail("pin", `"${c.raw("pin")}" is not a pin; use fix or forbid`);
    if (reviewId === undefined || personId === undefined) return undefined;
    return { reviewId, personId, role, kind };
  });

  if (errors.length > 0 || policy === undefined) return { ok: false, errors };

  const problem: Problem = { schools, reviewers, leads, reviews, policy, history, pins };
  const columnOf: Record<string, string> = { schoolId: "school_id", reviewId: "review_id", personId: "person_id", reviewSchoolId: "review_school_id" };
  const locate = (collection: Collection, index: number | undefined) =>
    index !== undefined && rowsOf[collection]?.[index] !== undefined ? { row: rowsOf[collection]![index]! } : {};
  for (const issue of validateReferences(problem)) {
    errors.push({
      code: issue.message.startsWith("duplicate") ? "duplicate-id" : "unknown-reference",
      file: fileOf[issue.collection],
      ...locate(issue.collection, issue.index),
      ...(issue.field ? { column: columnOf[issue.field] ?? issue.field } : {}),
      message: issue.message,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  problem.reviewers.forEach((reviewer, index) => {
    if (reviewer.available.length === 0) {
      warnings.push({ code: "warning", file: fileOf.reviewers, ...locate("reviewers", index), column: "available", message: `reviewer ${reviewer.id} gave no available dates and will not be assigned` });
    }
  });
  problem.leads.forEach((lead, index) => {
    if (lead.available.length === 0) {
      warnings.push({ code: "warning", file: fileOf.leads, ...locate("leads", index), column: "available", message: `Lead Reviewer ${lead.id} gave no available dates and will not be assigned` });
    }
  });
  return { ok: true, value: problem, warnings };
}
