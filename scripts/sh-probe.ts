import { readYearFolder } from "../src/node.js";
import { indexYear } from "../src/model/year.js";
import { findCandidates } from "../src/solver/candidates.js";
import { peerNetwork, SOURCE, SINK } from "../src/solver/network.js";
import { createRoster } from "../src/solver/roster.js";
import { allowedPair, reviewsLeft, mostWithoutOverlap, isAdvanced, advancedToStaff } from "../src/rules/index.js";
const y = readYearFolder(process.argv[2]!);
if (!y.ok) throw new Error("bad");
const year = indexYear(y.value);
const c = findCandidates(year);
const roster = createRoster(year);
const n = peerNetwork(year, c, roster, { seats: "all", surplusOpen: true });
console.log("peer flow all", n.net.maxFlow(SOURCE, SINK), "seats", year.reviews.reduce((a, r) => a + r.peerSeats, 0));
let naive = 0, cap = 0;
for (const p of year.reviewers) {
  const mine = year.reviews.filter((r) => allowedPair(year, p, r));
  const k = Math.min(reviewsLeft(p, 0), mostWithoutOverlap(mine));
  cap += k; if (isAdvanced(p)) naive += k;
}
const teams = year.reviews.filter((r) => advancedToStaff(year, r) > 0).length;
console.log("capacity all", cap, "advanced places naive", naive, "teams", teams);
const a = peerNetwork(year, c, roster, { seats: "staff", surplusOpen: true, people: isAdvanced });
console.log("advanced rank", a.net.maxFlow(SOURCE, SINK));
{
  let t = performance.now();
  for (let i = 0; i < 3; i++) {
    const net = peerNetwork(year, c, roster, { seats: "staff", surplusOpen: true, sinksClosed: true, people: isAdvanced });
    for (const r of year.reviews) net.net.raiseCapacity(net.advancedSink[r.index]!, 1);
    net.net.maxFlow(SOURCE, SINK);
  }
  console.log("adv net build+flow ms", (performance.now() - t) / 3);
}
