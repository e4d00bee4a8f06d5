import type { UnfilledSeats } from "../../check.js";
import type { Year } from "../../model/year.js";

// A team's status comes from the checker's list of empty seats, so the calendar and the team
// cards agree with its figures.

export type Status = "full" | "short" | "no-lead" | "none";
export const STATUSES: readonly Status[] = ["full", "short", "no-lead", "none"];
export const STATUS: Readonly<Record<Status, { colour: string; label: string }>> = {
  full: { colour: "#2e7d32", label: "full team" },
  short: { colour: "#f9a825", label: "short of peers" },
  "no-lead": { colour: "#8e24aa", label: "no Lead Reviewer" },
  none: { colour: "#c62828", label: "no team" },
};

/** Each review's status: full, short of peers, without its Lead Reviewer, or with nobody. */
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
    status.set(review.id, gap.lead > 0 ? (noPeers ? "none" : "no-lead") : gap.peer > 0 ? "short" : "full");
  }
  return status;
}
