import { z } from "zod";
import { parseDay } from "./dates.js";

/** School phases, as the partnership's roster names them (lower case). */
export const PHASES = ["primary", "secondary", "all-through", "middle", "special", "ap", "nursery"] as const;
export const PhaseSchema = z.enum(PHASES);
/**
 * A school phase.
 *
 * @example
 * const phase: Phase = "primary";
 */
export type Phase = z.infer<typeof PhaseSchema>;

/**
 * One row of the peer-seat table: schools of `phase` with at most `maxPupils` pupils on roll
 * get `seats` peer seats. The last band of a phase has no `maxPupils` (any size).
 */
export const SeatBandSchema = z.object({
  phase: PhaseSchema,
  maxPupils: z.number().int().positive().optional(),
  seats: z.number().int().nonnegative().max(50),
});
/**
 * One row of the peer-seat table (the policy's `seatBands`).
 *
 * @example
 * const band: SeatBand = { phase: "primary", maxPupils: 210, seats: 2 }; // primary schools of up to 210 pupils get 2 peer seats
 */
export type SeatBand = z.infer<typeof SeatBandSchema>;

/** Reviewer levels, lowest first. Every level fills a peer seat; only `advanced` counts for the advanced-seat rule. */
export const LEVELS = ["trainee", "reviewer", "advanced"] as const;
export const LevelSchema = z.enum(LEVELS);
/**
 * A reviewer's level: `trainee`, `reviewer` or `advanced` (only `advanced` counts for the advanced-seat rule).
 *
 * @example
 * const level: Level = "advanced";
 */
export type Level = z.infer<typeof LevelSchema>;

/** The two kinds of seat on a review team. */
export const ROLES = ["lead", "peer"] as const;
export const RoleSchema = z.enum(ROLES);
/**
 * A seat on a review team: the Lead Reviewer's (`lead`) or a peer reviewer's (`peer`).
 *
 * @example
 * const leads = allocation.assignments.filter((a) => a.role === ("lead" satisfies Role));
 */
export type Role = z.infer<typeof RoleSchema>;

const id = z.string().trim().min(1, "must not be blank");
/** A strict ISO date `YYYY-MM-DD` that exists in the calendar. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD", abort: true })
  .refine((text) => parseDay(text) !== undefined, { message: "must be a real date written YYYY-MM-DD" });

/** An inclusive date range; a single date has `from === to`. */
export const DateRangeSchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((range) => (parseDay(range.from) ?? 0) <= (parseDay(range.to) ?? 0), {
    message: "range ends before it starts",
  });
/**
 * An inclusive range of ISO dates (a reviewer's availability, a review's window).
 *
 * @example
 * const spring: DateRange = { from: "2025-01-06", to: "2025-03-28" };
 */
export type DateRange = z.infer<typeof DateRangeSchema>;

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/**
 * The largest carry-over a school may hold either way: a thousand places is decades of a large
 * school's reviews, so anything beyond is a typo, and closing a year never writes more.
 */
export const CARRY_OVER_LIMIT = 1000;

/**
 * Largest plausible values: anything above is a typo or a unit mix-up, not a school. The CSV
 * reader and `validateProblem` (through these schemas) refuse the same values.
 */
export const VALUE_LIMITS = { pupils: 20_000, maxReviews: 100, days: 31, seats: 50, carryOver: CARRY_OVER_LIMIT } as const;

/** A point needs both halves: `lat` without `lon` (or the reverse) is an error at the missing one, as in a year folder. */
function bothOrNeither(point: { readonly lat?: number | undefined; readonly lon?: number | undefined }, ctx: z.core.$RefinementCtx): void {
  if ((point.lat === undefined) === (point.lon === undefined)) return;
  const [missing, given] = point.lat === undefined ? ["lat", "lon"] : ["lon", "lat"];
  ctx.addIssue({ code: "custom", path: [missing], message: `is missing but ${given} is given; give both lat and lon, or neither` });
}
/** The same rule in the JSON Schema. */
const POINT = { dependentRequired: { lat: ["lon"], lon: ["lat"] } };

