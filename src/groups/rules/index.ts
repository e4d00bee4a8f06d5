import { cohortMember } from "./cohort-member.js";
import { facilitatorCapacity } from "./facilitator-capacity.js";
import { facilitatorHub } from "./facilitator-hub.js";
import { facilitatorOwnSchool } from "./facilitator-own-school.js";
import { facilitatorPhase } from "./facilitator-phase.js";
import { facilitatorProgramme } from "./facilitator-programme.js";
import { facilitatorTrust } from "./facilitator-trust.js";
import { groupSize } from "./group-size.js";
import { oneFacilitator } from "./one-facilitator.js";
import { onePhase } from "./one-phase.js";
import { placedOnce } from "./placed-once.js";
import { sameHub } from "./same-hub.js";
import { sameLocality } from "./same-locality.js";
import { sameTrust } from "./same-trust.js";
import type { FacilitatorGroupRule, FacilitatorLoadRule, FacilitatorSchoolRule, GroupRule, GroupShapeRule, SchoolPairRule } from "./types.js";

/**
 * Every group rule, in the order checks report them.
 *
 * @example
 * console.log(GROUP_RULES.map((rule: GroupRule) => rule.id).join(", "));
 */
export const GROUP_RULES: readonly GroupRule[] = [
  cohortMember,
  placedOnce,
  groupSize,
  onePhase,
  sameHub,
  sameLocality,
  sameTrust,
  oneFacilitator,
  facilitatorOwnSchool,
  facilitatorHub,
  facilitatorTrust,
  facilitatorPhase,
  facilitatorProgramme,
  facilitatorCapacity,
];

const ofKind = <K extends GroupRule["kind"]>(kind: K) => GROUP_RULES.filter((r): r is Extract<GroupRule, { kind: K }> => r.kind === kind);

/** The rules by what the engine asks of them. */
export const SCHOOL_PAIR_RULES: readonly SchoolPairRule[] = ofKind("school-pair");
export const GROUP_SHAPE_RULES: readonly GroupShapeRule[] = ofKind("group-shape");
export const FACILITATOR_SCHOOL_RULES: readonly FacilitatorSchoolRule[] = ofKind("facilitator-school");
export const FACILITATOR_GROUP_RULES: readonly FacilitatorGroupRule[] = ofKind("facilitator-group");
export const FACILITATOR_LOAD_RULES: readonly FacilitatorLoadRule[] = ofKind("facilitator-load");

export type { GroupRule, GroupViolation, GroupPlacement, ResolvedGroup, ExceptionKind } from "./types.js";
