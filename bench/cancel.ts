/**
 * `npm run bench:cancel [-- <fixture> [engine,...]]`: how soon `solve` answers an AbortSignal, and
 * how long it goes without a progress report, for each engine. The signal is aborted by a timer
 * at several instants of a run, as a service would; the latency is from the instant the abort was
 * due to the moment `solve` resolved (a timer cannot fire while the solver holds the thread, so
 * this counts every synchronous stretch). Each engine runs through `solve` in this thread and
 * through `solveInWorker`, whose abort terminates the worker after its grace (100 ms) when the
 * worker cannot hand back its best allocation sooner. Writes bench/results/cancel-<fixture>.{json,md}.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { checkAllocation } from "../src/check.js";
import { readYearFolder } from "../src/io/files.js";
import { toEngineName, type EngineName } from "../src/solver/engines/index.js";
import { solve } from "../src/solver/index.js";
import { solveInWorker } from "../src/worker/solve-in-worker.js";
import type { Problem } from "../src/model/problem.js";
import { loadFixture } from "./fixtures.js";

const fixture = process.argv[2] ?? "2023-24";
const engines = (process.argv[3] ?? "auto,greedy,self-selection,mip").split(",").map(toEngineName);
const INSTANTS_MS = [50, 500, 2000, 5000];
/** Every run's own limit, so that an abort the solver cannot see ends there. */
const TIME_LIMIT_MS = 20_000;

interface Row {
  readonly through: "solve" | "solveInWorker";
  readonly engine: string;
  readonly abortAtMs: number;
  readonly latencyMs: number;
  readonly longestSilenceMs: number;
  readonly stoppedBy: string;
  readonly valid: boolean;
}

async function once(problem: Problem, engine: EngineName, abortAtMs: number, through: Row["through"]): Promise<Row> {
  const controller = new AbortController();
  let last = performance.now();
  let longestSilenceMs = 0;
  const started = performance.now();
  setTimeout(() => controller.abort(), abortAtMs);
  const options = {
    engine,
    seed: 1,
    timeLimitMs: TIME_LIMIT_MS,
    signal: controller.signal,
    onProgress: () => {
      const now = performance.now();
      longestSilenceMs = Math.max(longestSilenceMs, now - last);
      last = now;
    },
  };
  const result = await (through === "solve" ? solve(problem, options) : solveInWorker(problem, options)).catch(() => undefined);
  const ended = performance.now();
  longestSilenceMs = Math.max(longestSilenceMs, ended - last);
  return {
    through,
    engine,
    abortAtMs,
    latencyMs: Math.max(0, ended - (started + abortAtMs)),
    longestSilenceMs,
    // A worker terminated after its grace hands back nothing: the promise rejected with the signal's reason.
    stoppedBy: result?.stoppedBy ?? "rejected (terminated)",
    valid: result === undefined || checkAllocation(problem, result.allocation).valid,
  };
}

const read = await loadFixture(fixture, readYearFolder);
if (!read.ok) throw new Error(`${fixture} does not read`);
await solve(read.value, { engine: "greedy", exactBound: false }); // warm-up: HiGHS and the JIT
const rows: Row[] = [];
for (const through of ["solve", "solveInWorker"] as const) {
  for (const engine of engines) {
    for (const at of INSTANTS_MS) {
      const row = await once(read.value, engine, at, through);
      rows.push(row);
      process.stderr.write(`cancel: ${fixture} ${through} ${engine} abort at ${at} ms: latency ${row.latencyMs.toFixed(0)} ms, longest silence ${row.longestSilenceMs.toFixed(0)} ms, ${row.stoppedBy}\n`);
    }
  }
}
const worst = (through: Row["through"]) => Math.max(...rows.filter((r) => r.through === through).map((r) => r.latencyMs));
const here = new URL(".", import.meta.url).pathname;
mkdirSync(`${here}results`, { recursive: true });
writeFileSync(`${here}results/cancel-${fixture}.json`, `${JSON.stringify(rows, null, 2)}\n`);
const md = [
  `# Cancellation on ${fixture}`,
  "",
  `Node ${process.version}, seed 1. Produced by \`npm run bench:cancel -- ${fixture}\`. Latency: from the instant the abort was due to the moment \`solve\` resolved. Silence: the longest stretch without a progress report.`,
  "",
  `Worst latency: \`solve\` ${worst("solve").toFixed(0)} ms, \`solveInWorker\` ${worst("solveInWorker").toFixed(0)} ms.`,
  "",
  "| through | engine | abort at | latency | longest silence | stopped by | valid |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.through} | ${r.engine} | ${r.abortAtMs} ms | ${r.latencyMs.toFixed(0)} ms | ${r.longestSilenceMs.toFixed(0)} ms | ${r.stoppedBy} | ${r.valid ? "yes" : "NO"} |`),
  "",
].join("\n");
writeFileSync(`${here}results/cancel-${fixture}.md`, md);
console.log(md);
