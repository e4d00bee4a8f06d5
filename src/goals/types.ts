import type { Weights } from "../model/policy.js";
import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import type { Placement, SeatState } from "../rules/types.js";

/**
 * Which tier a goal belongs to: seats always come before every other goal; `fairness` (off
 * unless the policy protects teams, `fairness.ts`) comes before the seats.
 */
export type Tier = "fairness" | "seats" | "goals";

/** What an engine's working allocation tells a goal: teams, duties and each account's places sent. */
export interface GoalState extends SeatState {
  /** Places sent for a reciprocity account (a school's id, or a trust's `trustAccount`). */
  sent(account: string): number;
}

/**
 * A goal's part of a scope's MIP: the pair columns of the scope (everything outside it stays as
 * `state` holds it) and a way to add the goal's own columns and rows. `column` makes a column
 * worth `units` of the goal per unit of its value; `derived` gives that value from the pair
 * columns' values (the warm start).
 */
export interface MipTerms {
  readonly year: Year;
  readonly state: GoalState;
  readonly scope: readonly ReviewInfo[];
  /** The scope's peer pair columns. */
  readonly peers: readonly { readonly column: number; readonly person: PersonInfo; readonly review: ReviewInfo }[];
  /** By review index: the column that is 1 when the team is staffed, and the advanced seats it then holds. */
  readonly staffed: ReadonlyMap<number, { readonly column: number; readonly need: number }>;
  /** In the goal's tier: the seats' for `fairness` and `seats` goals, the goals' otherwise. */
  column(units: number, upper: number, derived: (x: (column: number) => number) => number, lower?: number): number;
  /** Adds `units` of the goal to an existing column's worth. */
  price(column: number, units: number): void;
  row(lower: number, upper: number, indices: readonly number[], values: readonly number[]): void;
}

/**
 * A soft goal, stated once: its policy weight, what one unit is, and how many units a pair, an
 * allocation, one more seat and a scope's MIP carry. The checker's metrics, the engines' scores,
 * the greedy engines' seat costs and the MIP's objective are all built from these.
 */
export interface Goal {
  readonly id: string;
  readonly summary: string;
  /** One unit, in words ("a seat held by someone without the host's phase"). */
  readonly unit: string;
  readonly tier: Tier;
  /** The policy weight that prices one unit. */
  readonly weight: keyof Weights;
  /** `reward`: more units are better (seats); `cost`: fewer are better. */
  readonly sense: "reward" | "cost";
  /** Units of one person on one review, for goals that a pair carries alone. */
  readonly pair?: (year: Year, person: PersonInfo, review: ReviewInfo) => number;
  /** The seats a pair goal applies to (default: both). */
  readonly roles?: readonly Role[];
  /** Units of a whole allocation. */
  readonly units: (placement: Placement) => number;
  /** A goal no pair carries alone: the units `person` joining `review` adds to `state`. */
  readonly marginal?: (year: Year, state: GoalState, person: PersonInfo, review: ReviewInfo) => number;
  /** A goal no pair carries alone: its columns and rows in a scope's MIP. */
  readonly mip?: (terms: MipTerms) => void;
}

/** The sum of a pair goal over every seat of a placement. */
export function overSeats(goal: NonNullable<Goal["pair"]>, roles: readonly Role[]): (placement: Placement) => number {
  return (placement) => {
    let total = 0;
    for (const review of placement.year.reviews) {
      const team = placement.teams.get(review.id);
      if (!team) continue;
      if (roles.includes("lead")) for (const lead of team.leads.slice(0, 1)) total += goal(placement.year, lead, review);
      if (roles.includes("peer")) for (const peer of team.peers) total += goal(placement.year, peer, review);
    }
    return total;
  };
}

/** A goal one pair carries alone: a cost per person per review, summed over the seats. */
export function pairGoal(spec: { id: string; summary: string; unit: string; weight: keyof Weights; roles?: readonly Role[]; pair: NonNullable<Goal["pair"]> }): Goal {
  return { ...spec, tier: "goals", sense: "cost", units: overSeats(spec.pair, spec.roles ?? ["lead", "peer"]) };
}
