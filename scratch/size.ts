import { readYearFolder } from "../src/io/files.js";
import { indexYear } from "../src/model/year.js";
import { findCandidates } from "../src/solver/candidates.js";
import { createRoster } from "../src/solver/roster.js";
import { buildScopeModel } from "../src/solver/mip-model.js";
for (const name of ["short", "2023-24"]) {
  const y = readYearFolder(`fixtures/years/${name}`);
  if (!y.ok) throw new Error();
  const year = indexYear(y.value);
  let t = performance.now();
  const c = findCandidates(year);
  const t1 = performance.now() - t; t = performance.now();
  const m = buildScopeModel(year, c, createRoster(year), { reviews: year.reviews, leads: true, peers: true });
  console.log(name, "cands ms", t1.toFixed(0), "build ms", (performance.now() - t).toFixed(0), "cols", m.model.columns.length, "rows", m.model.rows.length);
}
