import { readYearFolder } from "../src/io/files.js";
import { solve } from "../src/solver/index.js";
import { repair, applyChanges } from "../src/repair.js";
import { repairOracle, oracleTradeOff } from "../test/helpers/repair-oracle.js";
const [name, ids] = process.argv.slice(2);
const y = readYearFolder(`fixtures/years/${name}`);
if (!y.ok) throw new Error("x");
const full = await solve(y.value, { seed: 1 });
for (const id of ids!.split(",")) {
  let t = performance.now();
  const out = await repair(y.value, full.allocation, [{ change: "withdraw", id }], { seed: 1 });
  if (!out.ok) throw new Error();
  console.log("repair", id, ((performance.now() - t) / 1000).toFixed(2), out.options.map((o) => `${o.seats}@${o.changes}${o.proven ? "" : "?"}${o.chosen ? "*" : ""}`).join(" "));
  t = performance.now();
  const oracle = repairOracle(applyChanges(y.value, [{ change: "withdraw", id }]).problem, full.allocation, 120);
  const curve = await oracleTradeOff(oracle);
  console.log("oracle", ((performance.now() - t) / 1000).toFixed(2), curve?.map((p) => `${p.seats}@${p.changes}`).join(" "));
}
