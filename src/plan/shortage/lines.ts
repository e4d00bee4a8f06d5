/**
 * What every line of the shortage sheet shares: its shape, the work limits, and the context
 * each kind of line is measured in (the allocation, who may join which team, the bounds), with
 * the words for weeks, hubs and where a recruit comes from.
 */
import { formatDay, weekStart } from "../../model/dates.js";
import type { Allocation } from "../../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../../model/year.js";
import type { AdvancedStaffing } from "../../solver/bound.js";
import type { Roster } from "../../solver/roster.js";
import type { MoveLimits } from "../moves.js";

/**
 * What a line of the sheet asks for.
 *
 * @example
 * const recruiting = sheet.rows.filter((row) => row.action === ("recruit-advanced" satisfies ShortageAction));
 */
export type ShortageAction = "recruit-advanced" | "recruit-reviewers" | "recruit-lead" | "second-review" | "move-date";

/**
 * One line of the shortage sheet (`shortage.csv`).
 *
 * @example
 * for (const row of (await shortageSheet(result.year, result.allocation)).rows) {
 *   console.log(`${row.week} ${row.action}: ${row.amount} ${row.unit} fill ${row.seats}${row.proven ? "" : `..${row.seatsAtMost}`} seats`);
 * }
 */
export interface ShortageRow {
  readonly action: ShortageAction;
  /** The week (its Monday), or `all` for an action's total over every week. */
  readonly week: string;
  /** The hubs of the reviews' hosts. */
  readonly hubs: readonly string[];
  readonly reviewIds: readonly string[];
  /** For `second-review`: who. */
  readonly personId?: string;
  readonly personName?: string;
  /** How much: advanced reviewer-reviews, reviewer-reviews, Lead Reviewer days, reviews, date moves. */
  readonly amount: number;
  readonly unit: "advanced reviewer-reviews" | "reviewer-reviews" | "Lead Reviewer days" | "more reviews" | "date moves";
  /** Seats a valid allocation with this supply fills beyond this allocation, at least. */
  readonly seats: number;
  /** Seats any allocation with this supply fills beyond this allocation, at most. */
  readonly seatsAtMost: number;
  /** `seats` = `seatsAtMost`: exactly so many. */
  readonly proven: boolean;
  readonly detail: string;
  /**
   * With the option `witnesses`: the allocation behind `seats` — this allocation with the recruits
   * (ids starting `+`, each available on the dates of the review they sit on, one review each;
   * advanced for `recruit-advanced`) and the people of `oneMore` given one more review.
   */
  readonly witness?: { readonly allocation: Allocation; readonly oneMore?: readonly string[] };
}

/** Work limits, so that a sheet is the same on every machine. */
export const SHORTAGE_LIMITS = {
  /** Advanced reviewers whose "one more review" is bounded exactly (the rest by a simpler bound). */
  personBounds: 16,
  /** Uses of one advanced recruit tried (its own week's teams, or a swap with a reviewer there), best estimate first. */
  recruitTrials: 6,
  /** The date-move search inside `qar solve` (`qar plan` searches further). */
  moves: { screens: 600, measuredReviews: 1200, confirms: 4, batch: 3 } satisfies MoveLimits,
} as const;

/** Who may join each team short of peers: every pair rule (and no forbid pin) allows them. */
export type Eligible = ReadonlyMap<ReviewInfo, readonly PersonInfo[]>;

/** A change of supply made on a roster; returns the seats it fills. */
export type Change = (roster: Roster) => number;

/** A line's figures before `proven` is read off them. */
export type Line = Omit<ShortageRow, "proven" | "witness">;

/** What each kind of line is measured in: the allocation, the teams short of people, the bounds. */
export interface Sheet {
  readonly year: Year;
  /** The allocation; a change is tried on it and undone. */
  readonly roster: Roster;
  readonly eligible: Eligible;
  /** Teams without peers for want of an advanced reviewer. */
  readonly unstaffed: readonly ReviewInfo[];
  /** The advanced bound with the supply there is. */
  readonly now: AdvancedStaffing;
  /** Every peer seat of the year. */
  readonly peerSeats: number;
  /** At most: the peer seats beyond this allocation with `extra` more peer places and the advanced bound `advanced`, given `seats` reached. */
  readonly atMost: (seats: number, extra: number, advanced: number) => number;
  /** The seats `change` fills, tried on the roster and undone, and the allocation it left (with the option `witnesses`). */
  readonly witnessOf: (change: Change, oneMore?: readonly string[]) => { seats: number; witness: ShortageRow["witness"] };
  /** Whether the lines keep their witnesses. */
  readonly witnesses: boolean;
}

/** A line of the sheet: `proven` where at least and at most meet. */
export const row = (line: Line, witness?: ShortageRow["witness"]): ShortageRow => ({ ...line, proven: line.seats === line.seatsAtMost, ...(witness ? { witness } : {}) });

/** The Monday of a review's week, as the sheet's `week`. */
export const weekOfReview = (review: ReviewInfo): string => formatDay(weekStart(review.span.from));

/** The hubs of the reviews' hosts, `(none)` for a blank one. */
export const hubsOf = (reviews: readonly ReviewInfo[]): string[] => [...new Set(reviews.map((r) => (r.host.hub?.trim() ? r.host.hub : "(none)")))].sort();

/** Where a recruit for these reviews must come from, in words. */
export const fromWhere = (reviews: readonly ReviewInfo[]): string =>
  reviews.every((r) => r.kind.excludes.hub)
    ? `from beyond the hosts' hubs (${hubsOf(reviews).join(", ")})`
    : `from where each review takes its reviewers (a QAR's from beyond the host's hub, an MLQAR's from within it; hubs ${hubsOf(reviews).join(", ")})`;

/** The reviews by week, in date order (then by index). */
export function byWeek<T extends ReviewInfo>(reviews: readonly T[]): Map<string, T[]> {
  const weeks = new Map<string, T[]>();
  for (const r of [...reviews].sort((a, b) => a.span.from - b.span.from || a.index - b.index)) weeks.set(weekOfReview(r), [...(weeks.get(weekOfReview(r)) ?? []), r]);
  return weeks;
}
