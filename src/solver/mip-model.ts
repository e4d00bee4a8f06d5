import { fairnessOn, fairTeamNeed } from "../goals/fairness.js";
import { combineTiers } from "../goals/index.js";
import type { Role } from "../model/schema.js";
import { accountOf, type PersonInfo, type ReviewInfo, type Year } from "../model/year.js";
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
}

/** Columns with one coefficient per tier (seats, kept, goals) and an upper bound each. */
class Columns {
  readonly tiers: [number[], number[], number[]] = [[], [], []];
  readonly upper: number[] = [];
  readonly lower: number[] = [];
  readonly seats: (Candidate | undefined)[] = [];
  /** How each auxiliary column follows from the pair columns (for a warm start). */
  readonly derived = new Map<number, (x: (column: number) => number) => number>();
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

  const roles: Role[] = [...(scope.leads ? (["lead"] as const) : []), ...(scope.peers ? (["peer"] as const) : [])];
  for (const review of scope.reviews) {
    for (const role of roles) {
      const list: { column: number; person: PersonInfo }[] = [];
      for (const candidate of (role === "lead" ? candidates.lead : candidates.peer).get(review.id) ?? []) {
        const person = candidate.person;
        if (!roster.canTake(person, review)) continue;
        const seat = seatsOnly || balance ? 1 : role === "lead" ? w.leadSeat : w.seat;
        const kept = scope.keep?.has(`${role}:${person.id}@${review.id}`) ? 1 : 0;
        const column = columns.add([seat, kept, seatsOnly || balance ? 0 : -candidate.cost], 1, candidate);
        list.push({ column, person });
        byPerson.set(person, [...(byPerson.get(person) ?? []), { column, review }]);
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
    const z = columns.add([0, 0, seatsOnly || balance ? 0 : need * w.advancedSeat], 1, undefined, staying.length > 0 ? 1 : 0);
    staffed.set(review.index, z);
    columns.derived.set(z, (x) => (staying.length > 0 || peers.some((c) => x(c.column) > 0) ? 1 : 0));
    rows.push({ lower: -Infinity, upper: 0, indices: [...peers.map((c) => c.column), z], values: [...ones(peers.length), -open] });
    const advanced = peers.filter((c) => isAdvanced(c.person));
    rows.push({ lower: 0, upper: Infinity, indices: [...advanced.map((c) => c.column), z], values: [...ones(advanced.length), -need] });
  }

  // Each person: reviews left (capacity), and at most one of any set of overlapping reviews.
  for (const [person, options] of byPerson) {
    const remaining = reviewsLeft(person, roster.duties(person).length);
    if (options.length > remaining) rows.push({ lower: -Infinity, upper: remaining, indices: options.map((o) => o.column), values: ones(options.length) });
    if (remaining < 2 || options.length < 2) continue;
    for (const clique of overlapCliques(options)) rows.push({ lower: -Infinity, upper: 1, indices: clique.map((o) => o.column), values: ones(clique.length) });
  }

  // Fairness (the policy's protected teams) in every objective but the bare seat bound's.
  if (scope.peers && (!seatsOnly || scope.keep)) addFairnessColumns(year, roster, scope, columns, rows, teamColumns, seatsOnly || balance ? 1 : w.seat);
  const changes = scope.maxChanges === undefined ? undefined : rows.push(changesRow(roster, scope.keep ?? new Set(), scope.maxChanges, columns)) - 1;
  if (scope.peers && !seatsOnly) addGoalColumns(year, roster, scope, columns, rows, byPerson, teamColumns, balance);

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
  return { model, seats: columns.seats, staffed, startFrom, ...(changes !== undefined ? { changesRow: changes } : {}) };
}

/**
 * Fairness (`src/goals/fairness.ts`): a column per protected team in the scope counting its
 * first peers up to its need (f ≤ new peers, f ≤ need − staying), in the seats tier at a price
 * above every peer seat of the scope together, so that one more protected peer outweighs any
 * number of other seats (Lead Reviewer seats come from another pool and never trade with them).
 */
function addFairnessColumns(
  year: Year,
  roster: Roster,
  scope: Scope,
  columns: Columns,
  rows: Row[],
  teamColumns: ReadonlyMap<string, readonly { column: number; person: PersonInfo }[]>,
  seatWeight: number,
): void {
  if (!fairnessOn(year.policy)) return;
  const openSeats = scope.reviews.reduce((n, review) => n + peerSeatsLeft(review, roster.peers(review).length), 0);
  const price = seatWeight * (openSeats + 1);
  for (const review of scope.reviews) {
    const peers = teamColumns.get(`peer:${review.id}`) ?? [];
    const room = fairTeamNeed(year, review) - roster.peers(review).length;
    if (room <= 0 || peers.length === 0) continue;
    const f = columns.add([price, 0, 0], room);
    columns.derived.set(f, (x) => Math.min(room, peers.reduce((n, c) => n + x(c.column), 0)));
    rows.push({ lower: -Infinity, upper: 0, indices: [f, ...peers.map((c) => c.column)], values: [1, ...peers.map(() => -1)] });
  }
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

/** Reciprocity deviations per school and same-school penalties per team: the goals a pair cannot carry alone. */
function addGoalColumns(
  year: Year,
  roster: Roster,
  scope: Scope,
  columns: Columns,
  rows: Row[],
  byPerson: ReadonlyMap<PersonInfo, readonly { column: number; review: ReviewInfo }[]>,
  teamColumns: ReadonlyMap<string, readonly { column: number; person: PersonInfo }[]>,
  balanceOnly: boolean,
): void {
  const w = balanceOnly ? { ...year.policy.weights, reciprocity: 1, variety: 0 } : year.policy.weights;
  // Reciprocity: deviation d_a >= |fixed_a + sum x - target_a| for every account with a column.
  const byAccount = new Map<string, number[]>();
  for (const [person, options] of byPerson) {
    for (const { column, review } of options) {
      const account = accountOf(person, review);
      if (account === undefined) continue;
      const list = byAccount.get(account);
      if (list) list.push(column);
      else byAccount.set(account, [column]);
    }
  }
  for (const [account, cols] of [...byAccount].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const base = roster.sent(account) - (year.target.get(account) ?? 0);
    const d = columns.add([0, 0, -w.reciprocity], Math.abs(base) + cols.length);
    columns.derived.set(d, (x) => Math.abs(base + cols.reduce((n, c) => n + x(c), 0)));
    rows.push({ lower: -base, upper: Infinity, indices: [d, ...cols], values: [1, ...ones(cols.length)] });
    rows.push({ lower: base, upper: Infinity, indices: [d, ...cols], values: [1, ...cols.map(() => -1)] });
  }
  // Variety: a second reviewer of one school on one team costs w.variety.
  if (w.variety <= 0) return;
  for (const review of scope.reviews) {
    const bySchoolOnTeam = new Map<string, number[]>();
    for (const { column, person } of teamColumns.get(`peer:${review.id}`) ?? []) {
      if (person.school) bySchoolOnTeam.set(person.school.id, [...(bySchoolOnTeam.get(person.school.id) ?? []), column]);
    }
    for (const [schoolId, cols] of bySchoolOnTeam) {
      const already = roster.peers(review).filter((p) => p.school?.id === schoolId).length;
      if (cols.length + already < 2) continue;
      const v = columns.add([0, 0, -w.variety], cols.length + already);
      columns.derived.set(v, (x) => Math.max(0, cols.reduce((n, c) => n + x(c), 0) + already - 1));
      rows.push({ lower: -Infinity, upper: 1 - already, indices: [...cols, v], values: [...ones(cols.length), -1] });
    }
  }
}
