import type { PersonInfo, ReviewInfo } from "../model/year.js";
import type { AllocationRule, TeamOption, TeamRow, Violation } from "./types.js";

/** What a team composition cap states: who counts in which group, and how many of a group a team may hold. */
export interface TeamCapSpec {
  readonly id: string;
  readonly summary: string;
  /** The cap on `review`'s team (from its kind), or `null` for none. */
  readonly limit: (review: ReviewInfo) => number | null;
  /** The group a peer counts in (a trust, a hub, "trainee"), or `undefined` for none. */
  readonly group: (person: PersonInfo) => string | undefined;
  /** The group in words, for messages ("of trust T07", "trainees"). */
  readonly words: (person: PersonInfo) => string;
  /** The policy key that sets the cap, for messages. */
  readonly key: string;
}

/** Peers of `peers` in each group, by group, in the order first met. */
function byGroup(spec: TeamCapSpec, peers: readonly PersonInfo[]): Map<string, PersonInfo[]> {
  const groups = new Map<string, PersonInfo[]>();
  for (const peer of peers) {
    const group = spec.group(peer);
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), peer]);
  }
  return groups;
}

/**
 * Builds a team composition rule (at most so many peers of one trust, of one hub, or trainees
 * on a team). One statement gives all its parts: the checker's `check`, the seat-by-seat
 * `admits` every engine and `explain` ask, and the MIP's `teamRows`. The seat flows leave it
 * out (a relaxation): the roster refuses a flow's pair that would break it, and the greedy
 * completion fills the seat with someone else.
 *
 * @example
 * export const maxPerTrust = teamCapRule({ id: "max-per-trust", summary: "...", key: "maxPerTrustPerTeam",
 *   limit: (review) => review.kind.maxPerTrustPerTeam, group: (person) => valueKey(person.school?.trust), words: (p) => `of trust ${p.school?.trust}` });
 */
export function teamCapRule(spec: TeamCapSpec): AllocationRule {
  const applies = (review: ReviewInfo) => spec.limit(review) !== null;
  return {
    kind: "allocation",
    id: spec.id,
    summary: spec.summary,
    applies,
    admits: (state, person, review, role) => {
      const limit = spec.limit(review);
      if (role !== "peer" || limit === null) return true;
      const group = spec.group(person);
      if (group === undefined) return true;
      let count = 0;
      for (const peer of state.peers(review)) if (spec.group(peer) === group) count += 1;
      return count < limit;
    },
    teamRows: (review: ReviewInfo, options: readonly TeamOption[], staying: readonly PersonInfo[]): TeamRow[] => {
      const limit = spec.limit(review);
      if (limit === null) return [];
      const already = byGroup(spec, staying);
      const columns = new Map<string, number[]>();
      for (const { column, person } of options) {
        const group = spec.group(person);
        if (group !== undefined) columns.set(group, [...(columns.get(group) ?? []), column]);
      }
      const rows: TeamRow[] = [];
      for (const [group, list] of columns) {
        const upper = Math.max(0, limit - (already.get(group)?.length ?? 0));
        if (list.length > upper) rows.push({ columns: list, upper });
      }
      return rows;
    },
    check: ({ year, teams }) => {
      const found: Violation[] = [];
      for (const review of year.reviews) {
        const limit = spec.limit(review);
        if (limit === null) continue;
        for (const people of byGroup(spec, teams.get(review.id)?.peers ?? []).values()) {
          if (people.length <= limit) continue;
          found.push({
            rule: spec.id,
            reviewId: review.id,
            personId: people[limit]!.id,
            message: `${review.id}: ${people.length} peer reviewers ${spec.words(people[0]!)} (${people.map((p) => p.id).join(", ")}), over the ${review.kind.id} cap of ${limit} (${spec.key})`,
          });
        }
      }
      return found;
    },
  };
}
