/**
 * The one page shell: every HTML file qar writes (report.html, plan.html, group-report.html) is
 * this document around its own body, so the pages share their head, their stylesheet and their
 * promise to load nothing from the network.
 */
import { h } from "./format.js";
import { SORTABLE_SCRIPT } from "./sortable.js";
import { STYLE } from "./style.js";

/** What a page puts in the shell. */
export interface HtmlPage {
  /** The page's title, as plain text (escaped here). */
  readonly title: string;
  /** The body's HTML, already escaped by the page. */
  readonly body: string;
  /** Whether the page's `table.sortable` tables sort when a heading is clicked (adds the one inline script). */
  readonly sortableTables?: boolean;
}

/**
 * A self-contained HTML document: the head (charset, viewport, title), the one inline
 * stylesheet, the body and, for a page with sortable tables, the inline script that sorts them.
 * Pure: the same page gives the same bytes.
 *
 * @example writeFileSync("plan.html", htmlPage({ title: "QA Review plan", body: "<h1>QA Review plan</h1>" }));
 */
export function htmlPage({ title, body, sortableTables = false }: HtmlPage): string {
  const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)}</title>`;
  return `<!doctype html>
<html lang="en"><head>${head}<style>${STYLE}</style></head>
<body>${body}
${sortableTables ? `<script>${SORTABLE_SCRIPT}</script>\n` : ""}</body></html>
`;
}
