import { h, hubName, plural } from "../html/format.js";
import type { ReportInput } from "./input.js";
import { byBalance } from "./reciprocity.js";

// The reciprocity ledger as a sortable table: every school, most owed first, with what its
// reviewers can give where the caller measured it.

/** The ledger section: target, seats received, places sent, balance (and what the school can give) of every school. */
export function ledgerTable({ year, check, reach }: ReportInput): string {
  const reachOf = new Map((reach ?? []).map((r) => [r.schoolId, r]));
  const rows = [...check.ledger].sort(byBalance).map((row) => {
    const school = year.schools.get(row.schoolId);
    const tone = row.balance < 0 ? "owe" : row.balance > 0 ? "surplus" : "even";
    const name = `${h(school?.name ?? "")} <span class="muted">${h(row.schoolId)}</span>`;
    const figures = `<td class="num">${row.target}</td><td class="num">${row.seatsReceived}</td><td class="num">${row.placesSent}</td>`;
    const balance = `<td class="num ${tone}">${row.balance}</td>`;
    const r = reachOf.get(row.schoolId);
    const can = !reach ? "" : r?.reason ? `<td class="num owe" title="${h(r.reason)}">${r.reachable}</td>` : `<td class="num">${r?.reachable ?? ""}</td>`;
    return `<tr><td data-v="${h(school?.name ?? row.schoolId)}">${name}</td><td>${h(hubName(school?.hub))}</td>${figures}${balance}${can}</tr>`;
  });
  const beyond = (reach ?? []).filter((r) => r.reason);
  const note = !reach
    ? ""
    : beyond.length === 0
      ? " Every school's reviewers can give at least its target."
      : ` <strong>${plural(beyond.length, "school")} cannot meet ${beyond.length === 1 ? "its" : "their"} target whatever the allocation</strong>: their reviewers can give fewer places (column "can give", in red; hover for the reason).`;
  return `<section id="ledger"><h2>Reciprocity ledger</h2><p class="muted">Target: the peer seats of the school's own review(s) plus any \
carry-over; seats received: the peers this allocation places at its review(s); balance: places sent minus the target.${reach ? " Can give: the most places its reviewers can give (their max_reviews, on reviews their dates and the rules allow)." : ""} \
Sorted by balance (most owed first); click a heading to sort by it.${note}</p>
<table class="sortable ledger"><thead><tr><th>school</th><th>hub</th><th class="num">target</th><th class="num">seats received</th>\
<th class="num">places sent</th><th class="num">balance</th>${reach ? `<th class="num">can give</th>` : ""}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table></section>`;
}
