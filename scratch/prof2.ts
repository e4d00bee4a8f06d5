import { generateYear, smallRandomSpec } from "../fixtures/generator.js";
import { repair } from "../src/repair.js";
import { solve } from "../src/solver/index.js";
import { Session } from "node:inspector/promises";
const { problem } = generateYear(smallRandomSpec(71890, 12));
const published = (await solve(problem, { seed: 1, engine: "greedy", exactBound: false })).allocation;
const people = [...new Set(published.assignments.map((a) => a.personId))].sort();
const leaver = people[13 % people.length]!;
await repair(problem, published, [{ change: "withdraw", id: leaver }], { seed: 1 });
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.start");
const t = performance.now();
await repair(problem, published, [{ change: "withdraw", id: leaver }], { seed: 1 });
console.log("wall", performance.now() - t);
const { profile } = await session.post("Profiler.stop");
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((s: number, i: number) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
for (const [nid, t] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = nid; cur !== undefined; cur = parent.get(cur)) {
    const n: any = byId.get(cur);
    const key = `${n.callFrame.functionName}@${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`;
    if (seen.has(key)) continue; seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + t);
  }
}
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) if (!k.startsWith("wasm")) console.log((v / 1000).toFixed(0).padStart(6), k);
