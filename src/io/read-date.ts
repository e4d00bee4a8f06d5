import { DATE_YEARS, formatDay, inDateYears, parseDay, type Day } from "../model/dates.js";
import { excerpt } from "../model/text.js";
import { RANGE_SEPARATOR } from "./year-files.js";

/**
 * Dates as spreadsheets in England write them. ISO `2024-03-04` (a time of midnight after it is
 * allowed); day first `4/3/2024`, `04/03/2024`, `4/3/24`, `04.03.2024`, `04-03-2024`; month
 * names `4 Mar 2024`, `Mon 4 March 2024`; and Excel's serial day numbers (`45355`). Month-first
 * dates (`3/4/2024` meaning 4 March) are not accepted: a slash date is always day first.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const NAMED = /^(?:([a-z]{3,9}),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;
/** Excel counts days from 1899-12-30 (its 1900 leap-year slip sits before any date we accept). */
const EXCEL_EPOCH: Day = -25_569;

/** A date read from a cell: the day, or what is wrong in plain words. */
export type DateReading = { readonly day: Day; readonly iso: string } | { readonly problem: string };

const pad = (n: number) => String(n).padStart(2, "0");

function fromParts(year: number, month: number, day: number, text: string): DateReading {
  if (month < 1 || month > 12) return { problem: `${excerpt(text)} has no month ${month}` };
  const found = parseDay(`${year}-${pad(month)}-${pad(day)}`);
  if (found === undefined) return { problem: `${excerpt(text)} is not a real date (${year}-${pad(month)} has no day ${day})` };
  return inRange(found, text);
}

function inRange(day: Day, text: string): DateReading {
  if (!inDateYears(day)) return { problem: `${excerpt(text)} is outside the years ${DATE_YEARS.first}–${DATE_YEARS.last} (a typo in the year?)` };
  return { day, iso: formatDay(day) };
}

function dayFirst(match: RegExpExecArray, text: string): DateReading {
  const [day, month] = [Number(match[1]), Number(match[3])];
  const year = match[4]!.length === 2 ? 2000 + Number(match[4]) : Number(match[4]);
  if (month > 12 && day <= 12) {
    return {
      problem: `${excerpt(text)} reads as month ${month}: dates are read day first (dd/mm/yyyy), as in England, and month-first dates are not accepted; write ${pad(month)}/${pad(day)}/${year} or ${year}-${pad(day)}-${pad(month)}`,
    };
  }
  return fromParts(year, month, day, text);
}

function named(match: RegExpExecArray, text: string): DateReading | undefined {
  const month = MONTHS.indexOf(match[3]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return undefined;
  const read = fromParts(Number(match[4]), month, Number(match[2]), text);
  const weekday = match[1]?.slice(0, 3).toLowerCase();
  if (!("day" in read) || weekday === undefined) return read;
  const actual = WEEKDAYS[(((read.day + 4) % 7) + 7) % 7]!;
  if (!WEEKDAYS.includes(weekday)) return { problem: `${excerpt(text)} does not start with a day of the week` };
  return weekday === actual ? read : { problem: `${excerpt(text)}: that date is a ${actual[0]!.toUpperCase()}${actual.slice(1)}, not a ${weekday[0]!.toUpperCase()}${weekday.slice(1)}; check the date` };
}

/**
 * Reads one date cell (see the module comment for the forms), strictly: a date that does not
 * exist (30/02/2024) or falls outside the years 2000–2100 is a problem, never rolled over.
 *
 * @example readDate("19/11/2018") // { day: 17854, iso: "2018-11-19" }
 */
export function readDate(cell: string): DateReading {
  const text = cell.trim();
  const iso = ISO.exec(text);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
  const slashed = DAY_FIRST.exec(text);
  if (slashed) return dayFirst(slashed, text);
  const words = NAMED.exec(text);
  const read = words ? named(words, text) : undefined;
  if (read) return read;
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const day = EXCEL_EPOCH + Math.floor(Number(text));
    return inDateYears(day) ? inRange(day, text) : { problem: `${excerpt(text)} is not a date (as an Excel day number it falls outside ${DATE_YEARS.first}–${DATE_YEARS.last})` };
  }
  return { problem: `${excerpt(text)} is not a date; write 2024-03-04, 04/03/2024 (day first) or 4 Mar 2024` };
}

/** What people type between the two ends of a range besides `..`: a word, or a dash with or without spaces. */
const RANGE_WORDS = /\s+(?:to|until|till)\s+|\s+[-–—]\s+|[–—]/i;

/**
 * The parts of a cell of `available` or `window` that name a range's two ends: split at `..`
 * (the written form), else at ` to `, a spaced dash or an en dash, else at the one plain `-`
 * with a date on each side (`15/09/2025-20/09/2025`, `2025-09-15-2025-09-20`). A single date
 * comes back alone; more than two parts is not a range.
 *
 * @example splitRange("15/09/2025 to 20/09/2025") // ["15/09/2025", "20/09/2025"]
 */
export function splitRange(item: string): string[] {
  const text = item.trim();
  if (text.includes(RANGE_SEPARATOR)) return text.split(RANGE_SEPARATOR).map((part) => part.trim());
  if ("iso" in readDate(text)) return [text];
  const worded = text.split(RANGE_WORDS);
  if (worded.length > 1) return worded.map((part) => part.trim());
  const splits: string[][] = [];
  for (let at = text.indexOf("-"); at > 0; at = text.indexOf("-", at + 1)) {
    const [from, to] = [text.slice(0, at).trim(), text.slice(at + 1).trim()];
    if ("iso" in readDate(from) && "iso" in readDate(to)) splits.push([from, to]);
  }
  return splits.length === 1 ? splits[0]! : [text];
}
