/**
 * `npm run bench:cancel [-- <fixture> [engine,...]]`: how soon a solve answers an AbortSignal and
 * its time limit, and how long it goes without a progress report, for each engine. The signal is
 * aborted by a timer at several instants of a run, as a service would; the latency is from the
 * instant the abort was due to the moment the promise settled (a timer cannot fire while the
 * solver holds the thread, so this counts every synchronous stretch). Each engine runs through
 * `solve` in this thread (HiGHS in its worker-thread host, as the package's Node entry sets it up)
 * and through `solveInWorker` with its default options, which answers with the worker's last
 * incumbent when the worker cannot answer within its grace. Then each engine once more with a
 * time limit (`LIMIT_MS`), no abort: how long past the limit it came back. Silence is measured
 * from the call to the answer. Writes bench/results/cancel-<fixture>.{json,md}.
 *
 * It measures the package as built (`dist/`, `npm run build` first; `npm ci` builds), as a
 * service runs it: its worker scripts start in a fraction of the time the sources take through
 * tsx's loader.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { toEngineName, type EngineName } from "../src/solver/engines/index.js";
import type { Problem } from "../src/model/problem.js";
import { loadFixture } from "./fixtures.js";

const { checkAllocation, readYearFolder, solve, solveInWorker } = (await import(new URL("../dist/node.js", import.meta.url).href)) as typeof import("../src/node.js");
const fixture = process.argv[2] ?? "2023-24";
const engines = (process.argv[3] ?? "auto,greedy,self-selection,mip").split(",").map(toEngineName);
const INSTANTS_MS = [50, 500, 2000, 5000];
/** Every aborted run's own limit, so that an abort the solver cannot see ends there. */
const TIME_LIMIT_MS = 20_000;
/** The limit of the time-limit rows. */
const LIMIT_MS = 5_000;

interface Row {
  readonly through: "solve" | "solveInWorker";
  readonly engine: string;
  /** The abort instant, or undefined for a time-limit row. */
  readonly abortAtMs?: number;
  readonly limitMs: number;
  /** From the abort (or the limit) to the answer; 0 when it came before. */
  readonly latencyMs: number;
  readonly elapsedMs: number;
  readonly longestSilenceMs: number;
  /** Whether the run had reported an incumbent allocation when the abort came. */
  readonly incumbent: boolean;
  readonly stoppedBy: string;
  readonly valid: boolean;
}

async function once(problem: Problem, engine: EngineName, through: Row["through"], abortAtMs: number | undefined): Promise<Row> {
  const controller = new AbortController();
  const started = performance.now();
  let last = started;
  let longestSilenceMs = 0;
  let firstIncumbent: number | undefined;
  if (abortAtMs !== undefined) setTimeout(() => controller.abort(), abortAtMs);
  const limitMs = abortAtMs === undefined ? LIMIT_MS : TIME_LIMIT_MS;
  const options = {
    engine,
    seed: 1,
    timeLimitMs: limitMs,
    signal: controller.signal,
    onProgress: () => {
      const now = performance.now();
      longestSilenceMs = Math.max(longestSilenceMs, now - last);
      last = now;
    },
    onIncumbent: () => {
      firstIncumbent ??= performance.now() - started;
    },
  };
  const result = await (through === "solve" ? solve(problem, options) : solveInWorker(problem, options)).catch(() => undefined);
  const ended = performance.now();
  longestSilenceMs = Math.max(longestSilenceMs, ended - last);
  const due = started + (abortAtMs ?? limitMs);
  return {
    through,
    engine,
    ...(abortAtMs !== undefined ? { abortAtMs } : {}),
    limitMs,
    latencyMs: Math.max(0, ended - due),
    elapsedMs: ended - started,
    longestSilenceMs,
    incumbent: firstIncumbent !== undefined && abortAtMs !== undefined && firstIncumbent <= abortAtMs,
    // A worker with nothing to hand back rejects with the signal's reason.
    stoppedBy: result?.stoppedBy ?? "rejected (no incumbent yet)",
    valid: result === undefined || checkAllocation(problem, result.allocation).valid,
  };
}

const read = await loadFixture(fixture, readYearFolder);
if (!read.ok) throw new Error(`${fixture} does not read`);
await solve(read.value, { engine: "greedy", exactBound: false }); // warm-up: HiGHS and the JIT
const rows: Row[] = [];
const log = (row: Row) => {
  rows.push(row);
  const what = row.abortAtMs !== undefined ? `abort at ${row.abortAtMs} ms` : `limit ${row.limitMs} ms`;
  process.stderr.write(`cancel: ${fixture} ${row.through} ${row.engine} ${what}: latency ${row.latencyMs.toFixed(0)} ms, longest silence ${row.longestSilenceMs.toFixed(0)} ms, ${row.stoppedBy}\n`);
};
for (const through of ["solve", "solveInWorker"] as const) {
  for (const engine of engines) {
    for (const at of INSTANTS_MS) log(await once(read.value, engine, through, at));
  }
}
for (const engine of engines) log(await once(read.value, engine, "solve", undefined));

const aborts = (through: Row["through"], withIncumbent?: boolean) => rows.filter((r) => r.through === through && r.abortAtMs !== undefined && (withIncumbent === undefined || r.incumbent === withIncumbent));
const worst = (list: readonly Row[], key: "latencyMs" | "longestSilenceMs") => Math.max(0, ...list.map((r) => r[key]));
const ms = (n: number) => `${n.toFixed(0)} ms`;
const here = new URL(".", import.meta.url).pathname;
mkdirSync(`${here}results`, { recursive: true });
writeFileSync(`${here}results/cancel-${fixture}.json`, `${JSON.stringify(rows, null, 2)}\n`);
const md = [
  `# Cancellation and time limits on ${fixture}`,
  "",
  `Node ${process.version}, seed 1. Produced by \`npm run bench:cancel -- ${fixture}\` on a shared 2-core machine. Latency: from the instant the abort (or the limit) was due to the moment the promise settled. Silence: the longest stretch without a progress report, from the call to the answer. Incumbent: the run had reported an allocation before the abort.`,
  "",
  `Worst abort latency: \`solve\` ${ms(worst(aborts("solve"), "latencyMs"))}; \`solveInWorker\` ${ms(worst(aborts("solveInWorker", true), "latencyMs"))} with an incumbent (${ms(worst(aborts("solveInWorker", false), "latencyMs"))} without one, by a rejection or the worker's own answer).`,
  `Longest silence: \`solve\` ${ms(worst(rows.filter((r) => r.through === "solve"), "longestSilenceMs"))}, \`solveInWorker\` ${ms(worst(rows.filter((r) => r.through === "solveInWorker"), "longestSilenceMs"))}.`,
  `Time limit of ${LIMIT_MS / 1000} s: worst time past it ${ms(worst(rows.filter((r) => r.abortAtMs === undefined), "latencyMs"))}.`,
  "",
  "| through | engine | abort at / limit | latency | longest silence | incumbent | stopped by | valid |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.through} | ${r.engine} | ${r.abortAtMs !== undefined ? `abort at ${r.abortAtMs} ms` : `limit ${r.limitMs} ms`} | ${ms(r.latencyMs)} | ${ms(r.longestSilenceMs)} | ${r.abortAtMs !== undefined ? (r.incumbent ? "yes" : "no") : ""} | ${r.stoppedBy} | ${r.valid ? "yes" : "NO"} |`),
  "",
].join("\n");
writeFileSync(`${here}results/cancel-${fixture}.md`, md);
console.log(md);
