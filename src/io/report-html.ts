import Graph from "graphology";
import { place, type CheckResult, type UnfilledSeats } from "../check.js";
import { deficiencies, explainSeats, type Deficiency, type Explanation, type SeatExplanation } from "../explain.js";
import type { LedgerRow } from "../goals/reciprocity.js";
import { formatDay, weekStart, type Day } from "../model/dates.js";
import type { Allocation, Role } from "../model/schema.js";
import { travelKm, type PersonInfo, type ReviewInfo, type Year } from "../model/year.js";
import { RULES } from "../rules/index.js";
import type { SolveResult } from "../solver/index.js";
import { acrossYearsSection, pathwaySection } from "./report-years.js";
import { standbyList, type StandbyRow } from "../plan/standby.js";
import { standbyBlock, weeksSection } from "./report-plan.js";

/** What a report shows: the year, an allocation, the checker's verdict, and the solve if there was one. */
export interface ReportInput {
  readonly year: Year;
  readonly allocation: Allocation;
  /** The checker's result for `allocation`: every figure on the report is taken from it. */
  readonly check: CheckResult;
  /** The solve that produced the allocation, for the upper bound, the gap and the engine. */
  readonly solve?: SolveResult;
  readonly title?: string;
  /** The explanation of the empty seats, when the caller already has it (else it is computed). */
  readonly explanation?: Explanation;
  /** The teams' standby lists, when the caller already has them (else they are computed). */
  readonly standby?: readonly StandbyRow[];
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML content and attribute values (`& < > " '`), so that any name, id or hub
 * from a spreadsheet shows as inert text.
 *
 * @example escapeHtml(`<script>alert("x")</script>`) // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string | number | undefined): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const h = escapeHtml;

/** Code-unit order (never locale-dependent), with runs of digits compared as numbers: H2 before H10. */
function naturalCompare(a: string, b: string): number {
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    if (numeric && Number(p) !== Number(q)) return Number(p) - Number(q);
    return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byStartThenId = (a: ReviewInfo, b: ReviewInfo) => a.span.from - b.span.from || byId(a, b);
/** A share as a percentage with one decimal; an empty whole counts as complete, as the checker does. */
const percent = (part: number, whole: number) => `${(whole === 0 ? 100 : (100 * part) / whole).toFixed(1)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
/** At most `max` characters (whole code points), with an ellipsis when cut. */
const clip = (text: string, max: number) => {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
};
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const weekday = (day: Day) => WEEKDAYS[(day + 3) % 7]!;
const span = (review: ReviewInfo) =>
  review.span.from === review.span.to
    ? `${weekday(review.span.from)} ${formatDay(review.span.from)}`
    : `${weekday(review.span.from)} ${formatDay(review.span.from)} – ${weekday(review.span.to)} ${formatDay(review.span.to)}`;
const hubName = (hub: string | undefined) => (hub !== undefined && hub.trim() !== "" ? hub : "(no hub)");
const num = (name: string, value: number | string) => `<span data-metric="${name}">${value}</span>`;

// ---------------------------------------------------------------------------------------------
// Team status, from the checker's list of empty seats (so the calendar agrees with its figures).

type Status = "full" | "short" | "no-lead" | "none";
const STATUSES: readonly Status[] = ["full", "short", "no-lead", "none"];
const STATUS: Readonly<Record<Status, { colour: string; label: string }>> = {
  full: { colour: "#2e7d32", label: "full team" },
  short: { colour: "#f9a825", label: "short of peers" },
  "no-lead": { colour: "#8e24aa", label: "no Lead Reviewer" },
  none: { colour: "#c62828", label: "no team" },
};

function statusOf(year: Year, unfilled: readonly UnfilledSeats[]): Map<string, Status> {
  const missing = new Map<string, { lead: number; peer: number }>();
  for (const seat of unfilled) {
    const entry = missing.get(seat.reviewId) ?? { lead: 0, peer: 0 };
    missing.set(seat.reviewId, { ...entry, [seat.role]: entry[seat.role] + seat.missing });
  }
  const status = new Map<string, Status>();
  for (const review of year.reviews) {
    const gap = missing.get(review.id) ?? { lead: 0, peer: 0 };
    const noPeers = gap.peer >= review.peerSeats;
    status.set(review.id, gap.lead > 0 ? (noPeers ? "none" : "no-lead") : gap.peer > 0 ? "short" : "full");
  }
  return status;
}

// ---------------------------------------------------------------------------------------------
// 1. Headline figures

function card(label: string, value: string, details: readonly string[], tone?: "good" | "warn"): string {
  return `<div class="card${tone ? ` ${tone}` : ""}"><div class="label">${label}</div><div class="value">${value}</div>${details.map((d) => `<div class="detail">${d}</div>`).join("")}</div>`;
}

function headline({ check, solve }: ReportInput): string {
  const m = check.metrics;
  const r = m.reciprocity;
  const bound = solve?.bound;
  const seatCard = card(
    "Seats filled",
    `${num("filled", m.filled.total)} / ${num("seats", m.seats.total)}`,
    [
      `${(100 * m.filledShare).toFixed(1)}% of all seats, Lead Reviewers' included`,
      ...(bound && solve
        ? [
            `upper bound ${num("bound", bound.filledSeats)} (${h(bound.method)}) · gap ${num("gapPercent", (100 * solve.gap).toFixed(2))}%`,
            solve.proven ? `<strong>proven: no valid allocation fills more seats</strong>` : `not proven optimal: at most ${num("boundMissing", Math.max(0, bound.filledSeats - m.filled.total))} more seats could be filled`,
          ]
        : []),
    ],
    m.filled.total === m.seats.total || solve?.proven ? "good" : "warn",
  );
  const leadCard = card("Lead Reviewer seats", `${num("leadFilled", m.filled.lead)} / ${num("leadSeats", m.seats.lead)}`, [
    percent(m.filled.lead, m.seats.lead),
    ...(bound ? [`upper bound ${num("leadBound", bound.leadSeats)}`] : []),
  ]);
  const peerCard = card("Peer seats", `${num("peerFilled", m.filled.peer)} / ${num("peerSeats", m.seats.peer)}`, [
    percent(m.filled.peer, m.seats.peer),
    ...(bound ? [`upper bound ${num("peerBound", bound.peerSeats)}`] : []),
  ]);
  const teamsCard = card(
    "Full teams",
    `${num("fullTeams", m.fullTeams)} / ${num("reviews", m.reviews)}`,
    [
      `${(100 * m.fullTeamShare).toFixed(1)}% of reviews have every seat filled`,
      ...(bound ? [bound.filledSeats >= m.seats.total ? "the bound allows every team to be full" : `any allocation leaves at least ${num("seatsNeverFilled", m.seats.total - bound.filledSeats)} seats empty`] : []),
      `published: 89% (2017-18), 82% (2023-24)`,
    ],
    m.fullTeams === m.reviews ? "good" : undefined,
  );
  const balanceCard = card("Schools in reciprocity balance", `${num("inBalance", r.inBalance)} / ${num("schools", r.schools)}`, [
    `${percent(r.inBalance, r.schools)} send exactly their target`,
    `total deviation ${num("totalDeviation", r.totalDeviation)} places${bound ? ` (least possible ${num("deviationBound", bound.reciprocityDeviation)})` : ""}; worst school ${num("worstDeviation", r.worstDeviation)}`,
  ]);
  const commitmentCard = card("Schools meeting their commitment", `${num("meetingCommitment", r.meetingCommitment)} / ${num("schools", r.schools)}`, [
    `${percent(r.meetingCommitment, r.schools)} send at least their target`,
    `within ±${num("tolerance", r.tolerance)}: ${num("withinTolerance", r.withinTolerance)}`,
    `published: 67% (2018-19, projected)`,
  ]);
  const phaseCard = card("Phase match", `${num("phaseMatched", m.phaseMatch.matched)} / ${num("assigned", m.phaseMatch.assigned)}`, [
    `${(100 * m.phaseMatch.share).toFixed(1)}% of people placed know the host's phase`,
  ]);
  const travelCard = card("Mean travel", `${num("meanTravelKm", m.travel.meanKm.toFixed(1))} km`, [
    `over ${num("travelMeasured", m.travel.measured)} journeys with coordinates`,
    `total ${num("totalTravelKm", Math.round(m.travel.totalKm))} km`,
  ]);
  const otherCard = card("Preferences and variety", `${num("preferencesHonoured", m.preferences.honoured)} / ${num("preferencesStated", m.preferences.stated)}`, [
    `placements honour a stated preference`,
    `same-school pairs ${num("sameSchoolPairs", m.variety.sameSchoolPairs)} · reciprocal pairs ${num("reciprocalPairs", m.variety.reciprocalPairs)} · repeats of last year ${num("repeats", m.variety.repeats)}`,
  ]);
  return `<section id="headline"><h2>Headline figures</h2><div class="cards">
${[seatCard, leadCard, peerCard, teamsCard, balanceCard, commitmentCard, phaseCard, travelCard, otherCard].join("\n")}
</div></section>`;
}

