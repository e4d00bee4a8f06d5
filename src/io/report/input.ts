import type { CheckResult } from "../../check.js";
import type { Explanation } from "../../explain.js";
import type { Allocation } from "../../model/schema.js";
import type { Year } from "../../model/year.js";
import type { StandbyRow } from "../../plan/standby.js";
import type { SolveResult } from "../../solver/index.js";
import type { SchoolReach } from "../../years/reach.js";
import type { Shortage } from "../../plan/shortage.js";
import type { WhoLosesOut } from "../../plan/who-loses-out.js";

/** What a report shows: the year, an allocation, the checker's verdict, and the solve if there was one. */
export interface ReportInput {
  readonly year: Year;
  readonly allocation: Allocation;
  /** The checker's result for `allocation`: every figure on the report is taken from it. */
  readonly check: CheckResult;
  /** The solve that produced the allocation, for the upper bound, the gap and the engine. */
  readonly solve?: SolveResult;
  readonly title?: string;
  /**
   * The explanation of the empty seats (`explain(year, allocation)`), computed by the caller:
   * the report only formats it.
   */
  readonly explanation: Explanation;
  /**
   * Show the partnership's published figures (89% full teams in 2017-18, ...) beside this
   * year's: only for a year of that partnership (`qar solve --compare-published`). Default: no.
   */
  readonly comparePublished?: boolean;
  /** Each school's target against what its reviewers can give (`reciprocityReach(year)`), when the caller has it. */
  readonly reach?: readonly SchoolReach[];
  /** The shortage sheet (`shortageSheet`): the report's first section says what would fill the empty seats. */
  readonly shortage?: Shortage;
  /** Who loses out (`whoLosesOut`): teams by phase, size and hub, schools sending without a team, fairness. */
  readonly losers?: WhoLosesOut;
  /** The teams' standby lists (`standbyList(year, allocation)`), when the caller has them. */
  readonly standby?: readonly StandbyRow[];
}
