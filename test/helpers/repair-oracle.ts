/**
 * The exact trade-off of a repair, computed apart from the repair engine, as the oracle of the
 * property test and of `npm run bench:repair`. Whole-year MIPs only: no start, no neighbourhoods,
 * no counting bound. Two forms:
 * - `fewestChanges(s)`: the fewest changed rows of any valid allocation filling at least s seats
 *   (a seats row, the changed rows as the objective): the property test's oracle, on small years;
 * - `bestWithin(k)`: the most seats within k changed rows, then the fewest rows for them (the
 *   changed-rows row of the year model, seats before kept rows in one objective): the bench's
 *   oracle, which HiGHS proves far faster than the first form on national years.
 * The rule rows are the year model's (`buildScopeModel`, which every fresh solve uses); every
 * allocation it returns goes through the checker. Pins are not modelled (the oracle's years have none).
 */
import { checkAllocation } from "../../src/check.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation } from "../../src/model/schema.js";
import { indexYear, type Year } from "../../src/model/year.js";
import { findCandidates, type Candidate, type Candidates } from "../../src/solver/candidates.js";
import { changedRows, rowKey } from "../../src/solver/diff.js";
import { solveWithHighs, type LinearSolution } from "../../src/solver/lp.js";
import { buildScopeModel } from "../../src/solver/mip-model.js";
import { createRoster } from "../../src/solver/roster.js";

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

export function repairOracle(problem: Problem, old: Allocation, seconds = 60): RepairOracle {
  const year = indexYear(problem);
  const candidates = findCandidates(year);
  const keep = new Set(old.assignments.map(rowKey));
  const solveFor = (seats: number | undefined) => solveOracle(year, candidates, old, keep, seats, seconds);
  return {
    mostSeats: async () => {
      const answer = await solveFor(undefined);
      return answer === "infeasible" ? undefined : answer;
    },
    fewestChanges: (seats) => solveFor(seats),
    bestWithin: async (budget) => {
      const scope = { reviews: year.reviews, leads: true, peers: true, objective: "seats" as const, keep, ...(budget !== undefined ? { maxChanges: budget } : {}) };
      const built = buildScopeModel(year, candidates, createRoster(year), scope);
      const solution = await solveWithHighs(built.model, { relativeGap: 0, presolve: false, timeLimitSeconds: seconds });
      return answerOf(year, old, built.seats, solution);
    },
  };
}

/** The allocation a solution stands for, checked, with its changed rows. */
function answerOf(year: Year, old: Allocation, seats: readonly (Candidate | undefined)[], solution: LinearSolution): OracleAnswer | "infeasible" | undefined {
  if (solution.status === "infeasible") return "infeasible";
  if (solution.status === "failed") return undefined;
  const assignments = seats.flatMap((seat, j) => (seat && (solution.values[j] ?? 0) > 0.5 ? [{ reviewId: seat.review.id, role: seat.role, personId: seat.person.id }] : []));
  const check = checkAllocation(year, { assignments });
  if (!check.valid) throw new Error(`the oracle's allocation breaks a rule: ${check.violations[0]!.message}`);
  return { changes: changedRows(old, { assignments }), seats: check.metrics.filled.total, allocation: { assignments }, proven: solution.status === "optimal" };
}

async function solveOracle(year: Year, candidates: Candidates, old: Allocation, keep: ReadonlySet<string>, seats: number | undefined, seconds: number): Promise<OracleAnswer | "infeasible" | undefined> {
  const scope = { reviews: year.reviews, leads: true, peers: true, objective: "seats" as const };
  const built = buildScopeModel(year, candidates, createRoster(year), scope);
  const pair = (j: number) => built.seats[j];
  // Changed rows = old + new − 2·kept: minimise new − 2·kept, i.e. maximise Σ(kept) − Σ(not kept).
  const columns = built.model.columns.map((column, j) => {
    const seat = pair(j);
    const kept = seat && keep.has(rowKey({ role: seat.role, personId: seat.person.id, reviewId: seat.review.id }));
    return { ...column, cost: seats === undefined ? (seat ? 1 : 0) : seat ? (kept ? 1 : -1) : 0 };
  });
  const seatColumns = built.seats.flatMap((seat, j) => (seat ? [j] : []));
  const rows = seats === undefined ? built.model.rows : [...built.model.rows, { lower: seats, upper: Infinity, indices: seatColumns, values: seatColumns.map(() => 1) }];
  const solution = await solveWithHighs({ sense: "maximize", columns, rows }, { relativeGap: 0, timeLimitSeconds: seconds });
  return answerOf(year, old, built.seats, solution);
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