/**
 * A member school. Blank hub, locality or trust is `undefined` and equals nothing.
 *
 * @example
 * const school = SchoolSchema.safeParse({ id: "S0001", name: "Ash Field Primary", hub: "North", phase: "primary", pupils: 210 });
 * if (!school.success) console.log(school.error.issues);
 */
export const SchoolSchema = z.strictObject({
  id,
  name: z.string(),
  hub: z.string().optional(),
  locality: z.string().optional(),
  trust: z.string().optional(),
  phase: PhaseSchema,
  pupils: z.number().int().nonnegative().max(VALUE_LIMITS.pupils),
  lat: latitude.optional(),
  lon: longitude.optional(),
  /** Places the school owes (+) or is owed (−) from earlier years; only from explicit input. */
  carryOver: z.number().int().min(-VALUE_LIMITS.carryOver).max(VALUE_LIMITS.carryOver).default(0),
  /** Postal address and postcode, for letters and calendar entries (optional). */
  address: z.string().optional(),
  postcode: z.string().optional(),
  /** Where the school's letters go (optional; carried to letters.csv). */
  email: z.string().optional(),
})
  .superRefine(bothOrNeither)
  .meta(POINT);
/**
 * A member school, as `SchoolSchema` gives it (`carryOver` 0 unless given).
 *
 * @example
 * const school: School = { id: "S0001", name: "Ash Field Primary", hub: "North", phase: "primary", pupils: 210, carryOver: 0 };
 */
export type School = z.infer<typeof SchoolSchema>;

/**
 * A peer reviewer: a headteacher or senior leader of a member school.
 *
 * @example
 * const reviewer = ReviewerSchema.parse({ id: "P0193", name: "Dr. Ödön Varga", schoolId: "S0001", level: "advanced", maxReviews: 2 });
 */
export const ReviewerSchema = z.strictObject({
  id,
  name: z.string(),
  schoolId: id,
  level: LevelSchema,
  /** Phases the reviewer knows; empty means no restriction. */
  phases: z.array(PhaseSchema).default([]),
  available: z.array(DateRangeSchema).default([]),
  /** Blank in the CSV means the policy's `defaultMaxReviews`. */
  maxReviews: z.number().int().nonnegative().max(VALUE_LIMITS.maxReviews).optional(),
  conflicts: z.array(id).default([]),
  /** Preferred review ids or hub names (soft). */
  prefers: z.array(z.string()).default([]),
  /** The kinds of review the reviewer serves (`qar`, `tpr`...); absent or empty means `qar` only. */
  kinds: z.array(z.string()).optional(),
  /** Where the reviewer's letters go (optional; carried to letters.csv). */
  email: z.string().optional(),
});
/**
 * A peer reviewer, as `ReviewerSchema` gives it (lists empty unless given).
 *
 * @example
 * const advanced = problem.reviewers.filter((r: Reviewer) => r.level === "advanced");
 */
export type Reviewer = z.infer<typeof ReviewerSchema>;

/**
 * An independent Lead Reviewer: belongs to no member school.
 *
 * @example
 * const lead = LeadReviewerSchema.parse({ id: "L001", name: "Jo Smith", available: [{ from: "2025-01-06", to: "2025-03-28" }] });
 */
export const LeadReviewerSchema = z.strictObject({
  id,
  name: z.string(),
  available: z.array(DateRangeSchema).default([]),
  maxReviews: z.number().int().nonnegative().max(VALUE_LIMITS.maxReviews).optional(),
  phases: z.array(PhaseSchema).default([]),
  conflicts: z.array(id).default([]),
  lat: latitude.optional(),
  lon: longitude.optional(),
  /** The kinds of review the Lead Reviewer leads (`qar`, `tpr`...); absent or empty means `qar` only. */
  kinds: z.array(z.string()).optional(),
  /** Where the Lead Reviewer's letters go (optional; carried to letters.csv). */
  email: z.string().optional(),
})
  .superRefine(bothOrNeither)
  .meta(POINT);
/**
 * A Lead Reviewer, as `LeadReviewerSchema` gives it.
 *
 * @example
 * const free = problem.leads.filter((l: LeadReviewer) => l.available.some((r) => r.from <= "2025-03-03" && "2025-03-05" <= r.to));
 */
export type LeadReviewer = z.infer<typeof LeadReviewerSchema>;

