import type { Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedNeeded, clashes, isAdvanced } from "../rules/index.js";
import type { Candidate, Candidates } from "./candidates.js";
import type { LinearModel, Row } from "./lp.js";
import type { Roster } from "./roster.js";

/** Which part of the year a model re-decides; everything else in the roster stays fixed. */
export interface Scope {
  readonly reviews: readonly ReviewInfo[];
  readonly leads: boolean;
  readonly peers: boolean;
  /**
   * `policy` (default): the policy's weighted objective. `seats`: filled seats only, each worth
   * 1, for the upper bound on filled seats.
   */
  readonly objective?: "policy" | "seats";
  /** Extra value for seats by `role:person@review` (repair's bonus for keeping a seat as it was). */
  readonly keep?: ReadonlyMap<string, number>;
}

/** A model of a scope and how to read its solution back as seats. */
export interface ScopeModel {
  readonly model: LinearModel;
  /** The seat each pair column stands for (other columns are auxiliaries). */
  readonly seats: readonly (Candidate | undefined)[];
}

/**
 * The allocation model of DOMAIN.md as a MIP, restricted to `scope` with the rest of `roster`
 * fixed: pair columns x (person p on review r), team columns z (team staffed, so that its
 * advanced seats are met), reciprocity deviations per school, and same-school penalties.
 * Maximises the policy's weighted objective; the weights keep the priority order.
 *
 * The roster must hold no seat of the scope other than those that are to stay (pins).
 */
