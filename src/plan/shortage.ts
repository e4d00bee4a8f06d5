/**
 * The shortage sheet: what would fill the empty seats, in the units a director recruits in.
 * Each line is a change of supply — so many advanced reviewer-reviews in a week, so many
 * reviewer-reviews, so many Lead Reviewer days, an existing advanced reviewer taking one more
 * review, a date move — with the seats it would fill, two ways:
 *
 * - at least (`seats`): a valid allocation with that supply fills so many more seats than this
 *   one: this allocation with the new people placed and free reviewers joining their teams,
 *   checked seat by seat by the allocation rules;
 * - at most (`seatsAtMost`): the seat bound asked again with the supply added (the Lead
 *   Reviewer flow, the peer flow, and the advanced bound, a matroid greedy that is cheap to
 *   recompute), less the seats this allocation fills.
 *
 * Where the two meet the line is `proven`: exactly that many seats, no more, no fewer.
 */
import { emptySeatCounts, type EmptySeatCounts } from "../check.js";
import type { Allocation, Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff } from "../rules/index.js";
import { place } from "../rules/placement.js";
import { advancedBoundWith, advancedPart, peerFlowBound, type AdvancedSupply } from "../solver/bound.js";
import { findCandidates } from "../solver/candidates.js";
import { leadNetwork, SINK, SOURCE } from "../solver/network.js";
import { createRoster, rosterOf, type Roster } from "../solver/roster.js";
import { moveLines } from "./shortage/date-moves.js";
import { byWeek, SHORTAGE_LIMITS, type Change, type Sheet, type ShortageRow } from "./shortage/lines.js";
import { advancedRecruitLines, leadRecruitLines, reviewerRecruitLines } from "./shortage/recruits.js";
import { secondReviewCandidates, secondReviewLines } from "./shortage/second-reviews.js";
import { eligibleFor, trial } from "./shortage/supply.js";

export { SHORTAGE_LIMITS, type ShortageAction, type ShortageRow } from "./shortage/lines.js";

/**
 * The shortage sheet of an allocation: the empty seats counted, the advanced reviewers'
 * staffing against the teams that need one, and the lines.
 *
 * @example
 * const { empty, advanced, rows }: Shortage = await shortageSheet(result.year, result.allocation);
 * console.log(`${advanced.short} more advanced reviewer-reviews needed; ${rows.length} lines`);
 */
export interface Shortage {
  readonly empty: EmptySeatCounts;
  /**
   * Advanced reviewer-places against teams: `teams` need an advanced reviewer, no allocation
   * staffs more than `staffed` of them (one advanced reviewer-review each), so `short` more
   * advanced reviewer-reviews are needed before every team can have one; `unreached` is the
   * certificate (teams whose possible advanced reviewers can give only `unreachedPlaces`).
   */
  readonly advanced: { readonly teams: number; readonly staffed: number; readonly short: number; readonly unreached: readonly string[]; readonly unreachedPlaces: number };
  readonly rows: readonly ShortageRow[];
  /** The run's time limit came first (`ShortageOptions.shouldStop`): nothing was measured, `advanced` and `rows` are empty. */
  readonly skipped?: boolean;
}

/**
 * Options of the shortage sheet.
 *
 * @example
 * const sheet = await shortageSheet(result.year, result.allocation, { bound: result.bound, moves: false } satisfies ShortageOptions);
 */
export interface ShortageOptions {
  /** Look for date moves of reviews with a `window` (default: when any review has one). */
  readonly moves?: boolean;
  /**
   * The solve's seat bound, when there was a solve: where the advanced bound is the binding one
   * (`method: "advanced"`) the peer flow bound is not asked again (it would prove nothing more).
   */
  readonly bound?: { readonly method: string };
  /** Keep each line's allocation with its supply (`ShortageRow.witness`), to check the sheet's claims. */
  readonly witnesses?: boolean;
  /**
   * Asked before each step and each line is measured: when it says stop, the sheet is `skipped`
   * (a run's time limit reached; on a year of 4,250 reviews with many empty seats the lines
   * take minutes), never half measured.
   */
  readonly shouldStop?: () => boolean;
}

