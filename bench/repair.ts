/**
 * `npm run bench:repair`: re-planning after a dropout, on each fixture named (default: the
 * scarce `short` and the roomy `2023-24`).
 *
 *   npm run bench:repair -- [fixture ...] [--count 100] [--oracle N] [--oracle-seconds 120]
 *
 * A year is solved in full (after one untimed warm-up solve, so that neither side pays for
 * loading HiGHS), then each of `count` seeded random allocated people (peer or Lead Reviewer,
 * distinct) withdraws and the published allocation is repaired. For each repair: validity (the
 * checker), changed rows (symmetric difference of (review, role, person) rows, the withdrawal's
 * own rows included), seats, the options, wall and CPU time. For the first `oracle` withdrawals
 * (default: all on years up to 200 reviews, 30 above) the exact trade-off is computed apart
 * from the engine (test/helpers/repair-oracle.ts: whole-year MIPs, no start, no shortcuts; on
 * larger years down to the repair's seats only): rows above the exact minimum for the seats the
 * repair reached, seats below the exact best and below the exact curve at the same rows, and
 * (small years) whether the options equal the exact curve. Writes
 * bench/results/repair-<fixture>.md and .json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import seedrandom from "seedrandom";
import { checkAllocation } from "../src/check.js";
import { readYearFolder } from "../src/io/files.js";
import { repair } from "../src/repair.js";
import { solve } from "../src/solver/index.js";
import { oracleTradeOff, repairOracle } from "../test/helpers/repair-oracle.js";
import { loadFixture } from "./fixtures.js";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const fixtures = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
const count = Number(option("--count") ?? 100);
const oracleSeconds = Number(option("--oracle-seconds") ?? 120);

/** Wall and CPU seconds of one call (HiGHS runs in this thread, so CPU time counts it). */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
}

interface Case {
  person: string;
  role: string;
  valid: boolean;
  changes: number;
  seats: number;
  options: string;
  proven: boolean;
  wall: number;
  cpu: number;
  /** From the oracle, when computed: the exact curve, and how the repair stands against it. */
  exact?: string;
  rowsAboveExact?: number;
  seatsBelowBest?: number;
  seatsBelowCurve?: number;
  optionsExact?: boolean;
}

const quantile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const curveText = (points: readonly { changes: number; seats: number }[]) => points.map((p) => `${p.seats}@${p.changes}`).join(" ");

async function benchFixture(fixture: string): Promise<void> {
  const loaded = await loadFixture(fixture, readYearFolder);
  if (!loaded.ok) throw new Error(`cannot read ${fixture}`);
  const problem = loaded.value;
  await solve(problem, { seed: 1 });
  const full = await timed(() => solve(problem, { seed: 1 }));
  const published = full.value.allocation;
  const random = seedrandom(`repair-bench/${fixture}`);
  const people = [...new Map(published.assignments.map((a) => [a.personId, a.role])).entries()];
  const oracleCount = Number(option("--oracle") ?? (problem.reviews.length <= 200 ? count : 30));
  const cases: Case[] = [];
  for (let i = 0; i < Math.min(count, people.length); i += 1) {
    const [person, role] = people.splice(Math.floor(random() * people.length), 1)[0]!;
    const changes = [{ change: "withdraw" as const, id: person }];
    const run = await timed(() => repair(problem, published, changes, { seed: 1 }));
    const outcome = run.value;
    if (!outcome.ok) throw new Error(`repair refused the withdrawal of ${person}`);
    const row: Case = {
      person,
      role,
      valid: checkAllocation(outcome.problem, outcome.result.allocation).valid,
      changes: outcome.changes,
      seats: outcome.result.check.metrics.filled.total,
      options: curveText(outcome.options),
      proven: outcome.options.every((o) => o.proven),
      wall: run.wall,
      cpu: run.cpu,
    };
    // The withdrawal sticks (issue 24): the oracle, which reads no allocation state, sees the
    // person forbidden on every review (a withdrawal from the whole year, no freeze date).
    const withdrawn = { ...outcome.problem, pins: [...outcome.problem.pins, ...outcome.problem.reviews.map((r) => ({ kind: "forbid" as const, reviewId: r.id, role, personId: person }))] };
    if (i < oracleCount) Object.assign(row, await against(withdrawn, published, row, outcome.options, problem.reviews.length <= 200));
    cases.push(row);
    console.log(`${fixture} ${i + 1}/${count} ${person}: ${row.changes} rows, ${row.seats} seats, ${row.wall.toFixed(2)} s; options ${row.options}${row.exact !== undefined ? `; exact ${row.exact}` : ""}`);
  }
  write(fixture, problem.reviews.length, full, cases);
}

/**
 * The repair against the oracle's exact curve: all of it (`whole`), or on larger years only
 * down to the seats the repair reached, which is all the comparison needs (the whole curve of a
 * Lead Reviewer's withdrawal there is a dozen national MIPs).
 */
