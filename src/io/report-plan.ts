/**
 * The pages and report sections of planning: the chart of demand against supply by week
 * (`plan.html` and the report), and each team's standby list (the report's team cards).
 */
import type { CheckResult } from "../check.js";
import type { Allocation } from "../model/schema.js";
import type { ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff } from "../rules/index.js";
import type { PlanResult } from "../plan/index.js";
import type { StandbyRow } from "../plan/standby.js";
import { weekOf, weeksOf, type WeekRow } from "../plan/weeks.js";
import { formatDay } from "../model/dates.js";
import { h, plural, ukDay, ukWeek } from "./html/format.js";
import { htmlPage } from "./html/shell.js";

const COLOURS = { seats: "#90a4ae", filled: "#2e7d32", shortfall: "#c62828", supply: "#1565c0" } as const;

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

/** What one week asks of one role, what the people of that role can give it, and (in the report) what was filled. */
interface RoleWeek {
  readonly needed: number;
  readonly supply: number;
  readonly places: number;
  readonly filled?: number;
  readonly shortfall?: number;
}

/** The three roles of a week: Lead Reviewers, advanced reviewers (one a team), peer seats. */
const ROLES: readonly { readonly key: "lead" | "advanced" | "peer"; readonly name: string; readonly needed: string; readonly of: (w: WeekRow, f?: WeekFilled) => RoleWeek }[] = [
  { key: "lead", name: "Lead Reviewers", needed: "Lead Reviewer seats", of: (w, f) => ({ needed: w.leadSeats, supply: w.leadSupply, places: w.leadPlaces, ...(f ? { filled: f.lead } : {}) }) },
  { key: "advanced", name: "Advanced reviewers", needed: "teams needing one", of: (w, f) => ({ needed: w.teams, supply: w.advancedSupply, places: w.advancedPlaces, ...(f ? { filled: f.teams } : {}) }) },
  { key: "peer", name: "Peer seats (every level)", needed: "peer seats", of: (w, f) => ({ needed: w.peerSeats, supply: w.peerSupply, places: w.peerPlaces, shortfall: w.shortfall, ...(f ? { filled: f.peer } : {}) }) },
];

/** What an allocation filled in a week, by role: Lead Reviewer seats, teams staffed (with their advanced reviewer), peer seats. */
export interface WeekFilled {
  readonly lead: number;
  readonly teams: number;
  readonly peer: number;
}

const PANEL = 110;
const PANEL_GAP = 34;

/** One role's panel: per week the need (grey, filled in green) and the supply (blue); the places free are in the tooltip and the table. */
function panel(weeks: readonly WeekRow[], role: (typeof ROLES)[number], filled: ReadonlyMap<string, WeekFilled> | undefined, top: number, left: number, column: number): string {
  const figures = weeks.map((w) => role.of(w, filled?.get(w.week)));
  const most = Math.max(1, ...figures.map((f) => Math.max(f.needed, f.supply)));
  const scale = PANEL / most;
  const base = top + PANEL;
  const step = niceStep(most);
  const grid = Array.from({ length: Math.floor(most / step) + 1 }, (_, i) => i * step).map((v) => {
    const y = (base - v * scale).toFixed(1);
    return `<line class="grid" x1="${left}" x2="${left + weeks.length * column}" y1="${y}" y2="${y}"/><text x="${left - 4}" y="${(base - v * scale + 4).toFixed(1)}" text-anchor="end" class="muted">${v}</text>`;
  });
  const needed = figures.reduce((n, f) => n + f.needed, 0);
  const supply = Math.round(figures.reduce((n, f) => n + f.supply, 0));
  const columns = weeks.map((w, i) => {
    const f = figures[i]!;
    const x = left + i * column + 2;
    const name = `week of ${ukWeek(w.week)}`;
    const parts = [
      bar(x, 13, base, f.needed, scale, COLOURS.seats, `${name}: ${f.needed} ${role.needed}`),
      f.filled !== undefined ? bar(x, 13, base, Math.min(f.filled, f.needed), scale, COLOURS.filled, `${name}: ${f.filled} filled`) : "",
      f.shortfall ? `<rect x="${x}" y="${(base - f.needed * scale).toFixed(1)}" width="13" height="${(Math.min(f.shortfall, f.needed) * scale).toFixed(1)}" fill="${COLOURS.shortfall}"><title>${h(`${name}: at least ${f.shortfall} of its seats (Lead Reviewer and peer) stay empty whatever the allocation`)}</title></rect>` : "",
      bar(x + 14, 12, base, f.supply, scale, COLOURS.supply, `${name}: ${f.supply} of the year's reviews fall to this week (each person's yearly reviews shared over the weeks they are free); ${f.places} places free that week, counting a person in every week they are free`),
    ];
    return `<g data-week="${h(w.week)}" data-role="${role.key}" data-needed="${f.needed}" data-supply="${f.supply}" data-places="${f.places}"${f.filled !== undefined ? ` data-filled="${f.filled}"` : ""}>${parts.join("")}</g>`;
  });
  const title = `<text x="${left}" y="${top - 8}" class="panel">${role.name}: ${needed} ${role.needed}, ${supply} reviews to give in the year</text>`;
  return `<g class="panel" data-role="${role.key}" data-needed="${needed}" data-supply="${supply}">${title}${grid.join("")}<line class="axis" x1="${left}" x2="${left + weeks.length * column}" y1="${base}" y2="${base}"/>${columns.join("")}</g>`;
}

