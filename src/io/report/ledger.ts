import { h, hubName } from "./format.js";
import type { ReportInput } from "./input.js";
import { byBalance } from "./reciprocity.js";

// The reciprocity ledger as a sortable table: every school, most owed first.

/** The ledger section: target, places sent and balance of every school. */
export function ledgerTable({ year, check }: ReportInput): string {
  const rows = [...check.ledger].sort(byBalance).map((row) => {
    const school = year.schools.get(row.schoolId);
    const tone = row.balance < 0 ? "owe" : row.balance > 0 ? "surplus" : "even";
    const name = `${h(school?.name ?? "")} <span class="muted">${h(row.schoolId)}</span>`;
    const figures = `<td class="num">${row.seatsReceived}</td><td class="num">${row.placesSent}</td>`;
    const balance = `<td class="num ${tone}">${row.balance}</td>`;
    return `<tr><td data-v="${h(school?.name ?? row.schoolId)}">${name}</td><td>${h(hubName(school?.hub))}</td>${figures}${balance}</tr>`;
  });
  return `<section id="ledger"><h2>Reciprocity ledger</h2><p class="muted">Target: the peer seats of the school's own review(s) plus any \
carry-over. Sorted by balance (most owed first); click a heading to sort by it.</p>
<table class="sortable ledger"><thead><tr><th>school</th><th>hub</th><th class="num">target (seats received)</th>\
<th class="num">places sent</th><th class="num">balance</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></section>`;
}
