import { calendar } from "./calendar.js";
import { h, plural } from "../html/format.js";
import { htmlPage } from "../html/shell.js";
import { headline, validity } from "./headline.js";
import { hubMatrix } from "./hub-matrix.js";
import type { ReportInput } from "./input.js";
import { kindsSection } from "./kinds.js";
import { ledgerTable } from "./ledger.js";
import { reciprocityChart } from "./reciprocity.js";
import { acrossYearsSection, pathwaySection } from "../report-years.js";
import { weeksSection } from "../report-plan.js";
import { statusOf } from "./status.js";
import { teamCards } from "./team-cards.js";
import { unfilledSection } from "./unfilled.js";
import { shortageSection, whoLosesOutSection } from "./shortage.js";

/** The sections in page order, by anchor, with their names in the navigation bar. */
const NAV: readonly (readonly [string, string])[] = [
  ["shortage", "Shortage"],
  ["headline", "Headline"],
  ["calendar", "Calendar"],
  ["weeks", "Weeks"],
  ["reciprocity", "Reciprocity"],
  ["hubs", "Hubs"],
  ["losers", "Who loses out"],
  ["unfilled", "Unfilled seats"],
  ["teams", "Teams"],
  ["ledger", "Ledger"],
  ["pathway", "Pathway"],
];

function header(input: ReportInput, title: string): string {
  const m = input.check.metrics;
  const sizes = [
    plural(m.reviews, "review"),
    plural(m.reciprocity.schools, "school"),
    plural(input.year.reviewers.length, "peer reviewer"),
    plural(input.year.leads.length, "Lead Reviewer"),
  ];
  const present = NAV.filter(([id]) => (id !== "shortage" || input.shortage || input.check.unfilled.length === 0) && (id !== "losers" || input.losers));
  const kindsAt = present.findIndex(([id]) => id === "hubs") + 1;
  const withKinds = input.year.mixed ? [...present.slice(0, kindsAt), ["kinds", "Kinds"] as const, ...present.slice(kindsAt)] : present;
  const sections = (input.year.problem.ledgerYears ?? []).length > 0 ? [...withKinds, ["years", "Across years"] as const] : withKinds;
  const nav = sections.map(([id, text]) => `<a href="#${id}">${text}</a>`).join("");
  return `<header><h1>${h(title)}</h1><p class="muted">${sizes.join(" · ")}</p><nav>${nav}</nav>${validity(input)}</header>`;
}

/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, a few lines of inline
 * script that sort tables, nothing loaded from the network; printable. Every figure is the
 * checker's (`check.metrics`), each headline number in an element with a `data-metric`
 * attribute; the empty seats are explained by the `explanation` handed in. Pure: the same input
 * gives the same bytes.
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * const explanation = explain(result.year, result.allocation);
 * const html = renderReport({ year: result.year, allocation: result.allocation, check: result.check, solve: result, explanation });
 * writeFileSync("report.html", html);
 */
export function renderReport(input: ReportInput): string {
  const status = statusOf(input.year, input.check.unfilled);
  const title = input.title ?? "QA Review allocation";
  const body = `${header(input, title)}
${shortageSection(input)}
${headline(input)}
${calendar(input, status)}
${weeksSection(input)}
${reciprocityChart(input)}
${hubMatrix(input)}
${input.year.mixed ? `${kindsSection(input, status)}\n` : ""}${whoLosesOutSection(input)}
${unfilledSection(input)}
${teamCards(input, status)}
${ledgerTable(input)}
${pathwaySection(input)}
${acrossYearsSection(input)}`;
  return htmlPage({ title, body, sortableTables: true });
}
