import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { repair } from "../src/repair.js";
import { checkAllocation } from "../src/check.js";
import { isAdvanced } from "../src/rules/index.js";
import { indexYear } from "../src/model/year.js";
const name = process.argv[2] ?? "short";
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const p = y.value;
let t = performance.now();
const full = await solve(p, { seed: 1 });
console.log("full", ((performance.now() - t) / 1000).toFixed(2), full.check.metrics.filled.total, full.check.metrics.seats.total, full.bound.filledSeats, full.engine, full.stoppedBy);
const year = indexYear(p);
// reviewers who are the only advanced peer on a team, count teams
const count = new Map<string, number>();
const byReview = new Map<string, string[]>();
for (const a of full.allocation.assignments) if (a.role === "peer") byReview.set(a.reviewId, [...(byReview.get(a.reviewId) ?? []), a.personId]);
for (const [r, ps] of byReview) {
  const adv = ps.filter((id) => isAdvanced(year.people.peer.get(id)!));
  if (adv.length === 1) count.set(adv[0]!, (count.get(adv[0]!) ?? 0) + 1);
}
const two = [...count].filter(([, c]) => c >= 2).map(([id]) => id);
console.log("only-advanced-on-two", two.length, two.slice(0, 5));
for (const id of two.slice(0, 2)) {
  t = performance.now();
  const out = await repair(p, full.allocation, [{ change: "withdraw", id }], { seed: 1 });
  if (!out.ok) throw new Error();
  const old = new Set(full.allocation.assignments.map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
  const now = new Set(out.result.allocation.assignments.map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
  let sym = 0; for (const k of old) if (!now.has(k)) sym++; for (const k of now) if (!old.has(k)) sym++;
  console.log("repair", id, ((performance.now() - t) / 1000).toFixed(2), out.result.check.metrics.filled.total, "rows", sym, checkAllocation(out.problem, out.result.allocation).valid);
}
