/**
 * `npm run bench:repair`: re-planning after a dropout. On a year solved in full, 100 seeded
 * random withdrawals of an allocated reviewer are each repaired; the table gives the
 * distribution of changed assignments (added + moved + removed, the withdrawal included),
 * validity, seats kept, and the time of a repair against a full solve measured in the same run.
 *   npm run bench:repair -- [fixture] [count]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import seedrandom from "seedrandom";
import { checkAllocation } from "../src/check.js";
import { readYearFolder } from "../src/io/files.js";
import { repair } from "../src/repair.js";
import { solve } from "../src/solver/index.js";
import { loadFixture } from "./fixtures.js";

const [fixture = "2023-24", countText = "100"] = process.argv.slice(2);
const loaded = await loadFixture(fixture, readYearFolder);
if (!loaded.ok) throw new Error(`cannot read ${fixture}`);
const problem = loaded.value;

let t = performance.now();
const full = await solve(problem, { seed: 1 });
const fullMs = performance.now() - t;
const published = full.allocation;
const random = seedrandom("repair-bench");
const peers = published.assignments.filter((a) => a.role === "peer");
const sizes: number[] = [];
const times: number[] = [];
let invalid = 0;
let lostSeats = 0;
for (let i = 0; i < Number(countText); i += 1) {
  const leaver = peers[Math.floor(random() * peers.length)]!;
  t = performance.now();
  const outcome = await repair(problem, published, [{ change: "withdraw", id: leaver.personId }], { seed: 1 });
  times.push(performance.now() - t);
  if (!outcome.ok) throw new Error("repair refused a withdrawal");
  if (!checkAllocation(outcome.problem, outcome.result.allocation).valid) invalid += 1;
  sizes.push(outcome.diff.length);
  lostSeats += full.check.metrics.filled.total - outcome.result.check.metrics.filled.total;
}
const sorted = [...sizes].sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const histogram = new Map<number, number>();
for (const s of sizes) histogram.set(s, (histogram.get(s) ?? 0) + 1);
const meanMs = times.reduce((a, b) => a + b, 0) / times.length;
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};
say(`fixture ${fixture}: full solve ${(fullMs / 1000).toFixed(2)} s, ${full.check.metrics.filled.total}/${full.check.metrics.seats.total} seats`);
say(`${sizes.length} random withdrawals: changed assignments min ${sorted[0]}, median ${q(0.5)}, p90 ${q(0.9)}, max ${sorted.at(-1)}`);
say(`histogram (changes: repairs): ${[...histogram].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}: ${v}`).join(", ")}`);
say(`invalid repairs: ${invalid}; seats lost in all: ${lostSeats} (the leaver's seat when nobody can take it)`);
say(`repair: mean ${(meanMs / 1000).toFixed(2)} s, full solve ${(fullMs / 1000).toFixed(2)} s: repair is ${(fullMs / meanMs).toFixed(1)}x faster`);
const results = new URL("./results/", import.meta.url).pathname;
mkdirSync(results, { recursive: true });
writeFileSync(`${results}repair-${fixture}.md`, `# Repair after a withdrawal (\`npm run bench:repair -- ${fixture} ${countText}\`)\n\n${lines.map((l) => `- ${l}`).join("\n")}\n\nChanged assignments count the withdrawal itself (removed) and every seat added or moved.\n`);