/**
 * The shortage sheet of `allocation`: for each week, the advanced reviewer-reviews, the
 * reviewer-reviews and the Lead Reviewer days that would fill its empty seats; the advanced
 * reviewers at their maximum who could staff a team with one more review; the date moves of
 * reviews with a `window` (with `moves`); each with the seats it would fill, at least and at
 * most, and an `all` line per action for everything together.
 *
 * @example
 * const sheet = await shortageSheet(result.year, result.allocation);
 * for (const row of sheet.rows) console.log(`${row.action} ${row.week}: ${row.amount} ${row.unit} → ${row.seats} seats`);
 */
export async function shortageSheet(year: Year, allocation: Allocation, options: ShortageOptions = {}): Promise<Shortage> {
  const base = shortageWithoutMoves(year, allocation, options);
  if (base.skipped || options.moves === false || !year.reviews.some((r) => (r.review.window?.length ?? 0) > 0)) return base;
  return { ...base, rows: [...base.rows, ...(await moveLines(year))] };
}

/** The empty seats of an allocation, and its teams by what they lack. */
function teamsShort(year: Year, allocation: Allocation) {
  const placement = place(year, allocation);
  const filled = { lead: 0, peer: 0 };
  /** Teams without peers for want of an advanced reviewer. */
  const unstaffed: ReviewInfo[] = [];
  /** Other teams short of peers. */
  const shortTeams: ReviewInfo[] = [];
  const noLead: ReviewInfo[] = [];
  const unfilled: { reviewId: string; role: Role; missing: number }[] = [];
  for (const review of year.reviews) {
    const team = placement.teams.get(review.id);
    const peers = Math.min(review.peerSeats, team?.peers.length ?? 0);
    const lead = Math.min(1, team?.leads.length ?? 0);
    filled.lead += lead;
    filled.peer += peers;
    if (lead === 0) {
      noLead.push(review);
      unfilled.push({ reviewId: review.id, role: "lead", missing: 1 });
    }
    if (peers < review.peerSeats) unfilled.push({ reviewId: review.id, role: "peer", missing: review.peerSeats - peers });
    if (peers === 0 && review.peerSeats > 0 && advancedToStaff(year, review) > 0) unstaffed.push(review);
    else if (peers < review.peerSeats) shortTeams.push(review);
  }
  return { filled, unstaffed, shortTeams, noLead, unfilled };
}

/** The sheet without date moves: no solve of its own, so it runs synchronously (the files of `solveOutputs`). */
export function shortageWithoutMoves(year: Year, allocation: Allocation, options: Pick<ShortageOptions, "bound" | "witnesses" | "shouldStop"> = {}): Shortage {
  const { filled, unstaffed, shortTeams, noLead, unfilled } = teamsShort(year, allocation);
  const skipped = (): Shortage => ({ empty: emptySeatCounts(year, unfilled), advanced: { teams: 0, staffed: 0, short: 0, unreached: [], unreachedPlaces: 0 }, rows: [], skipped: true });
  if (options.shouldStop?.() === true) return skipped();
  try {
    return measuredSheet(year, allocation, { filled, unstaffed, shortTeams, noLead, unfilled }, options);
  } catch (error) {
    // A sheet stopped half-way states nothing: every line is measured or none is.
    if (error === STOPPED) return skipped();
    throw error;
  }
}

/** Thrown through the lines when the run's time limit comes while they are measured. */
const STOPPED = Symbol("stopped");

