import seedrandom from "seedrandom";
import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { applyChanges } from "../src/repair.js";
import { isAdvanced, allowedPair } from "../src/rules/index.js";
import { indexYear } from "../src/model/year.js";
import { findCandidates } from "../src/solver/candidates.js";
import { createRoster } from "../src/solver/roster.js";
import { resolveScope } from "../src/solver/steps/resolve.js";
import { disbandTeamsWithoutAdvanced } from "../src/solver/steps/pins.js";
const name = process.argv[2] ?? "short";
const nodes = process.argv[3] ? Number(process.argv[3]) : undefined;
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const p = y.value;
let t = performance.now();
const full = await solve(p, { seed: 1 });
console.log("full", ((performance.now() - t) / 1000).toFixed(2), full.check.metrics.filled.total);
const year0 = indexYear(p);
const count = new Map<string, number>();
const byReview = new Map<string, string[]>();
for (const a of full.allocation.assignments) if (a.role === "peer") byReview.set(a.reviewId, [...(byReview.get(a.reviewId) ?? []), a.personId]);
for (const [r, ps] of byReview) {
  const adv = ps.filter((id) => isAdvanced(year0.people.peer.get(id)!));
  if (adv.length === 1) count.set(adv[0]!, (count.get(adv[0]!) ?? 0) + 1);
}
const two = [...count].filter(([, c]) => c >= 2).map(([id]) => id);
for (const id of two.slice(0, 3)) {
  t = performance.now();
  const problem = applyChanges(p, [{ change: "withdraw", id }]).problem;
  const year = indexYear(problem);
  const candidates = findCandidates(year);
  const roster = createRoster(year);
  const keep = new Set<string>();
  for (const { reviewId, role, personId } of full.allocation.assignments) {
    keep.add(`${role}:${personId}@${reviewId}`);
    const review = year.reviewById.get(reviewId);
    const person = year.people[role].get(personId);
    if (review && person && allowedPair(year, person, review) && roster.canTake(person, review)) roster.add(role, person, review);
  }
  disbandTeamsWithoutAdvanced(roster, new Set());
  const ctx = { year, candidates, random: seedrandom("1"), shouldStop: () => false, report: () => {}, fixed: { assignments: [] } };
  const r = await resolveScope(ctx as any, roster, { reviews: year.reviews, leads: true, peers: true, keep, ...(process.argv[4] ? { objective: process.argv[4] as any } : {}) }, new Set(), 60, nodes, true);
  const now = new Set(roster.toAllocation().assignments.map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
  let sym = 0; for (const k of keep) if (!now.has(k)) sym++; for (const k of now) if (!keep.has(k)) sym++;
  console.log("exact", id, ((performance.now() - t) / 1000).toFixed(2), r.solution.status, roster.filled(), "rows", sym, r.before.slice(0,2), r.after.slice(0,2));
}
