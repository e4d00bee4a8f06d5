/**
 * The pages and report sections of planning: the chart of demand against supply by week
 * (`plan.html` and the report), and each team's standby list (the report's team cards).
 */
import type { CheckResult } from "../check.js";
import type { Allocation } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import type { PlanResult } from "../plan/index.js";
import type { StandbyRow } from "../plan/standby.js";
import { weekOf, weeksOf, type WeekRow } from "../plan/weeks.js";
import { formatDay, formatUkDay, parseDay } from "../model/dates.js";

/** An ISO day as the page shows it (`Tue 7 Oct 2025`); the text itself if it is not one. */
const ukDay = (iso: string) => (parseDay(iso) === undefined ? iso : formatUkDay(parseDay(iso)!));
/** A week by its Monday, without the weekday (`7 Oct 2024`). */
const ukWeek = (iso: string) => (parseDay(iso) === undefined ? iso : formatUkDay(parseDay(iso)!, { weekday: false }));
import { escapeHtml as h } from "./report/format.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const COLOURS = { seats: "#90a4ae", filled: "#2e7d32", shortfall: "#c62828", places: "#1565c0", advanced: "#0d47a1" } as const;

/** A round step (1, 2 or 5 times a power of ten) giving four or five grid lines up to `most`. */
function niceStep(most: number): number {
  const rough = Math.max(1, most / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough)!;
}

/** A bar in the chart's frame. */
function bar(x: number, width: number, y0: number, value: number, scale: number, colour: string, title: string): string {
  const height = value * scale;
  return height <= 0 ? "" : `<rect x="${x}" y="${(y0 - height).toFixed(1)}" width="${width}" height="${height.toFixed(1)}" fill="${colour}"><title>${h(title)}</title></rect>`;
}

/**
 * Demand against supply by week, as inline SVG: per week, the seats asked (grey, the part the
 * bound proves must stay empty in red, and with `filled` the seats filled in green) beside the
 * places people could give (blue; the advanced places darker).
 *
 * @example weekChart(weeksOf(indexYear(problem)), { label: "Seats and places by week" })
 */
export function weekChart(weeks: readonly WeekRow[], options: { readonly filled?: ReadonlyMap<string, number>; readonly label?: string } = {}): string {
  if (weeks.length === 0) return `<p>No reviews.</p>`;
  const top = 26;
  const left = 44;
  const plot = 220;
  const column = 30;
  const legendStep = 140;
  const width = Math.max(left + weeks.length * column + 40, left + 5 * legendStep);
  const height = top + plot + 78;
  const most = Math.max(1, ...weeks.map((w) => Math.max(w.peerSeats + w.leadSeats, w.peerPlaces + w.leadPlaces)));
  const scale = plot / most;
  const base = top + plot;
  const ticks = Array.from({ length: Math.floor(most / niceStep(most)) + 1 }, (_, i) => i * niceStep(most));
  const grid = ticks.map((v) => `<line class="grid" x1="${left}" x2="${left + weeks.length * column}" y1="${(base - v * scale).toFixed(1)}" y2="${(base - v * scale).toFixed(1)}"/><text x="${left - 4}" y="${(base - v * scale + 4).toFixed(1)}" text-anchor="end" class="muted">${v}</text>`);
  const columns = weeks.map((w, i) => {
    const x = left + i * column + 2;
    const seats = w.peerSeats + w.leadSeats;
    const places = w.peerPlaces + w.leadPlaces;
    const filled = options.filled?.get(w.week);
    const name = `week of ${ukWeek(w.week)}: ${plural(w.reviews, "review")}`;
    const bars = [
      bar(x, 13, base, seats, scale, COLOURS.seats, `${name}, ${seats} seats (${w.leadSeats} Lead Reviewer, ${w.peerSeats} peer)`),
      filled !== undefined ? bar(x, 13, base, filled, scale, COLOURS.filled, `${name}, ${filled} seats filled`) : "",
      w.shortfall > 0 ? `<rect x="${x}" y="${(base - seats * scale).toFixed(1)}" width="13" height="${(w.shortfall * scale).toFixed(1)}" fill="${COLOURS.shortfall}"><title>${h(`${name}: at least ${w.shortfall} of its seats stay empty whatever the allocation`)}</title></rect>` : "",
      bar(x + 14, 12, base, places, scale, COLOURS.places, `${name}, ${places} places available (${w.leadPlaces} Lead Reviewer, ${w.peerPlaces} peer, ${w.advancedPlaces} of them advanced)`),
      bar(x + 14, 12, base, w.advancedPlaces, scale, COLOURS.advanced, `${name}, ${w.advancedPlaces} advanced places`),
    ];
    const label = `<text transform="translate(${x + 10},${base + 8}) rotate(60)" class="week">${h(ukWeek(w.week))}</text>`;
    return `<g data-week="${h(w.week)}" data-seats="${seats}" data-places="${places}" data-shortfall="${w.shortfall}"${filled !== undefined ? ` data-filled="${filled}"` : ""}>${bars.join("")}${label}</g>`;
  });
  const legend = [
    ["seats asked", COLOURS.seats],
    ...(options.filled ? [["seats filled", COLOURS.filled]] : []),
    ["proven shortfall", COLOURS.shortfall],
    ["places available", COLOURS.places],
    ["advanced places", COLOURS.advanced],
  ].map(([text, colour], i) => `<rect x="${left + i * legendStep}" y="4" width="12" height="12" fill="${colour}"/><text x="${left + i * legendStep + 16}" y="14">${text}</text>`);
  return `<svg class="chart" role="img" aria-label="${h(options.label ?? "Seats asked and places available by week")}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<g class="legend">${legend.join("")}</g>${grid.join("")}<line class="axis" x1="${left}" x2="${left + weeks.length * column}" y1="${base}" y2="${base}"/>
${columns.join("\n")}
</svg>`;
}

