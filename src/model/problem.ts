import { z } from "zod";
import { PolicySchema } from "./policy.js";
import {
  HistoryEntrySchema,
  LeadReviewerSchema,
  LedgerYearSchema,
  PinSchema,
  ReviewerSchema,
  ReviewSchema,
  SchoolSchema,
  type Review,
} from "./schema.js";
import { parseDay } from "./dates.js";
import { DEFAULT_KIND } from "./kinds.js";
import { valueKey } from "./values.js";
import { kindKey } from "./year.js";

/**
 * One partnership year: everything the allocation depends on.
 *
 * @example
 * const problem = ProblemSchema.parse({ schools, reviewers, leads, reviews, policy: DEFAULT_POLICY });
 */
export const ProblemSchema = z.object({
  schools: z.array(SchoolSchema),
  reviewers: z.array(ReviewerSchema),
  leads: z.array(LeadReviewerSchema),
  reviews: z.array(ReviewSchema),
  policy: PolicySchema,
  history: z.array(HistoryEntrySchema).default([]),
  pins: z.array(PinSchema).default([]),
  /** The closed years' reciprocity (`ledger-years.csv`), for the multi-year view; not used by the solver. */
  ledgerYears: z.array(LedgerYearSchema).optional(),
});
/**
 * One partnership year, checked: what `readYear`, `parseYear` and `validateProblem` give.
 *
 * @example
 * const problem: Problem = { schools, reviewers, leads, reviews, policy: DEFAULT_POLICY, history: [], pins: [] };
 * const result = await solve(problem, { seed: 1 });
 */
export type Problem = z.infer<typeof ProblemSchema>;
/**
 * A problem as a caller may write it: defaults may be left out.
 *
 * @example
 * const input: ProblemInput = { schools, reviewers, leads, reviews, policy: DEFAULT_POLICY }; // history and pins left out
 */
export type ProblemInput = z.input<typeof ProblemSchema>;

/** The collections of a problem, named as the year folder's files are. */
export type Collection = "schools" | "reviewers" | "leads" | "reviews" | "history" | "pins" | "ledgerYears" | "policy";

/**
 * A problem with the data: where (collection, item index, field) and what. The CSV layer turns
 * `index` into a spreadsheet row and `field` into a column name.
 */
export interface ProblemIssue {
  /** `conflicting-pins` for pins that contradict each other; otherwise a reference problem. */
  readonly code?: "conflicting-pins";
  readonly collection: Collection;
  readonly index?: number;
  readonly field?: string;
  readonly message: string;
}

/**
 * Cross-reference checks that a schema cannot state: unique ids, references to known schools
 * and reviews, and date sanity. Returns every issue found, in input order.
 */
export function validateReferences(problem: Problem): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const firstIndex = (collection: Collection, items: readonly { id: string }[]) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const earlier = seen.get(item.id);
      if (earlier !== undefined) {
        issues.push({ collection, index, field: "id", message: `duplicate id "${item.id}" (first used in item ${earlier + 1})` });
      } else {
        seen.set(item.id, index);
      }
    });
    return seen;
  };
  const schools = firstIndex("schools", problem.schools);
  const reviewers = firstIndex("reviewers", problem.reviewers);
  const leads = firstIndex("leads", problem.leads);
  const reviews = firstIndex("reviews", problem.reviews);

  for (const [id, index] of leads) {
    if (reviewers.has(id)) {
      issues.push({ collection: "leads", index, field: "id", message: `id "${id}" is also a reviewer's id; people need distinct ids` });
    }
  }
  const trusts = new Set(problem.schools.map((school) => valueKey(school.trust)).filter((t): t is string => t !== undefined));
  problem.reviewers.forEach((reviewer, index) => {
    if (!schools.has(reviewer.schoolId)) {
      issues.push({ collection: "reviewers", index, field: "schoolId", message: `unknown school "${reviewer.schoolId}"` });
    }
    for (const conflict of reviewer.conflicts) {
      if (!schools.has(conflict) && !trusts.has(valueKey(conflict) ?? "")) {
        issues.push({ collection: "reviewers", index, field: "conflicts", message: `unknown school "${conflict}" (nor the trust of any school)` });
      }
    }
  });
  problem.leads.forEach((lead, index) => {
    for (const conflict of lead.conflicts) {
      if (!schools.has(conflict) && !trusts.has(valueKey(conflict) ?? "")) {
        issues.push({ collection: "leads", index, field: "conflicts", message: `unknown school "${conflict}" (nor the trust of any school)` });
      }
    }
  });
  problem.reviews.forEach((review, index) => issues.push(...reviewIssues(problem, review, index, schools, trusts)));
  for (const collection of ["reviewers", "leads"] as const) {
    problem[collection].forEach((person, index) => {
      for (const kind of person.kinds ?? []) {
        if (kind.trim() !== "" && !problem.policy.kinds[kindKey(kind)]) issues.push({ collection, index, field: "kinds", message: unknownKind(problem, kind) });
      }
    });
  }
  issues.push(...pinContradictions(problem));
  problem.pins.forEach((pin, index) => {
    if (!reviews.has(pin.reviewId)) {
      issues.push({ collection: "pins", index, field: "reviewId", message: `unknown review "${pin.reviewId}"` });
    }
    const known = pin.role === "lead" ? leads.has(pin.personId) : reviewers.has(pin.personId);
    if (!known) {
      issues.push({ collection: "pins", index, field: "personId", message: `unknown ${pin.role === "lead" ? "Lead Reviewer" : "reviewer"} "${pin.personId}"` });
    }
  });
  return issues;
}

