/**
 * The sheet's second reviews: advanced reviewers already at their maximum who could staff a
 * team without peers with one more review, each with the team they fill most.
 */
import { plural } from "../../model/text.js";
import type { PersonInfo, ReviewInfo, Year } from "../../model/year.js";
import { isAdvanced, peerSeatsLeft, reviewsLeft, seatAdmits } from "../../rules/index.js";
import type { AdvancedStaffing } from "../../solver/bound.js";
import type { Roster } from "../../solver/roster.js";
import { hubsOf, row, weekOfReview, type Eligible, type Sheet, type ShortageRow } from "./lines.js";
import { copyOf, fillWithFree, trial } from "./supply.js";

/** An advanced reviewer at their maximum who could staff a team without peers with one more review. */
export interface SecondReview {
  readonly person: PersonInfo;
  /** The teams without peers they may join (every rule, their maximum raised by one). */
  readonly options: readonly ReviewInfo[];
  /** The one that fills most, and how many seats (constructed). */
  readonly best: ReviewInfo;
  readonly seats: number;
  /** The largest team they may sit on at all (for the simple bound). */
  readonly largestTeam: number;
}

/** The person with one more review allowed: same id, so the roster's duties are theirs. */
const withOneMore = (person: PersonInfo): PersonInfo => ({ ...person, maxReviews: person.maxReviews + 1 });

/**
 * The team of `options` that `person`, taking one more review, fills most with free reviewers
 * beside them, and its seats. A team can hold at most 1 + the free reviewers who may join it,
 * so the teams are tried in that order and the search stops when a trial meets the next estimate.
 * `free` counts, per team, who may join it in this roster (shared between people).
 */
function bestTeamFor(roster: Roster, person: PersonInfo, options: readonly ReviewInfo[], eligible: Eligible, free = new Map<ReviewInfo, number>()): { team: ReviewInfo; seats: number } | undefined {
  const raised = withOneMore(person);
  // Who may join a team does not depend on `person` (at their maximum, they are not among them): counted once per roster.
  const freeOn = (team: ReviewInfo) => free.get(team) ?? free.set(team, (eligible.get(team) ?? []).filter((q) => roster.canTake(q, team)).length).get(team)!;
  const estimate = (team: ReviewInfo) => Math.min(peerSeatsLeft(team, roster.peers(team).length), 1 + freeOn(team));
  const ranked = options
    .filter((team) => roster.peers(team).length === 0 && seatAdmits(roster, raised, team, "peer"))
    .map((team) => ({ team, most: estimate(team) }))
    .sort((a, b) => b.most - a.most || a.team.index - b.team.index);
  let best: { team: ReviewInfo; seats: number } | undefined;
  for (const { team, most } of ranked) {
    if (best && best.seats >= most) break;
    const seats = trial(roster, (r) => {
      r.add("peer", raised, team);
      return 1 + fillWithFree(r, [team], eligible);
    });
    if (!best || seats > best.seats) best = { team, seats };
  }
  return best;
}

/** `person` takes one more review, on the best of `options`, in `roster` itself; returns the seats filled. */
function oneMoreReview(roster: Roster, person: PersonInfo, options: readonly ReviewInfo[], eligible: Eligible): number {
  const best = bestTeamFor(roster, person, options, eligible);
  if (!best) return 0;
  roster.add("peer", withOneMore(person), best.team);
  return 1 + fillWithFree(roster, [best.team], eligible);
}

/**
 * The advanced reviewers at their maximum who could staff one of `unstaffed` (teams without
 * peers) with one more review, most seats first; `allowed` gives the reviews a person may sit on
 * at all.
 */
export function secondReviewCandidates(year: Year, roster: Roster, { unstaffed, eligible, allowed }: { unstaffed: readonly ReviewInfo[]; eligible: Eligible; allowed: (person: PersonInfo) => readonly ReviewInfo[] }): SecondReview[] {
  const found: SecondReview[] = [];
  const free = new Map<ReviewInfo, number>();
  for (const person of year.reviewers) {
    const duties = roster.duties(person);
    if (!isAdvanced(person) || duties.length === 0 || reviewsLeft(person, duties.length) > 0) continue;
    const raised = withOneMore(person);
    const options = unstaffed.filter((team) => (eligible.get(team) ?? []).includes(person) && seatAdmits(roster, raised, team, "peer"));
    const best = options.length > 0 ? bestTeamFor(roster, person, options, eligible, free) : undefined;
    if (!best) continue;
    const largestTeam = Math.max(0, ...allowed(person).map((r) => r.peerSeats));
    found.push({ person, options, best: best.team, seats: best.seats, largestTeam });
  }
  return found.sort((a, b) => b.seats - a.seats || (a.person.id < b.person.id ? -1 : 1));
}

/**
 * The `second-review` lines: each of `seconds` taking one more review, bounded exactly for the
 * first `personBounds` (the advanced bound with their one more review) and simply for the rest,
 * then all of them together (`all`).
 */
export function secondReviewLines(sheet: Sheet, seconds: readonly SecondReview[], { personBounds, all }: { personBounds: readonly AdvancedStaffing[]; all: AdvancedStaffing }): ShortageRow[] {
  const { roster, eligible, now, peerSeats, atMost, witnessOf, witnesses } = sheet;
  const cheapPerson = (s: SecondReview) => Math.min(now.seats + s.largestTeam, peerSeats);
  const jointSecond = copyOf(roster);
  let jointSecondSeats = 0;
  const rows = seconds.map((s, i) => {
    jointSecondSeats += oneMoreReview(jointSecond, s.person, s.options, eligible);
    const bound = i < personBounds.length ? personBounds[i]!.seats : cheapPerson(s);
    const witness = witnesses ? witnessOf((r) => oneMoreReview(r, s.person, [s.best], eligible), [s.person.id]).witness : undefined;
    return row({
      action: "second-review", week: weekOfReview(s.best), hubs: hubsOf([s.best]), reviewIds: [s.best.id], personId: s.person.id, personName: s.person.name, amount: 1, unit: "more reviews",
      seats: s.seats, seatsAtMost: atMost(s.seats, 1, bound),
      detail: `${s.person.name} (${s.person.id}${s.person.school ? `, ${s.person.school.id}` : ""}) has ${plural(roster.duties(s.person).length, "review")} (max_reviews ${s.person.maxReviews}); one more, on ${s.best.id}, would staff its team${s.options.length > 1 ? ` (or one of ${s.options.length - 1} other teams without peers)` : ""}`,
    }, witness);
  });
  if (seconds.length > 0) {
    rows.push(row({
      action: "second-review", week: "all", hubs: hubsOf(seconds.map((s) => s.best)), reviewIds: [...new Set(seconds.map((s) => s.best.id))], amount: seconds.length, unit: "more reviews",
      seats: jointSecondSeats, seatsAtMost: atMost(jointSecondSeats, seconds.length, all.seats),
      detail: `every one of these ${plural(seconds.length, "advanced reviewer")} taking one more review`,
    }, witnesses ? { allocation: jointSecond.toAllocation(), oneMore: seconds.map((s) => s.person.id) } : undefined));
  }
  return rows;
}