const WEEKS_NOTE = "Per week (from its Monday): the seats its reviews ask for, the places people could give them (each person counted for as many of the week's reviews as every pair rule lets them sit on, none overlapping, at most their max_reviews), and the seats the bound on the week's reviews alone proves must stay empty.";

/** The report's week chart: seats asked, filled and proven short against places available. */
export function weeksSection({ year, check }: { readonly year: Year; readonly allocation: Allocation; readonly check: CheckResult }): string {
  const weeks = weeksOf(year);
  const empty = new Map<string, number>();
  for (const seat of check.unfilled) {
    const review = year.reviewById.get(seat.reviewId);
    const week = review ? weekOf(review.review) : undefined;
    if (week !== undefined) empty.set(formatDay(week), (empty.get(formatDay(week)) ?? 0) + seat.missing);
  }
  const filled = new Map(weeks.map((w) => [w.week, w.peerSeats + w.leadSeats - (empty.get(w.week) ?? 0)]));
  const short = weeks.reduce((n, w) => n + w.shortfall, 0);
  return `<section id="weeks"><h2>Demand and supply by week</h2><p class="muted">${WEEKS_NOTE} Weeks with a proven shortfall: <span data-weeks="short">${weeks.filter((w) => w.shortfall > 0).length}</span> (${plural(short, "seat")}); qar plan proposes date moves for reviews with a window.</p>
${weekChart(weeks, { filled })}</section>`;
}

/** A team card's standby list: who to ask first if someone drops out. */
export function standbyBlock(review: ReviewInfo, year: Year, standby: readonly StandbyRow[]): string {
  const mine = standby.filter((row) => row.reviewId === review.id);
  if (mine.length === 0) return `<div class="muted standby">Standby: nobody free could step in.</div>`;
  const lists = (["lead", "peer"] as const).map((role) => {
    const names = mine.filter((row) => row.role === role).map((row) => {
      const person = year.people[row.role].get(row.personId);
      return `<li data-standby="${role}">${row.rank}. ${h(person?.name || row.personId)} <span class="muted">${h(row.personId)}${row.level ? ` · ${h(row.level)}` : ""}${person?.school ? ` · ${h(person.school.id)}` : ""}</span></li>`;
    });
    return names.length === 0 ? "" : `<span class="muted">${role === "lead" ? "Lead Reviewer" : "peers"}:</span><ol>${names.join("")}</ol>`;
  });
  return `<div class="standby"><span class="muted">Standby</span> ${lists.join(" ")}</div>`;
}

