import { checkAllocation } from "../../check.js";
import type { Allocation } from "../../model/schema.js";
import type { ReviewInfo } from "../../model/year.js";
import { allowedPair } from "../../rules/index.js";
import { rowKey } from "../diff.js";
import type { Engine, EngineContext, StopReason } from "../engine.js";
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
  /** Points of the trade-off at most. */
  options: 12,
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

/** The earlier allocation's seats that still stand, on top of the pins. */
function keptRoster(context: EngineContext, old: Allocation): Roster {
  const { year } = context;
  const roster = rosterFromPins(context);
  for (const { reviewId, role, personId } of old.assignments) {
    const review = year.reviewById.get(reviewId);
    const person = year.people[role].get(personId);
    if (review && person && allowedPair(year, person, review) && roster.canTake(person, review)) roster.add(role, person, review);
  }
  return roster;
}

/**
 * The reviews around the damaged teams (and the short teams that people the change freed could
 * join), re-decided exactly with the rest fixed, in growing neighbourhoods until one more growth
 * gains neither a seat nor a kept row.
 */
async function localSearch(context: EngineContext, start: Roster, old: Allocation, pinned: ReadonlySet<string>, damaged: readonly ReviewInfo[], sizes: readonly number[]): Promise<Search> {
  const { year } = context;
  const keep = new Set(old.assignments.map(rowKey));
  const freed = freedPeople(start, old);
  const joinable = year.reviews.filter((r) => openSeats(start, r) > 0 && freed.some((p) => context.candidates[p.role].get(r.id)?.some((c) => c.person === p)));
  const seeds = [...new Set([...damaged, ...joinable])];
  let best = pointOf(start, old, false);
  let reviews: readonly ReviewInfo[] = [];
  let solves = 0;
  let limited = false;
  for (const size of seeds.length === 0 ? [] : sizes) {
    if (context.shouldStop()) break;
    reviews = around(context, best.roster, seeds, Math.min(size, year.reviews.length));
    const found = await keepModel(context, best.roster, reviews, keep, pinned).solve({ nodes: REPAIR_LIMITS.scopeNodes, seconds: REPAIR_LIMITS.scopeSeconds, start: best.roster });
    solves += 1;
    limited ||= found.status !== "found" || !found.proven;
    const next = found.status === "found" ? pointOf(found.roster, old, false) : best;
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
  const next = pointOf(found.roster, old, found.proven);
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
  run: async (context) => {
    const { year } = context;
    const old = context.start ?? { assignments: [] };
    const keep = new Set(old.assignments.map(rowKey));
    const pinned = pinnedKeys(context);
    const kept = keptRoster(context, old);
    const fewest = changeBound(context, old, kept);
    const damaged = damagedReviews(kept, old);
    const start = copyRoster(kept);
    replaceFirst(context, start, damaged);
    disbandTeamsWithoutAdvanced(start, pinned);
    context.report({ phase: "repair", incumbent: start.filled() });
    const exact = year.reviews.length <= REPAIR_LIMITS.exactReviews;
    const local = await localSearch(context, start, old, pinned, damaged, exact ? REPAIR_LIMITS.scopeSizes.slice(0, 1) : REPAIR_LIMITS.scopeSizes);
    // Proven by counting: as many seats as the relaxation bound, in as few rows as any could.
    const certified = local.best.seats >= (context.seatBound ?? Infinity) && local.best.changes === fewest(local.best.seats);
    if (process.env.QAR_DEBUG) console.error("local", local.best.seats, local.best.changes, "fewest", fewest(local.best.seats), "bound", context.seatBound, "start", start.filled(), pointOf(start, old, false).changes, "damaged", damaged.map((r) => r.id).join(","), "solves", local.solves);
    const model = keepModel(context, local.best.roster, exact ? year.reviews : local.reviews, keep, pinned);
    const search = certified ? { ...local, best: { ...local.best, proven: true } } : exact ? await exactSearch(context, local, model, old) : local;
    const limits = exact ? { nodes: REPAIR_LIMITS.exactNodes, seconds: REPAIR_LIMITS.exactSeconds } : { nodes: REPAIR_LIMITS.scopeNodes, seconds: REPAIR_LIMITS.scopeSeconds };
    const until = context.maxChanges !== undefined ? { until: context.maxChanges } : {};
    const sweep = await sweepTradeOff(context, search.best, model, old, pinned, { ...limits, ...until, maxPoints: REPAIR_LIMITS.options, fewest, global: exact });
    const chosen = choose(sweep.points, context.maxChanges);
    const polished = await polish(context, chosen, old, pinned);
    const points = sweep.points.map((p) => (p === chosen ? polished : p));
    const stoppedBy: StopReason = context.shouldStop() ? "time-limit" : search.limited || sweep.limited ? "work-limit" : "complete";
    return {
      allocation: polished.roster.toAllocation(),
      stoppedBy,
      iterations: search.solves + sweep.solves + 1,
      tradeOff: points.map((p) => optionOf(context, p, p === polished)).reverse(),
      ...(exact && search.best.proven ? { seatBound: search.best.seats } : {}),
    };
  },
};

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
  const tp = performance.now();
  await resolveScope(context, roster, { reviews, leads: true, peers: true, keep, maxChanges: point.changes }, pinned, REPAIR_LIMITS.polishSeconds, REPAIR_LIMITS.polishNodes, true);
  if (process.env.QAR_DEBUG) console.error("polish", reviews.length, (performance.now() - tp).toFixed(0));
  return pointOf(roster, old, point.proven);
}

function optionOf(context: EngineContext, point: TradeOffPoint, chosen: boolean): RepairOption {
  const allocation = point.roster.toAllocation();
  const fullTeams = checkAllocation(context.year, allocation).metrics.fullTeams;
  return { changes: point.changes, seats: point.seats, fullTeams, proven: point.proven, chosen, allocation };
}
