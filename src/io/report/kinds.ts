import type { Assignment } from "../../model/schema.js";
import type { ReviewInfo, Year } from "../../model/year.js";
import { h, hubName, plural, sectionStart, span } from "../html/format.js";
import { byStartThenId, compareIds } from "./order.js";
import type { ReportInput } from "./input.js";
import { STATUS, type Status } from "./status.js";

// Reviews of other kinds (Trust Peer Reviews, Middle Leader QARs...) and the trusts' reciprocity:
// a section of its own, shown only in a year where kinds matter.

/** The short name of a review's kind on cards and squares: its id in capitals (`TPR`). */
export const kindTag = (review: ReviewInfo): string => review.kind.id.toUpperCase();

/** A review's host in words: the school's name, or "trust T07" for a review of a trust. */
export const hostWords = (review: ReviewInfo): string => (review.hostSchool ? review.hostSchool.name : `trust ${review.host.id}`);

function reviewRow(year: Year, review: ReviewInfo, team: readonly Assignment[], s: Status): string {
  const lead = team.find((a) => a.role === "lead");
  const peers = team.filter((a) => a.role === "peer");
  const trusts = new Set(peers.map((a) => year.people.peer.get(a.personId)?.school?.trust?.trim()).filter((t) => t));
  const where = review.hostSchool ? `${h(hubName(review.host.hub))}` : `<span class="muted">(a trust)</span>`;
  const cells = [
    `<td data-v="${h(review.id)}"><a href="#team-${h(review.id)}">${h(review.id)}</a></td>`,
    `<td>${h(kindTag(review))}</td>`,
    `<td>${h(hostWords(review))} <span class="muted">${h(review.host.id)}</span></td>`,
    `<td>${where}</td>`,
    `<td data-v="${review.span.from}" class="nowrap">${span(review)}</td>`,
    `<td>${lead ? h(lead.personId) : `<span class="owe">none</span>`}</td>`,
    `<td class="num">${Math.min(peers.length, review.peerSeats)} / ${review.peerSeats}</td>`,
    `<td class="num">${trusts.size}</td>`,
    `<td><span class="badge" style="background:${STATUS[s].colour}">${STATUS[s].label}</span></td>`,
  ];
  return `<tr>${cells.join("")}</tr>`;
}

function trustLedger({ check }: ReportInput): string {
  if (check.trustLedger.length === 0) return "";
  const r = check.metrics.trustReciprocity;
  const rows = [...check.trustLedger]
    .sort((a, b) => a.balance - b.balance || compareIds(a.trustId, b.trustId))
    .map((row) => {
      const tone = row.balance < 0 ? "owe" : row.balance > 0 ? "surplus" : "even";
      return `<tr><td data-v="${h(row.trustId)}">${h(row.trustId)}</td><td class="num">${row.target}</td><td class="num">${row.seatsReceived}</td><td class="num">${row.placesSent}</td><td class="num ${tone}">${row.balance}</td></tr>`;
    });
  const figures = r ? `<p>${plural(r.inBalance, "trust")} of ${r.trusts} in balance, ${r.meetingCommitment} meeting their commitment; total deviation ${r.totalDeviation} places.</p>` : "";
  return `<h3>Trust reciprocity</h3><p class="muted">For the kinds counted by trust: a trust's target is the peer seats of the reviews it \
hosts; its places are those its schools' people fill on such reviews (they do not count in the schools' ledger). Most owed first.</p>${figures}
<table class="sortable ledger"><thead><tr><th>trust</th><th class="num">target</th><th class="num">seats received</th><th class="num">places sent</th>\
<th class="num">balance</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

/**
 * The kinds section: every review that is not a QAR (kind, host, dates, Lead Reviewer, seats,
 * trusts on the team, status) and the trusts' reciprocity. Empty in a year where kinds do not
 * matter, so a year of QARs keeps its report.
 *
 * @example const section = kindsSection({ year, allocation, check, explanation }, statusOf(year, check.unfilled));
 */
export function kindsSection(input: ReportInput, status: ReadonlyMap<string, Status>): string {
  const { year, allocation } = input;
  if (!year.mixed) return "";
  const byReview = new Map<string, Assignment[]>();
  for (const a of allocation.assignments) byReview.set(a.reviewId, [...(byReview.get(a.reviewId) ?? []), a]);
  const others = year.reviews.filter((r) => r.kind.id !== "qar").sort((a, b) => compareIds(a.kind.id, b.kind.id) || byStartThenId(a, b));
  const counts = year.reviewKinds.map((id) => `${plural(year.reviews.filter((r) => r.kind.id === id).length, `${id.toUpperCase()} review`)}`);
  const rows = others.map((review) => reviewRow(year, review, byReview.get(review.id) ?? [], status.get(review.id)!));
  const table = others.length === 0 ? "<p>No reviews of other kinds.</p>" : `<table class="sortable"><thead><tr><th>review</th><th>kind</th><th>host</th><th>hub</th>\
<th>dates</th><th>Lead Reviewer</th><th class="num">peers</th><th class="num">trusts on the team</th><th>status</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
  return `${sectionStart("kinds", "Trust Peer Reviews and other kinds")}<p class="muted">${counts.join(" · ")}. Each kind has its own rules \
(docs/kinds.md): a TPR's team comes from other trusts, one per trust; an MLQAR's from the host's hub. Reviews other than QARs, by kind then date.</p>
${table}
${trustLedger(input)}
</section>`;
}
