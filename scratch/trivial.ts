import { solveWithHighs } from "../src/solver/lp.js";
const model = { sense: "maximize" as const, columns: [{ cost: 1, lower: 0, upper: 1, integer: true }, { cost: 1, lower: 0, upper: 1, integer: true }], rows: [{ lower: -Infinity, upper: 1, indices: [0, 1], values: [1, 1] }] };
for (let i = 0; i < 8; i++) {
  const c = process.cpuUsage(); const t = performance.now();
  await solveWithHighs(model, { relativeGap: 0, presolve: false });
  console.log(((process.cpuUsage(c).user) / 1e6).toFixed(3), ((performance.now() - t) / 1000).toFixed(3));
}
