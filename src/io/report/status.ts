import type { UnfilledSeats } from "../../check.js";
import type { Year } from "../../model/year.js";

// A team's status comes from the checker's list of empty seats, so the calendar and the team
// cards agree with its figures (and with `emptySeatCounts`: every status but `full` is a review
// with empty seats).

export type Status = "full" | "short" | "no-peers" | "no-lead" | "none";
export const STATUSES: readonly Status[] = ["full", "short", "no-peers", "no-lead", "none"];
export const STATUS: Readonly<Record<Status, { colour: string; label: string }>> = {
  full: { colour: "#2e7d32", label: "full team" },
  short: { colour: "#f9a825", label: "short of peers" },
  "no-peers": { colour: "#e65100", label: "no peer team" },
  "no-lead": { colour: "#8e24aa", label: "no Lead Reviewer" },
  none: { colour: "#c62828", label: "no team" },
};

/**
 * Each review's status: full; short of peers (some, not all); no peer team (its Lead Reviewer
 * but not one peer); without its Lead Reviewer (peers, or a review with no peer seats); or with
 * nobody at all.
 */
export function statusOf(year: Year, unfilled: readonly UnfilledSeats[]): Map<string, Status> {
  const missing = new Map<string, { lead: number; peer: number }>();
  for (const seat of unfilled) {
    const entry = missing.get(seat.reviewId) ?? { lead: 0, peer: 0 };
    missing.set(seat.reviewId, { ...entry, [seat.role]: entry[seat.role] + seat.missing });
  }
  const status = new Map<string, Status>();
  for (const review of year.reviews) {
    const gap = missing.get(review.id) ?? { lead: 0, peer: 0 };
    const noPeers = gap.peer >= review.peerSeats;
    if (gap.lead > 0) status.set(review.id, noPeers ? "none" : "no-lead");
    else status.set(review.id, gap.peer === 0 ? "full" : noPeers ? "no-peers" : "short");
  }
  return status;
}
