/**
 * The exact trade-off of a repair, computed apart from the engines, as the oracle of the property
 * test and of `npm run bench:repair`. The model is stated here from DOMAIN.md's hard rules and
 * shares nothing with the engines' models (no candidate lists, no roster, no `buildScopeModel`):
 * - a column x for every (person, review, role) that every pair rule allows (`allowedPair`, the
 *   rule modules' own statement, which the checker reads too);
 * - at most one Lead Reviewer per review; at most `peerSeats` peers, and a team with any peer
 *   holds min(minAdvancedPerTeam, peerSeats) advanced peers (a 0/1 column z per team: staffed);
 * - nobody over their `maxReviews`, nobody on two reviews that share a day (one row per person
 *   per day a review of theirs starts: two reviews overlap exactly when one covers the other's
 *   first day).
 * Whole-year MIPs only: no start, no neighbourhoods, no counting bound. Two forms:
 * - `fewestChanges(s)`: the fewest changed rows of any valid allocation filling at least s seats
 *   (a seats row, the changed rows as the objective): the property test's oracle, on small years;
 * - `bestWithin(k)`: the most seats within k changed rows, then the fewest rows for them (one
 *   objective, seats weighted above any count of rows): the bench's oracle.
 * Changed rows are |old| + Σx − 2·Σ(x of an old row). Every allocation it returns goes through
 * the checker. Years with composition caps or fix pins are refused (not modelled); forbid pins
 * are a pair rule (`ruled-out`) and are modelled.
 */
import { checkAllocation } from "../../src/check.js";
import { parseDay } from "../../src/model/dates.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation, Role } from "../../src/model/schema.js";
import { indexYear, type PersonInfo, type ReviewInfo, type Year } from "../../src/model/year.js";
import { allowedPair } from "../../src/rules/index.js";
import { solveWithHighs, type Column, type LinearSolution, type Row } from "../../src/solver/lp.js";

export interface OracleAnswer {
  readonly changes: number;
  readonly seats: number;
  readonly allocation: Allocation;
  /** HiGHS proved it within the time limit. */
  readonly proven: boolean;
}

/** The oracle of one year after a change, against the earlier allocation `old`. */
export interface RepairOracle {
  /** The most seats of any valid allocation (changes aside). */
  mostSeats(): Promise<OracleAnswer | undefined>;
  /** The fewest changed rows of any valid allocation with at least `seats` seats. */
  fewestChanges(seats: number): Promise<OracleAnswer | "infeasible" | undefined>;
  /** The most seats within `budget` changed rows (any number when undefined), then the fewest rows for them. */
  bestWithin(budget: number | undefined): Promise<OracleAnswer | "infeasible" | undefined>;
}

interface Pair {
  readonly person: PersonInfo;
  readonly review: ReviewInfo;
  readonly role: Role;
}

/** The year's hard rules as rows over the pair columns (the first `pairs.length`) and one staffed column per team that needs advanced peers. */
interface OracleModel {
  readonly pairs: readonly Pair[];
  readonly columns: number;
  readonly rows: readonly Row[];
}

const row = (indices: number[], values: number[], lower: number, upper: number): Row => ({ indices, values, lower, upper });

function oracleModel(year: Year): OracleModel {
  if (year.problem.pins.some((p) => p.kind === "fix")) throw new Error("the repair oracle does not model fix pins");
  if (year.reviews.some((r) => r.kind.maxPerTrustPerTeam !== null || r.kind.maxPerHubPerTeam !== null || r.kind.maxTraineesPerTeam !== null)) {
    throw new Error("the repair oracle does not model the team composition caps");
  }
  const pairs: Pair[] = [];
  for (const review of year.reviews) {
    for (const person of year.leads) if (allowedPair(year, person, review)) pairs.push({ person, review, role: "lead" });
    for (const person of year.reviewers) if (allowedPair(year, person, review)) pairs.push({ person, review, role: "peer" });
  }
  const rows: Row[] = [];
  let columns = pairs.length;
  const team = new Map<string, number[]>();
  pairs.forEach((p, j) => {
    const key = `${p.role}@${p.review.id}`;
    const members = team.get(key);
    if (members) members.push(j);
    else team.set(key, [j]);
  });
  for (const review of year.reviews) {
    const leads = team.get(`lead@${review.id}`) ?? [];
    if (leads.length > 1) rows.push(row(leads, leads.map(() => 1), -Infinity, 1));
    const peers = team.get(`peer@${review.id}`) ?? [];
    if (peers.length === 0) continue;
    const need = Math.min(review.kind.minAdvancedPerTeam, review.peerSeats);
    if (need === 0) {
      rows.push(row(peers, peers.map(() => 1), -Infinity, review.peerSeats));
      continue;
    }
    const staffed = columns++;
    // Σ peers ≤ seats·z, Σ advanced peers ≥ need·z: any peer makes the team staffed, and a staffed team has its advanced peers.
    rows.push(row([...peers, staffed], [...peers.map(() => 1), -review.peerSeats], -Infinity, 0));
    const advanced = peers.filter((j) => pairs[j]!.person.level === "advanced");
    rows.push(row([...advanced, staffed], [...advanced.map(() => 1), -need], 0, Infinity));
  }
  const byPerson = new Map<PersonInfo, number[]>();
  pairs.forEach((p, j) => {
    const mine = byPerson.get(p.person);
    if (mine) mine.push(j);
    else byPerson.set(p.person, [j]);
  });
  for (const [person, mine] of byPerson) {
    if (mine.length > person.maxReviews) rows.push(row(mine, mine.map(() => 1), -Infinity, person.maxReviews));
    const firstDays = new Set(mine.map((j) => firstDay(pairs[j]!.review)));
    for (const day of firstDays) {
      const covering = mine.filter((j) => firstDay(pairs[j]!.review) <= day && day <= lastDay(pairs[j]!.review));
      if (covering.length > 1) rows.push(row(covering, covering.map(() => 1), -Infinity, 1));
    }
  }
  return { pairs, columns, rows };
}

