import type { z } from "zod";
import { DEFAULT_POLICY, makePolicy, PolicyOverridesSchema, SeatBandSchema, WeightsSchema, type Policy } from "../model/policy.js";
import { validateReferences, type Collection, type Problem, type ProblemIssue } from "../model/problem.js";
import { yearNumber } from "../model/history.js";
import type { HistoryEntry, LeadReviewer, LedgerYear, Pin, Review, Reviewer, School } from "../model/schema.js";
import { cellReader } from "./cells.js";
import type { InputError, Result } from "./errors.js";
import { decodeUtf8, readCsvTable, type CsvTable } from "./read-csv.js";
import { duplicateLedgerYears, ledgerYearRow } from "./read-years.js";
import { POLICY_FILE, REQUIRED_FILES, YEAR_FILES, type YearFile } from "./year-files.js";

/** The files of a year folder by name (`schools.csv`, ...), as text or bytes; absent = missing. */
export type YearFileContents = Readonly<Record<string, string | Uint8Array | undefined>>;

export interface ParseYearOptions {
  /** A policy file given apart from the folder (`--policy`); wins over the folder's policy.json. */
  readonly policy?: { readonly name: string; readonly contents: string | Uint8Array };
}

/** Largest plausible values: anything above is a typo or a unit mix-up, not a school. */
const LIMITS = { pupils: 20_000, maxReviews: 100, days: 31, seats: 50, carryOver: 1000 } as const;

/** Line and character of a JSON.parse error (`... at position 12`), for a person looking at the file. */
function jsonWhere(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position) return "";
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  return ` (line ${line}, character ${before.length - before.lastIndexOf("\n")})`;
}

/** The policy key a typo was probably meant to be ("minDistanceKM" for "minDistanceKm"). */
function closeKey(key: string, known: readonly string[]): string | undefined {
  const squash = (k: string) => k.toLowerCase().replace(/[\s_-]+/g, "");
  const singular = (k: string) => squash(k).replace(/s$/, "");
  const typed = squash(key);
  return (
    known.find((k) => squash(k) === typed) ??
    known.find((k) => singular(k) === singular(key)) ??
    (typed.length >= 4 ? known.find((k) => squash(k).startsWith(typed) || typed.startsWith(squash(k))) : undefined)
  );
}

/** The keys allowed where an unknown key was found: the top level, `weights`, or a seat band. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  return Object.keys(path.length === 0 ? PolicyOverridesSchema.shape : path[0] === "weights" ? WeightsSchema.shape : SeatBandSchema.shape);
}

/** A zod issue of the policy in plain words: what the value must be, not the schema's jargon. */
function policyIssueMessage(issue: z.core.$ZodIssue, key: string): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      // One key per error (see parsePolicy); the message names it and what it was probably meant to be.
      const known = knownKeys(issue.path);
      const unknown = issue.keys[0] ?? "";
      const close = closeKey(unknown, known);
      return `unknown policy key "${unknown}"${close ? ` (did you mean "${close}"?)` : " (a typo?)"}${key ? ` in "${key}"` : ""}; known keys: ${known.join(", ")}`;
    }
    case "too_small":
      return issue.origin === "array" ? `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"}` : `must be ${String(issue.minimum)} or more`;
    case "too_big":
      return issue.origin === "array" ? `has too many entries (at most ${String(issue.maximum)})` : `must be ${String(issue.maximum)} or less`;
    case "invalid_type":
      return issue.expected === "int" ? "must be a whole number" : `must be ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "a list [...]" : `a ${issue.expected}`}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => String(v)).join(", ")}`;
    default:
      return issue.message;
  }
}

function parsePolicy(name: string, contents: string | Uint8Array, errors: InputError[]): Policy | undefined {
  const decoded = decodeUtf8(contents, name);
  if ("error" in decoded) {
    errors.push(decoded.error);
    return undefined;
  }
  if (decoded.text.trim() === "") {
    errors.push({ code: "bad-policy", file: name, message: "is empty; write {} for the defaults, or one JSON object of policy keys such as {\"minDistanceKm\": 15}" });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (cause) {
    const message = (cause as Error).message;
    errors.push({ code: "bad-policy", file: name, message: `is not valid JSON${jsonWhere(decoded.text, message)}: ${message.replace(/ in JSON at position \d+.*$/, "")}` });
    return undefined;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    errors.push({ code: "bad-policy", file: name, message: "must be one JSON object of policy keys, e.g. {\"minDistanceKm\": 15}" });
    return undefined;
  }
  const overrides = PolicyOverridesSchema.safeParse(json);
  const policy = overrides.success ? makePolicy(overrides.data) : overrides;
  if (policy.success) return policy.data;
  // An unknown key is reported as that key (one error each), so the user sees which to fix.
  const issues = policy.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" && issue.keys.length > 1 ? issue.keys.map((k) => ({ ...issue, keys: [k] })) : [issue],
  );
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    const column = issue.code === "unrecognized_keys" ? [...issue.path.map(String), issue.keys[0] ?? ""].join(".") : key;
    errors.push({ code: "bad-policy", file: name, ...(column ? { column } : {}), message: policyIssueMessage(issue, key) });
  }
  return undefined;
}

