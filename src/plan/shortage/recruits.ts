/**
 * The sheet's recruiting lines: advanced reviewer-reviews for the teams without peers (each
 * recruit given its best use, staffing a team or freeing an advanced reviewer to staff one),
 * reviewer-reviews for the seats of staffed teams, and Lead Reviewer days.
 */
import type { Role } from "../../model/schema.js";
import { plural } from "../../model/text.js";
import type { PersonInfo, ReviewInfo } from "../../model/year.js";
import { advancedFor, isAdvanced, peerSeatsLeft } from "../../rules/index.js";
import type { Roster } from "../../solver/roster.js";
import { byWeek, fromWhere, hubsOf, row, SHORTAGE_LIMITS, weekOfReview, type Change, type Eligible, type Sheet, type ShortageRow } from "./lines.js";
import { fillWithFree, recruit, trial } from "./supply.js";

/** One way to use an advanced recruit: staff a team of their week, or take an advanced reviewer's seat there so that they staff a team elsewhere. */
interface RecruitUse {
  readonly team: ReviewInfo;
  /** The advanced reviewer the recruit replaces on `from`, who then staffs `team`. */
  readonly swap?: { readonly person: PersonInfo; readonly from: ReviewInfo };
  /** Most seats it can fill: 1 and the free reviewers who may join `team`, up to its seats. */
  readonly most: number;
}

/** How a week's advanced recruits are placed. */
interface Staffing {
  readonly eligible: Eligible;
  /** The recruits' ids start `+tag`. */
  readonly tag: string;
  /** Every team without peers of the year, which a swapped advanced reviewer may staff. */
  readonly unstaffed: readonly ReviewInfo[];
  /** Try swaps too (else each of the week's teams gets its own recruits). */
  readonly swaps: boolean;
}

/**
 * Gives the week's advanced recruits (one for each of `teams`, the week's teams without peers,
 * as many as each needs) the best use each, one after another: staffing one of those teams, or
 * taking the seat of an advanced reviewer on another team of the week so that the reviewer
 * staffs a team without peers in any week; free reviewers then fill the team staffed. Returns
 * the seats filled.
 */
function staffWithRecruits(roster: Roster, teams: readonly ReviewInfo[], { eligible, tag, unstaffed, swaps }: Staffing): number {
  if (!swaps) {
    // Each of the week's teams its own recruits, then one flow of the free reviewers over them all.
    let seats = 0;
    for (const team of teams.filter((t) => roster.peers(t).length === 0)) {
      for (let k = 0; k < advancedFor(team, 1); k += 1) {
        roster.add("peer", recruit(`+${tag}-${team.id}-${k}`, "peer", team, "advanced"), team);
        seats += 1;
      }
    }
    return seats + fillWithFree(roster, teams, eligible);
  }
  const week = new Set(roster.year.reviews.filter((r) => teams.some((t) => weekOfReview(t) === weekOfReview(r))));
  const places = teams.reduce((n, t) => n + advancedFor(t, 1), 0);
  let seats = 0;
  // What a team can hold at most, by the pair rules alone (who is free is for the trial to find).
  const most = (team: ReviewInfo) => Math.min(peerSeatsLeft(team, roster.peers(team).length), 1 + (eligible.get(team)?.length ?? 0));
  const may = new Map(unstaffed.map((team) => [team, new Set(eligible.get(team) ?? [])]));
  for (let k = 0; k < places; k += 1) {
    const open = (team: ReviewInfo) => roster.peers(team).length === 0;
    const uses: RecruitUse[] = teams.filter(open).map((team) => ({ team, most: most(team) }));
    for (const from of week) {
      for (const person of roster.peers(from).filter(isAdvanced)) {
        for (const team of unstaffed) if (open(team) && may.get(team)!.has(person)) uses.push({ team, swap: { person, from }, most: most(team) });
      }
    }
    uses.sort((a, b) => b.most - a.most || (a.swap ? 1 : 0) - (b.swap ? 1 : 0) || a.team.index - b.team.index || (a.swap && b.swap ? a.swap.from.index - b.swap.from.index || (a.swap.person.id < b.swap.person.id ? -1 : 1) : 0));
    const person = (team: ReviewInfo) => recruit(`+${tag}-${k}`, "peer", team, "advanced");
    const apply = (r: Roster, use: RecruitUse): number => {
      if (!use.swap) {
        r.add("peer", person(use.team), use.team);
        return 1 + fillWithFree(r, [use.team], eligible);
      }
      r.remove("peer", use.swap.person, use.swap.from);
      r.add("peer", person(use.swap.from), use.swap.from);
      if (!r.canTake(use.swap.person, use.team)) return -Infinity;
      r.add("peer", use.swap.person, use.team);
      return 1 + fillWithFree(r, [use.team], eligible);
    };
    let best: { use: RecruitUse; seats: number } | undefined;
    for (const use of uses.slice(0, SHORTAGE_LIMITS.recruitTrials)) {
      if (best && best.seats >= use.most) break;
      const gained = trial(roster, (r) => apply(r, use));
      if (!best || gained > best.seats) best = { use, seats: gained };
    }
    if (!best || best.seats <= 0) continue;
    seats += apply(roster, best.use);
  }
  return seats;
}

