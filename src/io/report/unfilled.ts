import { emptySeatCounts, type UnfilledSeats } from "../../check.js";
import type { Deficiency, SeatExplanation } from "../../explain.js";
import { formatUkDay } from "../../model/dates.js";
import type { Role } from "../../model/schema.js";
import type { Year } from "../../model/year.js";
import { RULES } from "../../rules/index.js";
import { capital, emptySeatsInWords } from "../words.js";
import { h, hubName, sectionStart } from "../html/format.js";
import type { ReportInput } from "./input.js";

// Unfilled seats and why: the checker's empty seats, each with the explanation the caller
// handed in (reason, the rule-by-rule narrowing of the candidates, remedies), and any shortage certificates.

/** What each funnel step keeps, shown when the reader hovers it. */
const RULE_SUMMARY = new Map<string, string>([
  ["reviewers", "All the year's peer reviewers."],
  ["lead-reviewers", "All the year's Lead Reviewers."],
  ...RULES.map((rule) => [rule.id, rule.summary] as [string, string]),
  ["capacity", "Those not already at their yearly maximum of reviews nor on a review with overlapping dates."],
  ["advanced-level", "The team still needs an advanced reviewer: those free who are advanced."],
]);

const roleName = (role: Role) => (role === "lead" ? "Lead Reviewer" : "peer");

function steps(explanation: SeatExplanation): string {
  const steps = explanation.funnel.map((step) => {
    const zero = step.remaining === 0 ? ` class="zero"` : "";
    const title = h(RULE_SUMMARY.get(step.rule) ?? step.rule);
    return `<li${zero} title="${title}"><span class="rule">${h(step.rule)}</span> <span class="n">${step.remaining}</span></li>`;
  });
  return `<ol class="steps">${steps.join("")}</ol>`;
}

function why(e: SeatExplanation | undefined): string {
  if (!e) return `<div class="reason">no explanation given for this seat</div>`;
  const remedies = e.remedies.map((r) => `<div class="remedy">would fill it: ${h(r)}</div>`).join("");
  return `<div class="reason">${h(e.reason)}</div>${steps(e)}${remedies}`;
}

function certificate(c: Deficiency): string {
  const who = c.unit === "teams" ? "advanced reviewers" : c.role === "lead" ? "Lead Reviewers" : "peer reviewers";
  return `<div class="certificate"><strong>Shortage of ${who}</strong>: ${h(c.summary)}</div>`;
}

function seatRow(year: Year, seat: UnfilledSeats, e: SeatExplanation | undefined): string {
  const review = year.reviewById.get(seat.reviewId);
  if (!review) return `<tr><td>${h(seat.reviewId)}</td><td colspan="5">not a review of the year</td></tr>`;
  const id = h(review.id);
  const host = `${h(review.host.name)} <span class="muted">${h(review.host.id)} · ${h(hubName(review.host.hub))}</span>`;
  const starts = `<td data-v="${review.span.from}" class="nowrap">${formatUkDay(review.span.from)}</td>`;
  return `<tr><td data-v="${id}"><a href="#team-${id}">${id}</a></td><td>${host}</td>${starts}<td>${roleName(seat.role)}</td>\
<td class="num">${seat.missing}</td><td>${why(e)}</td></tr>`;
}

/** The unfilled section: one row per review and role with empty seats, and the certificates. */
export function unfilledSection({ year, check, explanation }: ReportInput): string {
  const title = sectionStart("unfilled", "Unfilled seats and why");
  if (check.unfilled.length === 0) return `${title}<p class="ok">Every seat is filled.</p></section>`;
  const given = new Map(explanation.seats.map((s) => [`${s.reviewId}|${s.role}`, s]));
  const rows = check.unfilled.map((seat) => seatRow(year, seat, given.get(`${seat.reviewId}|${seat.role}`)));
  const counts = emptySeatCounts(year, check.unfilled);
  return `${title}<p data-empty-seats="${counts.seats}" data-short-reviews="${counts.reviews}">${h(capital(emptySeatsInWords(counts)))}. \
For each, the rules narrow the people of that role step by step (hover a step for the rule); the first step that reaches 0 is the binding reason.</p>
${explanation.certificates.map(certificate).join("\n")}
<table class="sortable"><thead><tr><th>review</th><th>host</th><th>starts</th><th>seat</th><th class="num">missing</th>\
<th>why, the rules step by step (rule → people remaining), and what would fill it</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></section>`;
}