function validity({ check, solve }: ReportInput): string {
  const engine = solve
    ? `<p class="muted">Engine <strong>${h(solve.engine)}</strong>, seed ${solve.seed}, ${h(solve.status)}, stopped by ${h(solve.stoppedBy)} after ${plural(solve.iterations, "iteration")}.${solve.rejectedPins.length > 0 ? ` ${plural(solve.rejectedPins.length, "pin")} could not be honoured.` : ""}</p>`
    : "";
  if (check.valid) return `${engine}<p class="ok">The checker finds no broken hard rule.</p>`;
  const shown = check.violations.slice(0, 200);
  const rest = check.violations.length - shown.length;
  return `${engine}<div class="violations"><strong>${plural(check.violations.length, "hard-rule violation")}</strong><ul>${shown
    .map((v) => `<li>[${h(v.rule)}] ${h(v.message)}</li>`)
    .join("")}${rest > 0 ? `<li>… and ${rest} more (see the checker's output)</li>` : ""}</ul></div>`;
}

// ---------------------------------------------------------------------------------------------
// 2. Calendar: one row per week, one square per review, coloured by team status.

function calendar({ year }: ReportInput, status: ReadonlyMap<string, Status>): string {
  const title = `<section id="calendar"><h2>Calendar of reviews by week</h2>`;
  if (year.reviews.length === 0) return `${title}<p>No reviews.</p></section>`;
  const byWeek = new Map<Day, ReviewInfo[]>();
  for (const review of year.reviews) {
    const week = weekStart(review.span.from);
    byWeek.set(week, [...(byWeek.get(week) ?? []), review]);
  }
  const first = Math.min(...byWeek.keys());
  const last = Math.max(...byWeek.keys());
  const weeks: Day[] = [];
  for (let week = first; week <= last; week += 7) weeks.push(week);
  const cell = 13;
  const step = cell + 2;
  const dayGap = 4;
  const label = 96;
  const widest = Math.max(
    ...[...byWeek.values()].map((list) => list.length * step + (new Set(list.map((r) => r.span.from)).size - 1) * dayGap),
  );
  const blockWidth = label + widest + 34;
  const blocks = Math.max(1, Math.min(Math.ceil(weeks.length / 18), Math.floor(1120 / blockWidth), 4));
  const perBlock = Math.ceil(weeks.length / blocks);
  const top = 30;
  const rowHeight = cell + 5;
  const legendStep = 190;
  const width = Math.max(blocks * blockWidth, STATUSES.length * legendStep);
  const height = top + perBlock * rowHeight + 6;
  const counts = new Map<Status, number>(STATUSES.map((s) => [s, 0]));
  for (const s of status.values()) counts.set(s, counts.get(s)! + 1);
  const legend = STATUSES.map((s, i) => {
    const x = i * legendStep;
    return `<g data-status="${s}"><rect x="${x}" y="4" width="${cell}" height="${cell}" fill="${STATUS[s].colour}"/><text x="${x + cell + 5}" y="15">${STATUS[s].label}: <tspan data-status-count="${s}">${counts.get(s)}</tspan></text></g>`;
  }).join("");
  const rows = weeks.map((week, i) => {
    const x0 = Math.floor(i / perBlock) * blockWidth;
    const y = top + (i % perBlock) * rowHeight;
    const list = [...(byWeek.get(week) ?? [])].sort(byStartThenId);
    let x = x0 + label;
    let previous: Day | undefined;
    const squares = list.map((review) => {
      if (previous !== undefined && review.span.from !== previous) x += dayGap;
      previous = review.span.from;
      const s = status.get(review.id)!;
      const square = `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" rx="2" fill="${STATUS[s].colour}"><title>${h(`${review.id} ${review.host.name} (${hubName(review.host.hub)}), ${span(review)}: ${STATUS[s].label}`)}</title></rect>`;
      x += step;
      return square;
    });
    const count = list.length > 0 ? `<text x="${x + 3}" y="${y + cell - 2}" class="count">${list.length}</text>` : "";
    return `<text x="${x0}" y="${y + cell - 2}" class="week">${formatDay(week)}</text>${squares.join("")}${count}`;
  });
  return `${title}<p class="muted">One row per week (from the Monday); one square per review, placed by start day and coloured by its team's status; the number after a row counts its reviews. Hover a square for the review.</p>
<svg class="chart" role="img" aria-label="Reviews by week, coloured by team status" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<g class="legend">${legend}</g>
${rows.join("\n")}
</svg></section>`;
}

// ---------------------------------------------------------------------------------------------
// 3. Reciprocity: per school, places sent minus seats received, sorted.

function reciprocityChart({ year, check }: ReportInput): string {
  const title = `<section id="reciprocity"><h2>Reciprocity: places sent minus seats received</h2>`;
  const ledger = [...check.ledger].sort((a, b) => a.balance - b.balance || (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0));
  if (ledger.length === 0) return `${title}<p>No schools.</p></section>`;
  const nameOf = (row: LedgerRow) => year.schools.get(row.schoolId)?.name ?? row.schoolId;
  const width = 1100;
  const height = 300;
  const left = 48;
  const right = 12;
  const plotTop = 34;
  const plotBottom = height - 40;
  const most = Math.max(1, ...ledger.map((row) => Math.abs(row.balance)));
  const mid = (plotTop + plotBottom) / 2;
  const scale = (plotBottom - plotTop) / 2 / most;
  const bar = (width - left - right) / ledger.length;
  const xOf = (i: number) => left + i * bar;
  const parts: string[] = [];
  // Gridlines and the axis: a whole number of places per tick.
  const tick = Math.max(1, Math.ceil(most / 4));
  for (let v = -Math.floor(most / tick) * tick; v <= most; v += tick) {
    const y = (mid - v * scale).toFixed(1);
    parts.push(`<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" class="${v === 0 ? "axis" : "grid"}"/><text x="${left - 6}" y="${(mid - v * scale + 4).toFixed(1)}" text-anchor="end">${v > 0 ? `+${v}` : v}</text>`);
  }
  // One bar per run of equal balances (schools are sorted, so each run is contiguous).
  let start = 0;
  for (let i = 1; i <= ledger.length; i += 1) {
    if (i < ledger.length && ledger[i]!.balance === ledger[start]!.balance) continue;
    const balance = ledger[start]!.balance;
    const count = i - start;
    const hgt = Math.max(1.5, Math.abs(balance) * scale);
    const y = balance > 0 ? mid - hgt : balance < 0 ? mid : mid - 0.75;
    const colour = balance === 0 ? "#2e7d32" : balance > 0 ? "#1565c0" : "#c62828";
    const who = count <= 12 ? `: ${ledger.slice(start, i).map(nameOf).join(", ")}` : "";
    parts.push(`<rect x="${xOf(start).toFixed(2)}" y="${y.toFixed(1)}" width="${(count * bar).toFixed(2)}" height="${hgt.toFixed(1)}" fill="${colour}" class="bars"><title>${h(`balance ${balance > 0 ? "+" : ""}${balance}: ${plural(count, "school")}${who}`)}</title></rect>`);
    start = i;
  }
  // Thin separators between schools, when there is room for them to show.
  if (bar >= 4) {
    for (let i = 1; i < ledger.length; i += 1) parts.push(`<line x1="${xOf(i).toFixed(2)}" y1="${plotTop}" x2="${xOf(i).toFixed(2)}" y2="${plotBottom}" class="sep"/>`);
  }
  // Extremes only, written in the quadrants sorting leaves empty: the schools that owe most
  // (top left, above their bars) and those with the largest surplus (bottom right, below theirs).
  const owing = ledger.filter((row) => row.balance < 0).slice(0, 3);
  const surplus = ledger.filter((row) => row.balance > 0).slice(-3).reverse();
  if (owing.length > 0) parts.push(`<text x="${left + 6}" y="${plotTop + 4}" class="extreme owe"><tspan font-weight="600">owe most:</tspan></text>`);
  owing.forEach((row, k) => {
    parts.push(`<text x="${left + 6}" y="${plotTop + 18 + k * 13}" class="extreme owe">${h(`${clip(nameOf(row), 40)} (${row.schoolId}) ${row.balance}`)}</text>`);
  });
  if (surplus.length > 0) parts.push(`<text x="${width - right - 6}" y="${plotBottom - 4 - surplus.length * 13}" text-anchor="end" class="extreme surplus"><tspan font-weight="600">largest surplus:</tspan></text>`);
  surplus.forEach((row, k) => {
    parts.push(`<text x="${width - right - 6}" y="${plotBottom - 4 - (surplus.length - 1 - k) * 13}" text-anchor="end" class="extreme surplus">${h(`${clip(nameOf(row), 40)} (${row.schoolId}) +${row.balance}`)}</text>`);
  });
  // Segment captions under the axis.
  const owe = ledger.filter((row) => row.balance < 0).length;
  const even = ledger.filter((row) => row.balance === 0).length;
  const over = ledger.length - owe - even;
  const caption = (from: number, count: number, text: string, cls: string) => {
    if (count === 0) return "";
    // Centred under its segment, but never past the chart's edges.
    const half = text.length * 3.2;
    const x = Math.min(width - right - half, Math.max(left + half, xOf(from) + (count * bar) / 2));
    return `<text x="${x.toFixed(1)}" y="${height - 22}" text-anchor="middle" class="${cls}">${text}</text>`;
  };
  parts.push(caption(0, owe, `${owe} owe places`, "owe"), caption(owe, even, `${even} in balance`, "even"), caption(owe + even, over, `${over} sent more`, "surplus"));
  parts.push(`<text x="${left}" y="${height - 6}" class="muted">schools (${ledger.length}), sorted by balance</text><text x="${left}" y="14" class="muted">balance = places sent − seats received (target)</text>`);
  return `${title}<p class="muted">Red: the school's reviewers filled fewer places than its own review's peer seats (it owes places). Green: in balance. Blue: it sent more. Every school's figures are in the ledger below.</p>
<svg class="chart" role="img" aria-label="Reciprocity balance per school, sorted" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${parts.join("\n")}
</svg></section>`;
}

// ---------------------------------------------------------------------------------------------
// 4. Hub-to-hub exchanges: a graphology graph drawn as a heat-map matrix.

/**
 * The exchange graph: hub → hub, weighted by the reviewer places that reviewers from the
 * source hub fill at reviews hosted in the target hub. Blank hubs are the node "(no hub)".
 */
function exchangeGraph(year: Year, allocation: Allocation): Graph {
  const graph = new Graph({ type: "directed", allowSelfLoops: true, multi: false });
  const hubs = new Set<string>();
  for (const school of year.schools.values()) hubs.add(hubName(school.hub));
  for (const hub of [...hubs].sort(naturalCompare)) graph.addNode(hub);
  for (const a of allocation.assignments) {
    if (a.role !== "peer") continue;
    const person = year.people.peer.get(a.personId);
    const review = year.reviewById.get(a.reviewId);
    if (!person?.school || !review) continue;
    const from = hubName(person.school.hub);
    const to = hubName(review.host.hub);
    graph.mergeNode(from);
    graph.mergeNode(to);
    graph.updateEdge(from, to, (attr) => ({ ...attr, places: ((attr.places as number | undefined) ?? 0) + 1 }));
  }
  return graph;
}

/** From pale to dark blue as `t` goes from 0 to 1. */
function shade(t: number): string {
  const lo = [222, 235, 247];
  const hi = [8, 48, 107];
  const mix = lo.map((c, k) => Math.round(c + (hi[k]! - c) * t));
  return `rgb(${mix.join(",")})`;
}

function hubMatrix({ year, allocation }: ReportInput): string {
  const graph = exchangeGraph(year, allocation);
  const hubs = graph.nodes().sort(naturalCompare);
  const title = `<section id="hubs"><h2>Hub-to-hub exchanges</h2>`;
  if (hubs.length === 0) return `${title}<p>No hubs.</p></section>`;
  const places = (from: string, to: string) => (graph.hasEdge(from, to) ? (graph.getEdgeAttribute(from, to, "places") as number) : 0);
  const size = Math.max(8, Math.min(26, Math.floor(760 / hubs.length)));
  const font = Math.max(7, Math.min(11, size - 3));
  const longest = Math.max(...hubs.map((hub) => Array.from(clip(hub, 22)).length));
  const labelWidth = Math.max(70, Math.min(160, 12 + longest * font * 0.6));
  const left = labelWidth;
  const top = labelWidth * 0.8 + 10;
  const most = Math.max(1, ...graph.mapEdges((_e, attr) => attr.places as number));
  const n = hubs.length;
  const parts: string[] = [];
  const sent = hubs.map((from) => hubs.reduce((sum, to) => sum + places(from, to), 0));
  const received = hubs.map((to) => hubs.reduce((sum, from) => sum + places(from, to), 0));
  hubs.forEach((from, i) => {
    const y = top + i * size;
    parts.push(`<text x="${left - 4}" y="${y + size / 2 + font / 3}" font-size="${font}" text-anchor="end">${h(clip(from, 22))}<title>${h(from)}</title></text>`);
    parts.push(`<text transform="translate(${left + i * size + size / 2 + font / 3},${top - 4}) rotate(-55)" font-size="${font}">${h(clip(from, 22))}<title>${h(from)}</title></text>`);
    parts.push(`<rect x="${left + i * size}" y="${y}" width="${size}" height="${size}" class="diag"/>`);
    hubs.forEach((to, j) => {
      const count = places(from, to);
      if (count === 0) return;
      const t = Math.sqrt(count / most);
      const x = left + j * size;
      parts.push(`<rect x="${x}" y="${y}" width="${size - 1}" height="${size - 1}" fill="${shade(t)}"><title>${h(`${from} → ${to}: ${plural(count, "place")}`)}</title></rect>`);
      if (size >= 16) parts.push(`<text x="${x + (size - 1) / 2}" y="${y + size / 2 + font / 3}" font-size="${font - 1}" text-anchor="middle" class="cellnum${t > 0.55 ? " light" : ""}">${count}</text>`);
    });
    parts.push(`<text x="${left + n * size + 6}" y="${y + size / 2 + font / 3}" font-size="${font}" class="total">${sent[i]}</text>`);
    parts.push(`<text transform="translate(${left + i * size + size / 2 + font / 3},${top + n * size + 6}) rotate(90)" font-size="${font}" class="total">${received[i]}</text>`);
  });
  parts.push(`<rect x="${left}" y="${top}" width="${n * size}" height="${n * size}" class="frame"/>`);
  parts.push(`<text x="${left + n * size + 6}" y="${top - 6}" font-size="${font}" class="muted">sent</text>`);
  parts.push(`<text x="${left - 4}" y="${top + n * size + 14}" font-size="${font}" text-anchor="end" class="muted">received</text>`);
  // Colour scale.
  const scaleY = top + n * size + 44;
  const steps = 6;
  for (let k = 0; k < steps; k += 1) {
    const t = k / (steps - 1);
    parts.push(`<rect x="${left + k * 30}" y="${scaleY}" width="30" height="12" fill="${shade(t)}"/>`);
  }
  parts.push(`<text x="${left - 4}" y="${scaleY + 10}" text-anchor="end" font-size="11">places</text><text x="${left}" y="${scaleY + 26}" font-size="11">1</text><text x="${left + steps * 30}" y="${scaleY + 26}" font-size="11" text-anchor="end">${most}</text>`);
  const width = Math.ceil(left + n * size + 50);
  const height = Math.ceil(scaleY + 34);
  const edges = graph.size;
  return `${title}<p class="muted">Row: the reviewers' hub; column: the host's hub; a cell counts the peer places reviewers of the row's hub fill at reviews hosted in the column's hub (darker: more). The outlined diagonal stays empty: nobody reviews a school of their own hub. ${plural(n, "hub")}, ${plural(edges, "exchange")}; totals at the right (sent) and bottom (received).</p>
<svg class="chart" role="img" aria-label="Reviewer places from hub to hub" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
${parts.join("\n")}
</svg></section>`;
}

// ---------------------------------------------------------------------------------------------
// 5. Unfilled seats and why.

const RULE_SUMMARY = new Map<string, string>([
  ["reviewers", "All the year's peer reviewers."],
  ["lead-reviewers", "All the year's Lead Reviewers."],
  ...RULES.map((rule) => [rule.id, rule.summary] as [string, string]),
  ["capacity", "Those not already at their yearly maximum of reviews nor on a review with overlapping dates."],
  ["advanced-level", "The team still needs an advanced reviewer: those free who are advanced."],
]);

const roleName = (role: Role) => (role === "lead" ? "Lead Reviewer" : "peer");

function funnel(explanation: SeatExplanation): string {
  return `<ol class="funnel">${explanation.funnel
    .map((step) => `<li${step.remaining === 0 ? ` class="zero"` : ""} title="${h(RULE_SUMMARY.get(step.rule) ?? step.rule)}"><span class="rule">${h(step.rule)}</span> <span class="n">${step.remaining}</span></li>`)
    .join("")}</ol>`;
}

function certificate(c: Deficiency): string {
  return `<div class="certificate"><strong>Shortage of ${c.role === "lead" ? "Lead Reviewers" : "peer reviewers"}</strong>: ${h(c.summary)}</div>`;
}

function unfilledSection(input: ReportInput): string {
  const { year, allocation, check } = input;
  const title = `<section id="unfilled"><h2>Unfilled seats and why</h2>`;
  if (check.unfilled.length === 0) return `${title}<p class="ok">Every seat is filled.</p></section>`;
  const given = new Map((input.explanation?.seats ?? []).map((s) => [`${s.reviewId}|${s.role}`, s]));
  let placement: ReturnType<typeof place> | undefined;
  const placed = () => (placement ??= place(year, allocation));
  const certificates = input.explanation?.certificates ?? deficiencies(year);
  const rows = check.unfilled.map((seat) => {
    const review = year.reviewById.get(seat.reviewId);
    if (!review) return `<tr><td>${h(seat.reviewId)}</td><td colspan="5">not a review of the year</td></tr>`;
    const e = given.get(`${seat.reviewId}|${seat.role}`) ?? explainSeats(year, allocation, review, seat.role, seat.missing, placed());
    return `<tr><td data-v="${h(review.id)}"><a href="#team-${h(review.id)}">${h(review.id)}</a></td><td>${h(review.host.name)} <span class="muted">${h(review.host.id)} · ${h(hubName(review.host.hub))}</span></td><td data-v="${review.span.from}" class="nowrap">${formatDay(review.span.from)}</td><td>${roleName(seat.role)}</td><td class="num">${seat.missing}</td><td><div class="reason">${h(e.reason)}</div>${funnel(e)}${e.remedies.map((r) => `<div class="remedy">would fill it: ${h(r)}</div>`).join("")}</td></tr>`;
  });
  const missing = check.unfilled.reduce((sum, seat) => sum + seat.missing, 0);
  return `${title}<p>${plural(missing, "seat")} on ${plural(new Set(check.unfilled.map((s) => s.reviewId)).size, "review")} stay empty. For each, the funnel narrows the people of that role rule by rule (hover a step for the rule); the first step that reaches 0 is the binding reason.</p>
${certificates.map(certificate).join("\n")}
<table class="sortable"><thead><tr><th>review</th><th>host</th><th>starts</th><th>seat</th><th class="num">missing</th><th>why, the funnel (rule → people remaining), and what would fill it</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></section>`;
}

// ---------------------------------------------------------------------------------------------
// 6. Team cards.

function personRow(person: PersonInfo | undefined, personId: string, review: ReviewInfo, role: Role): string {
  const km = person ? travelKm(person, review.host) : undefined;
  const name = person ? person.name || person.id : personId;
  const school = person?.school;
  return `<tr><td>${role === "lead" ? "Lead" : "peer"}</td><td>${h(name)} <span class="muted">${h(personId)}</span></td><td>${school ? `${h(school.name)} <span class="muted">${h(school.id)}</span>` : role === "lead" ? `<span class="muted">independent</span>` : ""}</td><td>${school ? h(hubName(school.hub)) : ""}</td><td>${h(person?.level ?? "")}</td><td class="num">${km !== undefined ? km.toFixed(0) : "–"}</td></tr>`;
}

function teamCards({ year, allocation, standby = standbyList(year, allocation) }: ReportInput, status: ReadonlyMap<string, Status>): string {
  const byReview = new Map<string, Allocation["assignments"][number][]>();
  for (const a of allocation.assignments) byReview.set(a.reviewId, [...(byReview.get(a.reviewId) ?? []), a]);
  const cards = [...year.reviews].sort(byStartThenId).map((review) => {
    const team = byReview.get(review.id) ?? [];
    const leads = team.filter((a) => a.role === "lead");
    const peers = team.filter((a) => a.role === "peer");
    const s = status.get(review.id)!;
    const rows = [
      ...leads.map((a) => personRow(year.people.lead.get(a.personId), a.personId, review, "lead")),
      ...(leads.length === 0 ? [`<tr class="empty"><td>Lead</td><td colspan="5">not filled</td></tr>`] : []),
      ...peers.map((a) => personRow(year.people.peer.get(a.personId), a.personId, review, "peer")),
      ...(peers.length < review.peerSeats ? [`<tr class="empty"><td>peer</td><td colspan="5">${plural(review.peerSeats - peers.length, "seat")} not filled</td></tr>`] : []),
    ];
    return `<article class="team" id="team-${h(review.id)}" style="border-left-color:${STATUS[s].colour}"><h3>${h(review.id)} · ${h(review.host.name)}</h3><div class="muted">${h(review.host.id)} · hub ${h(hubName(review.host.hub))} · ${h(review.host.phase)} · ${span(review)} · ${Math.min(peers.length, review.peerSeats)}/${review.peerSeats} peers · <span class="badge" style="background:${STATUS[s].colour}">${STATUS[s].label}</span></div><table class="people"><thead><tr><th>seat</th><th>name</th><th>school</th><th>hub</th><th>level</th><th class="num">km</th></tr></thead><tbody>${rows.join("")}</tbody></table>${standbyBlock(review, year, standby)}</article>`;
  });
  return `<section id="teams"><h2>Teams</h2><p class="muted">${plural(year.reviews.length, "review")}, by start date then review id. km: straight-line distance from the reviewer's school (or the Lead Reviewer's base) to the host.</p><div class="teams">
${cards.join("\n")}
</div></section>`;
}

// ---------------------------------------------------------------------------------------------
// 7. Ledger.

function ledgerTable({ year, check }: ReportInput): string {
  const rows = [...check.ledger]
    .sort((a, b) => a.balance - b.balance || (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0))
    .map((row) => {
      const school = year.schools.get(row.schoolId);
      const tone = row.balance < 0 ? "owe" : row.balance > 0 ? "surplus" : "even";
      return `<tr><td data-v="${h(school?.name ?? row.schoolId)}">${h(school?.name ?? "")} <span class="muted">${h(row.schoolId)}</span></td><td>${h(hubName(school?.hub))}</td><td class="num">${row.seatsReceived}</td><td class="num">${row.placesSent}</td><td class="num ${tone}">${row.balance}</td></tr>`;
    });
  return `<section id="ledger"><h2>Reciprocity ledger</h2><p class="muted">Target: the peer seats of the school's own review(s) plus any carry-over. Sorted by balance (most owed first); click a heading to sort by it.</p>
<table class="sortable ledger"><thead><tr><th>school</th><th>hub</th><th class="num">target (seats received)</th><th class="num">places sent</th><th class="num">balance</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></section>`;
}

// ---------------------------------------------------------------------------------------------

const STYLE = `*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:1.5em auto;padding:0 1.5em;color:#222;max-width:1180px;line-height:1.35}
h1{margin:0 0 .2em}h2{margin:1.6em 0 .4em;border-bottom:2px solid #e3e3e3;padding-bottom:.2em}nav a{margin-right:1em}.muted{color:#666;font-size:.9em}.ok{color:#2e7d32}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}.card{border:1px solid #ddd;border-top:4px solid #90a4ae;border-radius:6px;padding:10px 12px}
.card.good{border-top-color:#2e7d32}.card.warn{border-top-color:#f9a825}.card .label{color:#555;font-size:.85em;text-transform:uppercase;letter-spacing:.03em}.card .value{font-size:1.7em;font-weight:650}.card .detail{color:#444;font-size:.85em}
.chart{display:block;max-width:100%;height:auto;font-size:11px}.chart text{fill:#333}.chart .week{font-family:ui-monospace,Menlo,Consolas,monospace}.chart .count,.chart .total{fill:#666}
.chart .grid{stroke:#e6e6e6}.chart .axis{stroke:#444}.chart .sep{stroke:#fff;stroke-width:.5}.chart .owe{fill:#b71c1c}.chart .surplus{fill:#0d47a1}.chart .even{fill:#1b5e20}
.chart .extreme{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}.chart .diag{fill:none;stroke:#bbb;stroke-dasharray:2 2}.chart .frame{fill:none;stroke:#ccc}.chart .muted{fill:#666}.chart text.cellnum{fill:#123}.chart text.light{fill:#fff}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f6f6f6}
table.sortable th{cursor:pointer;user-select:none}table.sortable th[aria-sort=ascending]::after{content:" ▲"}table.sortable th[aria-sort=descending]::after{content:" ▼"}
table.ledger{max-width:820px}.nowrap{white-space:nowrap}th.num{text-align:right}td.num{text-align:right;font-variant-numeric:tabular-nums}td.owe{color:#b71c1c;font-weight:600}td.surplus{color:#0d47a1}td.even{color:#1b5e20}
.funnel{list-style:none;margin:.3em 0;padding:0;display:flex;flex-wrap:wrap;gap:2px;font-size:.82em}.funnel li{background:#eef3fb;border-radius:3px;padding:1px 5px}.funnel li+li::before{content:"→ ";color:#888}
.funnel li.zero{background:#fde0dc;font-weight:600}.funnel .n{font-variant-numeric:tabular-nums;font-weight:600}.reason{font-weight:500}.remedy{color:#1565c0;font-size:.85em}
.certificate,.violations{background:#fff4e5;border-left:4px solid #ef6c00;padding:6px 10px;margin:.5em 0}
.teams{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:10px}.team{border:1px solid #ddd;border-left:6px solid;border-radius:4px;padding:6px 10px}
.team h3{margin:0;font-size:1em}.team table{font-size:.85em;margin-top:4px}.team td,.team th{padding:2px 4px}.team tr.empty td{color:#b71c1c;font-style:italic}
.badge{color:#fff;border-radius:3px;padding:0 5px;font-size:.85em}.standby{font-size:.85em;margin-top:2px}.standby ol{display:inline;margin:0;padding:0 0 0 .4em;list-style:none}.standby li{display:inline;margin-right:.8em}
@media print{@page{size:A4 landscape;margin:10mm}body{margin:0;padding:0;max-width:none;font-size:10pt}nav,.noprint{display:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}table.sortable th{cursor:auto}table.sortable th::after{content:""!important}
.card,.team,.chart,tr,.certificate{break-inside:avoid}h2{break-after:avoid}.teams{grid-template-columns:1fr 1fr}a{color:inherit;text-decoration:none}}`;

// Click a heading to sort its table (numbers numerically, by a cell's data-v when it has one).
const SCRIPT = `(function(){function key(c){var v=c.getAttribute("data-v");var t=v===null?c.textContent.trim():v;var n=Number(t);return t!==""&&!isNaN(n)?n:t.toLowerCase()}
document.querySelectorAll("table.sortable").forEach(function(table){var heads=table.tHead.rows[0].cells;Array.prototype.forEach.call(heads,function(th,i){th.setAttribute("title","Click to sort");th.addEventListener("click",function(){var asc=th.getAttribute("aria-sort")!=="ascending";Array.prototype.forEach.call(heads,function(o){o.removeAttribute("aria-sort")});th.setAttribute("aria-sort",asc?"ascending":"descending");var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);var c=typeof x==="number"&&typeof y==="number"?x-y:String(x)<String(y)?-1:String(x)>String(y)?1:0;return asc?c:-c});rows.forEach(function(r){body.appendChild(r)})})})})})();`;

/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, a few lines of inline
 * script that sort tables, nothing loaded from the network; printable. Every figure is the
 * checker's (`check.metrics`), each headline number in an element with a `data-metric`
 * attribute. Pure: the same input gives the same bytes.
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * const html = renderReport({ year: indexYear(problem), allocation: result.allocation, check: result.check, solve: result });
 * writeFileSync("report.html", html);
 */
export function renderReport(input: ReportInput): string {
  const status = statusOf(input.year, input.check.unfilled);
  const title = input.title ?? "QA Review allocation";
  const nav = [
    ["headline", "Headline"],
    ["calendar", "Calendar"],
    ["weeks", "Weeks"],
    ["reciprocity", "Reciprocity"],
    ["hubs", "Hubs"],
    ["unfilled", "Unfilled seats"],
    ["teams", "Teams"],
    ["ledger", "Ledger"],
    ["pathway", "Pathway"],
    ...((input.year.problem.ledgerYears ?? []).length > 0 ? [["years", "Across years"]] : []),
  ]
    .map(([id, text]) => `<a href="#${id}">${text}</a>`)
    .join("");
  const m = input.check.metrics;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)}</title><style>${STYLE}</style></head>
<body><header><h1>${h(title)}</h1><p class="muted">${plural(m.reviews, "review")} · ${plural(m.reciprocity.schools, "school")} · ${plural(input.year.reviewers.length, "peer reviewer")} · ${plural(input.year.leads.length, "Lead Reviewer")}</p><nav>${nav}</nav>${validity(input)}</header>
${headline(input)}
${calendar(input, status)}
${weeksSection(input)}
${reciprocityChart(input)}
${hubMatrix(input)}
${unfilledSection(input)}
${teamCards(input, status)}
${ledgerTable(input)}
${pathwaySection(input)}
${acrossYearsSection(input)}
<script>${SCRIPT}</script>
</body></html>
`;
}
