/** One school's reciprocity account: places its reviewers fill elsewhere against its own review's seats. */
export interface LedgerRow {
  readonly schoolId: string;
  /** The target: peer seats of the reviews the school hosts (plus any carry-over). */
  readonly seatsReceived: number;
  readonly placesSent: number;
  /** `placesSent - seatsReceived`: negative means the school owes places. */
  readonly balance: number;
}

/** Soft goal 2: each school sends as many reviewer-places as its own review has peer seats. */
export const reciprocityGoal = {
  id: "reciprocity",
  summary: "Each school sends as many reviewer-places to other reviews as its own review has peer seats.",
  /** Deviation of one school from its target. */
  deviation: (row: LedgerRow): number => Math.abs(row.balance),
  inBalance: (row: LedgerRow): boolean => row.balance === 0,
  meetsCommitment: (row: LedgerRow): boolean => row.balance >= 0,
  withinTolerance: (row: LedgerRow, tolerance: number): boolean => Math.abs(row.balance) <= tolerance,
} as const;
