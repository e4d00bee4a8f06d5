import Graph from "graphology";
import type { CheckResult } from "../check.js";
import { explain, type Explanation } from "../explain.js";
import { formatDay, weekStart } from "../model/dates.js";
import type { Allocation } from "../model/schema.js";
import { travelKm, type Year } from "../model/year.js";
import type { SolveResult } from "../solver/index.js";

/** What a report shows: the year, an allocation, the checker's verdict, and the solve if there was one. */
export interface ReportInput {
  readonly year: Year;
  readonly allocation: Allocation;
  readonly check: CheckResult;
  readonly solve?: SolveResult;
  readonly title?: string;
  /** The explanation of the empty seats, when the caller already has it (else it is computed). */
  readonly explanation?: Explanation;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string | number | undefined): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const pct = (part: number, whole: number) => (whole === 0 ? "100.0%" : `${((100 * part) / whole).toFixed(1)}%`);
type Status = "full" | "short" | "no-lead" | "empty";
const STATUS: Record<Status, { colour: string; label: string }> = {
  full: { colour: "#2e7d32", label: "full team" },
  short: { colour: "#f9a825", label: "short of peers" },
  "no-lead": { colour: "#ef6c00", label: "no Lead Reviewer" },
  empty: { colour: "#c62828", label: "no peer team" },
};

function headline({ check, solve }: ReportInput): string {
  const m = check.metrics;
  const r = m.reciprocity;
  const card = (label: string, value: string, detail: string) => `<div class="card"><div class="label">${label}</div><div class="value">${value}</div><div class="detail">${detail}</div></div>`;
  const num = (name: string, value: number) => `<span data-metric="${name}">${value}</span>`;
  return `<section class="cards">
${card("Seats filled", `${num("filled", m.filled.total)} / ${num("seats", m.seats.total)}`, `${pct(m.filled.total, m.seats.total)}${solve ? ` · bound ${num("bound", solve.bound.filledSeats)} · gap ${(100 * solve.gap).toFixed(2)}%` : ""}`)}
${card("Lead Reviewer seats", `${num("leadFilled", m.filled.lead)} / ${num("leadSeats", m.seats.lead)}`, pct(m.filled.lead, m.seats.lead))}
${card("Peer seats", `${num("peerFilled", m.filled.peer)} / ${num("peerSeats", m.seats.peer)}`, pct(m.filled.peer, m.seats.peer))}
${card("Full teams", `${num("fullTeams", m.fullTeams)} / ${num("reviews", m.reviews)}`, pct(m.fullTeams, m.reviews))}
${card("Schools in reciprocity balance", `${num("inBalance", r.inBalance)} / ${num("schools", r.schools)}`, pct(r.inBalance, r.schools))}
${card("Schools meeting their commitment", `${num("meetingCommitment", r.meetingCommitment)} / ${r.schools}`, pct(r.meetingCommitment, r.schools))}
${card("Phase match", `${num("phaseMatched", m.phaseMatch.matched)} / ${m.phaseMatch.assigned}`, pct(m.phaseMatch.matched, m.phaseMatch.assigned))}
${card("Mean travel", `${m.travel.meanKm.toFixed(1)} km`, `${m.travel.measured} journeys with coordinates`)}
</section>`;
}

function statusOf(input: ReportInput): Map<string, Status> {
  const byReview = new Map<string, { lead: number; peers: number }>();
  for (const a of input.allocation.assignments) {
    const entry = byReview.get(a.reviewId) ?? { lead: 0, peers: 0 };
    if (a.role === "lead") entry.lead += 1;
    else entry.peers += 1;
    byReview.set(a.reviewId, entry);
  }
  const status = new Map<string, Status>();
  for (const review of input.year.reviews) {
    const team = byReview.get(review.id) ?? { lead: 0, peers: 0 };
    status.set(review.id, team.peers === 0 && review.peerSeats > 0 ? "empty" : team.lead === 0 ? "no-lead" : team.peers < review.peerSeats ? "short" : "full");
  }
  return status;
}

