/**
 * The year folder's file layout: one place that names every file and column, read by the
 * reader and the writer alike.
 */

export const YEAR_FILES = {
  schools: {
    file: "schools.csv",
    required: ["id", "name", "hub", "phase", "pupils"],
    optional: ["locality", "trust", "lat", "lon", "carry_over", "address", "postcode", "email"],
  },
  reviewers: {
    file: "reviewers.csv",
    required: ["id", "name", "school_id", "level"],
    optional: ["phases", "available", "max_reviews", "conflicts", "prefers", "email", "kinds"],
  },
  leads: {
    file: "leads.csv",
    required: ["id", "name", "available"],
    optional: ["max_reviews", "phases", "conflicts", "lat", "lon", "email", "kinds"],
  },
  reviews: {
    file: "reviews.csv",
    required: ["id", "school_id", "start"],
    // `to_confirm`: a note for people (qar new-year writes where each date came from); never read.
    optional: ["days", "seats", "kind", "trust_id", "window", "to_confirm"],
  },
  history: {
    file: "history.csv",
    required: ["year", "review_school_id", "person_id", "role"],
    optional: [],
  },
  pins: {
    file: "pins.csv",
    required: ["review_id", "role", "person_id"],
    optional: ["pin"],
  },
  ledgerYears: {
    file: "ledger-years.csv",
    required: ["year", "school_id", "received", "sent", "balance", "carry_over_after"],
    optional: [],
  },
} as const;

export type YearFile = keyof typeof YEAR_FILES;
/** Files a year folder must have; the others are optional. */
export const REQUIRED_FILES: readonly YearFile[] = ["schools", "reviewers", "leads", "reviews"];
export const POLICY_FILE = "policy.json";

/** `qar close-year --attendance`: who turned up. Assignments it does not list count as attended. */
export const ATTENDANCE_FILE = {
  file: "attendance.csv",
  required: ["review_id", "person_id", "attended"],
  optional: [],
} as const;

/** The reviewer pathway written by `qar close-year`, read back by the next close for `waiting_since`. */
export const PATHWAY_FILE = {
  file: "pathway.csv",
  required: ["reviewer_id", "name", "school_id", "level", "reviews_completed", "last_review_year", "eligible_for_advanced", "waiting_for_first_review", "waiting_since"],
  optional: [],
} as const;

/** Separator of list cells (phases, availability, conflicts, preferences). */
export const LIST_SEPARATOR = ";";
/** Separator of the two ends of a date range in `available`. */
export const RANGE_SEPARATOR = "..";
