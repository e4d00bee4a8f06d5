import { formatUkDay, weekStart, type Day } from "../../model/dates.js";
import type { ReviewInfo, Year } from "../../model/year.js";
import { h, hubName, sectionStart, span, svgOpen } from "../html/format.js";
import { byStartThenId } from "./order.js";
import type { ReportInput } from "./input.js";
import { hostWords, kindTag } from "./kinds.js";
import { STATUS, STATUSES, type Status } from "./status.js";

// The calendar: one row per week, one square per review, coloured by its team's status. Long
// years wrap into side-by-side blocks of weeks.

const CELL = 13;
const STEP = CELL + 2;
/** Extra space between the squares of reviews that start on different days of a week. */
const DAY_GAP = 4;
const LABEL = 96;
const TOP = 30;
const ROW_HEIGHT = CELL + 5;
const LEGEND_STEP = 190;

interface Layout {
  readonly year: Year;
  readonly byWeek: ReadonlyMap<Day, readonly ReviewInfo[]>;
  readonly weeks: readonly Day[];
  readonly blockWidth: number;
  readonly perBlock: number;
  readonly width: number;
  readonly height: number;
}

function layout(year: Year): Layout {
  const byWeek = new Map<Day, ReviewInfo[]>();
  for (const review of year.reviews) {
    const week = weekStart(review.span.from);
    byWeek.set(week, [...(byWeek.get(week) ?? []), review]);
  }
  const first = Math.min(...byWeek.keys());
  const last = Math.max(...byWeek.keys());
  const weeks: Day[] = [];
  for (let week = first; week <= last; week += 7) weeks.push(week);
  const rowWidth = (list: readonly ReviewInfo[]) => list.length * STEP + (new Set(list.map((r) => r.span.from)).size - 1) * DAY_GAP;
  const blockWidth = LABEL + Math.max(...[...byWeek.values()].map(rowWidth)) + 34;
  const blocks = Math.max(1, Math.min(Math.ceil(weeks.length / 18), Math.floor(1120 / blockWidth), 4));
  const perBlock = Math.ceil(weeks.length / blocks);
  const width = Math.max(blocks * blockWidth, STATUSES.length * LEGEND_STEP);
  return { year, byWeek, weeks, blockWidth, perBlock, width, height: TOP + perBlock * ROW_HEIGHT + 6 };
}

function legend(status: ReadonlyMap<string, Status>): string {
  const counts = new Map<Status, number>(STATUSES.map((s) => [s, 0]));
  for (const s of status.values()) counts.set(s, counts.get(s)! + 1);
  return STATUSES.map((s, i) => {
    const x = i * LEGEND_STEP;
    const square = `<rect x="${x}" y="4" width="${CELL}" height="${CELL}" fill="${STATUS[s].colour}"/>`;
    const text = `<text x="${x + CELL + 5}" y="15">${STATUS[s].label}: <tspan data-status-count="${s}">${counts.get(s)}</tspan></text>`;
    return `<g data-status="${s}">${square}${text}</g>`;
  }).join("");
}

function square(year: Year, review: ReviewInfo, s: Status, x: number, y: number): string {
  // In a year with kinds the title names the kind, and a review that is not a QAR is round.
  const kind = year.mixed ? `${kindTag(review)} ` : "";
  const where = review.hostSchool ? `${review.host.name} (${hubName(review.host.hub)})` : hostWords(review);
  const title = h(`${kind}${review.id} ${where}, ${span(review)}: ${STATUS[s].label}`);
  const round = year.mixed && review.kind.id !== "qar" ? CELL / 2 : 2;
  return `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="${round}" fill="${STATUS[s].colour}"><title>${title}</title></rect>`;
}

function weekRow(plan: Layout, status: ReadonlyMap<string, Status>, week: Day, i: number): string {
  const x0 = Math.floor(i / plan.perBlock) * plan.blockWidth;
  const y = TOP + (i % plan.perBlock) * ROW_HEIGHT;
  const list = [...(plan.byWeek.get(week) ?? [])].sort(byStartThenId);
  let x = x0 + LABEL;
  let previous: Day | undefined;
  const squares = list.map((review) => {
    if (previous !== undefined && review.span.from !== previous) x += DAY_GAP;
    previous = review.span.from;
    const drawn = square(plan.year, review, status.get(review.id)!, x, y);
    x += STEP;
    return drawn;
  });
  const count = list.length > 0 ? `<text x="${x + 3}" y="${y + CELL - 2}" class="count">${list.length}</text>` : "";
  return `<text x="${x0}" y="${y + CELL - 2}" class="week">${formatUkDay(week, { weekday: false })}</text>${squares.join("")}${count}`;
}

/** The calendar section: reviews by week, coloured by team status, with a counted legend. */
export function calendar({ year }: ReportInput, status: ReadonlyMap<string, Status>): string {
  const title = sectionStart("calendar", "Calendar of reviews by week");
  if (year.reviews.length === 0) return `${title}<p>No reviews.</p></section>`;
  const plan = layout(year);
  const rows = plan.weeks.map((week, i) => weekRow(plan, status, week, i));
  return `${title}<p class="muted">One row per week (from the Monday); one square per review, placed by start day and coloured by its \
team's status; the number after a row counts its reviews.${year.mixed ? " Round: a review of another kind than a QAR (TPR, MLQAR...)." : ""} Hover a square for the review.</p>
${svgOpen("Reviews by week, coloured by team status", plan.width, plan.height)}
<g class="legend">${legend(status)}</g>
${rows.join("\n")}
</svg></section>`;
}