const unknownKind = (problem: Problem, kind: string) => `unknown kind "${kind}"; the policy's kinds are ${Object.keys(problem.policy.kinds).join(", ")}`;

/**
 * A review's kind is one of the policy's; a review of a school names a known school and no
 * trust, a review of a trust (a TPR) names a trust some school belongs to and no school.
 */
function reviewIssues(problem: Problem, review: Review, index: number, schools: ReadonlyMap<string, number>, trusts: ReadonlySet<string>): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const at = (field: string, message: string): ProblemIssue => ({ collection: "reviews", index, field, message });
  const kindId = kindKey(review.kind ?? DEFAULT_KIND);
  const kind = problem.policy.kinds[kindId];
  if (!kind) issues.push(at("kind", unknownKind(problem, review.kind ?? "")));
  else if (kind.host === "school") {
    if (review.schoolId === undefined) issues.push(at("schoolId", `a ${kindId} review needs its host school`));
    else if (!schools.has(review.schoolId)) issues.push(at("schoolId", `unknown school "${review.schoolId}"`));
    if (review.trustId !== undefined) issues.push(at("trustId", `a ${kindId} review is of a school: leave trust_id blank (the host's trust comes from schools.csv)`));
  } else {
    if (review.trustId === undefined) issues.push(at("trustId", `a ${kindId} review is of a trust: give the host trust's id`));
    else if (!trusts.has(valueKey(review.trustId) ?? "")) issues.push(at("trustId", `unknown trust "${review.trustId}": no school in schools.csv belongs to it`));
    if (review.schoolId !== undefined) issues.push(at("schoolId", `a ${kindId} review is of a trust, not a school: leave school_id blank`));
  }
  if (parseDay(review.start) === undefined) issues.push(at("start", `"${review.start}" is not a real date`));
  return issues;
}

/**
 * Pins that contradict each other: the same seat fixed and forbidden, or a second Lead Reviewer
 * fixed to one review. Each is reported at the later pin, naming the earlier one.
 */
function pinContradictions(problem: Problem): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const seats = new Map<string, { kind: string; index: number }>();
  const leads = new Map<string, { personId: string; index: number }>();
  problem.pins.forEach((pin, index) => {
    const seat = `${pin.role}:${pin.personId}@${pin.reviewId}`;
    const earlier = seats.get(seat);
    if (earlier && earlier.kind !== pin.kind) {
      issues.push({
        code: "conflicting-pins",
        collection: "pins",
        index,
        field: "kind",
        message: `${pin.kind === "fix" ? "fixes" : "forbids"} ${pin.personId} on ${pin.reviewId}, which item ${earlier.index + 1} ${earlier.kind === "fix" ? "fixes" : "forbids"}; keep one of the two`,
      });
    } else if (!earlier) seats.set(seat, { kind: pin.kind, index });
    if (pin.kind !== "fix" || pin.role !== "lead") return;
    const lead = leads.get(pin.reviewId);
    if (lead && lead.personId !== pin.personId) {
      issues.push({
        code: "conflicting-pins",
        collection: "pins",
        index,
        field: "personId",
        message: `fixes a second Lead Reviewer, ${pin.personId}, to ${pin.reviewId}, whose Lead Reviewer item ${lead.index + 1} fixes as ${lead.personId}; a review has one`,
      });
    } else if (!lead) leads.set(pin.reviewId, { personId: pin.personId, index });
  });
  return issues;
}
