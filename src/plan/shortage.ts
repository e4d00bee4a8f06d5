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
import { covers, formatDay, weekStart } from "../model/dates.js";
import type { Allocation, Level, Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedFor, advancedToStaff, allowedPair, isAdvanced, peerSeatsLeft, reviewsLeft, seatAdmits } from "../rules/index.js";
import { place } from "../rules/placement.js";
import { advancedBoundWith, advancedPart, peerFlowBound, type AdvancedSupply } from "../solver/bound.js";
import { findCandidates } from "../solver/candidates.js";
import { createFlowNetwork } from "../solver/flow.js";
import { leadNetwork, SINK, SOURCE } from "../solver/network.js";
import { createRoster, rosterOf, type Roster } from "../solver/roster.js";
import { proposeMoves, type MoveLimits } from "./moves.js";

/** What a line of the sheet asks for. */
export type ShortageAction = "recruit-advanced" | "recruit-reviewers" | "recruit-lead" | "second-review" | "move-date";

/** One line of the shortage sheet (`shortage.csv`). */
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

/** The shortage sheet of an allocation. */
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

const weekOfReview = (review: ReviewInfo) => formatDay(weekStart(review.span.from));
const hubsOf = (reviews: readonly ReviewInfo[]) => [...new Set(reviews.map((r) => (r.host.hub?.trim() ? r.host.hub : "(none)")))].sort();
/** Where a recruit for these reviews must come from, in words. */
const fromWhere = (reviews: readonly ReviewInfo[]) =>
  reviews.every((r) => r.kind.excludes.hub)
    ? `from beyond the hosts' hubs (${hubsOf(reviews).join(", ")})`
    : `from where each review takes its reviewers (a QAR's from beyond the host's hub, an MLQAR's from within it; hubs ${hubsOf(reviews).join(", ")})`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Someone recruited for one review: available on its dates only, of no school, bound by no conflict. */
function recruit(id: string, role: Role, review: ReviewInfo, level?: Level): PersonInfo {
  return {
    id,
    name: "recruit",
    role,
    index: -1,
    ...(level ? { level } : {}),
    available: [review.span],
    maxReviews: 1,
    conflicts: new Set(),
    phases: new Set(),
    prefers: new Set(),
    kinds: new Set([review.kind.id]),
  };
}

/** The people every pair rule (and no forbid pin) allows on each review. */
function eligibleFor(year: Year, reviews: readonly ReviewInfo[]): Map<ReviewInfo, PersonInfo[]> {
  const forbidden = new Set(year.problem.pins.filter((p) => p.kind === "forbid" && p.role === "peer").map((p) => `${p.personId}@${p.reviewId}`));
  return new Map(
    reviews.map((review) => [
      review,
      year.reviewers.filter((p) => covers(p.available, review.span) && !forbidden.has(`${p.id}@${review.id}`) && allowedPair(year, p, review)),
    ]),
  );
}

/**
 * Fills the open peer seats of `teams` (already staffed) with free reviewers: a maximum flow of
 * who could join which team, placed seat by seat where the allocation rules still agree, then
 * anyone still free. Returns the seats filled.
 */
function fillWithFree(roster: Roster, teams: readonly ReviewInfo[], eligible: ReadonlyMap<ReviewInfo, readonly PersonInfo[]>): number {
  const people = [...new Set(teams.flatMap((t) => eligible.get(t) ?? []))].filter((p) => reviewsLeft(p, roster.duties(p).length) > 0);
  const personNode = new Map(people.map((p, i) => [p, 2 + i]));
  const net = createFlowNetwork(2 + people.length + teams.length);
  for (const p of people) net.addEdge(SOURCE, personNode.get(p)!, reviewsLeft(p, roster.duties(p).length));
  const pairs: { edge: number; person: PersonInfo; team: ReviewInfo }[] = [];
  teams.forEach((team, i) => {
    const node = 2 + people.length + i;
    net.addEdge(node, SINK, peerSeatsLeft(team, roster.peers(team).length));
    for (const p of eligible.get(team) ?? []) if (personNode.has(p) && roster.canTake(p, team)) pairs.push({ edge: net.addEdge(personNode.get(p)!, node, 1), person: p, team });
  });
  net.maxFlow(SOURCE, SINK);
  let filled = 0;
  for (const { edge, person, team } of pairs) {
    if (net.flow(edge) < 0.5 || !roster.canTake(person, team)) continue;
    roster.add("peer", person, team);
    filled += 1;
  }
  return filled + fillInTurn(roster, teams, eligible);
}

