import fc from "fast-check";
import { generateYear, smallRandomSpec } from "../fixtures/generator.js";
import { indexYear } from "../src/model/year.js";
import { applyChanges } from "../src/repair.js";
import { findCandidates } from "../src/solver/candidates.js";
import { solve } from "../src/solver/index.js";
import { rosterOf } from "../src/solver/roster.js";
import { changeBound } from "../src/solver/steps/change-bound.js";
import { repairOracle } from "../test/helpers/repair-oracle.js";
const cases = fc.record({ seed: fc.integer({ min: 1, max: 100_000 }), reviews: fc.integer({ min: 5, max: 12 }), engine: fc.constantFrom("greedy", "lns"), pick: fc.nat() });
for (const c of fc.sample(cases, { numRuns: 8, seed: 15 })) {
  const { problem } = generateYear(smallRandomSpec(c.seed, c.reviews));
  const published = (await solve(problem, { seed: 1, engine: c.engine, exactBound: false })).allocation;
  const people = [...new Set(published.assignments.map((a) => a.personId))].sort();
  const id = people[c.pick % people.length]!;
  const after = applyChanges(problem, [{ change: "withdraw", id }]).problem;
  const year = indexYear(after);
  const context = { year, candidates: findCandidates(year), random: () => 0.5, shouldStop: () => false, report: () => {}, fixed: { assignments: [] } };
  const kept = rosterOf(year, published);
  const fewest = changeBound(context as any, published, kept);
  const oracle = repairOracle(after, published);
  const most = (await oracle.mostSeats())!.seats;
  const out: string[] = [];
  for (let s = most; s >= Math.max(0, most - 4); s--) {
    const e = await oracle.fewestChanges(s);
    out.push(`${s}:${fewest(s)}/${e === "infeasible" ? "inf" : e?.changes}`);
  }
  console.log(JSON.stringify(c), id, "old", published.assignments.length, "kept", kept.filled(), "lacking", year.reviews.filter((r) => !kept.advancedOk(r)).map((r) => r.id).join(","), out.join(" "));
}
