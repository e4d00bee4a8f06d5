import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { repair } from "../src/repair.js";
import { checkAllocation } from "../src/check.js";
import { isAdvanced } from "../src/rules/index.js";
import { indexYear } from "../src/model/year.js";
const name = process.argv[2] ?? "short";
const n = Number(process.argv[3] ?? 3);
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const p = y.value;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let t = performance.now(); let c = cpu();
const full = await solve(p, { seed: 1 });
const fullS = (performance.now() - t) / 1000;
console.log("full", fullS.toFixed(2), "cpu", (cpu() - c).toFixed(2), full.check.metrics.filled.total);
const year = indexYear(p);
const count = new Map<string, number>();
const byReview = new Map<string, string[]>();
for (const a of full.allocation.assignments) if (a.role === "peer") byReview.set(a.reviewId, [...(byReview.get(a.reviewId) ?? []), a.personId]);
for (const [, ps] of byReview) {
  const adv = ps.filter((id) => isAdvanced(year.people.peer.get(id)!));
  if (adv.length === 1) count.set(adv[0]!, (count.get(adv[0]!) ?? 0) + 1);
}
const two = [...count].filter(([, c]) => c >= 2).map(([id]) => id);
const ids = process.argv[4] ? process.argv[4].split(",") : two.slice(0, n);
for (const id of ids) {
  t = performance.now(); c = cpu();
  const out = await repair(p, full.allocation, [{ change: "withdraw", id }], { seed: 1 });
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  console.log("repair", id, ((performance.now() - t) / 1000).toFixed(2), "cpu", (cpu() - c).toFixed(2), out.result.check.metrics.filled.total, "rows", out.changes, checkAllocation(out.problem, out.result.allocation).valid, out.result.stoppedBy, out.result.iterations,
    out.options.map((o) => `${o.seats}@${o.changes}${o.proven ? "" : "?"}${o.chosen ? "*" : ""}`).join(" "), "bound", out.result.bound.filledSeats, out.result.bound.method);
}
