import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import type { Placement } from "../rules/types.js";
import type { Goal, GoalState } from "./types.js";

/** `A>B` for every school A with a peer reviewer on a review hosted by school B. */
function reviewEdges(placement: Placement): Set<string> {
  const edges = new Set<string>();
  for (const review of placement.year.reviews) {
    if (!review.hostSchool) continue;
    for (const peer of placement.teams.get(review.id)?.peers ?? []) {
      if (peer.school && peer.school.id !== review.hostSchool.id) edges.add(`${peer.school.id}>${review.hostSchool.id}`);
    }
  }
  return edges;
}

/** Whether a reviewer of school `from` sits on a review hosted by school `to` in `state`. */
function sends(year: Year, state: GoalState, from: string, to: string): boolean {
  return (year.reviewsHostedBy.get(to) ?? []).some((review) => state.peers(review).some((p) => p.school?.id === from));
}

/** The schools whose reviewers a placement of `person` on `review` would link: sender and host. */
function link(person: PersonInfo, review: ReviewInfo): [string, string] | undefined {
  const from = person.school?.id;
  const to = review.hostSchool?.id;
  return from !== undefined && to !== undefined && from !== to ? [from, to] : undefined;
}

/**
 * Soft goal 6 (variety): no reciprocal pairs. School A's reviewer on school B's team while B's
 * reviewer is on A's, in the same year, is the cosiness that drawing reviewers from beyond the
 * locality exists to avoid.
 */
export const reciprocalPairsGoal: Goal = {
  id: "reciprocal-pairs",
  summary: "No reciprocal pairs: school A's reviewer on school B's team while B's reviewer is on A's, in the same year.",
  unit: "a pair of schools that review each other",
  tier: "goals",
  weight: "reciprocalPair",
  sense: "cost",
  units: (placement) => {
    const edges = reviewEdges(placement);
    let pairs = 0;
    for (const edge of edges) {
      const [from, to] = edge.split(">") as [string, string];
      if (from < to && edges.has(`${to}>${from}`)) pairs += 1;
    }
    return pairs;
  },
  marginal: (year, state, person, review) => {
    const schools = link(person, review);
    if (!schools) return 0;
    const [from, to] = schools;
    return sends(year, state, to, from) && !sends(year, state, from, to) ? 1 : 0;
  },
  mip: ({ year, state, peers, column, row }) => {
    // One indicator per direction A>B (1 when any of A's reviewers sits on a review B hosts):
    // fixed at 1 where a seat that stays already links them, else a column above each pair column.
    const columnsOf = new Map<string, number[]>();
    for (const { column: x, person, review } of peers) {
      const schools = link(person, review);
      if (!schools) continue;
      const key = schools.join(">");
      columnsOf.get(key)?.push(x) ?? columnsOf.set(key, [x]);
    }
    const indicator = new Map<string, number | "fixed">();
    const direction = (from: string, to: string): number | "fixed" | undefined => {
      const key = `${from}>${to}`;
      if (indicator.has(key)) return indicator.get(key);
      const value = sends(year, state, from, to) ? "fixed" : columnsOf.has(key) ? indicatorColumn(columnsOf.get(key)!) : undefined;
      if (value !== undefined) indicator.set(key, value);
      return value;
    };
    const indicatorColumn = (columns: readonly number[]) => {
      const e = column(0, 1, (value) => (columns.some((c) => value(c) > 0.5) ? 1 : 0));
      for (const x of columns) row(-Infinity, 0, [x, e], [1, -1]);
      return e;
    };
    for (const key of [...columnsOf.keys()].sort()) {
      const [a, b] = key.split(">") as [string, string];
      if (a > b && columnsOf.has(`${b}>${a}`)) continue; // each unordered pair once
      const forth = direction(a, b);
      const back = direction(b, a);
      if (forth === undefined || back === undefined || (forth === "fixed" && back === "fixed")) continue;
      // y ≥ forth + back − 1, a fixed direction counting 1.
      const variable = [forth, back].filter((d): d is number => d !== "fixed");
      const y = column(1, 1, (value) => (variable.every((d) => value(d) > 0.5) ? 1 : 0));
      row(1 - variable.length, Infinity, [y, ...variable], [1, ...variable.map(() => -1)]);
    }
  },
};
