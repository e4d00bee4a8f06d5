import { isFullTeam } from "../../check.js";
import type { Allocation, Assignment } from "../../model/schema.js";
import type { ReviewInfo } from "../../model/year.js";
import { allowedPair } from "../../rules/index.js";
import { rowKey } from "../diff.js";
import type { Engine, EngineContext } from "../engine.js";
import type { Candidate, Candidates } from "../candidates.js";
import type { Roster } from "../roster.js";
import { around, damagedReviews, freedPeople, replaceFirst } from "../steps/damage.js";
import { changeBound } from "../steps/change-bound.js";
import { copyRoster, keepModel, type KeepModel } from "../steps/keep.js";
import { openSeats } from "../steps/neighbourhood.js";
import { disbandTeamsWithoutAdvanced, pinnedKeys, rosterFromPins } from "../steps/pins.js";
import { resolveScope } from "../steps/resolve.js";
import { pointOf, sweepTradeOff, type RepairOption, type TradeOffPoint } from "../steps/trade-off.js";

/** Work limits of a repair (nodes and counts, so that a repair is reproducible; seconds are safety nets). */
export const REPAIR_LIMITS = {
  /** Years up to this many reviews are repaired exactly: the whole year is one MIP. */
  exactReviews: 200,
  /** Branch-and-bound nodes of one whole-year repair MIP at most. */
  exactNodes: 5_000,
  /** Wall-clock cap of one whole-year repair MIP, in seconds. */
  exactSeconds: 30,
  /** Larger years: neighbourhoods around the damaged teams, growing while they gain. */
  scopeSizes: [16, 32, 64, 128],
  /** Branch-and-bound nodes of one neighbourhood MIP at most. */
  scopeNodes: 5_000,
  /** Wall-clock cap of one neighbourhood MIP, in seconds. */
  scopeSeconds: 10,
  /** Points of the trade-off at most (one more, when `maxChanges` asks for a point below them). */
  options: 20,
  /** Branch-and-bound nodes of the final polish of the lower goals (the chosen option's changed teams). */
  polishNodes: 500,
  /** Wall-clock cap of that polish, in seconds. */
  polishSeconds: 5,
} as const;

/** Where the repair stands after the search: the best point, the reviews it re-decided, the solves it took, and whether one stopped at its node limit. */
interface Search {
  readonly best: TradeOffPoint;
  readonly reviews: readonly ReviewInfo[];
  readonly solves: number;
  readonly limited: boolean;
}

/** The earlier allocation's seats that still stand, on top of the pins (a seat a `forbid` pin now names does not: a withdrawal). */
function keptRoster(context: EngineContext, old: Allocation): Roster {
  const { year } = context;
  const roster = rosterFromPins(context);
  const forbidden = new Set(year.problem.pins.filter((p) => p.kind === "forbid").map(rowKey));
  for (const row of old.assignments) {
    const review = year.reviewById.get(row.reviewId);
    const person = year.people[row.role].get(row.personId);
    if (review && person && !forbidden.has(rowKey(row)) && allowedPair(year, person, review) && roster.canTake(person, review)) roster.add(row.role, person, review);
  }
  return roster;
}

/**
 * Where the search starts: the damaged teams, and the short teams that people the change freed
 * could join (`kept`: before any team is disbanded, whose peers the change did not free).
 */
function seedsOf(context: EngineContext, kept: Roster, old: Allocation, damaged: readonly ReviewInfo[]): ReviewInfo[] {
  const freed = freedPeople(kept, old);
  const joinable = context.year.reviews.filter((r) => openSeats(kept, r) > 0 && freed.some((p) => context.candidates[p.role].get(r.id)?.some((c) => c.person === p)));
  return [...new Set([...damaged, ...joinable])];
}

/**
 * The reviews around the seeds, re-decided exactly with the rest fixed, in growing
 * neighbourhoods (`sizes`) until one more growth gains neither a seat nor a kept row.
 */
async function localSearch(context: EngineContext, start: TradeOffPoint, old: Allocation, pinned: ReadonlySet<string>, seeds: readonly ReviewInfo[], sizes: readonly number[]): Promise<Search> {
  const { year } = context;
  const keep = new Set(old.assignments.map(rowKey));
  let best = start;
  let reviews: readonly ReviewInfo[] = around(context, start.roster, seeds, sizes[0]!);
  let solves = 0;
  let limited = false;
  for (const size of seeds.length === 0 || start.proven ? [] : sizes) {
    if (context.shouldStop()) break;
    reviews = around(context, best.roster, seeds, Math.min(size, year.reviews.length));
    const found = await keepModel(context, best.roster, reviews, keep, pinned).solve({ nodes: REPAIR_LIMITS.scopeNodes, seconds: REPAIR_LIMITS.scopeSeconds, start: best.roster });
    solves += 1;
    limited ||= found.status !== "found" || !found.proven;
    const next = found.status === "found" ? pointOf(found.roster, old, { proven: false }) : best;
    const gained = next.seats > best.seats || (next.seats === best.seats && next.changes < best.changes);
    if (gained) best = next;
    if ((!gained && size > sizes[0]!) || reviews.length >= year.reviews.length) break;
  }
  return { best, reviews, solves, limited };
}

