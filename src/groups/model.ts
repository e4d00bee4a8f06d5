import { z } from "zod";
import { PhaseSchema, SchoolSchema } from "../model/schema.js";
import { GroupPolicySchema } from "./policy.js";

const id = z.string().trim().min(1, "must not be blank");

/** One school taking part in one programme (a row of `cohort.csv`). */
export const CohortMemberSchema = z.object({ schoolId: id, programme: id });
export type CohortMember = z.infer<typeof CohortMemberSchema>;

/**
 * A practitioner facilitator who leads a group's visit days. `schoolId`, `hub` and `trust` may
 * be blank (a retired head belongs to none); blank `phases` or `programmes` mean any.
 */
export const FacilitatorSchema = z.object({
  id,
  name: z.string(),
  schoolId: z.string().optional(),
  hub: z.string().optional(),
  trust: z.string().optional(),
  phases: z.array(PhaseSchema).default([]),
  /** Blank in the CSV means the policy's `defaultMaxGroups`. */
  maxGroups: z.number().int().nonnegative().optional(),
  programmes: z.array(z.string()).default([]),
});
export type Facilitator = z.infer<typeof FacilitatorSchema>;

/** One school of one past group (a row of `history.csv`), for the fresh-pairs goal. */
export const PastGroupSchema = z.object({ year: z.string(), programme: z.string(), groupId: z.string(), schoolId: id });
export type PastGroup = z.infer<typeof PastGroupSchema>;

/** Everything a grouping depends on: a cohort folder, read. */
export const CohortSchema = z.object({
  schools: z.array(SchoolSchema),
  members: z.array(CohortMemberSchema),
  facilitators: z.array(FacilitatorSchema).default([]),
  history: z.array(PastGroupSchema).default([]),
  policy: GroupPolicySchema,
});
export type Cohort = z.infer<typeof CohortSchema>;
/** A cohort as a caller may write it: defaults may be left out. */
export type CohortInput = z.input<typeof CohortSchema>;

/** A standing group of one programme: its schools and (when one could be found) its facilitator. */
export const GroupSchema = z.object({
  programme: id,
  groupId: id,
  schoolIds: z.array(id),
  /** More than one only in a hand-edited file; the `one-facilitator` rule reports it. */
  facilitatorIds: z.array(id).default([]),
});
export type Group = z.infer<typeof GroupSchema>;

/** A school the grouping leaves out, and why in plain words. */
export const UnplacedSchema = z.object({ programme: id, schoolId: id, reason: z.string() });
export type Unplaced = z.infer<typeof UnplacedSchema>;

/** The groups of every programme of a cohort, and the schools left out. */
export const GroupingSchema = z.object({ groups: z.array(GroupSchema), unplaced: z.array(UnplacedSchema).default([]) });
export type Grouping = z.infer<typeof GroupingSchema>;
