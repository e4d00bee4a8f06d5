/**
 * The figures the partnership published in its annual reports: the bar an allocation is
 * measured against. The report shows them beside its own figures; the bench and the docs
 * (docs/benchmarks.md, "Against the published figures") compare with the same numbers.
 *
 * Read them with their basis: the 2017-18 full-team share counts planned complete teams, the
 * 2023-24 one counts reviewer attendance ("over 80%"), and the 2018-19 reciprocity figure is a
 * projection. A full team is a review whose every seat, the Lead Reviewer's included, is filled.
 */

/** One published share, for one year. */
export interface PublishedShare {
  /** The school year, as the reports write it (`2017-18`). */
  readonly year: string;
  /** The share, from 0 to 1. */
  readonly share: number;
  /** A word that goes with the figure wherever it is shown (`projected`). */
  readonly qualifier?: string;
  /** What was counted, in plain words. */
  readonly basis: string;
}

/** One year's published size. */
export interface PublishedYear {
  readonly year: string;
  readonly reviews?: number;
  readonly schools?: number;
  readonly hubs?: number;
  /** Peer reviewers: those taking part, or booked (see `reviewersBasis`). */
  readonly reviewers?: number;
  readonly reviewersBasis?: string;
}

/** Reviews whose every seat is filled, as a share of all reviews. */
export const PUBLISHED_FULL_TEAMS: readonly PublishedShare[] = [
  { year: "2017-18", share: 0.89, basis: "planned complete teams" },
  { year: "2023-24", share: 0.82, basis: 'counted by reviewer attendance ("over 80%")' },
];

/** Schools sending at least as many reviewer-places as their own review receives. */
export const PUBLISHED_MEETING_COMMITMENT: readonly PublishedShare[] = [
  { year: "2018-19", share: 0.67, qualifier: "projected", basis: "schools projected to meet their reviewer commitment" },
];

/** The published size of each year. */
export const PUBLISHED_YEARS: readonly PublishedYear[] = [
  { year: "2017-18", reviews: 365, reviewers: 943, reviewersBasis: "peer reviewers taking part" },
  { year: "2018-19", schools: 434, hubs: 35, reviewers: 1042, reviewersBasis: "peer reviewer places booked" },
  { year: "2022-23", reviews: 413 },
  { year: "2023-24", reviews: 425, schools: 575, hubs: 42, reviewers: 807, reviewersBasis: "newly trained reviewers" },
];

/**
 * A published share as the report writes it: whole percent, then the year and any qualifier.
 *
 * @example
 * formatPublished(PUBLISHED_MEETING_COMMITMENT) // "67% (2018-19, projected)"
 */
export function formatPublished(figures: readonly PublishedShare[]): string {
  return figures.map((f) => `${Math.round(100 * f.share)}% (${f.year}${f.qualifier ? `, ${f.qualifier}` : ""})`).join(", ");
}