/**
 * Small years: the whole year as one MIP, most seats then fewest changed rows, started from the
 * neighbourhoods' repair (whose LP bound HiGHS then usually meets at the root).
 */
async function exactSearch(context: EngineContext, local: Search, model: KeepModel, old: Allocation): Promise<Search> {
  const found = await model.solve({ nodes: REPAIR_LIMITS.exactNodes, seconds: REPAIR_LIMITS.exactSeconds, start: local.best.roster });
  if (found.status !== "found") return { ...local, solves: local.solves + 1, limited: true };
  const next = pointOf(found.roster, old, { proven: found.proven });
  const better = next.seats > local.best.seats || (next.seats === local.best.seats && next.changes <= local.best.changes);
  return { best: better ? next : local.best, reviews: context.year.reviews, solves: local.solves + 1, limited: local.limited || !found.proven };
}

/** The option the repair returns: the most seats within `maxChanges` rows (the last point when none fits). */
function choose(points: readonly TradeOffPoint[], maxChanges: number | undefined): TradeOffPoint {
  if (maxChanges === undefined) return points[0]!;
  return points.find((p) => p.changes <= maxChanges) ?? points.at(-1)!;
}

/**
 * Re-plans after a change so as to change least: the most seats first, then the fewest changed
 * rows (the symmetric difference with the earlier allocation, the forced removals included),
 * then the policy's other goals. Damaged teams first get free people (a free advanced reviewer
 * before anyone disbands the team); then small years are solved whole and exactly, larger ones
 * in growing neighbourhoods around the damaged teams. Returns the trade-off too: for each
 * number of changed rows below the chosen, the most seats reachable.
 */
export const repairEngine: Engine = {
  name: "repair",
  summary: "Most seats, then fewest changed rows against an earlier allocation, then the goals; with the trade-off between seats and changes.",
  run: async (given) => {
    const { year } = given;
    const old = given.start ?? { assignments: [] };
    const keep = new Set(old.assignments.map(rowKey));
    const { kept, start, pinned, stranded, candidates } = prepare(given, old);
    const fewest = changeBound(given, old, kept);
    // From here on, stranded people may sit only on their own team.
    // (A getter, not a copy: the seconds left shrink as the repair goes.)
    const context = { ...given, candidates, get timeLimitSeconds() { return given.timeLimitSeconds; } };
    // Each point reached is a whole allocation: a caller that stops waiting may take it.
    const offer = (point: { readonly roster: Roster; readonly seats: number }) => context.report({ phase: "repair", incumbent: point.seats }, () => withStrandedPins(point.roster, stranded));
    offer({ roster: start, seats: start.filled() });
    const exact = year.reviews.length <= REPAIR_LIMITS.exactReviews;
    // Proven by counting: as many seats as the relaxation bound, in as few rows as any could.
    const certify = (point: TradeOffPoint) => ({ ...point, proven: point.proven || (point.seats >= (context.seatBound ?? Infinity) && point.changes === fewest(point.seats)) });
    const seeds = seedsOf(context, kept, old, damagedReviews(kept, old));
    const local = await localSearch(context, certify(pointOf(start, old, { proven: false })), old, pinned, seeds, exact ? REPAIR_LIMITS.scopeSizes.slice(0, 1) : REPAIR_LIMITS.scopeSizes);
    offer(local.best);
    const certified = certify(local.best);
    const model = keepModel(context, local.best.roster, exact ? year.reviews : local.reviews, keep, pinned);
    const search = certified.proven ? { ...local, best: certified } : exact ? await exactSearch(context, local, model, old) : local;
    offer(search.best);
    const limits = exact ? { nodes: REPAIR_LIMITS.exactNodes, seconds: REPAIR_LIMITS.exactSeconds } : { nodes: REPAIR_LIMITS.scopeNodes, seconds: REPAIR_LIMITS.scopeSeconds };
    const until = context.maxChanges !== undefined ? { until: context.maxChanges } : {};
    const sweep = await sweepTradeOff(context, search.best, model, old, pinned, { ...limits, ...until, maxPoints: REPAIR_LIMITS.options, fewest, global: exact });
    const chosen = choose(sweep.points, context.maxChanges);
    offer(chosen);
    const polished = await polish(context, chosen, old, pinned);
    // A polish that found fewer rows (an unproven point) may leave a point below it dominated.
    const points = sweep.points.map((p) => (p === chosen ? polished : p)).filter((p, i, all) => p === polished || !all.some((q, j) => j !== i && q.seats >= p.seats && q.changes <= p.changes));
    return {
      allocation: withStrandedPins(polished.roster, stranded),
      stoppedBy: context.shouldStop() ? "time-limit" : search.limited || sweep.limited ? "work-limit" : "complete",
      iterations: search.solves + sweep.solves + 1,
      tradeOff: points.map((p) => optionOf(context, p, p === polished)).reverse(),
      ...(exact && search.best.proven ? { seatBound: search.best.seats } : {}),
    };
  },
};

