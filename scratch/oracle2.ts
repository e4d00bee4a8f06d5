import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { applyChanges } from "../src/repair.js";
import { repairOracle } from "../test/helpers/repair-oracle.js";
const [name, id] = process.argv.slice(2);
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const full = await solve(y.value, { seed: 1 });
const oracle = repairOracle(applyChanges(y.value, [{ change: "withdraw", id: id! }]).problem, full.allocation, 300);
const cpu = () => process.cpuUsage().user / 1e6;
let c = cpu(); const most = await oracle.mostSeats(); console.log("most", most?.seats, most?.proven, (cpu() - c).toFixed(2));
c = cpu(); const f0 = await oracle.fewestChanges(0); console.log("floor", f0 !== "infeasible" && f0?.changes, (cpu() - c).toFixed(2));
for (const s of [most!.seats, most!.seats - 1]) { c = cpu(); const a = await oracle.fewestChanges(s); console.log("s", s, a !== "infeasible" && a?.changes, (cpu() - c).toFixed(2)); }
