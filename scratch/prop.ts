import fc from "fast-check";
import { generateYear, smallRandomSpec } from "../fixtures/generator.js";
import { repair } from "../src/repair.js";
import { solve } from "../src/solver/index.js";
import { oracleTradeOff, repairOracle } from "../test/helpers/repair-oracle.js";
const cases = fc.record({ seed: fc.integer({ min: 1, max: 100_000 }), reviews: fc.integer({ min: 5, max: 12 }), engine: fc.constantFrom("greedy", "lns"), pick: fc.nat() });
const samples = fc.sample(cases, { numRuns: 12, seed: 13 });
for (const c of samples) {
  let t = performance.now();
  const { problem } = generateYear(smallRandomSpec(c.seed, c.reviews));
  const published = (await solve(problem, { seed: 1, engine: c.engine, exactBound: false })).allocation;
  const tSolve = performance.now() - t;
  const people = [...new Set(published.assignments.map((a) => a.personId))].sort();
  const leaver = people[c.pick % people.length]!;
  t = performance.now();
  const outcome = await repair(problem, published, [{ change: "withdraw", id: leaver }], { seed: 1 });
  const tRep = performance.now() - t;
  if (!outcome.ok) throw new Error();
  t = performance.now();
  const o = repairOracle(outcome.problem, published);
  const m = await o.mostSeats();
  const tMost = performance.now() - t; t = performance.now();
  const f = await o.fewestChanges(outcome.result.check.metrics.filled.total);
  const tF = performance.now() - t; t = performance.now();
  const curve = await oracleTradeOff(o, "seats");
  const tC = performance.now() - t;
  console.log(JSON.stringify(c), problem.reviews.length, problem.reviewers.length, "solve", tSolve.toFixed(0), "repair", tRep.toFixed(0), "most", tMost.toFixed(0), "fewest", tF.toFixed(0), "curve", tC.toFixed(0), outcome.options.map((x) => `${x.seats}@${x.changes}`).join(" "), "|", curve?.map((x) => `${x.seats}@${x.changes}`).join(" "), m?.seats, f !== "infeasible" && f?.changes);
}
