import { formatDay, type Day } from "./dates.js";
import type { HistoryEntry } from "./schema.js";

/**
 * Year labels and what the rules and goals need from `history.csv`.
 *
 * A year label names a partnership year as people write it: `2023-24`, `2023/24` or `2024`.
 * Labels are ordered by the calendar year they start with (`2023-24` → 2023), so two labels
 * compare by that number whatever follows it. A label that does not start with four digits has
 * no place in time: the reader refuses it wherever an order is needed (see `noRepeatYears`).
 */

const LEADING_YEAR = /^\s*(\d{4})(?!\d)/;

/**
 * The calendar year a year label starts with, or `undefined` when it does not start with one.
 *
 * @example yearNumber("2023-24") // 2023
 * @example yearNumber("last year") // undefined
 */
export function yearNumber(label: string): number | undefined {
  const match = LEADING_YEAR.exec(label);
  return match ? Number(match[1]) : undefined;
}

/**
 * The academic year (1 September to 31 August) a day falls in, as a label.
 *
 * @example academicYearLabel(parseDay("2025-03-04")!) // "2024-25"
 */
export function academicYearLabel(day: Day): string {
  const [year, month] = formatDay(day).split("-").map(Number) as [number, number];
  const first = month >= 9 ? year : year - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, "0")}`;
}

/**
 * The current year's number: the policy's `yearLabel` when given, else the academic year of the
 * earliest review (reviews run from September to July). `undefined` with neither.
 *
 * @example currentYearNumber("", [parseDay("2024-10-07")!]) // 2024
 */
export function currentYearNumber(policyLabel: string, reviewStarts: readonly Day[]): number | undefined {
  if (policyLabel.trim() !== "") return yearNumber(policyLabel);
  if (reviewStarts.length === 0) return undefined;
  return yearNumber(academicYearLabel(Math.min(...reviewStarts)));
}

/** What the rules and goals read from the history, indexed once per year. */
export interface HistoryIndex {
  /** Per reviewer (peer rows only): school id → the latest year number they reviewed it in. */
  readonly lastReviewed: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Per reviewer: peer reviews completed, every year counted. */
  readonly reviewsDone: ReadonlyMap<string, number>;
}

/**
 * Indexes the peer rows of a history. Lead rows are left out: Lead Reviewers are a separate pool
 * and neither the no-repeat rule nor the pathway counts them. Rows without a year number count
 * as reviews done but have no place in time.
 */
export function indexHistory(history: readonly HistoryEntry[]): HistoryIndex {
  const lastReviewed = new Map<string, Map<string, number>>();
  const reviewsDone = new Map<string, number>();
  for (const entry of history) {
    if (entry.role !== "peer") continue;
    reviewsDone.set(entry.personId, (reviewsDone.get(entry.personId) ?? 0) + 1);
    const year = yearNumber(entry.year);
    if (year === undefined) continue;
    const schools = lastReviewed.get(entry.personId) ?? new Map<string, number>();
    schools.set(entry.reviewSchoolId, Math.max(year, schools.get(entry.reviewSchoolId) ?? -Infinity));
    lastReviewed.set(entry.personId, schools);
  }
  return { lastReviewed, reviewsDone };
}
