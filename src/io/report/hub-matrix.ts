import Graph from "graphology";
import type { Allocation } from "../../model/schema.js";
import type { Year } from "../../model/year.js";
import { clip, h, hubName, plural, sectionStart, svgOpen } from "../html/format.js";
import { naturalCompare } from "./order.js";
import type { ReportInput } from "./input.js";

// Hub-to-hub exchanges: a graphology graph of peer places drawn as a heat-map matrix, rows the
// reviewers' hubs, columns the hosts' hubs, totals at the right and bottom.

/**
 * The exchange graph: hub → hub, weighted by the reviewer places that reviewers from the
 * source hub fill at reviews hosted in the target hub. Blank hubs are the node "(no hub)". Only
 * reviews whose kind takes reviewers from beyond the host's hub count (QARs): a TPR has no hub,
 * an MLQAR stays inside its own.
 */
export function exchangeGraph(year: Year, allocation: Allocation): Graph {
  const graph = new Graph({ type: "directed", allowSelfLoops: true, multi: false });
  const hubs = new Set<string>();
  for (const school of year.schools.values()) hubs.add(hubName(school.hub));
  for (const hub of [...hubs].sort(naturalCompare)) graph.addNode(hub);
  for (const a of allocation.assignments) {
    if (a.role !== "peer") continue;
    const person = year.people.peer.get(a.personId);
    const review = year.reviewById.get(a.reviewId);
    if (!person?.school || !review || !review.kind.excludes.hub) continue;
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

/** Where the matrix sits and how big its cells and labels are. */
interface Grid {
  readonly graph: Graph;
  readonly hubs: readonly string[];
  readonly places: (from: string, to: string) => number;
  readonly size: number;
  readonly font: number;
  readonly left: number;
  readonly top: number;
  readonly most: number;
}

function grid(graph: Graph, hubs: readonly string[]): Grid {
  const size = Math.max(8, Math.min(26, Math.floor(760 / hubs.length)));
  const font = Math.max(7, Math.min(11, size - 3));
  const longest = Math.max(...hubs.map((hub) => Array.from(clip(hub, 22)).length));
  const labelWidth = Math.max(70, Math.min(160, 12 + longest * font * 0.6));
  const places = (from: string, to: string) => (graph.hasEdge(from, to) ? (graph.getEdgeAttribute(from, to, "places") as number) : 0);
  const most = Math.max(1, ...graph.mapEdges((_e, attr) => attr.places as number));
  return { graph, hubs, places, size, font, left: labelWidth, top: labelWidth * 0.8 + 10, most };
}

/** The cell of `from` → `to`, with its count when the cells are big enough to hold it. */
function cell(g: Grid, from: string, to: string, x: number, y: number): string[] {
  const count = g.places(from, to);
  if (count === 0) return [];
  const t = Math.sqrt(count / g.most);
  const title = h(`${from} → ${to}: ${plural(count, "place")}`);
  const box = `<rect x="${x}" y="${y}" width="${g.size - 1}" height="${g.size - 1}" fill="${shade(t)}"><title>${title}</title></rect>`;
  if (g.size < 16) return [box];
  const at = `x="${x + (g.size - 1) / 2}" y="${y + g.size / 2 + g.font / 3}" font-size="${g.font - 1}"`;
  return [box, `<text ${at} text-anchor="middle" class="cellnum${t > 0.55 ? " light" : ""}">${count}</text>`];
}

/** One hub's row and column labels, its diagonal, its row of cells and its two totals. */
function hubLines(g: Grid, from: string, i: number): string[] {
  const { hubs, size, font, left, top } = g;
  const n = hubs.length;
  const y = top + i * size;
  const mid = y + size / 2 + font / 3;
  const label = `${h(clip(from, 22))}<title>${h(from)}</title>`;
  const column = `translate(${left + i * size + size / 2 + font / 3},`;
  const sent = hubs.reduce((sum, to) => sum + g.places(from, to), 0);
  const received = hubs.reduce((sum, other) => sum + g.places(other, from), 0);
  return [
    `<text x="${left - 4}" y="${mid}" font-size="${font}" text-anchor="end">${label}</text>`,
    `<text transform="${column}${top - 4}) rotate(-55)" font-size="${font}">${label}</text>`,
    `<rect x="${left + i * size}" y="${y}" width="${size}" height="${size}" class="diag"/>`,
    ...hubs.flatMap((to, j) => cell(g, from, to, left + j * size, y)),
    `<text x="${left + n * size + 6}" y="${mid}" font-size="${font}" class="total">${sent}</text>`,
    `<text transform="${column}${top + n * size + 6}) rotate(90)" font-size="${font}" class="total">${received}</text>`,
  ];
}

/** The frame, the "sent" and "received" captions, and the colour scale under the matrix. */
function frameAndScale(g: Grid): { lines: string[]; width: number; height: number } {
  const { size, font, left, top, most } = g;
  const n = g.hubs.length;
  const scaleY = top + n * size + 44;
  const steps = 6;
  const swatch = (k: number) => `<rect x="${left + k * 30}" y="${scaleY}" width="30" height="12" fill="${shade(k / (steps - 1))}"/>`;
  const swatches = Array.from({ length: steps }, (_, k) => swatch(k));
  const lines = [
    `<rect x="${left}" y="${top}" width="${n * size}" height="${n * size}" class="frame"/>`,
    `<text x="${left + n * size + 6}" y="${top - 6}" font-size="${font}" class="muted">sent</text>`,
    `<text x="${left - 4}" y="${top + n * size + 14}" font-size="${font}" text-anchor="end" class="muted">received</text>`,
    ...swatches,
    `<text x="${left - 4}" y="${scaleY + 10}" text-anchor="end" font-size="11">places</text>` +
      `<text x="${left}" y="${scaleY + 26}" font-size="11">1</text>` +
      `<text x="${left + steps * 30}" y="${scaleY + 26}" font-size="11" text-anchor="end">${most}</text>`,
  ];
  return { lines, width: Math.ceil(left + n * size + 50), height: Math.ceil(scaleY + 34) };
}

/** The hub-to-hub section: who reviews whom, hub by hub. */
export function hubMatrix({ year, allocation }: ReportInput): string {
  const graph = exchangeGraph(year, allocation);
  const hubs = graph.nodes().sort(naturalCompare);
  const title = sectionStart("hubs", "Hub-to-hub exchanges");
  if (hubs.length === 0) return `${title}<p>No hubs.</p></section>`;
  const g = grid(graph, hubs);
  const frame = frameAndScale(g);
  const parts = [...hubs.flatMap((from, i) => hubLines(g, from, i)), ...frame.lines];
  return `${title}<p class="muted">Row: the reviewers' hub; column: the host's hub; a cell counts the peer places reviewers of the row's \
hub fill at reviews hosted in the column's hub (darker: more). The outlined diagonal stays empty: nobody reviews a school of their \
own hub.${year.mixed ? " Only reviews whose kind takes reviewers from beyond the host's hub (QARs) are counted." : ""} ${plural(hubs.length, "hub")}, ${plural(graph.size, "exchange")}; totals at the right (sent) and bottom (received).</p>
${svgOpen("Reviewer places from hub to hub", frame.width, frame.height)}
${parts.join("\n")}
</svg></section>`;
}
