import { accountOf } from "../model/accounts.js";
import type { Year } from "../model/year.js";
import type { Placement } from "../rules/types.js";
import type { Goal } from "./types.js";

/**
 * One school's reciprocity account: places its reviewers fill elsewhere against its target.
 *
 * @example
 * const owing = result.check.ledger.filter((row: LedgerRow) => row.balance < 0).map((row) => `${row.schoolId} owes ${-row.balance}`);
 */
export interface LedgerRow {
  readonly schoolId: string;
  /** Peer seats filled at the reviews the school hosts, in this allocation. */
  readonly seatsReceived: number;
  readonly placesSent: number;
  /** `placesSent - target`: negative means the school owes places. */
  readonly balance: number;
  /** The target: peer seats of the reviews the school hosts, plus any carry-over (never below 0). */
  readonly target: number;
}

/**
 * One trust's reciprocity account, for the kinds counted by trust (Trust Peer Reviews): the
 * places its schools' people fill on those reviews against the seats of those it hosts.
 *
 * @example
 * for (const row of result.check.trustLedger) console.log(`${row.trustId}: sent ${row.placesSent} of ${row.target}`);
 */
export interface TrustLedgerRow {
  readonly trustId: string;
  /** Peer seats filled at the reviews counted by trust that the trust hosts, in this allocation. */
  readonly seatsReceived: number;
  readonly placesSent: number;
  /** `placesSent - target`: negative means the trust owes places. */
  readonly balance: number;
  /** The target: peer seats of the reviews counted by trust that the trust hosts. */
  readonly target: number;
}

/** What the reciprocity measures read of an account's row, a school's or a trust's. */
type Balanced = Pick<LedgerRow, "balance">;

/** Soft goal 2: each school sends as many reviewer-places as its own review has peer seats. */
export const reciprocityGoal = {
  id: "reciprocity",
  summary: "Each school sends as many reviewer-places to other reviews as its own review has peer seats.",
  /** Deviation of one school from its target. */
  deviation: (row: Balanced): number => Math.abs(row.balance),
  inBalance: (row: Balanced): boolean => row.balance === 0,
  meetsCommitment: (row: Balanced): boolean => row.balance >= 0,
  withinTolerance: (row: Balanced, tolerance: number): boolean => Math.abs(row.balance) <= tolerance,
} as const;

/**
 * Places each reciprocity account sends, from a placement's duties: a place on a review counted
 * by school goes to the reviewer's school, one counted by trust to the school's trust (see
 * `accountOf`); keys as `Year.target`'s.
 */
export function placesSent(placement: Placement): Map<string, number> {
  const sent = new Map<string, number>();
  for (const { person, reviews } of placement.duties.values()) {
    for (const review of reviews) {
      const account = accountOf(person, review);
      if (account !== undefined) sent.set(account, (sent.get(account) ?? 0) + 1);
    }
  }
  return sent;
}

/** Total deviation of every account from its target, given the places each sends. */
function totalDeviation(year: Year, sent: (account: string) => number): number {
  let total = 0;
  for (const [account, target] of year.target) total += Math.abs(sent(account) - target);
  return total;
}

/** Soft goal 2 as the engines state it: the deviation of every account (school, or trust) from its target. */
export const reciprocityDeviationGoal: Goal = {
  id: "reciprocity",
  summary: reciprocityGoal.summary,
  unit: "a place sent beyond, or short of, a school's (or trust's) target",
  tier: "goals",
  weight: "reciprocity",
  sense: "cost",
  units: (placement) => {
    const sent = placesSent(placement);
    return totalDeviation(placement.year, (account) => sent.get(account) ?? 0);
  },
  // A place the account owes closes its gap by one; any other place widens it by one.
  marginal: (year, state, person, review) => {
    const account = accountOf(person, review);
    if (account === undefined) return 0;
    return (year.target.get(account) ?? 0) - state.sent(account) > 0 ? -1 : 1;
  },
  mip: ({ year, state, peers, column, row }) => {
    // d_a ≥ |fixed_a + Σx − target_a| for every account with a column.
    const byAccount = new Map<string, number[]>();
    for (const { column: x, person, review } of peers) {
      const account = accountOf(person, review);
      if (account === undefined) continue;
      byAccount.get(account)?.push(x) ?? byAccount.set(account, [x]);
    }
    for (const [account, columns] of [...byAccount].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const base = state.sent(account) - (year.target.get(account) ?? 0);
      const d = column(1, Math.abs(base) + columns.length, (value) => Math.abs(base + columns.reduce((n, c) => n + value(c), 0)));
      row(-base, Infinity, [d, ...columns], [1, ...columns.map(() => 1)]);
      row(base, Infinity, [d, ...columns], [1, ...columns.map(() => -1)]);
    }
  },
};
