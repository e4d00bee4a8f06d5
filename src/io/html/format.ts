/**
 * The formatting every HTML page shares (report.html, plan.html, group-report.html): escaping,
 * counts, percentages, dates as people in England write them, and the small pieces of markup
 * (a metric, a section, a chart's frame) the pages are built from.
 */
import { dropControl } from "../../model/text.js";
import { formatUkDay, parseDay } from "../../model/dates.js";
import type { ReviewInfo } from "../../model/year.js";

export { plural } from "../../model/text.js";

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

/** A share as a percentage with one decimal; an empty whole counts as complete, as the checker does. */
export const percent = (part: number, whole: number) => `${(whole === 0 ? 100 : (100 * part) / whole).toFixed(1)}%`;

/** At most `max` characters (whole code points), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** An ISO day as the pages show it (`Tue 7 Oct 2025`); the text itself if it is not one. */
export const ukDay = (iso: string) => (parseDay(iso) === undefined ? iso : formatUkDay(parseDay(iso)!));
/** A week by its Monday, without the weekday (`7 Oct 2024`); the text itself if it is not a day. */
export const ukWeek = (iso: string) => (parseDay(iso) === undefined ? iso : formatUkDay(parseDay(iso)!, { weekday: false }));

/** A review's dates as written in England, with their weekdays: "Mon 4 Mar 2024 – Wed 6 Mar 2024". */
export function span(review: ReviewInfo): string {
  const { from, to } = review.span;
  return from === to ? formatUkDay(from) : `${formatUkDay(from)} – ${formatUkDay(to)}`;
}

/** A hub's name, or "(no hub)" for a blank one. */
export const hubName = (hub: string | undefined) => (hub !== undefined && hub.trim() !== "" ? hub : "(no hub)");

/** A number the tests and readers can find: `<span data-metric="name">value</span>`. */
export const num = (name: string, value: number | string) => `<span data-metric="${name}">${h(value)}</span>`;

/** A section with its heading; `id` is the anchor the page's navigation links to. */
export const sectionStart = (id: string, heading: string) => `<section id="${id}"><h2>${heading}</h2>`;

/** The opening tag of a chart: an inline SVG of the given size. */
export function svgOpen(label: string, width: number, height: number): string {
  return `<svg class="chart" role="img" aria-label="${label}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
}
