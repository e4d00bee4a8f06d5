import { z } from "zod";
import { PhaseSchema, SchoolSchema } from "../model/schema.js";
import { GroupPolicySchema } from "./policy.js";

const id = z.string().trim().min(1, "must not be blank");

/**
 * One school taking part in one programme (a row of `cohort.csv`).
 *
 * @example
 * const member = CohortMemberSchema.parse({ schoolId: "S0001", programme: "Growing the Top" });
 */
export const CohortMemberSchema = z.object({ schoolId: id, programme: id });
/**
 * One school taking part in one programme (a row of `cohort.csv`).
 *
 * @example
 * const member: CohortMember = { schoolId: "S0001", programme: "Growing the Top" };
 */
export type CohortMember = z.infer<typeof CohortMemberSchema>;

/**
 * A practitioner facilitator who leads a group's visit days. `schoolId`, `hub` and `trust` may
 * be blank (a retired head belongs to none); blank `phases` or `programmes` mean any.
 *
 * @example
 * const facilitator = FacilitatorSchema.parse({ id: "F01", name: "Sam Patel", phases: ["primary"], maxGroups: 2 });
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
/**
 * A facilitator who leads a group's visit days (`facilitators.csv`).
 *
 * @example
 * const facilitator: Facilitator = { id: "F01", name: "Sam Patel", phases: ["primary"], programmes: [], maxGroups: 2 };
 */
export type Facilitator = z.infer<typeof FacilitatorSchema>;

/**
 * One school of one past group (a row of `history.csv`), for the fresh-pairs goal.
 *
 * @example
 * const past = PastGroupSchema.parse({ year: "2023-24", programme: "Growing the Top", groupId: "G1", schoolId: "S0001" });
 */
export const PastGroupSchema = z.object({ year: z.string(), programme: z.string(), groupId: z.string(), schoolId: id });
/**
 * One school of one past group (a row of a cohort's `history.csv`).
 *
 * @example
 * const history: PastGroup[] = [{ year: "2023-24", programme: "Growing the Top", groupId: "G1", schoolId: "S0001" }];
 */
export type PastGroup = z.infer<typeof PastGroupSchema>;

/**
 * Everything a grouping depends on: a cohort folder, read.
 *
 * @example
 * const cohort = CohortSchema.safeParse(JSON.parse(body));
 * if (cohort.success) console.log((await group(cohort.data)).check.metrics.placed);
 */
export const CohortSchema = z.object({
  schools: z.array(SchoolSchema),
  members: z.array(CohortMemberSchema),
  facilitators: z.array(FacilitatorSchema).default([]),
  history: z.array(PastGroupSchema).default([]),
  policy: GroupPolicySchema,
});
/**
 * A cohort read: its schools, members, facilitators, past groups and policy.
 *
 * @example
 * const cohort: Cohort = { schools, members, facilitators: [], history: [], policy: DEFAULT_GROUP_POLICY };
 * const result = await group(cohort);
 */
export type Cohort = z.infer<typeof CohortSchema>;
/**
 * A cohort as a caller may write it: defaults may be left out.
 *
 * @example
 * const input: CohortInput = { schools, members, policy: DEFAULT_GROUP_POLICY }; // facilitators and history may be left out
 * const cohort = CohortSchema.parse(input);
 */
export type CohortInput = z.input<typeof CohortSchema>;

/**
 * A standing group of one programme: its schools and (when one could be found) its facilitator.
 *
 * @example
 * const g = GroupSchema.parse({ programme: "Growing the Top", groupId: "G1", schoolIds: ["S0001", "S0002", "S0003"] });
 */
export const GroupSchema = z.object({
  programme: id,
  groupId: id,
  schoolIds: z.array(id),
  /** More than one only in a hand-edited file; the `one-facilitator` rule reports it. */
  facilitatorIds: z.array(id).default([]),
});
/**
 * A standing group of one programme (a row of `groups.csv`, its schools together).
 *
 * @example
 * const { grouping } = await group(cohort);
 * for (const g of grouping.groups) console.log(`${g.programme} ${g.groupId}: ${g.schoolIds.join(", ")} with ${g.facilitatorIds[0] ?? "no facilitator"}`);
 */
export type Group = z.infer<typeof GroupSchema>;

/**
 * A school the grouping leaves out, and why in plain words.
 *
 * @example
 * const u = UnplacedSchema.parse({ programme: "Growing the Top", schoolId: "S0009", reason: "only 2 primary schools in Growing the Top" });
 */
export const UnplacedSchema = z.object({ programme: id, schoolId: id, reason: z.string() });
/**
 * A school the grouping leaves out, and why (`unplaced.csv`).
 *
 * @example
 * const { grouping } = await group(cohort);
 * for (const u of grouping.unplaced) console.log(`${u.schoolId}: ${u.reason}`);
 */
export type Unplaced = z.infer<typeof UnplacedSchema>;

/**
 * The groups of every programme of a cohort, and the schools left out.
 *
 * @example
 * const grouping = GroupingSchema.parse(JSON.parse(saved));
 * console.log(checkGroups(cohort, grouping).valid);
 */
export const GroupingSchema = z.object({ groups: z.array(GroupSchema), unplaced: z.array(UnplacedSchema).default([]) });
/**
 * The groups of every programme of a cohort, and the schools left out.
 *
 * @example
 * const grouping: Grouping = (await group(cohort)).grouping;
 * console.log(grouping.groups.length, grouping.unplaced.length);
 */
export type Grouping = z.infer<typeof GroupingSchema>;
