import type { Phase, School } from "../../model/schema.js";
import type { CohortIndex, FacilitatorInfo, MemberInfo } from "../cohort.js";
import type { Group } from "../model.js";
import type { GroupPolicy } from "../policy.js";

/**
 * A broken group rule: which rule, where, and what is wrong in plain words.
 *
 * @example
 * const broken: GroupViolation[] = [...checkGroups(cohort, grouping).violations];
 */
export interface GroupViolation {
  readonly rule: string;
  readonly programme: string;
  readonly groupId?: string;
  readonly schoolId?: string;
  readonly facilitatorId?: string;
  readonly message: string;
}

/** A group resolved against its cohort: the members and facilitators its ids name. */
export interface ResolvedGroup {
  readonly group: Group;
  /** `programme/group id`, as messages name a group. */
  readonly label: string;
  /** The group's schools that are members of its programme, in the group's order. */
  readonly members: readonly MemberInfo[];
  readonly facilitators: readonly FacilitatorInfo[];
  readonly phases: ReadonlySet<Phase>;
}

/** A grouping resolved against its cohort. */
export interface GroupPlacement {
  readonly index: CohortIndex;
  readonly groups: readonly ResolvedGroup[];
}

interface RuleBase {
  /** The rule's file name, used in messages and tests. */
  readonly id: string;
  /** One sentence in the users' words. */
  readonly summary: string;
  /** Every violation of this rule in a placement. */
  readonly check: (placement: GroupPlacement) => GroupViolation[];
}

/** A rule about two schools of one group: the engine only forms groups of compatible schools. */
export interface SchoolPairRule extends RuleBase {
  readonly kind: "school-pair";
  readonly allows: (a: School, b: School) => boolean;
}

/** A rule about a group's size or phases: the engine enumerates only groups it allows. */
export interface GroupShapeRule extends RuleBase {
  readonly kind: "group-shape";
  /** Whether a group of these schools may exist at all, and whether it uses up an exception. */
  readonly shape: (policy: GroupPolicy, schools: readonly School[]) => { readonly allowed: boolean; readonly exception?: ExceptionKind };
  /** The sizes the rule lets a group have at all (the engine enumerates only these). */
  readonly sizes?: (policy: GroupPolicy) => { readonly min: number; readonly max: number };
  /** Whether two schools may ever share a group under the rule (the engine's pair filter). */
  readonly mayJoin?: (policy: GroupPolicy, a: School, b: School) => boolean;
}

/** The policy's "least-bad options": groups outside the usual shape, limited per programme. */
export type ExceptionKind = "oversize" | "mixed-phase";

/** A rule about a facilitator and one school of their group (own school, hub, trust). */
export interface FacilitatorSchoolRule extends RuleBase {
  readonly kind: "facilitator-school";
  readonly allows: (facilitator: FacilitatorInfo, school: School) => boolean;
}

/** A rule about a facilitator and a whole group (its phases, its programme). */
export interface FacilitatorGroupRule extends RuleBase {
  readonly kind: "facilitator-group";
  readonly allows: (facilitator: FacilitatorInfo, programme: string, phases: ReadonlySet<Phase>) => boolean;
}

/** A rule about a facilitator's whole load. */
export interface FacilitatorLoadRule extends RuleBase {
  readonly kind: "facilitator-load";
  readonly capacity: (facilitator: FacilitatorInfo) => number;
}

/** A rule the engine keeps by construction (each school placed once, known ids, one facilitator). */
export interface StructureRule extends RuleBase {
  readonly kind: "structure";
}

/**
 * A group rule: one of the shapes the checker and the engine read (see `GROUP_RULES`).
 *
 * @example
 * for (const rule of GROUP_RULES) console.log(rule.id);
 */
export type GroupRule = SchoolPairRule | GroupShapeRule | FacilitatorSchoolRule | FacilitatorGroupRule | FacilitatorLoadRule | StructureRule;

/** The pairs of a group's members, each once, in the group's order. */
export function memberPairs(group: ResolvedGroup): [MemberInfo, MemberInfo][] {
  const pairs: [MemberInfo, MemberInfo][] = [];
  group.members.forEach((a, i) => group.members.slice(i + 1).forEach((b) => pairs.push([a, b])));
  return pairs;
}

/** The violation's place: `programme`, and the group when there is one. */
export function at(group: ResolvedGroup): { programme: string; groupId: string } {
  return { programme: group.group.programme, groupId: group.group.groupId };
}