function calendar(input: ReportInput, status: Map<string, Status>): string {
  const weeks = new Map<number, typeof input.year.reviews[number][]>();
  for (const review of input.year.reviews) {
    const week = weekStart(review.span.from);
    weeks.set(week, [...(weeks.get(week) ?? []), review]);
  }
  const rows = [...weeks].sort((a, b) => a[0] - b[0]);
  const cell = 12;
  const left = 90;
  const widest = Math.max(1, ...rows.map(([, list]) => list.length));
  const width = left + widest * (cell + 2) + 10;
  const height = rows.length * (cell + 4) + 10;
  const body = rows
    .map(([week, list], i) => {
      const y = 5 + i * (cell + 4);
      const boxes = [...list]
        .sort((a, b) => a.span.from - b.span.from || (a.id < b.id ? -1 : 1))
        .map((review, j) => {
          const s = status.get(review.id)!;
          return `<rect x="${left + j * (cell + 2)}" y="${y}" width="${cell}" height="${cell}" fill="${STATUS[s].colour}"><title>${escapeHtml(`${review.id} ${review.host.name} ${formatDay(review.span.from)}: ${STATUS[s].label}`)}</title></rect>`;
        })
        .join("");
      return `<text x="0" y="${y + cell - 2}" font-size="10">${formatDay(week)}</text>${boxes}`;
    })
    .join("\n");
  const legend = (Object.keys(STATUS) as Status[]).map((s) => `<span class="key"><i style="background:${STATUS[s].colour}"></i>${STATUS[s].label}</span>`).join(" ");
  return `<section><h2>Calendar of reviews by week</h2><p class="legend">${legend}</p>
<svg class="chart" role="img" aria-label="Reviews by week, coloured by team status" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg></section>`;
}

function reciprocityChart({ check }: ReportInput): string {
  const ledger = [...check.ledger].sort((a, b) => a.balance - b.balance || (a.schoolId < b.schoolId ? -1 : 1));
  const width = 900;
  const height = 220;
  const mid = height / 2;
  const most = Math.max(1, ...ledger.map((row) => Math.abs(row.balance)));
  const bar = Math.max(0.5, (width - 40) / Math.max(1, ledger.length));
  const bars = ledger
    .map((row, i) => {
      const h = (Math.abs(row.balance) / most) * (mid - 20);
      const y = row.balance >= 0 ? mid - h : mid;
      const colour = row.balance === 0 ? "#2e7d32" : row.balance > 0 ? "#1565c0" : "#c62828";
      return `<rect x="${(30 + i * bar).toFixed(2)}" y="${y.toFixed(1)}" width="${Math.max(0.5, bar - 0.3).toFixed(2)}" height="${Math.max(1, h).toFixed(1)}" fill="${colour}"><title>${escapeHtml(`${row.schoolId}: sent ${row.placesSent}, target ${row.seatsReceived}, balance ${row.balance}`)}</title></rect>`;
    })
    .join("");
  return `<section><h2>Reciprocity: places sent minus seats received, per school</h2>
<p>Green: in balance. Blue: sent more than their review received. Red: owes places. ${check.metrics.reciprocity.inBalance} of ${check.metrics.reciprocity.schools} schools in balance.</p>
<svg class="chart" role="img" aria-label="Reciprocity balance per school" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<line x1="30" y1="${mid}" x2="${width - 10}" y2="${mid}" stroke="#555"/><text x="0" y="14" font-size="10">+${most}</text><text x="0" y="${mid + 4}" font-size="10">0</text><text x="0" y="${height - 4}" font-size="10">-${most}</text>
${bars}</svg></section>`;
}

