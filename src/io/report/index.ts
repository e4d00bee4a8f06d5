/**
 * The HTML report: one module per section (headline, calendar, reciprocity, hub matrix,
 * unfilled seats, team cards, ledger), and `renderReport`, which puts them in the page shell
 * every page shares (../html/: the shell, its stylesheet, the formatting helpers). Every module
 * only formats what it is given: the figures come from the checker, the explanations from the
 * caller.
 */
export { renderReport } from "./page.js";
export { escapeHtml } from "../html/format.js";
export type { ReportInput } from "./input.js";
