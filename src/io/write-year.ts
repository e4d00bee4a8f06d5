import { DEFAULT_POLICY, type Policy } from "../model/policy.js";
import type { Problem } from "../model/problem.js";
import type { DateRange } from "../model/schema.js";
import { toCsv } from "./csv-text.js";
import { LIST_SEPARATOR, POLICY_FILE, RANGE_SEPARATOR, YEAR_FILES } from "./year-files.js";

const list = (items: readonly string[]): string => items.join(LIST_SEPARATOR);
/** Date ranges as an `available` cell writes them: `2024-01-08..2024-02-09;2024-03-01`. */
export const ranges = (items: readonly DateRange[]): string =>
  list(items.map((range) => (range.from === range.to ? range.from : `${range.from}${RANGE_SEPARATOR}${range.to}`)));

/** The optional contact columns that some row fills: a year without e-mails keeps its old columns. */
function contactColumns<C extends string>(items: readonly Partial<Record<C, string>>[], columns: readonly C[]): C[] {
  return columns.filter((column) => items.some((item) => item[column] !== undefined));
}

/** The policy keys that differ from the defaults, so a policy.json says only what was chosen. */
export function policyOverrides(policy: Policy): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const key of Object.keys(policy) as (keyof Policy)[]) {
    if (JSON.stringify(policy[key]) !== JSON.stringify(DEFAULT_POLICY[key])) overrides[key] = policy[key];
  }
  // Of the kinds table, only the kinds that differ from the built-in ones (read back, they are merged over them).
  if (overrides.kinds) overrides.kinds = Object.fromEntries(Object.entries(policy.kinds).filter(([id, kind]) => JSON.stringify(kind) !== JSON.stringify(DEFAULT_POLICY.kinds[id])));
  return overrides;
}

/**
 * A problem as the files of a year folder (file name → text), in the format `readYear` reads.
 * Optional files are left out when empty.
 *
 * @example
 * for (const [name, text] of Object.entries(serializeYear(problem))) writeFileSync(join(dir, name), text);
 */
export function serializeYear(problem: Problem, options: { readonly toConfirm?: ReadonlyMap<string, string> } = {}): Record<string, string> {
  const files: Record<string, string> = {};
  const schoolContact = contactColumns(problem.schools, ["address", "postcode", "email"]);
  files[YEAR_FILES.schools.file] = toCsv(
    ["id", "name", "hub", "locality", "trust", "phase", "pupils", "lat", "lon", "carry_over", ...schoolContact],
    problem.schools.map((s) => [s.id, s.name, s.hub, s.locality, s.trust, s.phase, s.pupils, s.lat, s.lon, s.carryOver || undefined, ...schoolContact.map((c) => s[c])]),
  );
  // Kind columns only where some row names a kind, so a year of QARs keeps its old columns.
  const reviewerKinds = problem.reviewers.some((r) => (r.kinds ?? []).length > 0) ? (["kinds"] as const) : [];
  const reviewerContact = contactColumns(problem.reviewers, ["email"]);
  files[YEAR_FILES.reviewers.file] = toCsv(
    ["id", "name", "school_id", "level", "phases", "available", "max_reviews", "conflicts", "prefers", ...reviewerKinds, ...reviewerContact],
    problem.reviewers.map((r) => [r.id, r.name, r.schoolId, r.level, list(r.phases), ranges(r.available), r.maxReviews, list(r.conflicts), list(r.prefers), ...reviewerKinds.map(() => list(r.kinds ?? [])), ...reviewerContact.map((c) => r[c])]),
  );
  const leadKinds = problem.leads.some((l) => (l.kinds ?? []).length > 0) ? (["kinds"] as const) : [];
  const leadContact = contactColumns(problem.leads, ["email"]);
  files[YEAR_FILES.leads.file] = toCsv(
    ["id", "name", "available", "max_reviews", "phases", "conflicts", "lat", "lon", ...leadKinds, ...leadContact],
    problem.leads.map((l) => [l.id, l.name, ranges(l.available), l.maxReviews, list(l.phases), list(l.conflicts), l.lat, l.lon, ...leadKinds.map(() => list(l.kinds ?? [])), ...leadContact.map((c) => l[c])]),
  );
  const reviewKinds = problem.reviews.some((r) => r.kind !== undefined || r.trustId !== undefined) ? (["kind", "trust_id"] as const) : [];
  // The window column only when some review has one, so years without windows keep their bytes.
  const windows = problem.reviews.some((r) => (r.window ?? []).length > 0);
  // `to_confirm` only for a year started by qar new-year: each review's note for people.
  const notes = options.toConfirm;
  files[YEAR_FILES.reviews.file] = toCsv(
    ["id", "school_id", "start", "days", "seats", ...reviewKinds, ...(windows ? ["window"] : []), ...(notes ? ["to_confirm"] : [])],
    problem.reviews.map((r) => [
      r.id,
      r.schoolId,
      r.start,
      r.days,
      r.seats,
      ...(reviewKinds.length > 0 ? [r.kind, r.trustId] : []),
      ...(windows ? [ranges(r.window ?? [])] : []),
      ...(notes ? [notes.get(r.id)] : []),
    ]),
  );
  if (problem.history.length > 0) {
    files[YEAR_FILES.history.file] = toCsv(
      ["year", "review_school_id", "person_id", "role"],
      problem.history.map((h) => [h.year, h.reviewSchoolId, h.personId, h.role]),
    );
  }
  if (problem.pins.length > 0) {
    files[YEAR_FILES.pins.file] = toCsv(
      ["review_id", "role", "person_id", "pin"],
      problem.pins.map((p) => [p.reviewId, p.role, p.personId, p.kind]),
    );
  }
  if ((problem.ledgerYears ?? []).length > 0) {
    files[YEAR_FILES.ledgerYears.file] = toCsv(
      YEAR_FILES.ledgerYears.required,
      (problem.ledgerYears ?? []).map((l) => [l.year, l.schoolId, l.received, l.sent, l.balance, l.carryOverAfter]),
    );
  }
  const overrides = policyOverrides(problem.policy);
  if (Object.keys(overrides).length > 0) files[POLICY_FILE] = `${JSON.stringify(overrides, null, 2)}\n`;
  return files;
}
