import type { Role } from "../model/schema.js";

/**
 * One line of the difference between two allocations.
 *
 * @example
 * for (const c of allocationDiff(before, after)) console.log(c.change, c.role, c.personId, c.fromReviewId ?? "", c.toReviewId ?? "");
 */
export interface SeatChange {
  readonly change: "added" | "removed" | "moved";
  readonly role: Role;
  readonly personId: string;
  /** The review the person left (removed, moved). */
  readonly fromReviewId?: string;
  /** The review the person joined (added, moved). */
  readonly toReviewId?: string;
}

type Row = { readonly reviewId: string; readonly role: Role; readonly personId: string };

/** The key of one allocation row, `role:person@review`: what repair keeps and counts. */
export const rowKey = (a: Row): string => `${a.role}:${a.personId}@${a.reviewId}`;

/**
 * Changed rows between two allocations: the symmetric difference of their (review, role, person)
 * rows. A move is two rows (one removed, one added); a withdrawn person's seats count as removed.
 *
 * @example
 * changedRows({ assignments: [a, b] }, { assignments: [a, c] }); // 2
 */
export function changedRows(before: { assignments: readonly Row[] }, after: { assignments: readonly Row[] }): number {
  const old = new Set(before.assignments.map(rowKey));
  const now = new Set(after.assignments.map(rowKey));
  let changed = 0;
  for (const key of old) if (!now.has(key)) changed += 1;
  for (const key of now) if (!old.has(key)) changed += 1;
  return changed;
}

/**
 * Who was added, moved or removed between two allocations, in a stable order.
 *
 * @example
 * const diff = allocationDiff(published, result.allocation);
 * console.log(diff.filter((c) => c.change === "moved").length, "moved");
 */
export function allocationDiff(before: { assignments: readonly Row[] }, after: typeof before): SeatChange[] {
  const old = new Set(before.assignments.map(rowKey));
  const now = new Set(after.assignments.map(rowKey));
  const removed = before.assignments.filter((a) => !now.has(rowKey(a)));
  const added = after.assignments.filter((a) => !old.has(rowKey(a)));
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

/**
 * How many of each change a difference holds (the counts qar diff, repair and respond print).
 *
 * @example changeCounts(allocationDiff(before, after)) // { added: 1, moved: 1, removed: 0 }
 */
export function changeCounts(diff: readonly SeatChange[]): { added: number; moved: number; removed: number } {
  const counts = { added: 0, moved: 0, removed: 0 };
  for (const change of diff) counts[change.change] += 1;
  return counts;
}
