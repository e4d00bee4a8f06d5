import { readYearFolder } from "../src/node.js";
import { indexYear } from "../src/model/year.js";
import { reciprocityReach } from "../src/years/reach.js";
const y = readYearFolder(process.argv[2]!);
if (!y.ok) throw new Error("bad");
const year = indexYear(y.value);
const t = performance.now();
const r = reciprocityReach(year);
console.log("ms", performance.now() - t, r.filter((x) => x.reason).length, r.filter((x) => x.reason).slice(0, 3));
