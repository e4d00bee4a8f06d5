/** One school's reciprocity account: places its reviewers fill elsewhere against its target. */
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
