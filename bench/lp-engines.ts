/**
 * `npm run bench:lp`: the same neighbourhood MIPs solved by HiGHS (WebAssembly) and by
 * javascript-lp-solver, side by side, to justify the engine choice in docs/solver.md.
 */
import { Worker } from "node:worker_threads";
import { indexYear } from "../src/model/year.js";
import { findCandidates } from "../src/solver/candidates.js";
import { solveWithHighs, type LinearModel } from "../src/solver/lp.js";
import { buildScopeModel } from "../src/solver/mip-model.js";
import { createRoster } from "../src/solver/roster.js";
import { randomYear } from "../test/helpers/random-year.js";

/** The model in javascript-lp-solver's JSON form (bounds as constraints, all columns integer). */
function toJsLp(model: LinearModel) {
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  model.columns.forEach((c, j) => {
    variables[`c${j}`] = { objective: c.cost };
    if (Number.isFinite(c.upper)) {
      constraints[`ub${j}`] = { max: c.upper };
      variables[`c${j}`]![`ub${j}`] = 1;
    }
    if (c.lower > 0) {
      constraints[`lb${j}`] = { min: c.lower };
      variables[`c${j}`]![`lb${j}`] = 1;
    }
    if (c.integer) ints[`c${j}`] = 1;
  });
  model.rows.forEach((row, i) => {
    constraints[`r${i}`] = { ...(Number.isFinite(row.lower) ? { min: row.lower } : {}), ...(Number.isFinite(row.upper) ? { max: row.upper } : {}) };
    row.indices.forEach((j, k) => {
      variables[`c${j}`]![`r${i}`] = row.values[k]!;
    });
  });
  return { optimize: "objective", opType: model.sense === "maximize" ? "max" : "min", constraints, variables, ints };
}

/** Solves in a worker thread, stopped after `seconds`: javascript-lp-solver's own timeout does not stop its branch and bound. */
function solveJsLpWithin(model: unknown, seconds: number): Promise<{ feasible: boolean; result: number } | "timeout"> {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const solver = require("javascript-lp-solver");
     parentPort.postMessage(solver.Solve(workerData));`,
    { eval: true, workerData: model },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve("timeout");
    }, seconds * 1000);
    worker.once("message", (m) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m as { feasible: boolean; result: number });
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

const LIMIT_SECONDS = 60;
console.log("reviews  columns  rows   HiGHS s  objective     jsLP s   objective");
for (const reviews of (process.env.LP_SIZES ?? "8,16,32,48").split(",").map(Number)) {
  const problem = randomYear(reviews, { reviews });
  const year = indexYear(problem);
  const candidates = findCandidates(year);
  const { model } = buildScopeModel(year, candidates, createRoster(year), { reviews: year.reviews, leads: true, peers: true });
  let t = performance.now();
  const highs = await solveWithHighs(model, { timeLimitSeconds: LIMIT_SECONDS });
  const highsS = (performance.now() - t) / 1000;
  t = performance.now();
  const js = await solveJsLpWithin(toJsLp(model), LIMIT_SECONDS);
  const jsS = (performance.now() - t) / 1000;
  const jsText = js === "timeout" ? "no answer" : js.feasible ? js.result.toFixed(1) : "infeasible";
  console.log(
    `${String(reviews).padStart(7)}  ${String(model.columns.length).padStart(7)}  ${String(model.rows.length).padStart(5)}  ${highsS.toFixed(2).padStart(8)}  ${highs.objective.toFixed(1).padStart(10)} ${highs.status === "optimal" ? " " : "*"}  ${jsS.toFixed(2).padStart(8)}  ${jsText.padStart(10)}${js === "timeout" ? " *" : ""}`,
  );
}
console.log(`\n* = stopped at the ${LIMIT_SECONDS} s limit. Both solve the same model (src/solver/mip-model.ts).`);
