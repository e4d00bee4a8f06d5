import { byText, indexCohort, type CohortIndex, type MemberInfo } from "./cohort.js";
import { checkGroups, type GroupCheck } from "./check.js";
import { blocksOf, enumerateGroups, membersOf, programmeBlock, TooManyGroupsError, type Block } from "./enumerate.js";
import { solveExactly, type ExactSolution } from "./exact.js";
import { explainUnplaced, explainUncovered, type UncoveredGroup } from "./explain.js";
import { staffGroups, type FormedGroup } from "./facilitators.js";
import { groupKm } from "./goals.js";
import { buildBlockModel } from "./grouping-model.js";
import { solveBySubsets } from "./subsets.js";
import type { Cohort, Group, Grouping } from "./model.js";

/**
 * How `group` solves: its limits and method.
 *
 * @example
 * const result = await group(cohort, { timeLimitMs: 30_000, remedies: false } satisfies GroupOptions);
 */
export interface GroupOptions {
  /** Wall-clock safety net in milliseconds (a run it stops is not reproducible byte for byte). */
  readonly timeLimitMs?: number;
  /** Branch-and-bound nodes per MIP: a work limit, so a limited run is reproducible; default 200 000. */
  readonly maxNodes?: number;
  /** The clock, in milliseconds (injectable for tests and workers). */
  readonly now?: () => number;
  /** Explain unplaced schools with the policy changes that would place them, by solving again (default true). */
  readonly remedies?: boolean;
  /**
   * `auto` (default): blocks of up to 12 schools by dynamic programming over subsets, larger
   * ones by the MIP; `mip`: every block by the MIP (to compare, and to test the MIP on small cases).
   */
  readonly method?: "auto" | "mip";
}

/** What the solve did for one block (a programme's phase, or a whole programme when exceptions are allowed). */
export interface BlockReport {
  readonly programme: string;
  /** The block's phases, comma-separated. */
  readonly phases: string;
  readonly schools: number;
  /** `subsets` (dynamic programming, small blocks) or `mip` (LP bound, reduced-cost fixing, HiGHS). */
  readonly method: "subsets" | "mip";
  /** Groups the rules allow in the block. */
  readonly candidates: number;
  /** Candidates in the last MIP (reduced cost within the gap). */
  readonly kept: number;
  readonly mips: number;
  readonly lpBound: number;
  readonly objective: number;
  readonly bound: number;
  readonly proven: boolean;
  readonly ms: number;
}

/** Bounds no valid grouping can beat. */
export interface GroupBound {
  /** Most cohort places any valid grouping can place. */
  readonly placed: number;
  /** Fewest kilometres (pairs within groups) among groupings as good on every earlier goal. */
  readonly journeysKm: number;
}

/**
 * What `group` gives: the grouping, its check, its bounds and how the solve went.
 *
 * @example
 * const result: GroupResult = await group(cohort);
 * console.log(`${result.check.metrics.placed} of ${result.bound.placed} placed, ${result.status}`);
 */
export interface GroupResult {
  /** `optimal` when every block and the staffing were proven optimal. */
  readonly status: "optimal" | "feasible";
  readonly grouping: Grouping;
  /** The checker's verdict and figures for `grouping` (always valid). */
  readonly check: GroupCheck;
  readonly bound: GroupBound;
  /** `(bound − placed) / bound` on placed schools. */
  readonly gap: number;
  /** `(km − bound) / km` on journeys. */
  readonly journeysGap: number;
  readonly proven: boolean;
  readonly stoppedBy: "proven-optimal" | "work-limit" | "time-limit";
  readonly blocks: readonly BlockReport[];
  /** Groups left without a facilitator, each with the reason. */
  readonly uncovered: readonly UncoveredGroup[];
  readonly elapsedMs: number;
}

export const DEFAULT_MAX_NODES = 200_000;

/** The solver limits, and the method, of one solve. */
interface Limits {
  readonly timeLimitSeconds?: number;
  readonly maxNodes?: number;
  readonly method?: "auto" | "mip";
}

const solverLimits = ({ timeLimitSeconds, maxNodes }: Limits) => ({ ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}), ...(maxNodes !== undefined ? { maxNodes } : {}) });

