import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
const y = readYearFolder(`fixtures/years/${process.argv[2]}`);
if (!y.ok) throw new Error("x");
for (let i = 0; i < 2; i++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const r = await solve(y.value, { seed: 1 });
  console.log("fresh", ((performance.now() - t0) / 1000).toFixed(2), "cpu", (process.cpuUsage(c0).user / 1e6).toFixed(2), r.check.metrics.filled.total, r.stoppedBy);
}