/**
 * A review: a visit of `days` consecutive days from `start` to the host, a school or (for a
 * kind hosted by a trust, such as a Trust Peer Review) a trust.
 *
 * @example
 * const review = ReviewSchema.parse({ id: "R0412", schoolId: "S0001", start: "2025-03-03", days: 3, window: [{ from: "2025-02-24", to: "2025-03-21" }] });
 */
export const ReviewSchema = z.strictObject({
  id,
  /** The host school; absent for a review of a trust (then `trustId` names the host). */
  schoolId: id.optional(),
  /** The kind of review (a key of the policy's `kinds`); absent means `qar`. */
  kind: z.string().optional(),
  /** The host trust of a review whose kind is hosted by a trust (a TPR). */
  trustId: id.optional(),
  start: IsoDateSchema,
  days: z.number().int().min(1).max(VALUE_LIMITS.days).default(3),
  /** Peer seats; `undefined` means the policy's band table decides. */
  seats: z.number().int().nonnegative().max(VALUE_LIMITS.seats).optional(),
  /**
   * Dates the school would accept for its review (`qar plan` proposes moves inside them);
   * absent: the dates are fixed.
   */
  window: z.array(DateRangeSchema).optional(),
});
/**
 * A review, as `ReviewSchema` gives it (`days` 3 unless given).
 *
 * @example
 * const review: Review = { id: "R0412", schoolId: "S0001", start: "2025-03-03", days: 3 };
 */
export type Review = z.infer<typeof ReviewSchema>;

/**
 * One line of last years' teams, for the variety goal (no repeat reviewer at a school).
 *
 * @example
 * const entry = HistoryEntrySchema.parse({ year: "2023-24", reviewSchoolId: "S0001", personId: "P0193", role: "peer" });
 */
export const HistoryEntrySchema = z.strictObject({
  year: z.string(),
  reviewSchoolId: id,
  personId: id,
  role: RoleSchema,
});
/**
 * One line of last years' teams (`history.csv`).
 *
 * @example
 * const history: HistoryEntry[] = [{ year: "2023-24", reviewSchoolId: "S0001", personId: "P0193", role: "peer" }];
 */
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/**
 * One school's reciprocity in one closed year (`ledger-years.csv`), counted by attendance:
 * `received` peer places filled at its own review(s), `sent` places its reviewers filled
 * elsewhere, `balance = sent − received` (negative: it owes), and the carry-over it took into
 * the next year (positive: it owes).
 *
 * @example
 * const row = LedgerYearSchema.parse({ year: "2023-24", schoolId: "S0001", received: 3, sent: 1, balance: -2, carryOverAfter: 2 });
 */
export const LedgerYearSchema = z.strictObject({
  year: z.string(),
  schoolId: id,
  received: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  balance: z.number().int(),
  carryOverAfter: z.number().int(),
});
/**
 * One school's reciprocity in one closed year (`ledger-years.csv`).
 *
 * @example
 * const row: LedgerYear = { year: "2023-24", schoolId: "S0001", received: 3, sent: 1, balance: -2, carryOverAfter: 2 };
 */
export type LedgerYear = z.infer<typeof LedgerYearSchema>;

/**
 * A user's decision made before solving: this person must (`fix`) or must not (`forbid`) sit on this review.
 *
 * @example
 * const pins = [{ reviewId: "R0412", personId: "P0193", role: "peer", kind: "fix" }].map((p) => PinSchema.parse(p));
 */
export const PinSchema = z.strictObject({
  reviewId: id,
  personId: id,
  role: RoleSchema,
  kind: z.enum(["fix", "forbid"]),
});
/**
 * A pin (`pins.csv`): fix or forbid one person on one review before solving.
 *
 * @example
 * const pin: Pin = { reviewId: "R0412", personId: "P0193", role: "peer", kind: "forbid" };
 * const result = await solve({ ...problem, pins: [pin] }, { seed: 1 });
 */
export type Pin = z.infer<typeof PinSchema>;

/**
 * Where an offered seat stands in the season: `proposed` (offered, not yet answered; what
 * `solve` writes) or `confirmed` (the person said yes: no command moves or removes it unless
 * the user says so explicitly). A seat the person declined is no assignment at all: it is kept
 * in the allocation's `declined` list.
 */
