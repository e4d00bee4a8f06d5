import { combineTiers, GOALS, type Goal } from "../goals/index.js";
import type { Weights } from "../model/policy.js";
import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff, isAdvanced, LEAD_SEATS, overlapCliques, peerSeatsLeft, reviewsLeft, teamRows } from "../rules/index.js";
import type { Candidate, Candidates } from "./candidates.js";
import type { LinearModel, Row } from "./lp.js";
import type { Roster } from "./roster.js";
import { rowKey } from "./diff.js";

/** Which part of the year a model re-decides; everything else in the roster stays fixed. */
export interface Scope {
  readonly reviews: readonly ReviewInfo[];
  readonly leads: boolean;
  readonly peers: boolean;
  /**
   * `policy` (default): the policy's goals, seats first. `seats`: filled seats only, each
   * worth 1 (then kept seats, when `keep` is given: repair's exact tiers), for the upper bound
   * on filled seats. `balance`: seats, then reciprocity alone
   * (a flow-like model HiGHS proves fast, before the finer goals are polished elsewhere).
   */
  readonly objective?: "policy" | "seats" | "balance";
  /** Seats of an earlier allocation (`role:person@review`): keeping one comes right after filling one (repair). */
  readonly keep?: ReadonlySet<string>;
  /**
   * At most this many changed rows against `keep` (the symmetric difference of the earlier and
   * the new allocation's `role:person@review` rows, seats outside the scope and rows that can
   * no longer be kept included): one row, for repair's trade-off between seats and changes.
   */
  readonly maxChanges?: number;
  /**
   * Teams whose staffing is held as it is (by review id: `true` staffed, `false` empty of peers):
   * the goals pass re-decides who sits where, not which teams are staffed, which keeps the model
   * close to a flow that HiGHS solves at the root.
   */
  readonly staffing?: ReadonlyMap<string, boolean>;
  /**
   * The run's clock: asked as the model is built (a whole year's takes a while). When it says
   * stop, the model is left empty (`stopped`), and a solve given the same `shouldStop` reports
   * an interrupted solve, never an optimum.
   */
  readonly shouldStop?: () => boolean;
}