interface BlockOutcome {
  readonly block: Block;
  readonly report: BlockReport;
  readonly groups: readonly (readonly MemberInfo[])[];
  readonly unplaced: readonly MemberInfo[];
  /** Member key → candidate groups containing it. */
  readonly options: ReadonlyMap<string, number>;
  /** The objective's part above journeys: the solution's placement goals, weighted. */
  readonly upper: number;
  /** The weight of one unplaced school in the block's objective. */
  readonly placedWeight: number;
}

async function solveBlock(index: CohortIndex, block: Block, limits: Limits, now: () => number): Promise<BlockOutcome> {
  const started = now();
  const candidates = enumerateGroups(index, block);
  const { model, weights, limitRows } = buildBlockModel(index, block, candidates);
  const small = limits.method === "mip" ? undefined : solveBySubsets(model, block.members.length, limitRows);
  const solution: ExactSolution = small ?? (await solveExactly(model, solverLimits(limits)));
  const groups = solution.chosen.map((c) => membersOf(candidates, c).map((m) => block.members[m]!));
  const unplaced = block.members.filter((_, m) => (solution.fixed[m] ?? 0) > 0.5);
  const options = new Map(block.members.map((m) => [m.key, 0]));
  for (const m of candidates.member) options.set(block.members[m]!.key, options.get(block.members[m]!.key)! + 1);
  const km = groups.reduce((sum, g) => sum + groupKm(g), 0);
  const report: BlockReport = {
    programme: block.programme,
    phases: [...new Set(block.members.map((m) => m.school.phase))].sort().join(","),
    schools: block.members.length,
    method: small ? "subsets" : "mip",
    candidates: candidates.count,
    kept: solution.kept,
    mips: solution.mips,
    lpBound: solution.lpBound,
    objective: solution.objective,
    bound: solution.bound,
    proven: solution.status === "optimal",
    ms: now() - started,
  };
  return { block, report, groups, unplaced, options, upper: solution.objective - km * weights.journeys!, placedWeight: weights.placed! };
}

/**
 * Solves every block. Phases are solved apart; when a programme's phases together use more
 * groups of one more school than the policy allows (each alone may use them all), the
 * programme is solved again as one block.
 */
async function solveBlocks(index: CohortIndex, limits: () => Limits, now: () => number): Promise<BlockOutcome[]> {
  const outcomes: BlockOutcome[] = [];
  for (const block of blocksOf(index)) outcomes.push(await solveBlock(index, block, limits(), now));
  const oversize = (o: BlockOutcome) => o.groups.filter((g) => g.length > index.policy.maxGroupSize).length;
  const result: BlockOutcome[] = [];
  for (const programme of index.programmes.map((p) => p.name)) {
    const own = outcomes.filter((o) => o.block.programme === programme);
    const used = own.reduce((n, o) => n + oversize(o), 0);
    result.push(...(own.length > 1 && used > index.policy.oversizeGroups ? [await solveBlock(index, programmeBlock(index, programme), limits(), now)] : own));
  }
  return result;
}

/** Groups with ids: a programme's groups numbered G01, G02, ... in order of their first school id. */
function numbered(formed: readonly FormedGroup[], facilitators: readonly (string | undefined)[]): Group[] {
  const order = formed.map((g, i) => i).sort((a, b) => byText(formed[a]!.programme, formed[b]!.programme) || byText(formed[a]!.members[0]!.school.id, formed[b]!.members[0]!.school.id));
  const count = new Map<string, number>();
  for (const g of formed) count.set(g.programme, (count.get(g.programme) ?? 0) + 1);
  const next = new Map<string, number>();
  return order.map((i) => {
    const g = formed[i]!;
    const n = next.get(g.programme) ?? 0;
    next.set(g.programme, n + 1);
    const facilitator = facilitators[i];
    return {
      programme: g.programme,
      groupId: `G${String(n + 1).padStart(Math.max(2, String(count.get(g.programme)).length), "0")}`,
      schoolIds: g.members.map((m) => m.school.id),
      facilitatorIds: facilitator !== undefined ? [facilitator] : [],
    };
  });
}

/** Remedies are tried only on blocks up to this many candidate groups (they are advice, not the plan). */
export const REMEDY_MAX_CANDIDATES = 40_000;
const REMEDY_MAX_NODES = 20_000;