function measuredSheet(year: Year, allocation: Allocation, { filled, unstaffed, shortTeams, noLead, unfilled }: ReturnType<typeof teamsShort>, options: Pick<ShortageOptions, "bound" | "witnesses" | "shouldStop">): Shortage {
  const stopHere = () => {
    if (options.shouldStop?.() === true) throw STOPPED;
  };
  const roster = rosterOf(year, allocation);
  const part = advancedPart(year);
  const emptyPart = createRoster(part.year);
  const leadBound = leadNetwork(part.year, part.candidates, emptyPart).net.maxFlow(SOURCE, SINK);
  const peerSeats = year.reviews.reduce((n, r) => n + r.peerSeats, 0);
  // The peer flow bound, asked for only when a line needs it.
  let peerFlowSeats: number | undefined;
  const peerFlow = () => (peerFlowSeats ??= peerFlowBound(year, findCandidates(year), createRoster(year)).total);
  const eligible = eligibleFor(year, [...unstaffed, ...shortTeams]);
  stopHere();

  // The supplies to bound, all at once on one network: each week's recruits, each person's one more review, and the totals.
  const advancedWeeks = byWeek(unstaffed);
  const weekReviews = byWeek(year.reviews);
  const recruitGroups = new Map([...advancedWeeks].map(([week, teams]) => [week, { reviews: weekReviews.get(week)!, places: teams.reduce((n, t) => n + advancedToStaff(year, t), 0) }]));
  const allowed = (person: PersonInfo) => (part.candidates.byPerson.get(`peer:${person.id}`) ?? []).map((c) => c.review);
  const seconds = secondReviewCandidates(year, roster, { unstaffed, eligible, allowed });
  const exactPeople = seconds.slice(0, SHORTAGE_LIMITS.personBounds);
  const partPerson = (p: PersonInfo) => part.year.people.peer.get(p.id)!;
  const supplies: AdvancedSupply[] = [
    {},
    ...[...recruitGroups.values()].map((g) => ({ recruits: [g] })),
    { recruits: [...recruitGroups.values()] },
    ...exactPeople.map((s) => ({ oneMore: [partPerson(s.person)] })),
    { oneMore: seconds.map((s) => partPerson(s.person)) },
  ];
  stopHere();
  const [now, ...rest] = advancedBoundWith(part.year, part.candidates, emptyPart, supplies);
  stopHere();
  const weekBounds = rest.slice(0, recruitGroups.size);
  const allRecruits = rest[recruitGroups.size]!;
  const personBounds = rest.slice(recruitGroups.size + 1, recruitGroups.size + 1 + exactPeople.length);
  const allSeconds = rest[recruitGroups.size + 1 + exactPeople.length]!;

  // At most: the peer seats the bound allows with `extra` more peer places and the advanced
  // bound `advanced`, less those filled. The advanced bound covers the teams that need an
  // advanced reviewer; the others (a kind with no advanced seat, a TPR) hold at most their seats.
  const withoutAdvanced = year.reviews.filter((r) => advancedToStaff(year, r) === 0).reduce((n, r) => n + r.peerSeats, 0);
  const peerAtMost = (extra: number, advanced: number, needFlow: boolean) =>
    Math.max(0, Math.min(peerSeats, advanced + withoutAdvanced, needFlow ? peerFlow() + extra : Infinity) - filled.peer);
  const flowMayHelp = options.bound?.method !== "advanced";
  const atMost = (seats: number, extra: number, advanced: number) => {
    const cheap = peerAtMost(extra, advanced, peerFlowSeats !== undefined);
    return cheap <= seats || !flowMayHelp ? cheap : peerAtMost(extra, advanced, true);
  };
  // The allocation a change leaves, for the witnesses; nothing without them.
  const witnessOf = (change: Change, oneMore?: readonly string[]) => {
    stopHere();
    const into: { witness?: ShortageRow["witness"] } = {};
    const keep = options.witnesses ? (r: Roster) => (into.witness = { allocation: r.toAllocation(), ...(oneMore ? { oneMore } : {}) }) : undefined;
    return { seats: trial(roster, change, keep), witness: into.witness };
  };
  const sheet: Sheet = { year, roster, eligible, unstaffed, now: now!, peerSeats, atMost, witnessOf, witnesses: options.witnesses === true };

  const weeks = [...advancedWeeks].map(([week, teams], i) => ({ week, teams, places: recruitGroups.get(week)!.places, bound: weekBounds[i]!.seats }));
  const rows = [
    ...advancedRecruitLines(sheet, weeks, { bound: allRecruits.seats }),
    ...reviewerRecruitLines(sheet, shortTeams),
    ...leadRecruitLines(sheet, noLead, (n) => Math.max(0, leadBound + n - filled.lead)),
    ...secondReviewLines(sheet, seconds, { personBounds, all: allSeconds }),
  ];
  return {
    empty: emptySeatCounts(year, unfilled),
    advanced: { teams: now!.teams, staffed: now!.staffed, short: now!.teams - now!.staffed, unreached: now!.unreached.map((r) => r.id), unreachedPlaces: now!.unreachedPlaces },
    rows,
  };
}
