/**
 * The HTML report: one module per section (headline, calendar, reciprocity, hub matrix,
 * unfilled seats, team cards, ledger), the shared formatting helpers, the page's style and
 * script, and `renderReport`, which puts them together. Every module only formats what it is
 * given: the figures come from the checker, the explanations from the caller.
 */
export { renderReport } from "./page.js";
export { escapeHtml } from "../html/format.js";
export type { ReportInput } from "./input.js";
