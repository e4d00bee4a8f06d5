/**
 * `npx tsx bench/goal-flow.ts [fixture]`: the goals pass's problem (every team's staffing held, the
 * whole year, the policy's goals) solved twice in one run, by HiGHS's LP and by the network
 * simplex on the goal network: the measured reason the goals pass has a network simplex of its
 * own (docs/solver.md). Prints one JSON line.
 */
import { readYearFolder } from "../src/io/files.js";
import { loadFixture } from "./fixtures.js";
import { solve } from "../src/solver/index.js";
import { findCandidates, CANDIDATE_LIMITS } from "../src/solver/candidates.js";
import { createRoster } from "../src/solver/roster.js";
import { buildScopeModel } from "../src/solver/mip-model.js";
import { solveWithHighs } from "../src/solver/lp.js";
import { goalNetwork } from "../src/solver/goal-network.js";
const [name = "2018-19"] = process.argv.slice(2);
const read = await loadFixture(name, readYearFolder);
if (!read.ok) throw new Error(`${name} does not read`);
const problem = read.value;
const r = await solve(problem, { seed: 1, exactBound: false });
const year = r.year;
const cands = findCandidates(year, CANDIDATE_LIMITS);
const staffing = new Map(year.reviews.map((rv) => [rv.id, r.allocation.assignments.some((a) => a.reviewId === rv.id && a.role === "peer")]));
let t = performance.now();
const { model } = buildScopeModel(year, cands, createRoster(year), { reviews: year.reviews, leads: true, peers: true, objective: "policy", staffing });
const lp = await solveWithHighs(model, { relax: true });
const lpS = (performance.now() - t) / 1000;
const w = year.policy.weights;
t = performance.now();
const g = goalNetwork(year, cands, createRoster(year), { costs: { pair: (c) => Math.round(c.cost * 100), reciprocity: Math.round(w.reciprocity * 100), sameSchool: Math.round(w.variety * 100) }, seats: { mode: "held", staffing } });
g.net.solve();
const nsS = (performance.now() - t) / 1000;
console.log(JSON.stringify({ name, columns: model.columns.length, rows: model.rows.length, highsLpSeconds: +lpS.toFixed(2), lpStatus: lp.status, arcs: g.net.arcCount, networkSimplexSeconds: +nsS.toFixed(2), ratio: +(lpS / nsS).toFixed(1) }));
