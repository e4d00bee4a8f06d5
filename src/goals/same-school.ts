import type { PersonInfo } from "../model/year.js";
import type { Goal } from "./types.js";

/** Pairs among `peers` from one school: n reviewers of a school on a team make n(n − 1)/2 pairs. */
export function sameSchoolPairs(peers: readonly PersonInfo[]): number {
  const count = new Map<string, number>();
  let pairs = 0;
  for (const peer of peers) {
    if (!peer.school) continue;
    const before = count.get(peer.school.id) ?? 0;
    pairs += before;
    count.set(peer.school.id, before + 1);
  }
  return pairs;
}

/** Soft goal 6 (variety): no two reviewers of one school on the same team. */
export const sameSchoolGoal: Goal = {
  id: "same-school",
  summary: "No two reviewers of one school on the same team.",
  unit: "a pair of reviewers of one school on one team",
  tier: "goals",
  weight: "variety",
  sense: "cost",
  units: ({ year, teams }) => {
    let total = 0;
    for (const review of year.reviews) total += sameSchoolPairs(teams.get(review.id)?.peers ?? []);
    return total;
  },
  // The k-th reviewer of one school on a team makes k − 1 new pairs.
  marginal: (_year, state, person, review) => (person.school ? state.peers(review).filter((p) => p.school?.id === person.school!.id).length : 0),
  mip: ({ scope, peers, state, column, price, row }) => {
    const bySchool = new Map<string, number[]>();
    const inScope = new Set(scope);
    for (const { column: x, person, review } of peers) {
      if (!person.school || !inScope.has(review)) continue;
      const key = `${review.index}|${person.school.id}`;
      bySchool.get(key)?.push(x) ?? bySchool.set(key, [x]);
    }
    for (const [key, columns] of bySchool) {
      const [reviewIndex, schoolId] = key.split("|") as [string, string];
      const review = scope.find((r) => r.index === Number(reviewIndex))!;
      // Pairs with the school's reviewers who stay are linear; pairs among the new ones convex:
      // C(s, 2) = Σ_k max(0, s − k) over k ≥ 1, one column per k.
      const staying = state.peers(review).filter((p) => p.school?.id === schoolId).length;
      if (staying > 0) for (const x of columns) price(x, staying);
      const most = Math.min(columns.length, review.peerSeats);
      for (let k = 1; k < most; k += 1) {
        const w = column(1, most - k, (value) => Math.max(0, columns.reduce((n, c) => n + value(c), 0) - k));
        row(-Infinity, k, [...columns, w], [...columns.map(() => 1), -1]);
      }
    }
  },
};
