import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import type { Placement } from "./placement.js";

export type { Placement } from "./placement.js";

/**
 * A broken hard rule: which rule, where, and what is wrong in plain words.
 *
 * @example
 * for (const v of checkAllocation(problem, allocation).violations) console.log(`${v.rule} ${v.reviewId ?? ""} ${v.personId ?? ""}: ${v.message}`);
 */
export interface Violation {
  readonly rule: string;
  readonly reviewId?: string;
  readonly personId?: string;
  readonly message: string;
}

/**
 * What an engine knows when it considers one more seat: each person's reviews and each team as
 * they stand (an engine's working roster, or a placement).
 */
export interface SeatState {
  duties(person: PersonInfo): readonly ReviewInfo[];
  peers(review: ReviewInfo): readonly PersonInfo[];
  leads(review: ReviewInfo): readonly PersonInfo[];
}

interface RuleBase {
  /** The rule's file name, used in messages, tests and `explain`. */
  readonly id: string;
  /** One sentence in the users' words. */
  readonly summary: string;
  /** Every violation of this rule in a placement. */
  readonly check: (placement: Placement) => Violation[];
}

/**
 * A rule about one person and one review alone (locality, availability, conflicts...). The
 * engines' candidate lists are built from `allows` (through `allowedPair` and `allowedBy`),
 * `explain` narrows a seat's candidates with it, and the checker's `check` and `refuse` come
 * from the same test (see `pairRule`), so no engine offers a seat the checker would reject.
 */
export interface PairRule extends RuleBase {
  readonly kind: "pair";
  /** Seats the rule applies to. */
  readonly roles: readonly Role[];
  /** Whether a reviewer's verdict depends only on their school (`school`) or on them (`person`). */
  readonly basis: "school" | "person";
  /**
   * Whether the rule tests `review` at all (the locality rules apply to the kinds whose policy
   * names them); `explain`'s funnel lists only the rules that apply.
   */
  readonly applies: (year: Year, review: ReviewInfo) => boolean;
  /** Whether the rule lets `person` sit on `review` (the fast test the engines' candidate lists use). */
  readonly allows: (year: Year, person: PersonInfo, review: ReviewInfo) => boolean;
  /** Why `person` may not sit on `review`, or `undefined` when this rule allows it. */
  readonly refuse: (year: Year, person: PersonInfo, review: ReviewInfo) => string | undefined;
}

/** What a pair rule states: the test, and the words for a refusal. */
export interface PairRuleSpec {
  readonly id: string;
  readonly summary: string;
  readonly roles: readonly Role[];
  /**
   * `school`: for a reviewer the verdict depends only on their school (so engines may ask once
   * per school and review); `person`: on the person themself.
   */
  readonly basis: "school" | "person";
  /** Which reviews the rule tests (default: every review); `allows` is asked only of those. */
  readonly applies?: (year: Year, review: ReviewInfo) => boolean;
  readonly allows: (year: Year, person: PersonInfo, review: ReviewInfo) => boolean;
  /** The reason, in plain words, when `allows` is false ("is from the host's hub HUB07"). */
  readonly reason: (year: Year, person: PersonInfo, review: ReviewInfo) => string;
}

/**
 * A rule about a whole team or a person's whole programme (overlap, capacity, team size, one
 * Lead Reviewer, advanced seat). Its module states it once: `check` for the checker, `admits`
 * (where the rule can be asked seat by seat) for every engine's and `explain`'s seat test, and
 * the numbers the flows and the MIP are built from as exported functions beside it.
 */
export interface AllocationRule extends RuleBase {
  readonly kind: "allocation";
  /** Whether `person` may take one more `role` seat on `review` as `state` stands. */
  readonly admits?: (state: SeatState, person: PersonInfo, review: ReviewInfo, role: Role) => boolean;
  /** Whether the rule limits `review`'s team at all (the composition caps: where its kind sets one). */
  readonly applies?: (review: ReviewInfo) => boolean;
  /**
   * The MIP rows the rule adds to one review's peer team: among `options` (the team's pair
   * columns) with `staying` already on it, each row a set of columns summing to at most `upper`.
   */
  readonly teamRows?: (review: ReviewInfo, options: readonly TeamOption[], staying: readonly PersonInfo[]) => TeamRow[];
}

/** A person who may join a team in a MIP, and their pair column. */
export interface TeamOption {
  readonly column: number;
  readonly person: PersonInfo;
}

/** One row of a team: these columns sum to at most `upper`. */
export interface TeamRow {
  readonly columns: readonly number[];
  readonly upper: number;
}

/**
 * A hard rule: a pair rule (who may sit on which review) or a rule about a team or a programme (docs/rules.md).
 *
 * @example
 * for (const rule of RULES) console.log(`${rule.id}: ${rule.summary}`);
 */
export type Rule = PairRule | AllocationRule;

const always = () => true;

/** Builds a pair rule whose `refuse` and `check` both come from its one `allows` test (asked where the rule `applies`). */
export function pairRule(spec: PairRuleSpec): PairRule {
  const applies = spec.applies;
  const allows = applies ? (year: Year, person: PersonInfo, review: ReviewInfo) => !applies(year, review) || spec.allows(year, person, review) : spec.allows;
  const refuse = (year: Year, person: PersonInfo, review: ReviewInfo) => (allows(year, person, review) ? undefined : spec.reason(year, person, review));
  return {
    id: spec.id,
    summary: spec.summary,
    roles: spec.roles,
    basis: spec.basis,
    applies: applies ?? always,
    allows,
    refuse,
    kind: "pair",
    check: ({ year, teams }) => {
      const found: Violation[] = [];
      for (const review of year.reviews) {
        const team = teams.get(review.id);
        if (!team) continue;
        for (const [role, people] of [["lead", team.leads], ["peer", team.peers]] as const) {
          if (!spec.roles.includes(role)) continue;
          for (const person of people) {
            const reason = refuse(year, person, review);
            if (reason !== undefined) {
              found.push({ rule: spec.id, reviewId: review.id, personId: person.id, message: `${review.id}: ${role === "lead" ? "Lead Reviewer" : "reviewer"} ${person.id} ${reason}` });
            }
          }
        }
      }
      return found;
    },
  };
}