/** A week's teams without peers, with the advanced reviewer-reviews they need and the advanced bound with those recruited. */
export interface RecruitWeek {
  readonly week: string;
  readonly teams: readonly ReviewInfo[];
  readonly places: number;
  readonly bound: number;
}

/**
 * The `recruit-advanced` lines: each week's teams without peers, each given an advanced
 * recruit, then every week's together (`all`, with its bound `all.bound`); with swaps (a
 * recruit taking an advanced reviewer's seat so that they staff another team) only where
 * staffing the week's own teams falls short of the bound.
 */
export function advancedRecruitLines(sheet: Sheet, weeks: readonly RecruitWeek[], all: { readonly bound: number }): ShortageRow[] {
  const { eligible, unstaffed, now, atMost, witnessOf } = sheet;
  const recruited = (r: Roster, chosen: readonly RecruitWeek[], swaps: boolean) =>
    chosen.reduce((n, { week, teams }) => n + staffWithRecruits(r, teams, { eligible, tag: `advanced-${week}`, unstaffed, swaps }), 0);
  const bestOf = (chosen: readonly RecruitWeek[], bound: number, places: number) => {
    const direct = witnessOf((r) => recruited(r, chosen, false));
    if (direct.seats >= atMost(direct.seats, places, bound)) return direct;
    const swapped = witnessOf((r) => recruited(r, chosen, true));
    return swapped.seats > direct.seats ? swapped : direct;
  };
  if (weeks.length === 0) return [];
  const allPlaces = weeks.reduce((n, w) => n + w.places, 0);
  const joint = bestOf(weeks, all.bound, allPlaces);
  const rows = weeks.map((w) => {
    const { seats, witness } = bestOf([w], w.bound, w.places);
    const { teams, places } = w;
    return row({
      action: "recruit-advanced", week: w.week, hubs: hubsOf(teams), reviewIds: teams.map((t) => t.id), amount: places, unit: "advanced reviewer-reviews",
      seats, seatsAtMost: atMost(seats, places, w.bound),
      detail: `${plural(teams.length, "team")} of the week ${teams.length === 1 ? "has" : "have"} no peers for want of an advanced reviewer: ${plural(places, "more advanced reviewer")} available that week, ${fromWhere(teams)}, would staff them`,
    }, witness);
  });
  rows.push(row({
    action: "recruit-advanced", week: "all", hubs: hubsOf(unstaffed), reviewIds: unstaffed.map((t) => t.id), amount: allPlaces, unit: "advanced reviewer-reviews",
    seats: joint.seats, seatsAtMost: atMost(joint.seats, allPlaces, all.bound),
    detail: `every week's advanced recruits together; ${plural(now.teams, "team")} need an advanced reviewer and no allocation staffs more than ${now.staffed} with the advanced reviewers there are`,
  }, joint.witness));
  return rows;
}

