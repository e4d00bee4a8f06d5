import seedrandom from "seedrandom";
import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { repair, applyChanges } from "../src/repair.js";
import { indexYear } from "../src/model/year.js";
import { findCandidates } from "../src/solver/candidates.js";
import { rosterOf } from "../src/solver/roster.js";
import { around, damagedReviews } from "../src/solver/steps/damage.js";
const [name, id] = process.argv.slice(2);
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const full = await solve(y.value, { seed: 1 });
const out = await repair(y.value, full.allocation, [{ change: "withdraw", id: id! }], { seed: 1 });
if (!out.ok) throw new Error();
console.log(out.diff);
const year = indexYear(applyChanges(y.value, [{ change: "withdraw", id: id! }]).problem);
const ctx = { year, candidates: findCandidates(year), random: seedrandom("1"), shouldStop: () => false, report: () => {}, fixed: { assignments: [] } };
const kept = rosterOf(year, full.allocation);
const damaged = damagedReviews(kept, full.allocation);
const scope = around(ctx as any, kept, damaged, 16).map((r) => r.id);
console.log("damaged", damaged.map((r) => r.id), "scope", scope.join(","));
import { replaceFirst } from "../src/solver/steps/damage.js";
import { disbandTeamsWithoutAdvanced } from "../src/solver/steps/pins.js";
import { isAdvanced, advancedToStaff } from "../src/rules/index.js";
const start = rosterOf(year, full.allocation);
replaceFirst(ctx as any, start, damaged);
disbandTeamsWithoutAdvanced(start, new Set());
console.log("scope(start)", around(ctx as any, start, damaged, 16).map((r) => r.id).join(","));
for (const rid of ["R0003", "R0033"]) {
  const r = year.reviewById.get(rid)!;
  console.log(rid, start.peers(r).map((p) => `${p.id}${isAdvanced(p) ? "*" : ""}`).join(" "), "need", advancedToStaff(year, r));
}
for (const pid of ["P0001", "P0128"]) { const p = year.people.peer.get(pid)!; console.log(pid, p.level, start.duties(p).map((r) => r.id)); }
const cands = (rid: string) => (ctx.candidates.peer.get(rid) ?? []).filter((c) => isAdvanced(c.person)).map((c) => `${c.person.id}:${start.duties(c.person).map((r) => r.id).join("/")}`);
console.log("R0044 adv cands", cands("R0044").join(" "));
console.log("R0100 adv cands", cands("R0100").join(" "));
import { keepModel } from "../src/solver/steps/keep.js";
import { rowKey, allocationDiff, changedRows } from "../src/solver/diff.js";
const keep = new Set(full.allocation.assignments.map(rowKey));
const sc = around(ctx as any, start, damaged, 16);
const r = await keepModel(ctx as any, start, sc, keep, new Set()).solve({ nodes: 5000, seconds: 10, start });
if (r.status === "found") { console.log("local", r.roster.filled(), changedRows(full.allocation, r.roster.toAllocation()), r.proven); console.log(allocationDiff(full.allocation, r.roster.toAllocation())); }