function hubMatrix({ year, allocation }: ReportInput): string {
  const graph = new Graph({ type: "directed", allowSelfLoops: true });
  const hubOf = (name: string | undefined) => (name && name.trim() !== "" ? name : "(no hub)");
  for (const school of year.schools.values()) if (!graph.hasNode(hubOf(school.hub))) graph.addNode(hubOf(school.hub));
  for (const a of allocation.assignments) {
    if (a.role !== "peer") continue;
    const person = year.people.peer.get(a.personId);
    const review = year.reviewById.get(a.reviewId);
    if (!person?.school || !review) continue;
    const from = hubOf(person.school.hub);
    const to = hubOf(review.host.hub);
    if (graph.hasEdge(from, to)) graph.updateEdgeAttribute(from, to, "places", (n: number | undefined) => (n ?? 0) + 1);
    else graph.addEdge(from, to, { places: 1 });
  }
  const hubs = graph.nodes().sort();
  const size = Math.max(6, Math.min(18, Math.floor(700 / Math.max(1, hubs.length))));
  const left = 150;
  const top = 150;
  const most = Math.max(1, ...graph.mapEdges((_e, attr) => attr.places as number));
  const cells: string[] = [];
  hubs.forEach((from, i) => {
    cells.push(`<text x="${left - 4}" y="${top + i * size + size - 2}" font-size="${Math.min(10, size)}" text-anchor="end">${escapeHtml(from.slice(0, 24))}</text>`);
    cells.push(`<text transform="translate(${left + i * size + size - 2},${top - 4}) rotate(-60)" font-size="${Math.min(10, size)}">${escapeHtml(from.slice(0, 24))}</text>`);
    hubs.forEach((to, j) => {
      const places = graph.hasEdge(from, to) ? (graph.getEdgeAttribute(from, to, "places") as number) : 0;
      if (places === 0) return;
      const shade = Math.round(235 - (places / most) * 200);
      cells.push(`<rect x="${left + j * size}" y="${top + i * size}" width="${size - 1}" height="${size - 1}" fill="rgb(${shade},${shade},255)"><title>${escapeHtml(`${from} → ${to}: ${places} places`)}</title></rect>`);
    });
  });
  const width = left + hubs.length * size + 10;
  const height = top + hubs.length * size + 10;
  return `<section><h2>Hub-to-hub exchanges</h2><p>Row: the reviewers' hub. Column: the host's hub. Darker: more places. The diagonal stays empty (nobody reviews their own hub).</p>
<svg class="chart" role="img" aria-label="Reviewer places from hub to hub" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${cells.join("")}</svg></section>`;
}

