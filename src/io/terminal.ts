import { emptySeatCounts, type CheckResult } from "../check.js";
import type { SolveResult } from "../solver/index.js";
import { droppedInWords, emptySeatsInWords, gapInWords, goalsInWords, pinsInWords, type WordsOptions } from "./words.js";
import { whoLosesOut } from "../plan/who-loses-out.js";
import { fairnessOn } from "../goals/fairness.js";
import type { Year } from "../model/year.js";

const percent = (part: number, whole: number) => (whole === 0 ? "100.0%" : `${((100 * part) / whole).toFixed(1)}%`);

/** A short plain-text table of the headline figures (no colour, no control characters). */
export function summaryTable(check: CheckResult, solve?: SolveResult, words: WordsOptions & { readonly year?: Year } = {}): string {
  const year = words.year ?? solve?.year;
  const m = check.metrics;
  const r = m.reciprocity;
  const rows: [string, string][] = [
    ["reviews", String(m.reviews)],
    ["seats filled", `${m.filled.total} / ${m.seats.total} (${percent(m.filled.total, m.seats.total)})`],
    ["  Lead Reviewer seats", `${m.filled.lead} / ${m.seats.lead}`],
    ["  peer seats", `${m.filled.peer} / ${m.seats.peer}`],
    ["full teams", `${m.fullTeams} / ${m.reviews} (${percent(m.fullTeams, m.reviews)})`],
    ...(year ? [["empty seats", emptySeatsInWords(emptySeatCounts(year, check.unfilled))] as [string, string]] : []),
    ["schools in reciprocity balance", `${r.inBalance} / ${r.schools} (${percent(r.inBalance, r.schools)})`],
    ["schools meeting commitment", `${r.meetingCommitment} / ${r.schools} (${percent(r.meetingCommitment, r.schools)})`],
    ["phase match, peers", `${m.phaseMatch.peers.matched} / ${m.phaseMatch.peers.assigned} (${percent(m.phaseMatch.peers.matched, m.phaseMatch.peers.assigned)})`],
    ["phase match, Lead Reviewers", `${m.phaseMatch.leads.matched} / ${m.phaseMatch.leads.assigned} (${percent(m.phaseMatch.leads.matched, m.phaseMatch.leads.assigned)})${m.phaseMatch.leads.noPhases > 0 ? `, ${m.phaseMatch.leads.noPhases} list no phase` : ""}`],
    ["mean travel", `${m.travel.meanKm.toFixed(1)} km`],
  ];
  if (solve) {
    rows.push(["upper bound on seats", `${solve.bound.filledSeats} (${solve.bound.method})`]);
    rows.push(["gap to bound", `${(100 * solve.gap).toFixed(2)}%${solve.proven && !(words.fuller ?? 0) ? (words.step ? " (no re-plan can fill more seats)" : " (no allocation can fill more seats)") : ""}`]);
    rows.push(["engine", `${solve.engine}, seed ${solve.seed}, stopped: ${solve.stoppedBy}, ${Math.round(solve.elapsedMs)} ms`]);
    const fair = fairnessOn(solve.year.policy) ? whoLosesOut(solve.year, solve.allocation, solve.bound).fairness : undefined;
    if (fair) rows.push(["fairness", `${fair.given} of ${fair.protectedReviews} protected reviews have a team; cost at most ${fair.costInSeats ?? 0} seats`]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  const table = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n");
  return solve ? [table, "", gapInWords(solve, words), ...goalsInWords(solve), ...pinsInWords(solve, words), ...droppedInWords(solve)].join("\n") : table;
}
