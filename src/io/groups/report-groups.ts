import type { CohortIndex, MemberInfo } from "../../groups/cohort.js";
import { memberKey } from "../../groups/cohort.js";
import { groupKm, repeatPairs } from "../../groups/goals.js";
import type { GroupResult } from "../../groups/group.js";
import type { Group } from "../../groups/model.js";
import { hostOrder } from "../../groups/visits.js";
import { h, num, percent } from "../html/format.js";
import { htmlPage } from "../html/shell.js";

/** What the group report shows: the cohort and the result of `group` (every figure from its checker). */
export interface GroupReportInput {
  readonly index: CohortIndex;
  readonly result: GroupResult;
  readonly title?: string;
}

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939"];
const colour = (i: number) => PALETTE[i % PALETTE.length]!;
const membersOf = (index: CohortIndex, g: Group) => g.schoolIds.flatMap((id) => index.memberByKey.get(memberKey(g.programme, id)) ?? []);

function cards({ result }: GroupReportInput): string {
  const m = result.check.metrics;
  const card = (label: string, value: string, detail: string) => `<div class="card"><div class="label">${h(label)}</div><div class="value">${value}</div><div class="detail">${detail}</div></div>`;
  const sizes = Object.entries(m.sizes).map(([size, n]) => `${n}×${size}`).join(", ");
  return `<section class="cards">
${card("Schools placed", `${num("placed", m.placed)} / ${num("schools", m.schools)}`, `bound ${num("bound-placed", result.bound.placed)}, gap ${num("gap", percent(result.gap, 1))}`)}
${card("Groups", num("groups", m.groups), h(sizes || "none"))}
${card("Journeys", `${num("journeys", m.goals.journeys ?? 0)} km`, `bound ${num("bound-journeys", result.bound.journeysKm)} km, gap ${num("journeys-gap", percent(result.journeysGap, 1))}`)}
${card("Repeated pairs", num("fresh-pairs", m.goals["fresh-pairs"] ?? 0), "pair-years from the counted history")}
${card("Without facilitator", num("without-facilitator", m.withoutFacilitator), `loads ${h(Object.values(m.loads).join(" "))}`)}
${card("Status", num("status", result.status), `stopped by ${h(result.stoppedBy)}`)}
</section>`;
}

/** A map-like chart of one programme: schools by coordinates, each group a closed loop in host order. */
function programmeMap(input: GroupReportInput, programme: string, groups: readonly Group[], offset: number): string {
  const { index, result } = input;
  const members = index.programmes.find((p) => p.name === programme)?.members ?? [];
  const points = members.filter((m) => m.point);
  if (points.length === 0) return `<p>No school of ${h(programme)} has coordinates.</p>`;
  const lats = points.map((m) => m.point!.lat);
  const lons = points.map((m) => m.point!.lon);
  const squeeze = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180));
  const spanX = Math.max(0.1, (Math.max(...lons) - Math.min(...lons)) * squeeze);
  const spanY = Math.max(0.1, Math.max(...lats) - Math.min(...lats));
  const width = 640;
  const scale = (width - 60) / Math.max(spanX, spanY * 0.8);
  const height = Math.round(spanY * scale + 60);
  const x = (m: MemberInfo) => (30 + (m.point!.lon - Math.min(...lons)) * squeeze * scale).toFixed(1);
  const y = (m: MemberInfo) => (30 + (Math.max(...lats) - m.point!.lat) * scale).toFixed(1);
  const groupOf = new Map<string, number>();
  const shapes = groups.map((g, i) => {
    const loop = hostOrder(membersOf(index, g)).filter((m) => m.point);
    loop.forEach((m) => groupOf.set(m.key, i));
    const c = colour(offset + i);
    const path = loop.map((m) => `${x(m)},${y(m)}`).join(" ");
    const cx = loop.reduce((s, m) => s + Number(x(m)), 0) / Math.max(1, loop.length);
    const cy = loop.reduce((s, m) => s + Number(y(m)), 0) / Math.max(1, loop.length);
    return `<g class="group" data-group="${h(g.groupId)}"><polygon points="${path}" fill="${c}" fill-opacity="0.12" stroke="${c}" stroke-width="2"/><text x="${cx.toFixed(1)}" y="${cy.toFixed(1)}" fill="${c}" class="glabel">${h(g.groupId)}</text></g>`;
  });
  const unplaced = new Set(result.grouping.unplaced.filter((u) => u.programme === programme).map((u) => u.schoolId));
  const dots = points.map((m) => {
    const i = groupOf.get(m.key);
    const tip = `${m.school.id} ${m.school.name} (${m.school.phase}, ${m.school.hub ?? "no hub"})${i !== undefined ? ` in ${groups[i]!.groupId}` : unplaced.has(m.school.id) ? " unplaced" : ""}`;
    const fill = i !== undefined ? colour(offset + i) : "#fff";
    return `<circle cx="${x(m)}" cy="${y(m)}" r="5" fill="${fill}" stroke="${i !== undefined ? "#222" : "#c00"}" stroke-width="${i !== undefined ? 1 : 2}" data-school="${h(m.school.id)}"><title>${h(tip)}</title></circle>`;
  });
  return `<svg class="map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(`Map of the groups of ${programme}`)}">
<rect x="0" y="0" width="${width}" height="${height}" fill="#f7f9fb"/>
${shapes.join("\n")}
${dots.join("\n")}
</svg>
<p class="muted">Each loop joins a group's schools in their host order; hollow red circles are unplaced schools. Positions are longitude and latitude (north up), not a road map.</p>`;
}