/**
 * The repair's start: the earlier seats that still stand (`kept`), then each damaged team given
 * free people before any is disbanded (`start`). Pinned peers of a team still without its
 * advanced reviewer (`stranded`) are left out of the start and out of the pins, and may sit
 * nowhere but on that team (`candidates`): the exact step keeps them, as earlier rows, where it
 * can bring an advanced reviewer in, and otherwise leaves their capacity unused.
 */
function prepare(context: EngineContext, old: Allocation): { kept: Roster; start: Roster; pinned: Set<string>; stranded: Assignment[]; candidates: Candidates } {
  const pinned = pinnedKeys(context);
  const kept = keptRoster(context, old);
  const start = copyRoster(kept);
  replaceFirst(context, start, damagedReviews(kept, old));
  disbandTeamsWithoutAdvanced(start, pinned);
  const stranded: Assignment[] = [];
  for (const review of context.year.reviews) {
    if (start.advancedOk(review)) continue;
    for (const person of start.peers(review)) {
      const row = { reviewId: review.id, role: "peer" as const, personId: person.id };
      stranded.push(row);
      pinned.delete(rowKey(row));
      start.remove("peer", person, review);
    }
  }
  return { kept, start, pinned, stranded, candidates: stranded.length === 0 ? context.candidates : onlyOwnSeat(context.candidates, stranded) };
}

/**
 * The allocation with each stranded pin put back where its team now has its advanced reviewers
 * and a seat for it; one the repair could not staff stays out (its team would break the
 * advanced-seat rule), and `solve` lists it among the refused pins with that reason.
 */
function withStrandedPins(roster: Roster, stranded: readonly Assignment[]): Allocation {
  const final = copyRoster(roster);
  for (const { reviewId, personId } of stranded) {
    const review = final.year.reviewById.get(reviewId)!;
    const person = final.year.people.peer.get(personId)!;
    if (final.peers(review).includes(person) || !final.canTake(person, review)) continue;
    final.add("peer", person, review);
    if (!final.advancedOk(review)) final.remove("peer", person, review);
  }
  return final.toAllocation();
}

/** Candidates where each stranded person may take only their own stranded seat. */
function onlyOwnSeat(candidates: Candidates, stranded: readonly Assignment[]): Candidates {
  const own = new Map(stranded.map((a) => [a.personId, a.reviewId]));
  const allowed = (c: Candidate) => c.role !== "peer" || !own.has(c.person.id) || own.get(c.person.id) === c.review.id;
  const filter = (map: ReadonlyMap<string, readonly Candidate[]>) => new Map([...map].map(([key, list]) => [key, list.filter(allowed)]));
  return { lead: candidates.lead, peer: filter(candidates.peer), byPerson: filter(candidates.byPerson) };
}

/** The lower goals, on the chosen option's changed teams, within its changed rows (seats and rows never get worse). */
async function polish(context: EngineContext, point: TradeOffPoint, old: Allocation, pinned: ReadonlySet<string>): Promise<TradeOffPoint> {
  const { year } = context;
  const keep = new Set(old.assignments.map(rowKey));
  const now = point.roster.toAllocation().assignments;
  const held = new Set(now.map(rowKey));
  const touched = new Set([...old.assignments.filter((a) => !held.has(rowKey(a))), ...now.filter((a) => !keep.has(rowKey(a)))].map((a) => a.reviewId));
  const reviews = year.reviews.filter((r) => touched.has(r.id));
  if (reviews.length === 0 || context.shouldStop()) return point;
  const roster = point.roster;
  await resolveScope(context, roster, { reviews, leads: true, peers: true, keep, maxChanges: point.changes }, { pinned, seconds: REPAIR_LIMITS.polishSeconds, maxNodes: REPAIR_LIMITS.polishNodes, warmStart: true });
  return pointOf(roster, old, { proven: point.proven });
}

function optionOf(context: EngineContext, point: TradeOffPoint, chosen: boolean): RepairOption {
  const allocation = point.roster.toAllocation();
  const fullTeams = context.year.reviews.filter((review) => isFullTeam(review, point.roster.leads(review).length, point.roster.peers(review).length)).length;
  return { changes: point.changes, seats: point.seats, fullTeams, proven: point.proven, chosen, allocation };
}
