import type { LedgerRow } from "../../goals/reciprocity.js";
import { clip, h, plural, sectionStart, svgOpen } from "../html/format.js";
import { compareIds } from "./order.js";
import type { ReportInput } from "./input.js";

// Reciprocity: each school's balance (places sent minus seats received), sorted, drawn as one
// bar per run of equal balances, with the extremes named.

const WIDTH = 1100;
const HEIGHT = 300;
const LEFT = 48;
const RIGHT = 12;
const PLOT_TOP = 34;
const PLOT_BOTTOM = HEIGHT - 40;

/** Schools by balance, most owed first, ties by id: the order of the chart and of the ledger. */
export const byBalance = (a: LedgerRow, b: LedgerRow) => a.balance - b.balance || compareIds(a.schoolId, b.schoolId);

interface Plot {
  readonly ledger: readonly LedgerRow[];
  readonly nameOf: (row: LedgerRow) => string;
  /** The largest balance either way (at least 1). */
  readonly most: number;
  /** The y of balance 0, and pixels per place. */
  readonly mid: number;
  readonly scale: number;
  /** The width of one school. */
  readonly bar: number;
  readonly xOf: (i: number) => number;
}

function plot(ledger: readonly LedgerRow[], nameOf: (row: LedgerRow) => string): Plot {
  const most = Math.max(1, ...ledger.map((row) => Math.abs(row.balance)));
  const bar = (WIDTH - LEFT - RIGHT) / ledger.length;
  const scale = (PLOT_BOTTOM - PLOT_TOP) / 2 / most;
  return { ledger, nameOf, most, mid: (PLOT_TOP + PLOT_BOTTOM) / 2, scale, bar, xOf: (i) => LEFT + i * bar };
}

/** Gridlines and the axis: a whole number of places per tick. */
function grid({ most, mid, scale }: Plot): string[] {
  const lines: string[] = [];
  const tick = Math.max(1, Math.ceil(most / 4));
  for (let v = -Math.floor(most / tick) * tick; v <= most; v += tick) {
    const y = (mid - v * scale).toFixed(1);
    const line = `<line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}" class="${v === 0 ? "axis" : "grid"}"/>`;
    lines.push(`${line}<text x="${LEFT - 6}" y="${(mid - v * scale + 4).toFixed(1)}" text-anchor="end">${v > 0 ? `+${v}` : v}</text>`);
  }
  return lines;
}

function runBar(p: Plot, start: number, end: number): string {
  const balance = p.ledger[start]!.balance;
  const count = end - start;
  const height = Math.max(1.5, Math.abs(balance) * p.scale);
  const y = balance > 0 ? p.mid - height : balance < 0 ? p.mid : p.mid - 0.75;
  const colour = balance === 0 ? "#2e7d32" : balance > 0 ? "#1565c0" : "#c62828";
  const who = count <= 12 ? `: ${p.ledger.slice(start, end).map(p.nameOf).join(", ")}` : "";
  const title = h(`balance ${balance > 0 ? "+" : ""}${balance}: ${plural(count, "school")}${who}`);
  const box = `x="${p.xOf(start).toFixed(2)}" y="${y.toFixed(1)}" width="${(count * p.bar).toFixed(2)}" height="${height.toFixed(1)}"`;
  return `<rect ${box} fill="${colour}" class="bars"><title>${title}</title></rect>`;
}

/** One bar per run of equal balances (schools are sorted, so each run is contiguous). */
function bars(p: Plot): string[] {
  const drawn: string[] = [];
  let start = 0;
  for (let i = 1; i <= p.ledger.length; i += 1) {
    if (i < p.ledger.length && p.ledger[i]!.balance === p.ledger[start]!.balance) continue;
    drawn.push(runBar(p, start, i));
    start = i;
  }
  return drawn;
}

