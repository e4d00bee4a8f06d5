import { YEAR_FILES } from "../year-files.js";

/**
 * The cohort folder's file layout: one place that names every file and column of the group
 * programmes, read by the reader and the writer alike.
 */
export const COHORT_FILES = {
  schools: YEAR_FILES.schools,
  cohort: { file: "cohort.csv", required: ["school_id", "programme"], optional: [] },
  facilitators: {
    file: "facilitators.csv",
    required: ["id", "name", "school_id", "hub", "trust", "phases", "max_groups"],
    optional: ["programmes"],
  },
  history: { file: "history.csv", required: ["year", "programme", "group_id", "school_id"], optional: [] },
} as const;

export type CohortFile = keyof typeof COHORT_FILES;
export const REQUIRED_COHORT_FILES: readonly CohortFile[] = ["schools", "cohort", "facilitators"];
export const COHORT_POLICY_FILE = "policy.json";

/** A groups file (`qar group` writes it, `qar check-groups` reads it). */
export const GROUPS_FILE = {
  file: "groups.csv",
  required: ["programme", "group_id", "school_id"],
  optional: ["phase", "hub", "facilitator_id"],
  /** The columns `qar group` writes, in order. */
  columns: ["programme", "group_id", "school_id", "phase", "hub", "facilitator_id"],
} as const;

export const UNPLACED_COLUMNS = ["programme", "school_id", "reason"] as const;
export const VISITS_COLUMNS = ["programme", "group_id", "visit", "host_school_id", "facilitator_id", "visiting_school_ids"] as const;

/** The files `qar group` writes into its output folder. */
export const GROUP_OUTPUTS = ["groups.csv", "unplaced.csv", "visits.csv", "summary.json", "group-report.html"] as const;
