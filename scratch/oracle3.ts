import seedrandom from "seedrandom";
import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { applyChanges } from "../src/repair.js";
import { indexYear } from "../src/model/year.js";
import { findCandidates } from "../src/solver/candidates.js";
import { createRoster } from "../src/solver/roster.js";
import { keepModel } from "../src/solver/steps/keep.js";
import { rowKey, changedRows } from "../src/solver/diff.js";
const [name, id, budgets] = process.argv.slice(2);
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const full = await solve(y.value, { seed: 1 });
const year = indexYear(applyChanges(y.value, [{ change: "withdraw", id: id! }]).problem);
const candidates = findCandidates(year);
const ctx = { year, candidates, random: seedrandom("1"), shouldStop: () => false, report: () => {}, fixed: { assignments: [] } };
const keep = new Set(full.allocation.assignments.map(rowKey));
const model = keepModel(ctx as any, createRoster(year), year.reviews, keep, new Set());
const cpu = () => process.cpuUsage().user / 1e6;
for (const b of [undefined, ...(budgets ? budgets.split(",").map(Number) : [])]) {
  const c = cpu();
  const r = await model.solve({ nodes: 100000, seconds: 600, ...(b !== undefined ? { maxChanges: b } : {}) });
  console.log("budget", b, r.status, r.status === "found" ? `${r.roster.filled()}@${changedRows(full.allocation, r.roster.toAllocation())} proven ${r.proven}` : "", (cpu() - c).toFixed(2));
}