/**
 * The members a cohort leaves unplaced, by key, as the engine groups it (the journeys guide
 * the search; the placement goals come first all the same); undefined when a block is too
 * large to try. `proven` is false when a work limit stopped a block.
 */
async function unplacedKeys(cohort: Cohort, limits: () => Limits, now: () => number): Promise<{ left: ReadonlySet<string>; proven: boolean } | undefined> {
  const index = indexCohort(cohort);
  const blocks = blocksOf(index);
  try {
    if (blocks.some((block) => enumerateGroups(index, block).count > REMEDY_MAX_CANDIDATES)) return undefined;
  } catch (error) {
    if (error instanceof TooManyGroupsError) return undefined;
    throw error;
  }
  const outcomes = await solveBlocks(index, () => ({ ...limits(), maxNodes: REMEDY_MAX_NODES }), now);
  return { left: new Set(outcomes.flatMap((o) => o.unplaced.map((m) => m.key))), proven: outcomes.every((o) => o.report.proven) };
}

/**
 * Groups a cohort's schools into trios and quads (the policy's sizes) beyond their locality,
 * with a facilitator for each group: every school placed where the rules allow it, then no
 * repeated pairs, then short journeys; then as many groups staffed as possible, with even
 * loads. Proves optimality with an LP bound and reduced-cost fixing, and explains each school
 * it cannot place.
 *
 * @example
 * const result = await group(cohort);
 * console.log(`${result.check.metrics.placed}/${result.check.metrics.schools} placed, gap ${result.gap}`);
 * for (const u of result.grouping.unplaced) console.log(`${u.schoolId}: ${u.reason}`);
 */
export async function group(cohort: Cohort, options: GroupOptions = {}): Promise<GroupResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = options.timeLimitMs === undefined ? Infinity : started + options.timeLimitMs;
  const limits = (): Limits => ({
    maxNodes: options.maxNodes ?? DEFAULT_MAX_NODES,
    ...(options.method ? { method: options.method } : {}),
    ...(deadline === Infinity ? {} : { timeLimitSeconds: Math.max(0.05, (deadline - now()) / 1000) }),
  });
  const index = indexCohort(cohort);
  const outcomes = await solveBlocks(index, limits, now);
  const formed: FormedGroup[] = outcomes.flatMap((o) => o.groups.map((members) => ({ programme: o.block.programme, members })));
  const staffing = await staffGroups(index, formed, solverLimits(limits()));
  const groups = numbered(formed, staffing.facilitator.map((f) => (f === undefined ? undefined : index.facilitators[f]!.id)));
  const found = { options: new Map(outcomes.flatMap((o) => [...o.options])), proven: outcomes.every((o) => o.report.proven) };
  const unplaced = await explainUnplaced(index, outcomes.flatMap((o) => o.unplaced), found, options.remedies === false ? undefined : (c) => unplacedKeys(c, limits, now));
  const grouping: Grouping = { groups, unplaced };
  const check = checkGroups(index, grouping);
  if (!check.valid) throw new Error(`the grouping engine broke a rule: ${check.violations[0]!.message}`);
  const bound: GroupBound = {
    placed: outcomes.reduce((sum, o) => sum + o.block.members.length - Math.floor(o.report.bound / o.placedWeight + 1e-9), 0),
    journeysKm: outcomes.reduce((sum, o) => sum + Math.max(0, Math.ceil(o.report.bound - o.upper - 1e-6)), 0),
  };
  const placed = check.metrics.placed;
  const km = check.metrics.goals.journeys ?? 0;
  const proven = staffing.proven && outcomes.every((o) => o.report.proven);
  return {
    status: proven ? "optimal" : "feasible",
    grouping,
    check,
    bound,
    gap: bound.placed === 0 ? 0 : Math.max(0, (bound.placed - placed) / bound.placed),
    journeysGap: km === 0 ? 0 : Math.max(0, (km - bound.journeysKm) / km),
    proven,
    stoppedBy: proven ? "proven-optimal" : now() >= deadline ? "time-limit" : "work-limit",
    blocks: outcomes.map((o) => o.report),
    uncovered: explainUncovered(index, grouping),
    elapsedMs: now() - started,
  };
}
