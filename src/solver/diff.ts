import type { Role } from "../model/schema.js";

/** One line of the difference between two allocations. */
export interface SeatChange {
  readonly change: "added" | "removed" | "moved";
  readonly role: Role;
  readonly personId: string;
  /** The review the person left (removed, moved). */
  readonly fromReviewId?: string;
  /** The review the person joined (added, moved). */
  readonly toReviewId?: string;
}

/** Who was added, moved or removed between two allocations, in a stable order. */
export function allocationDiff(before: { assignments: readonly { reviewId: string; role: Role; personId: string }[] }, after: typeof before): SeatChange[] {
  const key = (a: { reviewId: string; role: Role; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;
  const old = new Set(before.assignments.map(key));
  const now = new Set(after.assignments.map(key));
  const removed = before.assignments.filter((a) => !now.has(key(a)));
  const added = after.assignments.filter((a) => !old.has(key(a)));
  const changes: SeatChange[] = [];
  const unmatchedAdds = [...added];
  for (const gone of removed) {
    const i = unmatchedAdds.findIndex((a) => a.personId === gone.personId && a.role === gone.role);
    if (i >= 0) {
      const to = unmatchedAdds.splice(i, 1)[0]!;
      changes.push({ change: "moved", role: gone.role, personId: gone.personId, fromReviewId: gone.reviewId, toReviewId: to.reviewId });
    } else {
      changes.push({ change: "removed", role: gone.role, personId: gone.personId, fromReviewId: gone.reviewId });
    }
  }
  for (const add of unmatchedAdds) changes.push({ change: "added", role: add.role, personId: add.personId, toReviewId: add.reviewId });
  const order = { removed: 0, moved: 1, added: 2 } as const;
  return changes.sort((a, b) => order[a.change] - order[b.change] || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