/**
 * Demand against supply by week and by role, as inline SVG: one panel each for Lead Reviewers,
 * advanced reviewers (every team needs one) and peer seats. Per week the need (grey; with
 * `filled`, what the allocation filled in green; the proven shortfall in red) beside the supply
 * that adds up over the year (blue: each person's yearly reviews shared over the weeks they are
 * free). The places free that week (a person counts in every week they are free, so they do not
 * add up) are in each bar's tooltip.
 *
 * @example weekChart(weeksOf(indexYear(problem)), { label: "Seats and supply by week" })
 */
export function weekChart(weeks: readonly WeekRow[], options: { readonly filled?: ReadonlyMap<string, WeekFilled>; readonly label?: string } = {}): string {
  if (weeks.length === 0) return `<p>No reviews.</p>`;
  const top = 40;
  const left = 44;
  const column = 30;
  const legendStep = 170;
  const width = Math.max(left + weeks.length * column + 40, left + 4 * legendStep);
  const panels = ROLES.map((role, i) => panel(weeks, role, options.filled, top + i * (PANEL + PANEL_GAP), left, column));
  const base = top + ROLES.length * (PANEL + PANEL_GAP) - PANEL_GAP;
  const labels = weeks.map((w, i) => `<text transform="translate(${left + i * column + 12},${base + 8}) rotate(60)" class="week">${h(ukWeek(w.week))}</text>`);
  const height = base + 78;
  const legend = [
    ["needed", COLOURS.seats],
    ...(options.filled ? [["filled", COLOURS.filled]] : []),
    ["proven shortfall", COLOURS.shortfall],
    ["supply (adds up over the year)", COLOURS.supply],
  ].map(([text, colour], i) => `<rect x="${left + i * legendStep}" y="4" width="12" height="12" fill="${colour}"/><text x="${left + i * legendStep + 16}" y="14">${text}</text>`);
  return `<svg class="chart" role="img" aria-label="${h(options.label ?? "Need and supply by week, by role")}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<g class="legend">${legend.join("")}</g>
${panels.join("\n")}
${labels.join("")}
</svg>`;
}

const WEEKS_NOTE =
  "Per week (from its Monday) and per role: what the week needs (Lead Reviewer seats; teams, each needing an advanced reviewer; peer seats) against the supply " +
  "that adds up over the year (each person's yearly reviews — their max_reviews, fewer where the reviews they may sit on overlap — shared over the weeks they are free, " +
  "in proportion to the reviews they could sit on in each; the places free that week, which count a person in every week they are free and so do not add up, are in the tooltips and the table), " +
  "and the seats the bound on the week's reviews alone proves must stay empty.";

/** The year's need and supply by role in one sentence: the totals the weeks' bars add up to. */
export function supplyInWords(weeks: readonly WeekRow[]): string {
  const sum = (f: (w: WeekRow) => number) => weeks.reduce((n, w) => n + f(w), 0);
  const line = (need: number, what: string, supply: number, who: string) => `${need} ${what} against ${Math.round(supply)} reviews ${who} can give`;
  return [
    line(sum((w) => w.leadSeats), "Lead Reviewer seats", sum((w) => w.leadSupply), "the Lead Reviewers"),
    line(sum((w) => w.teams), "teams needing an advanced reviewer", sum((w) => w.advancedSupply), "the advanced reviewers"),
    line(sum((w) => w.peerSeats), "peer seats", sum((w) => w.peerSupply), "all reviewers"),
  ].join("; ");
}

