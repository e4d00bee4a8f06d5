/**
 * The report's sections about the years: the reviewer pathway, and each school's balance
 * across the closed years (when the year folder has `ledger-years.csv`).
 */
import type { CheckResult } from "../check.js";
import type { Allocation } from "../model/schema.js";
import type { Year } from "../model/year.js";
import { compareYearLabels, standings } from "../years/ledger.js";
import { pathwayOf } from "../years/pathway.js";
import { h, plural } from "./html/format.js";

interface YearsInput {
  readonly year: Year;
  readonly allocation: Allocation;
  readonly check: CheckResult;
}

const tone = (balance: number) => (balance < 0 ? "owe" : balance > 0 ? "surplus" : "even");

/** The reviewer pathway: who may train as advanced, who waits for a first review and whether this allocation gives them one. */
export function pathwaySection({ year, allocation }: YearsInput): string {
  const title = `<section id="pathway"><h2>Reviewer pathway</h2>`;
  const problem = year.problem;
  const rows = pathwayOf(problem.reviewers, problem.history, year.policy);
  const placed = new Set(allocation.assignments.filter((a) => a.role === "peer").map((a) => a.personId));
  const levels = ["trainee", "reviewer", "advanced"].map((level) => `${rows.filter((r) => r.level === level).length} ${level}`).join(" · ");
  if (problem.history.length === 0) {
    return `${title}<p>${plural(rows.length, "reviewer")} (${levels}). No history.csv: the reviews each has completed are not known, so nobody is shown as eligible or waiting (qar close-year writes the history).</p></section>`;
  }
  const eligible = rows.filter((r) => r.eligibleForAdvanced);
  const waiting = rows.filter((r) => r.waitingForFirstReview);
  const waitingPlaced = waiting.filter((r) => placed.has(r.reviewerId)).length;
  const listed = rows.filter((r) => r.eligibleForAdvanced || r.waitingForFirstReview);
  const body = listed.map((r) => {
    const school = year.schools.get(r.schoolId);
    const status = r.eligibleForAdvanced ? "eligible to train as advanced" : "waiting for a first review";
    return `<tr><td data-v="${h(r.reviewerId)}">${h(r.name || r.reviewerId)} <span class="muted">${h(r.reviewerId)}</span></td><td>${h(school?.name ?? "")} <span class="muted">${h(r.schoolId)}</span></td><td>${h(r.level)}</td><td class="num">${r.reviewsCompleted}</td><td>${h(r.lastReviewYear ?? "")}</td><td>${status}</td><td>${placed.has(r.reviewerId) ? "yes" : "no"}</td></tr>`;
  });
  return `${title}<p>${plural(rows.length, "reviewer")} (${levels}). <span data-pathway="eligible">${eligible.length}</span> eligible to train as advanced (at least ${year.policy.reviewsForAdvanced} reviews completed, not yet advanced); <span data-pathway="waiting">${waiting.length}</span> waiting for a first review, of whom <span data-pathway="waiting-placed">${waitingPlaced}</span> placed in this allocation. A long wait between training and a first review loses reviewers: the policy weight <code>firstReview</code> places them first.</p>
${listed.length > 0 ? `<table class="sortable"><thead><tr><th>reviewer</th><th>school</th><th>level</th><th class="num">reviews completed</th><th>last review</th><th>pathway</th><th>placed this year</th></tr></thead><tbody>
${body.join("\n")}
</tbody></table>` : ""}</section>`;
}

/** Each school's balance in every closed year, what it owes now, and this year's planned balance. */
export function acrossYearsSection({ year, check }: YearsInput): string {
  const ledger = year.problem.ledgerYears ?? [];
  if (ledger.length === 0) return "";
  const rows = standings(ledger);
  const sorted = [...new Set(rows.flatMap((r) => r.years.map((y) => y.year)))].sort(compareYearLabels);
  const planned = new Map(check.ledger.map((row) => [row.schoolId, row.balance]));
  const owing = rows.filter((r) => r.carryOver > 0).length;
  const body = rows.map((r) => {
    const school = year.schools.get(r.schoolId);
    const byYear = new Map(r.years.map((y) => [y.year, y.balance]));
    const cells = sorted.map((label) => (byYear.has(label) ? `<td class="num ${tone(byYear.get(label)!)}">${byYear.get(label)}</td>` : `<td class="num muted">–</td>`));
    const now = planned.get(r.schoolId);
    return `<tr data-school="${h(r.schoolId)}"><td data-v="${h(school?.name ?? r.schoolId)}">${h(school?.name ?? "")} <span class="muted">${h(r.schoolId)}</span></td>${cells.join("")}<td class="num ${tone(r.balance)}" data-total>${r.balance}</td><td class="num" data-owes>${r.carryOver}</td><td class="num">${r.yearsMeetingCommitment}/${r.years.length}</td><td class="num${now === undefined ? " muted" : ` ${tone(now)}`}">${now ?? "–"}</td></tr>`;
  });
  return `<section id="years"><h2>Reciprocity across the closed years</h2><p class="muted">From ledger-years.csv: each closed year's balance (places sent − places received, counted by attendance; negative: the school owes), the total, the carry-over into this year (owes now: positive = places owed, added to this year's target), the years the school met its commitment, and this year's planned balance against its target. <span data-years="owing">${owing}</span> of ${plural(rows.length, "school")} owe places. Furthest behind first.</p>
<table class="sortable ledger"><thead><tr><th>school</th>${sorted.map((label) => `<th class="num">${h(label)}</th>`).join("")}<th class="num">total</th><th class="num">owes now</th><th class="num">years met</th><th class="num">this year (planned)</th></tr></thead><tbody>
${body.join("\n")}
</tbody></table></section>`;
}