const STYLE = `*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:1.5em auto;padding:0 1.5em;color:#222;max-width:1180px;line-height:1.35}
h2{margin:1.6em 0 .4em;border-bottom:2px solid #e3e3e3;padding-bottom:.2em}.muted{color:#666;font-size:.9em}
.chart{display:block;max-width:100%;height:auto;font-size:11px}.chart text{fill:#333}.chart .week{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:9px}.chart .grid{stroke:#e6e6e6}.chart .axis{stroke:#444}.chart .muted{fill:#666}
table{border-collapse:collapse;font-size:.9em}th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left}th{background:#f6f6f6}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.short{color:#b71c1c;font-weight:600}.nowrap{white-space:nowrap}`;

function weeksTable(weeks: readonly WeekRow[]): string {
  const rows = weeks.map((w) => `<tr><td data-v="${h(w.week)}" class="nowrap">${h(ukWeek(w.week))}</td><td class="num">${w.reviews}</td><td class="num">${w.peerSeats}</td><td class="num">${w.leadSeats}</td><td class="num">${w.peerPlaces}</td><td class="num">${w.advancedPlaces}</td><td class="num">${w.leadPlaces}</td><td class="num${w.shortfall > 0 ? " short" : ""}">${w.shortfall}</td></tr>`);
  return `<table><thead><tr><th>week</th><th class="num">reviews</th><th class="num">peer seats</th><th class="num">Lead Reviewer seats</th><th class="num">peer places</th><th class="num">advanced places</th><th class="num">Lead Reviewer places</th><th class="num">shortfall</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

function movesSection(result: PlanResult): string {
  const how = result.measure === "exact" ? "the exact seat optimum (what qar solve fills on a year this size)" : "the seat bound (the most seats any allocation could fill)";
  if (result.moves.length === 0) {
    return `<section id="moves"><h2>Date moves</h2><p>No move proposed: ${result.before >= result.seats ? "the bound allows every seat to be filled at the given dates" : "no review with a window (reviews.csv, column window) has dates that let more seats be filled"}.</p></section>`;
  }
  const rows = result.moves.map((m) => `<tr><td>${h(m.reviewId)}</td><td class="nowrap">${h(ukDay(m.fromStart))}</td><td class="nowrap">${h(ukDay(m.toStart))}</td><td class="num">${m.seatsGained}</td></tr>`);
  return `<section id="moves"><h2>Date moves</h2><p>Best first; each gain is measured by ${how} with the moves above it made. With all ${plural(result.moves.length, "move")}: <span data-plan="after">${result.after}</span> of ${result.seats} seats instead of <span data-plan="before">${result.before}</span>.</p>
<table><thead><tr><th>review</th><th>from</th><th>to</th><th class="num">seats gained</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>
<h3>The weeks after the moves</h3>${weekChart(result.weeksAfter, { label: "Seats asked and places available by week, after the moves" })}</section>`;
}

/**
 * `plan.html`: one self-contained page (inline SVG, nothing loaded from the network): the year's
 * seats against the bound, the week chart and table, and the proposed moves.
 *
 * @example writeFileSync("plan.html", renderPlan(await plan(problem)));
 */
export function renderPlan(result: PlanResult, title = "QA Review plan"): string {
  const short = result.weeks.reduce((n, w) => n + w.shortfall, 0);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)}</title><style>${STYLE}</style></head>
<body><h1>${h(title)}</h1>
<p>${plural(result.weeks.reduce((n, w) => n + w.reviews, 0), "review")} in ${plural(result.weeks.length, "week")} ask for ${plural(result.seats, "seat")}; at the given dates at most <span data-plan="before">${result.before}</span> can be filled (${result.measure === "exact" ? "exact seat optimum" : "seat bound"}). The weeks alone prove <span data-plan="week-shortfall">${short}</span> empty.</p>
<section id="weeks"><h2>Demand and supply by week</h2><p class="muted">${WEEKS_NOTE}</p>
${weekChart(result.weeks)}
${weeksTable(result.weeks)}</section>
${movesSection(result)}
</body></html>
`;
}
