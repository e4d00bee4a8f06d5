/**
 * Calendar days as integers (days since 1970-01-01, UTC), so that date arithmetic in the
 * solver is integer arithmetic and never depends on the machine's time zone.
 */

/** A day number: whole days since 1970-01-01. */
export type Day = number;

/** An inclusive range of days. */
export interface DayRange {
  readonly from: Day;
  readonly to: Day;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Parses a strict ISO date (`YYYY-MM-DD`). Dates that do not exist (2024-02-30) are refused
 * rather than rolled over, because a spreadsheet typo must not silently move a review.
 *
 * @example parseDay("2024-03-04") // 19786
 * @returns the day number, or `undefined` when the text is not a real date.
 */
export function parseDay(text: string): Day | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return Math.round(ms / MS_PER_DAY);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A day as people in England write it on a page: `Tue 7 Oct 2025`, or `8 Oct 2025` without the
 * weekday (a week's Monday, where the weekday says nothing). Files keep ISO dates.
 *
 * @example formatUkDay(parseDay("2025-10-07")!) // "Tue 7 Oct 2025"
 */
export function formatUkDay(day: Day, options: { readonly weekday?: boolean } = {}): string {
  const date = new Date(day * MS_PER_DAY);
  const text = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]!} ${date.getUTCFullYear()}`;
  return options.weekday === false ? text : `${WEEKDAYS[(((day + 3) % 7) + 7) % 7]!} ${text}`;
}

/** The Monday on or before `day` (1970-01-01 was a Thursday). */
export function weekStart(day: Day): Day {
  return day - ((day + 3) % 7);
}

/** Whether two inclusive ranges share at least one day. */
export function rangesOverlap(a: DayRange, b: DayRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * Sorts and joins ranges that touch or overlap, so "2024-01-08..2024-01-10;2024-01-11" covers a
 * review that spans the join.
 */
export function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: DayRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, range.to) };
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/** Whether the merged availability covers every day of `span`. */
export function covers(available: readonly DayRange[], span: DayRange): boolean {
  return available.some((range) => range.from <= span.from && span.to <= range.to);
}

/**
 * The index of the first of `sorted` (in ascending order of `dayOf`) whose day is `day` or later;
 * `sorted.length` when there is none.
 *
 * @example firstOnOrAfter([3, 5, 5, 9], (d) => d, 5) // 1
 */
export function firstOnOrAfter<T>(sorted: readonly T[], dayOf: (item: T) => Day, day: Day): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dayOf(sorted[mid]!) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The years a date may fall in: anything outside is a typo (`2204`) or a unit mix-up. */
export const DATE_YEARS = { first: 2000, last: 2100 } as const;

/** Whether a day lies within `DATE_YEARS`. */
export function inDateYears(day: Day): boolean {
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  return year >= DATE_YEARS.first && year <= DATE_YEARS.last;
}
