import { readFileSync, writeFileSync } from "node:fs";
import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { repair } from "../src/repair.js";
import { Session } from "node:inspector/promises";
const [name, id] = process.argv.slice(2);
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const full = await solve(y.value, { seed: 1 });
console.error("warm");
await repair(y.value, full.allocation, [{ change: "withdraw", id: id! }], { seed: 1 });
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.start");
const u0 = process.cpuUsage();
const out = await repair(y.value, full.allocation, [{ change: "withdraw", id: id! }], { seed: 1 });
const u = process.cpuUsage(u0);
const { profile } = await session.post("Profiler.stop");
console.log("cpu", (u.user + u.system) / 1e6);
// aggregate self time by function+url
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
const dt = profile.timeDeltas; 
profile.samples.forEach((s: number, i: number) => self.set(s, (self.get(s) ?? 0) + (dt[i] ?? 0)));
// inclusive time per function name
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
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / 1000).toFixed(0).padStart(6), k);