/** What the allocation filled per week and role (the report's green). */
function filledByWeek(year: Year, check: CheckResult): Map<string, WeekFilled> {
  const empty = new Map<string, { lead: number; peer: number }>();
  for (const seat of check.unfilled) empty.set(seat.reviewId, { ...(empty.get(seat.reviewId) ?? { lead: 0, peer: 0 }), [seat.role]: seat.missing });
  const filled = new Map<string, WeekFilled>();
  for (const review of year.reviews) {
    const week = weekOf(review.review);
    if (week === undefined) continue;
    const key = formatDay(week);
    const gap = empty.get(review.id) ?? { lead: 0, peer: 0 };
    const now = filled.get(key) ?? { lead: 0, teams: 0, peer: 0 };
    const peers = review.peerSeats - gap.peer;
    const staffed = review.peerSeats > 0 && peers > 0 && advancedToStaff(year, review) > 0 ? 1 : 0;
    filled.set(key, { lead: now.lead + 1 - gap.lead, teams: now.teams + staffed, peer: now.peer + peers });
  }
  return filled;
}

/** The report's week chart: by role, what each week needs, what was filled, the supply. */
export function weeksSection({ year, check }: { readonly year: Year; readonly allocation: Allocation; readonly check: CheckResult }): string {
  const weeks = weeksOf(year);
  const short = weeks.reduce((n, w) => n + w.shortfall, 0);
  return `<section id="weeks"><h2>Need and supply by week</h2><p>Over the year: <span data-supply="year">${h(supplyInWords(weeks))}</span>.</p><p class="muted">${WEEKS_NOTE} Weeks with a proven shortfall: <span data-weeks="short">${weeks.filter((w) => w.shortfall > 0).length}</span> (${plural(short, "seat")}); qar plan proposes date moves for reviews with a window.</p>
${weekChart(weeks, { filled: filledByWeek(year, check) })}</section>`;
}

/** A team card's standby list (its review's rows of standby.csv): who to ask first if someone drops out. */
export function standbyBlock(year: Year, mine: readonly StandbyRow[]): string {
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

function weeksTable(weeks: readonly WeekRow[]): string {
  const rows = weeks.map((w) => `<tr><td data-v="${h(w.week)}" class="nowrap">${h(ukWeek(w.week))}</td><td class="num">${w.reviews}</td><td class="num">${w.leadSeats}</td><td class="num">${w.leadSupply}</td><td class="num">${w.teams}</td><td class="num">${w.advancedSupply}</td><td class="num">${w.peerSeats}</td><td class="num">${w.peerSupply}</td><td class="num">${w.leadPlaces}</td><td class="num">${w.advancedPlaces}</td><td class="num">${w.peerPlaces}</td><td class="num${w.shortfall > 0 ? " short" : ""}">${w.shortfall}</td></tr>`);
  return `<table><thead><tr><th>week</th><th class="num">reviews</th><th class="num">Lead Reviewer seats</th><th class="num">Lead Reviewer supply</th><th class="num">teams needing an advanced reviewer</th><th class="num">advanced supply</th><th class="num">peer seats</th><th class="num">peer supply</th><th class="num">Lead Reviewer places free</th><th class="num">advanced places free</th><th class="num">peer places free</th><th class="num">shortfall</th></tr></thead><tbody>
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
  const body = `<h1>${h(title)}</h1>
<p>${plural(result.weeks.reduce((n, w) => n + w.reviews, 0), "review")} in ${plural(result.weeks.length, "week")} ask for ${plural(result.seats, "seat")}; at the given dates at most <span data-plan="before">${result.before}</span> can be filled (${result.measure === "exact" ? "exact seat optimum" : "seat bound"}). The weeks alone prove <span data-plan="week-shortfall">${short}</span> empty.</p>
<section id="weeks"><h2>Need and supply by week</h2><p>Over the year: <span data-supply="year">${h(supplyInWords(result.weeks))}</span>.</p><p class="muted">${WEEKS_NOTE}</p>
${weekChart(result.weeks)}
${weeksTable(result.weeks)}</section>
${movesSection(result)}`;
  return htmlPage({ title, body });
}