/** Thin separators between schools, when there is room for them to show. */
function separators(p: Plot): string[] {
  if (p.bar < 4) return [];
  const lines: string[] = [];
  for (let i = 1; i < p.ledger.length; i += 1) {
    const x = p.xOf(i).toFixed(2);
    lines.push(`<line x1="${x}" y1="${PLOT_TOP}" x2="${x}" y2="${PLOT_BOTTOM}" class="sep"/>`);
  }
  return lines;
}

/**
 * Extremes only, written in the quadrants sorting leaves empty: the schools that owe most (top
 * left, above their bars) and those with the largest surplus (bottom right, below theirs).
 */
function extremes(p: Plot): string[] {
  const owing = p.ledger.filter((row) => row.balance < 0).slice(0, 3);
  const surplus = p.ledger.filter((row) => row.balance > 0).slice(-3).reverse();
  const named = (row: LedgerRow, sign: string) => h(`${clip(p.nameOf(row), 40)} (${row.schoolId}) ${sign}${row.balance}`);
  const bold = (text: string) => `<tspan font-weight="600">${text}</tspan>`;
  const left = (y: number, text: string) => `<text x="${LEFT + 6}" y="${y}" class="extreme owe">${text}</text>`;
  const right = (y: number, text: string) =>
    `<text x="${WIDTH - RIGHT - 6}" y="${y}" text-anchor="end" class="extreme surplus">${text}</text>`;
  const bottom = PLOT_BOTTOM - 4;
  return [
    ...(owing.length > 0 ? [left(PLOT_TOP + 4, bold("owe most:"))] : []),
    ...owing.map((row, k) => left(PLOT_TOP + 18 + k * 13, named(row, ""))),
    ...(surplus.length > 0 ? [right(bottom - surplus.length * 13, bold("largest surplus:"))] : []),
    ...surplus.map((row, k) => right(bottom - (surplus.length - 1 - k) * 13, named(row, "+"))),
  ];
}

/** Captions under the axis for the schools that owe, are in balance, and sent more. */
function captions(p: Plot): string[] {
  const owe = p.ledger.filter((row) => row.balance < 0).length;
  const even = p.ledger.filter((row) => row.balance === 0).length;
  const over = p.ledger.length - owe - even;
  const caption = (from: number, count: number, text: string, cls: string) => {
    if (count === 0) return "";
    // Centred under its segment, but never past the chart's edges.
    const half = text.length * 3.2;
    const x = Math.min(WIDTH - RIGHT - half, Math.max(LEFT + half, p.xOf(from) + (count * p.bar) / 2));
    return `<text x="${x.toFixed(1)}" y="${HEIGHT - 22}" text-anchor="middle" class="${cls}">${text}</text>`;
  };
  return [
    caption(0, owe, `${owe} owe places`, "owe"),
    caption(owe, even, `${even} in balance`, "even"),
    caption(owe + even, over, `${over} sent more`, "surplus"),
    `<text x="${LEFT}" y="${HEIGHT - 6}" class="muted">schools (${p.ledger.length}), sorted by balance</text>` +
      `<text x="${LEFT}" y="14" class="muted">balance = places sent − target (the seats of its own review)</text>`,
  ];
}

/** The reciprocity section: every school's balance, sorted, with the extremes named. */
export function reciprocityChart({ year, check }: ReportInput): string {
  const title = sectionStart("reciprocity", "Reciprocity: places sent minus the target");
  const ledger = [...check.ledger].sort(byBalance);
  if (ledger.length === 0) return `${title}<p>No schools.</p></section>`;
  const p = plot(ledger, (row) => year.schools.get(row.schoolId)?.name ?? row.schoolId);
  const parts = [...grid(p), ...bars(p), ...separators(p), ...extremes(p), ...captions(p)];
  return `${title}<p class="muted">Red: the school's reviewers filled fewer places than its own review's peer seats (it owes places). \
Green: in balance. Blue: it sent more. Every school's figures are in the ledger below.</p>
${svgOpen("Reciprocity balance per school, sorted", WIDTH, HEIGHT)}
${parts.join("\n")}
</svg></section>`;
}