/** A model of a scope and how to read its solution back as seats. */
export interface ScopeModel {
  readonly model: LinearModel;
  /** The seat each pair column stands for (other columns are auxiliaries). */
  readonly seats: readonly (Candidate | undefined)[];
  /** The staffed-team column of each review that has one, by review index. */
  readonly staffed: ReadonlyMap<number, number>;
  /** A full start for HiGHS from chosen pair columns: every auxiliary column set to match. */
  readonly startFrom: (chosen: (column: number) => boolean) => number[];
  /** The index of the changed-rows row, when the scope has `maxChanges`. */
  readonly changesRow?: number;
  /** True when `scope.shouldStop` stopped the build: the model is empty. */
  readonly stopped?: boolean;
  /** Each column's worth in the goals tier, before the tiers are combined (what a test reads back). */
  readonly goalsTier: readonly number[];
  /** By goal id: the units of that goal each of its own columns carries (pair goals are the pairs'). */
  readonly goalUnits: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

/** Columns with one coefficient per tier (seats, kept, goals) and an upper bound each. */
class Columns {
  readonly tiers: [number[], number[], number[]] = [[], [], []];
  readonly upper: number[] = [];
  readonly lower: number[] = [];
  readonly seats: (Candidate | undefined)[] = [];
  /** How each auxiliary column follows from the pair columns (for a warm start). */
  readonly derived = new Map<number, (x: (column: number) => number) => number>();
  /** Units of each goal a column carries, by goal id, for the goals no pair column carries alone. */
  readonly goalUnits = new Map<string, Map<number, number>>();
  countUnits(goal: string, column: number, units: number): void {
    const byColumn = this.goalUnits.get(goal) ?? new Map<number, number>();
    byColumn.set(column, (byColumn.get(column) ?? 0) + units);
    this.goalUnits.set(goal, byColumn);
  }
  add(costs: readonly [number, number, number], upper: number, seat?: Candidate, lower = 0): number {
    costs.forEach((cost, t) => this.tiers[t as 0 | 1 | 2].push(cost));
    this.upper.push(upper);
    this.lower.push(lower);
    this.seats.push(seat);
    return this.upper.length - 1;
  }
}

const ones = (n: number) => new Array<number>(n).fill(1);

/**
 * The allocation model of DOMAIN.md as a MIP, restricted to `scope` with the rest of `roster`
 * fixed: pair columns x (person p on review r), team columns z (team staffed, so that its
 * advanced seats are met), reciprocity deviations per school, and same-school penalties.
 * The rows come from the allocation rules (`reviewsLeft`, `overlapCliques`, `peerSeatsLeft`,
 * `LEAD_SEATS`, `advancedToStaff`, the composition caps' `teamRows`), the coefficients from the
 * goals, tier by tier. Reciprocity is per account: a school, or a trust for kinds counted by trust.
 *
 * The roster must hold no seat of the scope other than those that are to stay (pins).
 */
export function buildScopeModel(year: Year, candidates: Candidates, roster: Roster, scope: Scope): ScopeModel {
  const seatsOnly = scope.objective === "seats";
  const balance = scope.objective === "balance";
  const w = year.policy.weights;
  const columns = new Columns();
  const rows: Row[] = [];
  const byPerson = new Map<PersonInfo, { column: number; review: ReviewInfo }[]>();
  const teamColumns = new Map<string, { column: number; person: PersonInfo }[]>();
  const staffed = new Map<number, number>();
  const staffing = new Map<number, { column: number; need: number }>();

  // Asked every few dozen reviews or people, and between goals: cheap beside the work between.
  let asked = 0;
  const stop = () => scope.shouldStop !== undefined && (asked++ & 31) === 0 && scope.shouldStop();
  const roles: Role[] = [...(scope.leads ? (["lead"] as const) : []), ...(scope.peers ? (["peer"] as const) : [])];
  for (const review of scope.reviews) {
    if (stop()) return stoppedModel();
    for (const role of roles) {
      const list: { column: number; person: PersonInfo }[] = [];
      for (const candidate of (role === "lead" ? candidates.lead : candidates.peer).get(review.id) ?? []) {
        const person = candidate.person;
        if (!roster.canTake(person, review)) continue;
        const seat = seatsOnly || balance ? 1 : role === "lead" ? w.leadSeat : w.seat;
        const kept = scope.keep?.has(`${role}:${person.id}@${review.id}`) ? 1 : 0;
        const column = columns.add([seat, kept, seatsOnly || balance ? 0 : -candidate.cost], 1, candidate);
        list.push({ column, person });
        // Pushed, not copied: a person with hundreds of candidate reviews made this quadratic.
        const options = byPerson.get(person);
        if (options) options.push({ column, review });
        else byPerson.set(person, [{ column, review }]);
      }
      teamColumns.set(`${role}:${review.id}`, list);
    }
  }

  // Seats per team (team-size, one-lead), and the advanced seat: z_r = 1 when the team is staffed.
  for (const review of scope.reviews) {
    const lead = teamColumns.get(`lead:${review.id}`);
    if (lead && lead.length > 0) rows.push({ lower: -Infinity, upper: LEAD_SEATS - roster.leads(review).length, indices: lead.map((c) => c.column), values: ones(lead.length) });
    const peers = teamColumns.get(`peer:${review.id}`);
    if (!peers || peers.length === 0) continue;
    const staying = roster.peers(review);
    // The team composition caps, as their rules state them.
    for (const row of teamRows(review, peers, staying)) rows.push({ lower: -Infinity, upper: row.upper, indices: [...row.columns], values: ones(row.columns.length) });
    const open = peerSeatsLeft(review, staying.length);
    const need = Math.max(0, advancedToStaff(year, review) - staying.filter(isAdvanced).length);
    if (need === 0) {
      rows.push({ lower: -Infinity, upper: open, indices: peers.map((c) => c.column), values: ones(peers.length) });
      continue;
    }
    // Staffed (z = 1) teams hold at least `need` new advanced peers and at most `open` new peers;
    // the advanced-seat goal rides on z.
    const held = scope.staffing?.get(review.id);
    const z = columns.add([0, 0, 0], held === false ? 0 : 1, undefined, staying.length > 0 || held === true ? 1 : 0);
    staffed.set(review.index, z);
    staffing.set(review.index, { column: z, need });
    columns.derived.set(z, (x) => (staying.length > 0 || peers.some((c) => x(c.column) > 0) ? 1 : 0));
    rows.push({ lower: -Infinity, upper: 0, indices: [...peers.map((c) => c.column), z], values: [...ones(peers.length), -open] });
    const advanced = peers.filter((c) => isAdvanced(c.person));
    rows.push({ lower: 0, upper: Infinity, indices: [...advanced.map((c) => c.column), z], values: [...ones(advanced.length), -need] });
  }

  // Each person: reviews left (capacity), and at most one of any set of overlapping reviews.
  for (const [person, options] of byPerson) {
    if (stop()) return stoppedModel();
    const remaining = reviewsLeft(person, roster.duties(person).length);
    if (options.length > remaining) rows.push({ lower: -Infinity, upper: remaining, indices: options.map((o) => o.column), values: ones(options.length) });
    if (remaining < 2 || options.length < 2) continue;
    for (const clique of overlapCliques(options)) rows.push({ lower: -Infinity, upper: 1, indices: clique.map((o) => o.column), values: ones(clique.length) });
  }

  const changes = scope.maxChanges === undefined ? undefined : rows.push(changesRow(roster, scope.keep ?? new Set(), scope.maxChanges, columns)) - 1;
  // The goals' own terms: every goal's at the policy's weights; seats then reciprocity alone
  // (`balance`); and fairness, above the seats, in every objective but the bare seat bound's.
  if (scope.peers && (!seatsOnly || scope.keep)) {
    const peers = [...byPerson].filter(([person]) => person.role === "peer").flatMap(([person, options]) => options.map(({ column, review }) => ({ column, person, review })));
    const weights = seatsOnly ? { ...zeroWeights(w), seat: 1 } : balance ? { ...zeroWeights(w), seat: 1, reciprocity: 1 } : w;
    addGoalTerms(year, roster, scope, columns, rows, peers, staffing, weights, seatsOnly ? (goal) => goal.tier === "fairness" : () => true);
    if (scope.shouldStop?.()) return stoppedModel();
  }

  const steps = [seatsOnly || balance ? 1 : Math.min(w.leadSeat, w.seat), 1];
  const costs = combineTiers(columns.tiers, columns.upper, steps);
  const model: LinearModel = {
    sense: "maximize",
    columns: costs.map((cost, j) => ({ cost, lower: columns.lower[j]!, upper: columns.upper[j]!, integer: true })),
    rows,
  };
  const startFrom = (chosen: (column: number) => boolean) => {
    const x = (column: number) => (columns.seats[column] && chosen(column) ? 1 : 0);
    return columns.seats.map((_, j) => columns.derived.get(j)?.(x) ?? x(j));
  };
  return { model, seats: columns.seats, staffed, startFrom, goalsTier: columns.tiers[2], goalUnits: columns.goalUnits, ...(changes !== undefined ? { changesRow: changes } : {}) };
}

/** The empty model of a build the clock stopped. */
function stoppedModel(): ScopeModel {
  return { model: { sense: "maximize", columns: [], rows: [] }, seats: [], staffed: new Map(), startFrom: () => [], goalsTier: [], goalUnits: new Map(), stopped: true };
}

/**
 * Changed rows ≤ `maxChanges`. With `old` rows before, and the roster's fixed seats plus the
 * chosen columns after, changes = old + new − 2·kept; only the columns are free, so the row is
 * Σ x (not kept) − Σ x (kept) ≤ maxChanges − old − fixed + 2·fixed kept.
 */
function changesRow(roster: Roster, keep: ReadonlySet<string>, maxChanges: number, columns: Columns): Row {
  const fixed = roster.toAllocation().assignments;
  const fixedKept = fixed.filter((a) => keep.has(rowKey(a))).length;
  const indices: number[] = [];
  const values: number[] = [];
  columns.seats.forEach((seat, j) => {
    if (!seat) return;
    indices.push(j);
    values.push(keep.has(rowKey({ role: seat.role, personId: seat.person.id, reviewId: seat.review.id })) ? -1 : 1);
  });
  return { lower: -Infinity, upper: maxChanges - keep.size - fixed.length + 2 * fixedKept, indices, values };
}

const zeroWeights = (w: Weights): Weights => Object.fromEntries(Object.keys(w).map((key) => [key, 0])) as unknown as Weights;

/** The goals no pair column carries alone (reciprocity, staffed teams, same-school and reciprocal pairs): each goal's own terms. */
function addGoalTerms(
  year: Year,
  roster: Roster,
  scope: Scope,
  columns: Columns,
  rows: Row[],
  peers: readonly { column: number; person: PersonInfo; review: ReviewInfo }[],
  staffed: ReadonlyMap<number, { column: number; need: number }>,
  weights: Weights,
  include: (goal: Goal) => boolean,
): void {
  for (const goal of GOALS) {
    if (scope.shouldStop?.()) return;
    const weight = weights[goal.weight];
    if (!goal.mip || weight === 0 || !include(goal)) continue;
    const worth = (units: number) => (goal.sense === "cost" ? -1 : 1) * weight * units;
    // Fairness and seats count in the seats' tier (fairness priced above them by its own units).
    const tier = goal.tier === "goals" ? 2 : 0;
    goal.mip({
      year,
      state: roster,
      scope: scope.reviews,
      peers,
      staffed,
      column: (units, upper, derived, lower = 0) => {
        const j = columns.add(tier === 2 ? [0, 0, worth(units)] : [worth(units), 0, 0], upper, undefined, lower);
        columns.derived.set(j, derived);
        columns.countUnits(goal.id, j, units);
        return j;
      },
      price: (column, units) => {
        columns.tiers[tier][column] = columns.tiers[tier][column]! + worth(units);
        columns.countUnits(goal.id, column, units);
      },
      row: (lower, upper, indices, values) => rows.push({ lower, upper, indices, values }),
    });
  }
}