function unfilled(input: ReportInput): string {
  const { seats, certificates } = input.explanation ?? explain(input.year, input.allocation);
  if (seats.length === 0) return `<section><h2>Unfilled seats</h2><p>Every seat is filled.</p></section>`;
  const rows = seats
    .map((s) => `<tr><td>${escapeHtml(s.reviewId)}</td><td>${escapeHtml(s.hostSchoolId)}</td><td>${s.role}</td><td>${s.missing}</td><td>${escapeHtml(s.reason)}<div class="funnel">${escapeHtml(s.funnel.map((f) => `${f.rule} ${f.remaining}`).join(" › "))}</div>${s.remedies.map((r) => `<div class="remedy">would fill it: ${escapeHtml(r)}</div>`).join("")}</td></tr>`)
    .join("\n");
  const certs = certificates.map((c) => `<p class="certificate"><strong>Shortage certificate (${c.role})</strong>: ${escapeHtml(c.summary)}</p>`).join("");
  return `<section><h2>Unfilled seats</h2>${certs}<table class="sortable"><thead><tr><th>review</th><th>host</th><th>role</th><th>missing</th><th>why, and what would fill it</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function teamCards(input: ReportInput, status: Map<string, Status>): string {
  const { year, allocation } = input;
  const byReview = new Map<string, typeof allocation.assignments[number][]>();
  for (const a of allocation.assignments) byReview.set(a.reviewId, [...(byReview.get(a.reviewId) ?? []), a]);
  const cards = [...year.reviews]
    .sort((a, b) => a.span.from - b.span.from || (a.id < b.id ? -1 : 1))
    .map((review) => {
      const team = byReview.get(review.id) ?? [];
      const lead = team.find((a) => a.role === "lead");
      const leadPerson = lead ? year.people.lead.get(lead.personId) : undefined;
      const peers = team
        .filter((a) => a.role === "peer")
        .map((a) => {
          const p = year.people.peer.get(a.personId);
          const km = p ? travelKm(p, review.host) : undefined;
          return `<li>${escapeHtml(p?.name || a.personId)} <span class="muted">(${escapeHtml(a.personId)}, ${escapeHtml(p?.school?.name ?? "")}, ${escapeHtml(p?.school?.hub ?? "no hub")}, ${escapeHtml(p?.level ?? "")}${km !== undefined ? `, ${km.toFixed(0)} km` : ""})</span></li>`;
        })
        .join("");
      const s = status.get(review.id)!;
      return `<div class="team" style="border-left-color:${STATUS[s].colour}"><h3>${escapeHtml(review.id)}: ${escapeHtml(review.host.name)}</h3><div class="muted">${escapeHtml(review.host.id)} · ${escapeHtml(review.host.hub ?? "no hub")} · ${formatDay(review.span.from)} to ${formatDay(review.span.to)} · ${review.peerSeats} peer seats · ${STATUS[s].label}</div><div>Lead Reviewer: ${leadPerson ? escapeHtml(leadPerson.name || leadPerson.id) : "<em>not filled</em>"}</div><ul>${peers}</ul></div>`;
    })
    .join("\n");
  return `<section><h2>Teams</h2><div class="teams">${cards}</div></section>`;
}

function ledgerTable({ check }: ReportInput): string {
  const rows = check.ledger.map((row) => `<tr><td>${escapeHtml(row.schoolId)}</td><td>${row.seatsReceived}</td><td>${row.placesSent}</td><td>${row.balance}</td></tr>`).join("\n");
  return `<section><h2>Reciprocity ledger</h2><p class="muted">Click a heading to sort.</p><table class="sortable"><thead><tr><th>school</th><th>seats received (target)</th><th>places sent</th><th>balance</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}h1{margin-bottom:0}.muted{color:#666;font-size:.9em}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;margin:1em 0}.card{border:1px solid #ddd;border-radius:6px;padding:10px}
.card .label{color:#555;font-size:.85em}.card .value{font-size:1.5em;font-weight:600}.card .detail{color:#555;font-size:.85em}
.chart{max-width:100%;height:auto;border:1px solid #eee}.legend .key{margin-right:1em}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}th{cursor:pointer;background:#fafafa}
.funnel{color:#666;font-size:.85em}.remedy{color:#1565c0;font-size:.85em}.teams{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:10px}
.team{border:1px solid #ddd;border-left:6px solid;border-radius:4px;padding:6px 10px}.team h3{margin:0;font-size:1em}.team ul{margin:4px 0;padding-left:1.2em}
@media print{body{margin:0}th{cursor:auto}.team,.card,section{break-inside:avoid}}`;

// Sorting without any library: click a heading to sort by that column (numbers numerically).
const SCRIPT = `document.querySelectorAll("table.sortable th").forEach(function(th,i){th.addEventListener("click",function(){var tb=th.closest("table").tBodies[0];var rows=Array.prototype.slice.call(tb.rows);var asc=th.dataset.asc!=="1";th.dataset.asc=asc?"1":"0";rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c});rows.forEach(function(r){tb.appendChild(r)})})});`;

/**
 * The report as one self-contained HTML file: inline CSS and SVG, a few lines of inline script
 * for sorting, nothing loaded from the network; printable. Every figure is the checker's.
 *
 * @example writeFileSync("report.html", renderReport({ year, allocation, check, solve: result }));
 */
export function renderReport(input: ReportInput): string {
  const status = statusOf(input);
  const title = input.title ?? "QA Review allocation";
  const solver = input.solve ? `<p class="muted">Engine ${escapeHtml(input.solve.engine)}, seed ${input.solve.seed}, stopped: ${escapeHtml(input.solve.stoppedBy)}; upper bound on seats ${input.solve.bound.filledSeats} (${input.solve.bound.method}).</p>` : "";
  const validity = input.check.valid ? `<p>No hard rule is broken.</p>` : `<p class="certificate"><strong>${input.check.violations.length} rule violations</strong>: ${input.check.violations.slice(0, 50).map((v) => escapeHtml(`[${v.rule}] ${v.message}`)).join("<br>")}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>${solver}${validity}
${headline(input)}
${calendar(input, status)}
${reciprocityChart(input)}
${hubMatrix(input)}
${unfilled(input)}
${teamCards(input, status)}
${ledgerTable(input)}
<script>${SCRIPT}</script>
</body></html>
`;
}
