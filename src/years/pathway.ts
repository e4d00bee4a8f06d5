import { yearNumber } from "../model/history.js";
import type { Policy } from "../model/policy.js";
import type { HistoryEntry, Level, Reviewer } from "../model/schema.js";

/** One reviewer on the pathway from training to advanced reviewer (`pathway.csv`). */
export interface PathwayRow {
  readonly reviewerId: string;
  readonly name: string;
  readonly schoolId: string;
  readonly level: Level;
  /** Peer reviews in the history, every year counted. */
  readonly reviewsCompleted: number;
  /** The label of the latest year with a peer review (by year number); absent with none. */
  readonly lastReviewYear?: string;
  /** Not yet advanced, and at least the policy's `reviewsForAdvanced` reviews completed. */
  readonly eligibleForAdvanced: boolean;
  /** Trained (listed as a reviewer) but never placed on a review. */
  readonly waitingForFirstReview: boolean;
  /** For a reviewer still waiting: the first closed year they were listed in without a review. */
  readonly waitingSince?: string;
}

export interface PathwayOptions {
  /** The year being closed: where a reviewer's wait starts when no earlier pathway says so. */
  readonly yearLabel?: string;
  /** The previous closed year's pathway, for how long each reviewer has been waiting. */
  readonly previous?: readonly { readonly reviewerId: string; readonly waitingSince?: string | undefined }[];
}

/** The later of two labels by year number; a label without one never beats one with. */
function later(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  const x = yearNumber(a);
  const y = yearNumber(b);
  if (y === undefined) return a;
  return x === undefined || y >= x ? b : a;
}

/**
 * Every reviewer's place on the pathway, in reviewers' order: reviews completed (peer rows of
 * the history), whether they may train as advanced, and who is still waiting for a first review
 * (a long wait loses reviewers). Lead Reviewers are not on it.
 *
 * @example
 * const rows = pathwayOf(problem.reviewers, problem.history, problem.policy);
 * const waiting = rows.filter((row) => row.waitingForFirstReview);
 */
export function pathwayOf(reviewers: readonly Reviewer[], history: readonly HistoryEntry[], policy: Pick<Policy, "reviewsForAdvanced">, options: PathwayOptions = {}): PathwayRow[] {
  const done = new Map<string, { count: number; last?: string }>();
  for (const entry of history) {
    if (entry.role !== "peer") continue;
    const seen = done.get(entry.personId) ?? { count: 0 };
    done.set(entry.personId, { count: seen.count + 1, last: later(seen.last, entry.year) });
  }
  const waitingSince = new Map((options.previous ?? []).map((row) => [row.reviewerId, row.waitingSince]));
  return reviewers.map((reviewer) => {
    const record = done.get(reviewer.id);
    const completed = record?.count ?? 0;
    const waiting = completed === 0;
    const since = waiting ? (waitingSince.get(reviewer.id) ?? options.yearLabel) : undefined;
    return {
      reviewerId: reviewer.id,
      name: reviewer.name,
      schoolId: reviewer.schoolId,
      level: reviewer.level,
      reviewsCompleted: completed,
      ...(record?.last !== undefined ? { lastReviewYear: record.last } : {}),
      eligibleForAdvanced: reviewer.level !== "advanced" && completed >= policy.reviewsForAdvanced,
      waitingForFirstReview: waiting,
      ...(since !== undefined && since !== "" ? { waitingSince: since } : {}),
    };
  });
}
