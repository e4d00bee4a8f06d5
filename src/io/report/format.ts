import { dropControl } from "../../model/text.js";
import { formatUkDay } from "../../model/dates.js";
import type { ReviewInfo } from "../../model/year.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML content and attribute values (`& < > " '`), so that any name, id or hub
 * from a spreadsheet shows as inert text.
 *
 * @example escapeHtml(`<script>alert("x")</script>`) // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string | number | undefined): string {
  return dropControl(String(text ?? "")).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Short name for `escapeHtml`, for the templates. */
export const h = escapeHtml;

/** Code-unit order (never locale-dependent), with runs of digits compared as numbers: H2 before H10. */
export function naturalCompare(a: string, b: string): number {
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

/** Code-unit order of two ids. */
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Reviews by start day, then id. */
export const byStartThenId = (a: ReviewInfo, b: ReviewInfo) => a.span.from - b.span.from || compareIds(a.id, b.id);
/** A share as a percentage with one decimal; an empty whole counts as complete, as the checker does. */
export const percent = (part: number, whole: number) => `${(whole === 0 ? 100 : (100 * part) / whole).toFixed(1)}%`;
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** At most `max` characters (whole code points), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** A review's dates as written in England, with their weekdays: "Mon 4 Mar 2024 – Wed 6 Mar 2024". */
export function span(review: ReviewInfo): string {
  const { from, to } = review.span;
  return from === to ? formatUkDay(from) : `${formatUkDay(from)} – ${formatUkDay(to)}`;
}

/** A hub's name, or "(no hub)" for a blank one. */
export const hubName = (hub: string | undefined) => (hub !== undefined && hub.trim() !== "" ? hub : "(no hub)");

/** A number the tests and readers can find: `<span data-metric="name">value</span>`. */
export const num = (name: string, value: number | string) => `<span data-metric="${name}">${value}</span>`;

/** A section with its heading; `id` is the anchor the page's navigation links to. */
export const sectionStart = (id: string, heading: string) => `<section id="${id}"><h2>${heading}</h2>`;

/** The opening tag of a chart: an inline SVG of the given size. */
export function svgOpen(label: string, width: number, height: number): string {
  return `<svg class="chart" role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
}
