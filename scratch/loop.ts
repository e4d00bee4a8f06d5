import { readFileSync } from "node:fs";
import { solveWithHighs } from "../src/solver/lp.js";
const { model, start } = JSON.parse(readFileSync(process.argv[2]!, "utf8"));
model.rows = model.rows.map((r: any) => ({ ...r, lower: r.lower ?? -Infinity, upper: r.upper ?? Infinity }));
for (const presolve of [true, false, true, false]) {
  const times: string[] = [];
  for (let i = 0; i < 5; i++) {
    const c = process.cpuUsage(); const t = performance.now();
    const s = await solveWithHighs(model, { relativeGap: 0, presolve, maxNodes: 5000, ...(start ? { start } : {}) });
    times.push(`${((process.cpuUsage(c).user) / 1e6).toFixed(3)}/${((performance.now() - t) / 1000).toFixed(3)}${s.status[0]}`);
  }
  console.log("presolve", presolve, times.join(" "));
}
