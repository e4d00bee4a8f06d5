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
} from "./schema.js";
import { parseDay } from "./dates.js";

/** One partnership year: everything the allocation depends on. */
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
export type Problem = z.infer<typeof ProblemSchema>;
/** A problem as a caller may write it: defaults may be left out. */
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
  problem.reviewers.forEach((reviewer, index) => {
    if (!schools.has(reviewer.schoolId)) {
      issues.push({ collection: "reviewers", index, field: "schoolId", message: `unknown school "${reviewer.schoolId}"` });
    }
    for (const conflict of reviewer.conflicts) {
      if (!schools.has(conflict)) {
        issues.push({ collection: "reviewers", index, field: "conflicts", message: `unknown school "${conflict}"` });
      }
    }
  });
  problem.leads.forEach((lead, index) => {
    for (const conflict of lead.conflicts) {
      if (!schools.has(conflict)) {
        issues.push({ collection: "leads", index, field: "conflicts", message: `unknown school "${conflict}"` });
      }
    }
  });
  problem.reviews.forEach((review, index) => {
    if (!schools.has(review.schoolId)) {
      issues.push({ collection: "reviews", index, field: "schoolId", message: `unknown school "${review.schoolId}"` });
    }
    if (parseDay(review.start) === undefined) {
      issues.push({ collection: "reviews", index, field: "start", message: `"${review.start}" is not a real date` });
    }
  });
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
