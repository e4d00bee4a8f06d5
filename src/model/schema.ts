import { z } from "zod";
import { parseDay } from "./dates.js";

/** School phases, as the partnership's roster names them (lower case). */
export const PHASES = ["primary", "secondary", "all-through", "middle", "special", "ap", "nursery"] as const;
export const PhaseSchema = z.enum(PHASES);
/** A school phase. */
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
export type SeatBand = z.infer<typeof SeatBandSchema>;

/** Reviewer levels, lowest first. Every level fills a peer seat; only `advanced` counts for the advanced-seat rule. */
export const LEVELS = ["trainee", "reviewer", "advanced"] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

/** The two kinds of seat on a review team. */
export const ROLES = ["lead", "peer"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const id = z.string().trim().min(1, "must not be blank");
/** A strict ISO date `YYYY-MM-DD` that exists in the calendar. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD", abort: true })
  .refine((text) => parseDay(text) !== undefined, { message: "must be a real date written YYYY-MM-DD" });

/** An inclusive date range; a single date has `from === to`. */
export const DateRangeSchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((range) => (parseDay(range.from) ?? 0) <= (parseDay(range.to) ?? 0), {
    message: "range ends before it starts",
  });
export type DateRange = z.infer<typeof DateRangeSchema>;

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** A member school. Blank hub, locality or trust is `undefined` and equals nothing. */
export const SchoolSchema = z.object({
  id,
  name: z.string(),
  hub: z.string().optional(),
  locality: z.string().optional(),
  trust: z.string().optional(),
  phase: PhaseSchema,
  pupils: z.number().int().nonnegative(),
  lat: latitude.optional(),
  lon: longitude.optional(),
  /** Places the school owes (+) or is owed (−) from earlier years; only from explicit input. */
  carryOver: z.number().int().default(0),
  /** Postal address and postcode, for letters and calendar entries (optional). */
  address: z.string().optional(),
  postcode: z.string().optional(),
  /** Where the school's letters go (optional; carried to letters.csv). */
  email: z.string().optional(),
});
export type School = z.infer<typeof SchoolSchema>;

/** A peer reviewer: a headteacher or senior leader of a member school. */
export const ReviewerSchema = z.object({
  id,
  name: z.string(),
  schoolId: id,
  level: LevelSchema,
  /** Phases the reviewer knows; empty means no restriction. */
  phases: z.array(PhaseSchema).default([]),
  available: z.array(DateRangeSchema).default([]),
  /** Blank in the CSV means the policy's `defaultMaxReviews`. */
  maxReviews: z.number().int().nonnegative().optional(),
  conflicts: z.array(id).default([]),
  /** Preferred review ids or hub names (soft). */
  prefers: z.array(z.string()).default([]),
  /** The kinds of review the reviewer serves (`qar`, `tpr`...); absent or empty means `qar` only. */
  kinds: z.array(z.string()).optional(),
  /** Where the reviewer's letters go (optional; carried to letters.csv). */
  email: z.string().optional(),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

/** An independent Lead Reviewer: belongs to no member school. */
export const LeadReviewerSchema = z.object({
  id,
  name: z.string(),
  available: z.array(DateRangeSchema).default([]),
  maxReviews: z.number().int().nonnegative().optional(),
  phases: z.array(PhaseSchema).default([]),
  conflicts: z.array(id).default([]),
  lat: latitude.optional(),
  lon: longitude.optional(),
  /** The kinds of review the Lead Reviewer leads (`qar`, `tpr`...); absent or empty means `qar` only. */
  kinds: z.array(z.string()).optional(),
  /** Where the Lead Reviewer's letters go (optional; carried to letters.csv). */
  email: z.string().optional(),
});
export type LeadReviewer = z.infer<typeof LeadReviewerSchema>;

/**
 * A review: a visit of `days` consecutive days from `start` to the host, a school or (for a
 * kind hosted by a trust, such as a Trust Peer Review) a trust.
 */
export const ReviewSchema = z.object({
  id,
  /** The host school; absent for a review of a trust (then `trustId` names the host). */
  schoolId: id.optional(),
  /** The kind of review (a key of the policy's `kinds`); absent means `qar`. */
  kind: z.string().optional(),
  /** The host trust of a review whose kind is hosted by a trust (a TPR). */
  trustId: id.optional(),
  start: IsoDateSchema,
  days: z.number().int().min(1).max(31).default(3),
  /** Peer seats; `undefined` means the policy's band table decides. */
  seats: z.number().int().nonnegative().optional(),
  /**
   * Dates the school would accept for its review (`qar plan` proposes moves inside them);
   * absent: the dates are fixed.
   */
  window: z.array(DateRangeSchema).optional(),
});
export type Review = z.infer<typeof ReviewSchema>;

/** One line of last years' teams, for the variety goal (no repeat reviewer at a school). */
export const HistoryEntrySchema = z.object({
  year: z.string(),
  reviewSchoolId: id,
  personId: id,
  role: RoleSchema,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/**
 * One school's reciprocity in one closed year (`ledger-years.csv`), counted by attendance:
 * `received` peer places filled at its own review(s), `sent` places its reviewers filled
 * elsewhere, `balance = sent − received` (negative: it owes), and the carry-over it took into
 * the next year (positive: it owes).
 */
export const LedgerYearSchema = z.object({
  year: z.string(),
  schoolId: id,
  received: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  balance: z.number().int(),
  carryOverAfter: z.number().int(),
});
export type LedgerYear = z.infer<typeof LedgerYearSchema>;

/** A user's decision made before solving: this person must (`fix`) or must not (`forbid`) sit on this review. */
export const PinSchema = z.object({
  reviewId: id,
  personId: id,
  role: RoleSchema,
  kind: z.enum(["fix", "forbid"]),
});
export type Pin = z.infer<typeof PinSchema>;

/**
 * Where an offered seat stands in the season: `proposed` (offered, not yet answered; what
 * `solve` writes) or `confirmed` (the person said yes: no command moves or removes it unless
 * the user says so explicitly). A seat the person declined is no assignment at all: it is kept
 * in the allocation's `declined` list.
 */
export const ASSIGNMENT_STATUSES = ["proposed", "confirmed"] as const;
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatusSchema>;

/** Version of a duty's calendar event (iCalendar `SEQUENCE`): raised each time the event changes. */
const sequence = z.number().int().nonnegative();

/** One person in one seat. No `status` means `proposed`; no `sequence` means 0. */
export const AssignmentSchema = z.object({
  reviewId: id,
  role: RoleSchema,
  personId: id,
  status: AssignmentStatusSchema.optional(),
  sequence: sequence.optional(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/**
 * Why a seat was given up: the person `declined` the offer, or `withdrew` from it later
 * (`withdrawn`, a `withdraw` change of `qar repair`).
 */
export const GIVEN_UP_STATUSES = ["declined", "withdrawn"] as const;

/**
 * A seat the person declined or withdrew from (`status`, absent means `declined`): it fills no
 * seat (the checker never sees it) and the person is never offered that review again.
 */
export const DeclineSchema = z.object({ reviewId: id, role: RoleSchema, personId: id, sequence: sequence.optional(), status: z.enum(GIVEN_UP_STATUSES).optional() });
export type Decline = z.infer<typeof DeclineSchema>;

/**
 * A person offered nothing new from `from` on (absent: the whole year): `withdrawn` (absent
 * means so) when they left the rest of the year, their seats from then on given up (`withdrawn`
 * entries of `declined`; earlier seats took place and stay); `declined` when they declined an
 * offer and are not to be asked again this year (`qar respond --no-reoffer`): they keep the
 * seats they hold.
 */
export const WithdrawalSchema = z.object({ personId: id, role: RoleSchema, from: IsoDateSchema.optional(), status: z.enum(GIVEN_UP_STATUSES).optional() });
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

/**
 * An allocation: who sits on which team. Empty seats have no assignment; declined and withdrawn
 * seats are kept apart, in `declined`, so that they count as no seat anywhere; `withdrawals`
 * keeps the people who left the rest of the year.
 */
export const AllocationSchema = z.object({
  assignments: z.array(AssignmentSchema),
  declined: z.array(DeclineSchema).optional(),
  withdrawals: z.array(WithdrawalSchema).optional(),
});
export type Allocation = z.infer<typeof AllocationSchema>;
