// run the repair for one leaver, printing HiGHS logs for repair solves only
import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { repair } from "../src/repair.js";
const [name, id] = process.argv.slice(2);
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const full = await solve(y.value, { seed: 1 });
process.env.QAR_HIGHS = "1";
const t = performance.now();
const out = await repair(y.value, full.allocation, [{ change: "withdraw", id: id! }], { seed: 1 });
if (!out.ok) throw new Error();
console.log("repair", ((performance.now() - t) / 1000).toFixed(2), out.changes, out.options.map((o) => `${o.seats}@${o.changes}`).join(" "));