/** Each team's open seats taken by whoever eligible is still free, in turn; returns the seats filled. */
function fillInTurn(roster: Roster, teams: readonly ReviewInfo[], eligible: ReadonlyMap<ReviewInfo, readonly PersonInfo[]>): number {
  let filled = 0;
  for (const team of teams) {
    for (const p of eligible.get(team) ?? []) {
      if (peerSeatsLeft(team, roster.peers(team).length) === 0) break;
      if (roster.canTake(p, team)) {
        roster.add("peer", p, team);
        filled += 1;
      }
    }
  }
  return filled;
}

/** A copy of a roster, to make a change on that the original must not see. */
const copyOf = (roster: Roster) => rosterOf(roster.year, roster.toAllocation());


/** The seat bound's figures the sheet compares with: Lead Reviewer flow, peer seats, peer flow (asked for only when needed). */
interface Bounds {
  readonly lead: number;
  readonly peerSeats: number;
  peerFlow?: number;
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
  if (options.moves === false || !year.reviews.some((r) => (r.review.window?.length ?? 0) > 0)) return base;
  return { ...base, rows: [...base.rows, ...(await moveRows(year))] };
}

/** Options of the shortage sheet. */
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
}

/** The sheet without date moves: no solve of its own, so it runs synchronously (the files of `solveOutputs`). */
export function shortageWithoutMoves(year: Year, allocation: Allocation, options: Pick<ShortageOptions, "bound" | "witnesses"> = {}): Shortage {
  const placement = place(year, allocation);
  const roster = rosterOf(year, allocation);
  const filled = { lead: 0, peer: 0 };
  const unstaffed: ReviewInfo[] = [];
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
  const part = advancedPart(year);
  const emptyPart = createRoster(part.year);
  const leadFlow = leadNetwork(part.year, part.candidates, emptyPart);
  const bounds: Bounds = { lead: leadFlow.net.maxFlow(SOURCE, SINK), peerSeats: year.reviews.reduce((n, r) => n + r.peerSeats, 0) };
  const peerFlow = () => (bounds.peerFlow ??= peerFlowBound(year, findCandidates(year), createRoster(year)).total);
  const eligible = eligibleFor(year, [...unstaffed, ...shortTeams]);

  // The supplies to bound, all at once on one network: each week's recruits, each person's one more review, and the totals.
  const byWeek = <T extends ReviewInfo>(reviews: readonly T[]) => {
    const weeks = new Map<string, T[]>();
    for (const r of [...reviews].sort((a, b) => a.span.from - b.span.from || a.index - b.index)) weeks.set(weekOfReview(r), [...(weeks.get(weekOfReview(r)) ?? []), r]);
    return weeks;
  };
  const advancedWeeks = byWeek(unstaffed);
  const weekReviews = byWeek(year.reviews);
  const recruitGroups = new Map([...advancedWeeks].map(([week, teams]) => [week, { reviews: weekReviews.get(week)!, places: teams.reduce((n, t) => n + advancedToStaff(year, t), 0) }]));
  const allowedIn = (person: PersonInfo) => (part.candidates.byPerson.get(`peer:${person.id}`) ?? []).map((c) => c.review);
  const seconds = secondReviewCandidates(year, roster, unstaffed, eligible, allowedIn);
  const exactPeople = seconds.slice(0, SHORTAGE_LIMITS.personBounds);
  const partPerson = (p: PersonInfo) => part.year.people.peer.get(p.id)!;
  const supplies: AdvancedSupply[] = [
    {},
    ...[...recruitGroups.values()].map((g) => ({ recruits: [g] })),
    { recruits: [...recruitGroups.values()] },
    ...exactPeople.map((s) => ({ oneMore: [partPerson(s.person)] })),
    { oneMore: seconds.map((s) => partPerson(s.person)) },
  ];
  const staffing = advancedBoundWith(part.year, part.candidates, emptyPart, supplies);
  const [now, ...rest] = staffing;
  const weekBounds = rest.slice(0, recruitGroups.size);
  const allRecruits = rest[recruitGroups.size]!;
  const personBounds = rest.slice(recruitGroups.size + 1, recruitGroups.size + 1 + exactPeople.length);
  const allSeconds = rest[recruitGroups.size + 1 + exactPeople.length]!;

  /** At most: the peer seats the bound allows with `extra` more peer places and the advanced bound `advanced`, less those filled. */
  // The advanced bound covers the teams that need an advanced reviewer; the others (a kind with
  // no advanced seat, a TPR) hold at most their seats.
  const withoutAdvanced = year.reviews.filter((r) => advancedToStaff(year, r) === 0).reduce((n, r) => n + r.peerSeats, 0);
  const peerAtMost = (extra: number, advanced: number, needFlow: boolean) =>
    Math.max(0, Math.min(bounds.peerSeats, advanced + withoutAdvanced, needFlow ? peerFlow() + extra : Infinity) - filled.peer);
  const flowMayHelp = options.bound?.method !== "advanced";
  const atMost = (seats: number, extra: number, advanced: number) => {
    const cheap = peerAtMost(extra, advanced, bounds.peerFlow !== undefined);
    return cheap <= seats || !flowMayHelp ? cheap : peerAtMost(extra, advanced, true);
  };
  const row = (r: Omit<ShortageRow, "proven" | "witness">, witness?: ShortageRow["witness"]): ShortageRow => ({ ...r, proven: r.seats === r.seatsAtMost, ...(witness ? { witness } : {}) });
  const rows: ShortageRow[] = [];
  // The allocation a change leaves, for the witnesses; nothing without them.
  const keep = (into: { witness?: ShortageRow["witness"] }, oneMore?: readonly string[]) =>
    options.witnesses ? (r: Roster) => (into.witness = { allocation: r.toAllocation(), ...(oneMore ? { oneMore } : {}) }) : undefined;
  const witnessOf = (change: (r: Roster) => number, oneMore?: readonly string[]) => {
    const into: { witness?: ShortageRow["witness"] } = {};
    return { seats: trial(roster, change, keep(into, oneMore)), witness: into.witness };
  };

  // Advanced reviewers: each week's teams without peers, each given an advanced recruit; with
  // swaps (a recruit taking an advanced reviewer's seat so that they staff another team) only
  // where staffing the week's own teams falls short of the bound.
  const recruited = (r: Roster, weeks: readonly (readonly [string, readonly ReviewInfo[]])[], swaps: boolean) =>
    weeks.reduce((n, [week, teams]) => n + staffWithRecruits(r, teams, eligible, `advanced-${week}`, unstaffed, swaps), 0);
  const bestOf = (weeks: readonly (readonly [string, readonly ReviewInfo[]])[], bound: number, places: number) => {
    const direct = witnessOf((r) => recruited(r, weeks, false));
    if (direct.seats >= atMost(direct.seats, places, bound)) return direct;
    const swapped = witnessOf((r) => recruited(r, weeks, true));
    return swapped.seats > direct.seats ? swapped : direct;
  };
  const allPlaces = [...recruitGroups.values()].reduce((n, g) => n + g.places, 0);
  const joint = advancedWeeks.size > 0 ? bestOf([...advancedWeeks], allRecruits.seats, allPlaces) : { seats: 0, witness: undefined };
  [...advancedWeeks].forEach(([week, teams], i) => {
    const places = recruitGroups.get(week)!.places;
    const { seats, witness } = bestOf([[week, teams]], weekBounds[i]!.seats, places);
    rows.push(row({
      action: "recruit-advanced", week, hubs: hubsOf(teams), reviewIds: teams.map((t) => t.id), amount: places, unit: "advanced reviewer-reviews",
      seats, seatsAtMost: atMost(seats, places, weekBounds[i]!.seats),
      detail: `${plural(teams.length, "team")} of the week ${teams.length === 1 ? "has" : "have"} no peers for want of an advanced reviewer: ${plural(places, "more advanced reviewer")} available that week, ${fromWhere(teams)}, would staff them`,
    }, witness));
  });
  if (advancedWeeks.size > 0) {
    const places = allPlaces;
    rows.push(row({
      action: "recruit-advanced", week: "all", hubs: hubsOf(unstaffed), reviewIds: unstaffed.map((t) => t.id), amount: places, unit: "advanced reviewer-reviews",
      seats: joint.seats, seatsAtMost: atMost(joint.seats, places, allRecruits.seats),
      detail: `every week's advanced recruits together; ${plural(now!.teams, "team")} need an advanced reviewer and no allocation staffs more than ${now!.staffed} with the advanced reviewers there are`,
    }, joint.witness));
  }

  // Reviewers of any level: the seats of staffed teams (and of kinds without an advanced seat) still empty.
  const seatRecruits = (teams: readonly ReviewInfo[], role: Role, tag: string) => (r: Roster) => {
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
  for (const [week, teams] of byWeek(shortTeams)) {
    const { seats, witness } = witnessOf(seatRecruits(teams, "peer", `reviewers-${week}`));
    rows.push(row({
      action: "recruit-reviewers", week, hubs: hubsOf(teams), reviewIds: teams.map((t) => t.id), amount: seats, unit: "reviewer-reviews",
      seats, seatsAtMost: atMost(seats, seats, now!.seats),
      detail: `${plural(teams.length, "team")} short of peers: ${plural(seats, "more reviewer")} of any level available that week, ${fromWhere(teams)}, would fill the seats`,
    }, witness));
  }
  if (shortTeams.length > 0) {
    const { seats, witness } = witnessOf(seatRecruits(shortTeams, "peer", "reviewers"));
    rows.push(row({
      action: "recruit-reviewers", week: "all", hubs: hubsOf(shortTeams), reviewIds: shortTeams.map((t) => t.id), amount: seats, unit: "reviewer-reviews",
      seats, seatsAtMost: atMost(seats, seats, now!.seats), detail: "every week's reviewer recruits together",
    }, witness));
  }

  // Lead Reviewers: one a review, for its days; each fills exactly its Lead seat.
  const leadAtMost = (n: number) => Math.max(0, bounds.lead + n - filled.lead);
  for (const [week, reviews] of byWeek(noLead)) {
    const days = reviews.reduce((n, r) => n + (r.span.to - r.span.from + 1), 0);
    const { seats, witness } = witnessOf(seatRecruits(reviews, "lead", `lead-${week}`));
    rows.push(row({
      action: "recruit-lead", week, hubs: hubsOf(reviews), reviewIds: reviews.map((r) => r.id), amount: days, unit: "Lead Reviewer days",
      seats, seatsAtMost: leadAtMost(reviews.length),
      detail: `${plural(reviews.length, "review")} without a Lead Reviewer: ${plural(days, "Lead Reviewer day")} that week (${reviews.map((r) => r.id).join(", ")})`,
    }, witness));
  }
  if (noLead.length > 0) {
    const days = noLead.reduce((n, r) => n + (r.span.to - r.span.from + 1), 0);
    const { seats, witness } = witnessOf(seatRecruits(noLead, "lead", "lead"));
    rows.push(row({ action: "recruit-lead", week: "all", hubs: hubsOf(noLead), reviewIds: noLead.map((r) => r.id), amount: days, unit: "Lead Reviewer days", seats, seatsAtMost: leadAtMost(noLead.length), detail: "every week's Lead Reviewer days together" }, witness));
  }

  // Advanced reviewers at their maximum who could staff a team with one more review.
  const cheapPerson = (s: SecondReview) => Math.min(now!.seats + s.largestTeam, bounds.peerSeats);
  const jointSecond = copyOf(roster);
  let jointSecondSeats = 0;
  seconds.forEach((s, i) => {
    jointSecondSeats += oneMoreReview(jointSecond, s.person, s.options, eligible);
    const bound = i < personBounds.length ? personBounds[i]!.seats : cheapPerson(s);
    const witness = options.witnesses ? witnessOf((r) => oneMoreReview(r, s.person, [s.best], eligible), [s.person.id]).witness : undefined;
    rows.push(row({
      action: "second-review", week: weekOfReview(s.best), hubs: hubsOf([s.best]), reviewIds: [s.best.id], personId: s.person.id, personName: s.person.name, amount: 1, unit: "more reviews",
      seats: s.seats, seatsAtMost: atMost(s.seats, 1, bound),
      detail: `${s.person.name} (${s.person.id}${s.person.school ? `, ${s.person.school.id}` : ""}) has ${plural(roster.duties(s.person).length, "review")} (max_reviews ${s.person.maxReviews}); one more, on ${s.best.id}, would staff its team${s.options.length > 1 ? ` (or one of ${s.options.length - 1} other teams without peers)` : ""}`,
    }, witness));
  });
  if (seconds.length > 0) {
    rows.push(row({
      action: "second-review", week: "all", hubs: hubsOf(seconds.map((s) => s.best)), reviewIds: [...new Set(seconds.map((s) => s.best.id))], amount: seconds.length, unit: "more reviews",
      seats: jointSecondSeats, seatsAtMost: atMost(jointSecondSeats, seconds.length, allSeconds.seats),
      detail: `every one of these ${plural(seconds.length, "advanced reviewer")} taking one more review`,
    }, options.witnesses ? { allocation: jointSecond.toAllocation(), oneMore: seconds.map((s) => s.person.id) } : undefined));
  }
  return {
    empty: emptySeatCounts(year, unfilled),
    advanced: { teams: now!.teams, staffed: now!.staffed, short: now!.teams - now!.staffed, unreached: now!.unreached.map((r) => r.id), unreachedPlaces: now!.unreachedPlaces },
    rows,
  };
}

/** One way to use an advanced recruit: staff a team of their week, or take an advanced reviewer's seat there so that they staff a team elsewhere. */
interface RecruitUse {
  readonly team: ReviewInfo;
  /** The advanced reviewer the recruit replaces on `from`, who then staffs `team`. */
  readonly swap?: { readonly person: PersonInfo; readonly from: ReviewInfo };
  /** Most seats it can fill: 1 and the free reviewers who may join `team`, up to its seats. */
  readonly most: number;
}

/**
 * Gives the week's advanced recruits (one for each of `teams`, the week's teams without peers,
 * as many as each needs) the best use each, one after another: staffing one of those teams, or
 * taking the seat of an advanced reviewer on another team of the week so that the reviewer
 * staffs a team without peers in any week; free reviewers then fill the team staffed. Returns
 * the seats filled.
 */
function staffWithRecruits(roster: Roster, teams: readonly ReviewInfo[], eligible: ReadonlyMap<ReviewInfo, readonly PersonInfo[]>, tag: string, unstaffed: readonly ReviewInfo[], swaps = true): number {
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
    for (const from of swaps ? week : []) {
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

/** Seats `change` fills when made on `roster`, which is left as it was (what it added taken off, what it took off put back). */
function trial(roster: Roster, change: (roster: Roster) => number, capture?: (roster: Roster) => void): number {
  const log: { kind: "add" | "remove"; role: Role; person: PersonInfo; review: ReviewInfo }[] = [];
  const recording: Roster = {
    ...roster,
    add: (role, person, review) => (log.push({ kind: "add", role, person, review }), roster.add(role, person, review)),
    remove: (role, person, review) => (log.push({ kind: "remove", role, person, review }), roster.remove(role, person, review)),
  };
  const seats = change(recording);
  capture?.(recording);
  for (const step of log.reverse()) (step.kind === "add" ? roster.remove : roster.add)(step.role, step.person, step.review);
  return seats;
}

/** An advanced reviewer at their maximum who could staff a team without peers with one more review. */
interface SecondReview {
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
 */
function bestTeamFor(
  roster: Roster,
  person: PersonInfo,
  options: readonly ReviewInfo[],
  eligible: ReadonlyMap<ReviewInfo, readonly PersonInfo[]>,
  free = new Map<ReviewInfo, number>(),
): { team: ReviewInfo; seats: number } | undefined {
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
function oneMoreReview(roster: Roster, person: PersonInfo, options: readonly ReviewInfo[], eligible: ReadonlyMap<ReviewInfo, readonly PersonInfo[]>): number {
  const best = bestTeamFor(roster, person, options, eligible);
  if (!best) return 0;
  roster.add("peer", withOneMore(person), best.team);
  return 1 + fillWithFree(roster, [best.team], eligible);
}

/** The advanced reviewers at their maximum who could staff a team without peers with one more review, most seats first. */
function secondReviewCandidates(year: Year, roster: Roster, unstaffed: readonly ReviewInfo[], eligible: ReadonlyMap<ReviewInfo, readonly PersonInfo[]>, allowed: (person: PersonInfo) => readonly ReviewInfo[]): SecondReview[] {
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

/** The date moves of reviews with a window, by the plan's search within the sheet's limits. */
async function moveRows(year: Year): Promise<ShortageRow[]> {
  const plan = await proposeMoves(year.problem, { limits: SHORTAGE_LIMITS.moves });
  const exact = plan.measure === "exact";
  return plan.moves.map((m) => {
    const review = year.reviewById.get(m.reviewId)!;
    return {
      action: "move-date" as const,
      week: weekOfReview(review),
      hubs: hubsOf([review]),
      reviewIds: [m.reviewId],
      amount: 1,
      unit: "date moves" as const,
      seats: exact ? m.seatsGained : 0,
      seatsAtMost: m.seatsGained,
      proven: exact,
      detail: `move ${m.reviewId} from ${m.fromStart} to ${m.toStart} (inside its window), with the moves above it made: ${exact ? "measured by the exact seat optimum" : "measured by the seat bound, at most"}`,
    };
  });
}