export const ASSIGNMENT_STATUSES = ["proposed", "confirmed"] as const;
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
/**
 * Where an offered seat stands: `proposed` or `confirmed`.
 *
 * @example
 * const confirmed = allocation.assignments.filter((a) => a.status === ("confirmed" satisfies AssignmentStatus));
 */
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

/** Version of a duty's calendar event (iCalendar `SEQUENCE`): raised each time the event changes. */
const sequence = z.number().int().nonnegative();

/**
 * One person in one seat. No `status` means `proposed`; no `sequence` means 0.
 *
 * @example
 * const row = AssignmentSchema.parse({ reviewId: "R0412", role: "lead", personId: "L001" });
 */
export const AssignmentSchema = z.object({
  reviewId: id,
  role: RoleSchema,
  personId: id,
  status: AssignmentStatusSchema.optional(),
  sequence: sequence.optional(),
});
/**
 * One person in one seat of an allocation.
 *
 * @example
 * const seat: Assignment = { reviewId: "R0412", role: "peer", personId: "P0193", status: "confirmed" };
 */
export type Assignment = z.infer<typeof AssignmentSchema>;

/**
 * Why a seat was given up: the person `declined` the offer, or `withdrew` from it later
 * (`withdrawn`, a `withdraw` change of `qar repair`).
 */
export const GIVEN_UP_STATUSES = ["declined", "withdrawn"] as const;

/**
 * A seat the person declined or withdrew from (`status`, absent means `declined`): it fills no
 * seat (the checker never sees it) and the person is never offered that review again.
 *
 * @example
 * const declined = DeclineSchema.parse({ reviewId: "R0412", role: "peer", personId: "P0193", status: "withdrawn" });
 */
export const DeclineSchema = z.object({ reviewId: id, role: RoleSchema, personId: id, sequence: sequence.optional(), status: z.enum(GIVEN_UP_STATUSES).optional() });
/**
 * A seat the person declined or withdrew from (an allocation's `declined`).
 *
 * @example
 * const declined: Decline[] = result.allocation.declined ?? [];
 * console.log(declined.map((d) => `${d.personId} ${d.status ?? "declined"} ${d.reviewId}`));
 */
export type Decline = z.infer<typeof DeclineSchema>;

/**
 * A person offered nothing new from `from` on (absent: the whole year): `withdrawn` (absent
 * means so) when they left the rest of the year, their seats from then on given up (`withdrawn`
 * entries of `declined`; earlier seats took place and stay); `declined` when they declined an
 * offer and are not to be asked again this year (`qar respond --no-reoffer`): they keep the
 * seats they hold.
 *
 * @example
 * const left = WithdrawalSchema.parse({ personId: "P0193", role: "peer", from: "2025-01-20" });
 */
export const WithdrawalSchema = z.object({ personId: id, role: RoleSchema, from: IsoDateSchema.optional(), status: z.enum(GIVEN_UP_STATUSES).optional() });
/**
 * A person offered nothing new from a date on (an allocation's `withdrawals`).
 *
 * @example
 * const left: Withdrawal = { personId: "P0193", role: "peer", from: "2025-01-20" };
 */
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

/**
 * An allocation: who sits on which team. Empty seats have no assignment; declined and withdrawn
 * seats are kept apart, in `declined`, so that they count as no seat anywhere; `withdrawals`
 * keeps the people who left the rest of the year.
 *
 * @example
 * const parsed = AllocationSchema.safeParse(JSON.parse(body));
 * if (parsed.success) console.log(parsed.data.assignments.length);
 */
export const AllocationSchema = z.object({
  assignments: z.array(AssignmentSchema),
  declined: z.array(DeclineSchema).optional(),
  withdrawals: z.array(WithdrawalSchema).optional(),
});
/**
 * An allocation: who sits on which team (`solve`'s `result.allocation`, or `allocation.csv` read back).
 *
 * @example
 * const allocation: Allocation = { assignments: [{ reviewId: "R0412", role: "lead", personId: "L001" }] };
 * console.log(checkAllocation(problem, allocation).valid);
 */
export type Allocation = z.infer<typeof AllocationSchema>;