export function buildScopeModel(year: Year, candidates: Candidates, roster: Roster, scope: Scope): ScopeModel {
  const seatsOnly = scope.objective === "seats";
  const w = seatsOnly
    ? { leadSeat: 1, seat: 1, advancedSeat: 0, reciprocity: 0, variety: 0, phase: 0, preference: 0, travelPerKm: 0 }
    : year.policy.weights;
  const columns: { cost: number; lower: number; upper: number; integer: boolean }[] = [];
  const rows: Row[] = [];
  const seats: (Candidate | undefined)[] = [];
  const addColumn = (cost: number, upper: number, seat?: Candidate, lower = 0) => {
    columns.push({ cost, lower, upper, integer: true });
    seats.push(seat);
    return columns.length - 1;
  };
  const byPerson = new Map<PersonInfo, { column: number; review: ReviewInfo }[]>();
  const teamColumns = new Map<string, { column: number; person: PersonInfo }[]>();

  const roles: Role[] = [...(scope.leads ? (["lead"] as const) : []), ...(scope.peers ? (["peer"] as const) : [])];
  for (const review of scope.reviews) {
    for (const role of roles) {
      if (role === "lead" && roster.lead(review)) continue;
      const key = `${role}:${review.id}`;
      const list: { column: number; person: PersonInfo }[] = [];
      const onTeam = new Set(role === "peer" ? roster.peers(review) : []);
      for (const candidate of (role === "lead" ? candidates.lead : candidates.peer).get(review.id) ?? []) {
        const person = candidate.person;
        if (onTeam.has(person)) continue;
        const duties = roster.duties(person);
        if (duties.length >= person.maxReviews) continue;
        if (duties.some((other) => clashes(other.span, review.span))) continue;
        const value = (role === "lead" ? w.leadSeat : w.seat) - (seatsOnly ? 0 : candidate.cost) + (scope.keep?.get(`${role}:${person.id}@${review.id}`) ?? 0);
        const column = addColumn(value, 1, candidate);
        list.push({ column, person });
        byPerson.set(person, [...(byPerson.get(person) ?? []), { column, review }]);
      }
      teamColumns.set(key, list);
    }
  }

  // Seats per team, and the advanced seat: z_r = 1 when the team is staffed.
  for (const review of scope.reviews) {
    const lead = teamColumns.get(`lead:${review.id}`);
    if (lead && lead.length > 0) rows.push({ lower: -Infinity, upper: 1, indices: lead.map((c) => c.column), values: lead.map(() => 1) });
    const peers = teamColumns.get(`peer:${review.id}`);
    if (!peers || peers.length === 0) continue;
    const staying = roster.peers(review);
    const open = review.peerSeats - staying.length;
    const need = advancedNeeded(year.policy.minAdvancedPerTeam, review.peerSeats, 1);
    const haveAdvanced = staying.filter(isAdvanced).length;
    if (need === 0 || haveAdvanced >= need) {
      rows.push({ lower: -Infinity, upper: open, indices: peers.map((c) => c.column), values: peers.map(() => 1) });
      continue;
    }
    // Staffed (z = 1) teams hold at least `need` advanced peers and at most `open` new peers;
    // the weight of the advanced seats rides on z.
    const z = addColumn((need - haveAdvanced) * w.advancedSeat, 1, undefined, staying.length > 0 ? 1 : 0);
    rows.push({ lower: -Infinity, upper: 0, indices: [...peers.map((c) => c.column), z], values: [...peers.map(() => 1), -open] });
    const advanced = peers.filter((c) => isAdvanced(c.person));
    rows.push({ lower: 0, upper: Infinity, indices: [...advanced.map((c) => c.column), z], values: [...advanced.map(() => 1), -(need - haveAdvanced)] });
  }

  // Each person: remaining capacity, and at most one of any set of overlapping reviews.
  for (const [person, options] of byPerson) {
    const remaining = person.maxReviews - roster.duties(person).length;
    if (options.length > remaining) rows.push({ lower: -Infinity, upper: remaining, indices: options.map((o) => o.column), values: options.map(() => 1) });
    if (remaining < 2 || options.length < 2) continue;
    // Maximal cliques of an interval graph: the reviews running on each review's first day.
    const seen = new Set<string>();
    for (const { review } of options) {
      const clique = options.filter((o) => o.review.span.from <= review.span.from && review.span.from <= o.review.span.to);
      if (clique.length < 2) continue;
      const key = clique.map((o) => o.column).join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ lower: -Infinity, upper: 1, indices: clique.map((o) => o.column), values: clique.map(() => 1) });
    }
  }

  if (scope.peers && !seatsOnly) {
    // Reciprocity: deviation d_s >= |fixed_s + sum x - target_s| for every school with a column.
    const bySchool = new Map<string, number[]>();
    for (const [person, options] of byPerson) {
      if (!person.school) continue;
      bySchool.set(person.school.id, [...(bySchool.get(person.school.id) ?? []), ...options.map((o) => o.column)]);
    }
    for (const [schoolId, cols] of [...bySchool].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const base = roster.sent(schoolId) - (year.target.get(schoolId) ?? 0);
      const d = addColumn(-w.reciprocity, Infinity);
      rows.push({ lower: -base, upper: Infinity, indices: [d, ...cols], values: [1, ...cols.map(() => 1)] });
      rows.push({ lower: base, upper: Infinity, indices: [d, ...cols], values: [1, ...cols.map(() => -1)] });
    }
    // Variety: a second reviewer of one school on one team costs w.variety.
    if (w.variety > 0) {
      for (const review of scope.reviews) {
        const bySchoolOnTeam = new Map<string, number[]>();
        for (const { column, person } of teamColumns.get(`peer:${review.id}`) ?? []) {
          if (person.school) bySchoolOnTeam.set(person.school.id, [...(bySchoolOnTeam.get(person.school.id) ?? []), column]);
        }
        for (const [schoolId, cols] of bySchoolOnTeam) {
          const already = roster.peers(review).filter((p) => p.school?.id === schoolId).length;
          if (cols.length + already < 2) continue;
          const v = addColumn(-w.variety, Infinity);
          rows.push({ lower: -Infinity, upper: 1 - already, indices: [...cols, v], values: [...cols.map(() => 1), -1] });
        }
      }
    }
  }

  const model: LinearModel = { sense: "maximize", columns, rows };
  return { model: { sense: "maximize", columns, rows }, seats };
}