/** A coordinate needs both halves: a blank `lat` beside a given `lon` (or the reverse) is an error. */
function bothOrNeither(c: ReturnType<typeof cellReader>): void {
  const latBlank = c.raw("lat") === "";
  if (latBlank !== (c.raw("lon") === "")) {
    c.fail(latBlank ? "lat" : "lon", `is blank but ${latBlank ? "lon" : "lat"} is given; give both lat and lon, or neither`);
  }
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
  /**
   * What could not be read of each file: the whole file, or the ids of rows with bad cells. A
   * reference to such an id is not called unknown (the row's own errors already say why).
   */
  const readIds: Partial<Record<Collection, { unread: boolean; dropped: ReadonlySet<string> }>> = {};
  const fileOf: Record<Collection, string> = {
    schools: YEAR_FILES.schools.file,
    reviewers: YEAR_FILES.reviewers.file,
    leads: YEAR_FILES.leads.file,
    reviews: YEAR_FILES.reviews.file,
    history: YEAR_FILES.history.file,
    pins: YEAR_FILES.pins.file,
    ledgerYears: YEAR_FILES.ledgerYears.file,
    policy: policySource?.name ?? POLICY_FILE,
  };

  function readRows<T>(which: YearFile, build: (cells: ReturnType<typeof cellReader>) => T | undefined): T[] {
    const parsed = table(files, which, errors);
    const items: T[] = [];
    const rows: number[] = [];
    const dropped = new Set<string>();
    for (const row of parsed?.rows ?? []) {
      const before = errors.length;
      const item = build(cellReader(YEAR_FILES[which].file, row, errors));
      if (item !== undefined && errors.length === before) {
        items.push(item);
        rows.push(row.row);
      } else {
        dropped.add(row.cells.get("id") ?? "");
      }
    }
    rowsOf[which] = rows;
    const unread = parsed === undefined && (files[YEAR_FILES[which].file] !== undefined || REQUIRED_FILES.includes(which));
    readIds[which] = { unread, dropped };
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
    bothOrNeither(c);
    const carryOver = c.number("carry_over", { integer: true, min: -LIMITS.carryOver, max: LIMITS.carryOver }) ?? 0;
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
    bothOrNeither(c);
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
    const window = c.ranges("window");
    if (id === undefined || schoolId === undefined || start === undefined) return undefined;
    return { id, schoolId, start, days, ...(seats !== undefined ? { seats } : {}), ...(window.length > 0 ? { window } : {}) };
  });

  const history = readRows<HistoryEntry>("history", (c) => {
    const reviewSchoolId = c.required("review_school_id", "the id of the reviewed school");
    const personId = c.required("person_id", "the id of the person");
    const role = c.raw("role").toLowerCase();
    if (role !== "lead" && role !== "peer") return c.fail("role", `"${c.raw("role")}" is not a role; use lead or peer`);
    // The no-repeat rule orders the years, so each needs a place in time.
    if (policy !== undefined && policy.noRepeatYears > 0 && yearNumber(c.raw("year")) === undefined) {
      return c.fail("year", `"${c.raw("year")}" does not start with a year (e.g. 2023-24); noRepeatYears needs to know when each review was`);
    }
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

  const ledgerYears = readRows<LedgerYear>("ledgerYears", ledgerYearRow);
  errors.push(...duplicateLedgerYears(ledgerYears, rowsOf.ledgerYears ?? [], YEAR_FILES.ledgerYears.file));

  // Ids and references are checked even when some cells were bad, so one pass lists every
  // problem; a reference is called unknown only when the row it may point to was read.
  // The references do not depend on the policy: the defaults stand in when policy.json is bad.
  const problem: Problem = {
    schools,
    reviewers,
    leads,
    reviews,
    policy: policy ?? DEFAULT_POLICY,
    history,
    pins,
    ...(files[YEAR_FILES.ledgerYears.file] !== undefined ? { ledgerYears } : {}),
  };
  const columnOf: Record<string, string> = { schoolId: "school_id", reviewId: "review_id", personId: "person_id", reviewSchoolId: "review_school_id" };
  const rowOf = (collection: Collection, index: number | undefined) => (index !== undefined ? rowsOf[collection]?.[index] : undefined);
  const locate = (collection: Collection, index: number | undefined) => {
    const row = rowOf(collection, index);
    return row !== undefined ? { row } : {};
  };
  const target = (issue: ProblemIssue): Collection[] => {
    if (issue.field === "schoolId" || issue.field === "conflicts") return ["schools"];
    if (issue.field === "reviewId") return ["reviews"];
    if (issue.field === "personId") return ["reviewers", "leads"];
    return [];
  };
  const mayBeUnread = (issue: ProblemIssue): boolean => {
    const id = /"([^"]*)"/.exec(issue.message)?.[1];
    return target(issue).some((collection) => {
      const read = readIds[collection];
      return read !== undefined && (read.unread || (id === undefined ? read.dropped.size > 0 : read.dropped.has(id)));
    });
  };
  for (const issue of validateReferences(problem)) {
    const duplicate = issue.field === "id";
    if (!duplicate && mayBeUnread(issue)) continue;
    errors.push({
      code: duplicate ? "duplicate-id" : "unknown-reference",
      file: fileOf[issue.collection],
      ...locate(issue.collection, issue.index),
      ...(issue.field ? { column: columnOf[issue.field] ?? issue.field } : {}),
      // "first used in item 3" counts items; a spreadsheet user needs the row.
      message: issue.message.replace(/first used in item (\d+)/, (text, item: string) => {
        const row = rowOf(issue.collection, Number(item) - 1);
        return row !== undefined ? `first used in row ${row}` : text;
      }),
    });
  }
  if (errors.length > 0 || policy === undefined) return { ok: false, errors };

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