function groupTable(input: GroupReportInput, groups: readonly Group[], offset: number): string {
  const { index } = input;
  const rows = groups.map((g, i) => {
    const members = membersOf(index, g);
    const schools = members.map((m) => `${h(m.school.id)} ${h(m.school.name)} <span class="muted">(${h(m.school.phase)}, ${h(m.school.hub ?? "no hub")})</span>`).join("<br>");
    const facilitator = g.facilitatorIds.map((id) => `${h(id)} ${h(index.facilitatorById.get(id)?.facilitator.name ?? "")}`).join(", ") || '<span class="short">none</span>';
    return `<tr><td><span class="swatch" style="background:${colour(offset + i)}"></span>${h(g.groupId)}</td><td>${schools}</td><td>${facilitator}</td><td class="num">${groupKm(members)}</td><td class="num">${repeatPairs(index, members)}</td></tr>`;
  });
  return `<table><thead><tr><th>group</th><th>schools (host order in visits.csv)</th><th>facilitator</th><th>km</th><th>repeats</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

function shortfalls({ result }: GroupReportInput): string {
  const unplaced = result.grouping.unplaced.map((u) => `<li><b>${h(u.programme)} ${h(u.schoolId)}</b>: ${h(u.reason)}</li>`);
  const uncovered = result.uncovered.map((u) => `<li><b>${h(u.programme)}/${h(u.groupId)}</b>: ${h(u.reason)}</li>`);
  return `<section><h2>Unplaced schools (${result.grouping.unplaced.length})</h2>${unplaced.length ? `<ul>${unplaced.join("")}</ul>` : "<p>Every school is placed.</p>"}
<h2>Groups without a facilitator (${result.uncovered.length})</h2>${uncovered.length ? `<ul>${uncovered.join("")}</ul>` : "<p>Every group has a facilitator.</p>"}</section>`;
}

function solverTable({ result }: GroupReportInput): string {
  const rows = result.blocks.map(
    (b) => `<tr><td>${h(b.programme)}</td><td>${h(b.phases)}</td><td>${b.method === "subsets" ? "subsets" : "MIP"}</td><td class="num">${b.schools}</td><td class="num">${b.candidates}</td><td class="num">${b.kept}</td><td class="num">${b.mips}</td><td class="num">${b.lpBound.toFixed(1)}</td><td class="num">${b.objective}</td><td class="num">${b.bound}</td><td>${b.proven ? "proven" : "not proven"}</td></tr>`,
  );
  return `<section><h2>How it was solved</h2><p class="muted">Each block (a programme's phase) is one exact model over every allowed group: solved by dynamic programming over the sets of schools (subsets, small blocks), or by the LP bound over all groups and MIPs over those whose reduced cost is within the gap (docs/groups.md). Objective and bounds are in the model's weighted units.</p>
<table><thead><tr><th>programme</th><th>phases</th><th>method</th><th>schools</th><th>possible groups</th><th>in last MIP</th><th>MIPs</th><th>LP bound</th><th>objective</th><th>bound</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/**
 * The group report: headline figures with their bounds, a map-like chart of each programme's
 * groups (inline SVG), the groups with their facilitators, the shortfalls with reasons, and
 * how the solve went. Self-contained: no script, style or font is loaded from anywhere.
 *
 * @example writeFileSync("group-report.html", renderGroupReport({ index, result }));
 */
export function renderGroupReport(input: GroupReportInput): string {
  const title = input.title ?? "Group programmes";
  let offset = 0;
  const programmes = input.index.programmes.map((p) => {
    const groups = input.result.grouping.groups.filter((g) => g.programme === p.name);
    const html = `<section class="programme"><h2>${h(p.name)}: ${groups.length} groups, ${p.members.length} schools</h2>
${programmeMap(input, p.name, groups, offset)}
${groupTable(input, groups, offset)}</section>`;
    offset += groups.length;
    return html;
  });
  const body = `<h1>${h(title)}</h1>
${cards(input)}
${programmes.join("\n")}
${shortfalls(input)}
${solverTable(input)}`;
  return htmlPage({ title, body });
}