/** Recruits of `role` (reviewers of any level, or Lead Reviewers) in every open seat of `teams`, ids `+tag-review-k`. */
const seatRecruits = (teams: readonly ReviewInfo[], role: Role, tag: string): Change => (r: Roster) => {
  let seats = 0;
  for (const team of teams) {
    const open = role === "lead" ? 1 - r.leads(team).length : peerSeatsLeft(team, r.peers(team).length);
    for (let k = 0; k < open; k += 1) {
      r.add(role, recruit(`+${tag}-${team.id}-${k}`, role, team, role === "peer" ? "reviewer" : undefined), team);
      seats += 1;
    }
  }
  return seats;
};

/** The `recruit-reviewers` lines: reviewers of any level for the seats of staffed teams (and of kinds without an advanced seat) still empty, by week and all together. */
export function reviewerRecruitLines(sheet: Sheet, shortTeams: readonly ReviewInfo[]): ShortageRow[] {
  const { now, atMost, witnessOf } = sheet;
  const rows: ShortageRow[] = [];
  for (const [week, teams] of byWeek(shortTeams)) {
    const { seats, witness } = witnessOf(seatRecruits(teams, "peer", `reviewers-${week}`));
    rows.push(row({
      action: "recruit-reviewers", week, hubs: hubsOf(teams), reviewIds: teams.map((t) => t.id), amount: seats, unit: "reviewer-reviews",
      seats, seatsAtMost: atMost(seats, seats, now.seats),
      detail: `${plural(teams.length, "team")} short of peers: ${plural(seats, "more reviewer")} of any level available that week, ${fromWhere(teams)}, would fill the seats`,
    }, witness));
  }
  if (shortTeams.length > 0) {
    const { seats, witness } = witnessOf(seatRecruits(shortTeams, "peer", "reviewers"));
    rows.push(row({
      action: "recruit-reviewers", week: "all", hubs: hubsOf(shortTeams), reviewIds: shortTeams.map((t) => t.id), amount: seats, unit: "reviewer-reviews",
      seats, seatsAtMost: atMost(seats, seats, now.seats), detail: "every week's reviewer recruits together",
    }, witness));
  }
  return rows;
}

/**
 * The `recruit-lead` lines: a Lead Reviewer for each review without one, for its days, by week
 * and all together; each fills exactly its Lead seat, and `leadAtMost(n)` bounds `n` of them.
 */
export function leadRecruitLines(sheet: Sheet, noLead: readonly ReviewInfo[], leadAtMost: (reviews: number) => number): ShortageRow[] {
  const { witnessOf } = sheet;
  const days = (reviews: readonly ReviewInfo[]) => reviews.reduce((n, r) => n + (r.span.to - r.span.from + 1), 0);
  const rows: ShortageRow[] = [];
  for (const [week, reviews] of byWeek(noLead)) {
    const { seats, witness } = witnessOf(seatRecruits(reviews, "lead", `lead-${week}`));
    rows.push(row({
      action: "recruit-lead", week, hubs: hubsOf(reviews), reviewIds: reviews.map((r) => r.id), amount: days(reviews), unit: "Lead Reviewer days",
      seats, seatsAtMost: leadAtMost(reviews.length),
      detail: `${plural(reviews.length, "review")} without a Lead Reviewer: ${plural(days(reviews), "Lead Reviewer day")} that week (${reviews.map((r) => r.id).join(", ")})`,
    }, witness));
  }
  if (noLead.length > 0) {
    const { seats, witness } = witnessOf(seatRecruits(noLead, "lead", "lead"));
    rows.push(row({ action: "recruit-lead", week: "all", hubs: hubsOf(noLead), reviewIds: noLead.map((r) => r.id), amount: days(noLead), unit: "Lead Reviewer days", seats, seatsAtMost: leadAtMost(noLead.length), detail: "every week's Lead Reviewer days together" }, witness));
  }
  return rows;
}
