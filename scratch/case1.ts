import { generateYear, smallRandomSpec } from "../fixtures/generator.js";
import { repair } from "../src/repair.js";
import { solve } from "../src/solver/index.js";
const [seed, reviews, engine, pick] = process.argv.slice(2);
const { problem } = generateYear(smallRandomSpec(Number(seed), Number(reviews)));
const published = (await solve(problem, { seed: 1, engine, exactBound: false })).allocation;
const people = [...new Set(published.assignments.map((a) => a.personId))].sort();
const leaver = people[Number(pick) % people.length]!;
for (let i = 0; i < 2; i++) {
const t = performance.now();
const outcome = await repair(problem, published, [{ change: "withdraw", id: leaver }], { seed: 1 });
if (!outcome.ok) throw new Error();
console.log("repair", (performance.now() - t).toFixed(0), outcome.options.map((x) => `${x.seats}@${x.changes}`).join(" "), outcome.result.iterations);
}