async function against(problem: Parameters<typeof repairOracle>[0], published: Parameters<typeof repairOracle>[1], row: Case, options: readonly { changes: number; seats: number }[], whole: boolean): Promise<Partial<Case>> {
  const curve = await oracleTradeOff(repairOracle(problem, published, oracleSeconds), "budget", whole ? 0 : row.seats);
  if (!curve) return {};
  const best = curve.at(-1)!;
  const fewestFor = Math.min(...curve.filter((p) => p.seats >= row.seats).map((p) => p.changes));
  const withinRows = Math.max(...curve.filter((p) => p.changes <= row.changes).map((p) => p.seats));
  return {
    exact: curveText(curve),
    rowsAboveExact: row.changes - fewestFor,
    seatsBelowBest: best.seats - row.seats,
    seatsBelowCurve: withinRows - row.seats,
    ...(whole ? { optionsExact: curveText(curve) === curveText(options) } : {}),
  };
}

function write(fixture: string, reviews: number, full: { value: { check: { metrics: { filled: { total: number }; seats: { total: number } } } }; wall: number; cpu: number }, cases: readonly Case[]): void {
  const rows = cases.map((c) => c.changes);
  const histogram = new Map<number, number>();
  for (const r of rows) histogram.set(r, (histogram.get(r) ?? 0) + 1);
  const compared = cases.filter((c) => c.rowsAboveExact !== undefined);
  const wall = cases.map((c) => c.wall);
  const cpu = cases.map((c) => c.cpu);
  const lines = [
    `fixture ${fixture} (${reviews} reviews): full solve ${full.wall.toFixed(2)} s wall, ${full.cpu.toFixed(2)} s CPU, ${full.value.check.metrics.filled.total}/${full.value.check.metrics.seats.total} seats`,
    `${cases.length} withdrawals (seeded, distinct allocated people: ${cases.filter((c) => c.role === "peer").length} peer reviewers, ${cases.filter((c) => c.role === "lead").length} Lead Reviewers); invalid repairs: ${cases.filter((c) => !c.valid).length}`,
    `changed rows: min ${quantile(rows, 0)}, median ${quantile(rows, 0.5)}, p90 ${quantile(rows, 0.9)}, max ${quantile(rows, 1)}, mean ${mean(rows).toFixed(2)}`,
    `histogram (rows: repairs): ${[...histogram].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}: ${v}`).join(", ")}`,
    `options proven (the exact trade-off by the engine's own proof): ${cases.filter((c) => c.proven).length}/${cases.length}`,
    compared.length === 0
      ? "exact trade-off: not computed"
      : `against the exact trade-off (${compared.length} withdrawals, oracle: whole-year MIPs): rows above the exact minimum for the seats reached: ${histogramOf(compared.map((c) => c.rowsAboveExact!))}; seats below the exact best: ${histogramOf(compared.map((c) => c.seatsBelowBest!))}; seats below the exact curve at the same rows: ${histogramOf(compared.map((c) => c.seatsBelowCurve!))}; options equal to the exact curve: ${compared.some((c) => c.optionsExact !== undefined) ? `${compared.filter((c) => c.optionsExact).length}/${compared.length}` : "not compared (the exact curve is computed down to the repair's seats only)"}`,
    `repair time: wall mean ${mean(wall).toFixed(2)} s, median ${quantile(wall, 0.5).toFixed(2)} s, p90 ${quantile(wall, 0.9).toFixed(2)} s, max ${quantile(wall, 1).toFixed(2)} s; CPU mean ${mean(cpu).toFixed(2)} s, max ${quantile(cpu, 1).toFixed(2)} s`,
    `time ratio (full solve / repair): wall ${(full.wall / mean(wall)).toFixed(1)}x on the mean, CPU ${(full.cpu / mean(cpu)).toFixed(1)}x on the mean, ${(full.cpu / quantile(cpu, 1)).toFixed(1)}x on the slowest repair; repairs slower than the full solve (CPU): ${cpu.filter((c) => c > full.cpu).length}`,
  ];
  for (const line of lines) console.log(line);
  const results = new URL("./results/", import.meta.url).pathname;
  mkdirSync(results, { recursive: true });
  const command = `npm run bench:repair -- ${fixture} --count ${count}`;
  writeFileSync(
    `${results}repair-${fixture}.md`,
    `# Repair after a withdrawal (\`${command}\`)\n\n${lines.map((l) => `- ${l}`).join("\n")}\n\nChanged rows are the symmetric difference of the published and the repaired (review, role, person) rows: a move is 2 rows, the withdrawn person's own rows count as removed. Options are written \`seats@rows\`, fewest rows first. Times are measured in one process after an untimed warm-up solve; CPU time includes HiGHS (same thread). The machine is shared, so wall times vary; the CPU ratio is the steadier figure.\n`,
  );
  writeFileSync(`${results}repair-${fixture}.json`, `${JSON.stringify({ fixture, reviews, command, full: { wall: full.wall, cpu: full.cpu }, cases }, null, 2)}\n`);
}

function histogramOf(values: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}: ${v}`).join(", ");
}

for (const fixture of fixtures.length > 0 ? fixtures : ["short", "2023-24"]) await benchFixture(fixture);