// From the review as written (start and days), not from the indexed span.
const firstDay = (review: ReviewInfo) => parseDay(review.review.start)!;
const lastDay = (review: ReviewInfo) => firstDay(review) + review.review.days - 1;

const rowKey = (a: { reviewId: string; role: string; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;

export function repairOracle(problem: Problem, old: Allocation, seconds = 60): RepairOracle {
  const year = indexYear(problem);
  const model = oracleModel(year);
  const oldRows = new Set(old.assignments.map(rowKey));
  const kept = model.pairs.map((p) => oldRows.has(rowKey({ reviewId: p.review.id, role: p.role, personId: p.person.id })));
  const pairColumns = model.pairs.map((_, j) => j);
  /** Maximises `cost` per pair column under the rules and `extra` rows. */
  const solve = async (cost: (j: number) => number, extra: Row[] = []) => {
    const columns: Column[] = Array.from({ length: model.columns }, (_, j) => ({ cost: j < model.pairs.length ? cost(j) : 0, lower: 0, upper: 1, integer: true }));
    const solution = await solveWithHighs({ sense: "maximize", columns, rows: [...model.rows, ...extra] }, { relativeGap: 0, timeLimitSeconds: seconds });
    return answerOf(year, old, model.pairs, solution);
  };
  // Maximising Σ kept − Σ not kept is minimising the changed rows |old| + Σx − 2·Σ kept.
  const fewerRows = (j: number) => (kept[j] ? 1 : -1);
  return {
    mostSeats: async () => {
      const answer = await solve(() => 1);
      return answer === "infeasible" ? undefined : answer;
    },
    fewestChanges: (seats) => solve(fewerRows, [row(pairColumns, pairColumns.map(() => 1), seats, Infinity)]),
    bestWithin: (budget) => {
      // One more seat outweighs every change of rows there can be.
      const seat = 2 * model.pairs.length + 1;
      const within = budget === undefined ? [] : [row(pairColumns, pairColumns.map((j) => -fewerRows(j)), -Infinity, budget - old.assignments.length)];
      return solve((j) => seat + fewerRows(j), within);
    },
  };
}

/** The allocation a solution stands for, checked, with its changed rows. */
function answerOf(year: Year, old: Allocation, pairs: readonly Pair[], solution: LinearSolution): OracleAnswer | "infeasible" | undefined {
  if (solution.status === "infeasible") return "infeasible";
  if (solution.status === "failed") return undefined;
  const assignments = pairs.flatMap((p, j) => ((solution.values[j] ?? 0) > 0.5 ? [{ reviewId: p.review.id, role: p.role, personId: p.person.id }] : []));
  const check = checkAllocation(year, { assignments });
  if (!check.valid) throw new Error(`the oracle's allocation breaks a rule: ${check.violations[0]!.message}`);
  const oldRows = new Set(old.assignments.map(rowKey));
  const keptRows = assignments.filter((a) => oldRows.has(rowKey(a))).length;
  return { changes: old.assignments.length + assignments.length - 2 * keptRows, seats: check.metrics.filled.total, allocation: { assignments }, proven: solution.status === "optimal" };
}

/**
 * The exact trade-off by the oracle, fewest changes first; `undefined` when a solve was not
 * proven in time. `budget` (the bench's form): the most seats, then for each budget one row
 * below the last point the most seats within it, until no valid allocation fits. `seats` (the
 * property test's form, further from the engine's): for the most seats and each seat count below
 * it the fewest changed rows, down to the fewest changes of all.
 */
export async function oracleTradeOff(oracle: RepairOracle, form: "budget" | "seats" = "budget", downTo = 0): Promise<{ changes: number; seats: number }[] | undefined> {
  const points: { changes: number; seats: number }[] = [];
  if (form === "budget") {
    // `downTo`: stop once a point has no more seats than this (the curve above it is complete).
    for (let budget: number | undefined = undefined; budget === undefined || (budget >= 0 && points.at(-1)!.seats > downTo); budget = points.at(-1)!.changes - 1) {
      const answer = await oracle.bestWithin(budget);
      if (answer === "infeasible") break;
      if (!answer || !answer.proven) return undefined;
      points.push({ changes: answer.changes, seats: answer.seats });
    }
    return points.reverse();
  }
  const floor = await oracle.fewestChanges(0);
  const most = await oracle.mostSeats();
  if (!floor || floor === "infeasible" || !floor.proven || !most?.proven) return undefined;
  for (let seats = most.seats; seats >= 0; seats -= 1) {
    const answer = await oracle.fewestChanges(seats);
    if (!answer || answer === "infeasible" || !answer.proven) return undefined;
    if (points.at(-1)?.changes !== answer.changes) points.push({ changes: answer.changes, seats });
    if (answer.changes === floor.changes) break;
  }
  return points.reverse();
}
